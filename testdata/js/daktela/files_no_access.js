// The client's file calls need file access: a host that does not grant it gets a
// TypeError at the script's line, and nothing is sent.
const client = daktela.client();
try {
  client.downloadRecording("activities_1", "call.wav");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
client.uploadFile("report.pdf");
