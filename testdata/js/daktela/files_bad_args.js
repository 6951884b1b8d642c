// @caps file
// Wrong arguments of the file calls are TypeErrors naming the call and the value,
// thrown before anything is sent.
const client = daktela.client();
const attempts = [
  () => client.downloadRecording(42, "x.wav"),
  () => client.downloadRecording({ title: "no name" }, "x.wav"),
  () => client.downloadRecording({ id_call: "1.2", activities: [] }, "x.wav"),
  () => client.downloadRecording("activities_1", "x.wav", { skipExisting: "yes" }),
  () => client.downloadRecording("activities_1", "x.wav", { mapper: "activitiesEmail" }),
  () => client.downloadFile("70001", "x.pdf"),
  () => client.downloadFile({ title: "no id" }, "x.pdf"),
  () => client.downloadFile({ file: 70001 }, "x.pdf"),
  () => client.downloadFile({ mapper: "activities/../Email", name: 1 }, "x.pdf"),
  () => client.downloadRecordingAsync("activities_1"),
  () => client.removeUploadedFile(""),
];
for (const f of attempts) {
  try {
    f();
    console.log("no error");
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
