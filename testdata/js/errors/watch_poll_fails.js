// A watch whose poll fails ends the for await loop with the error, reported at the
// loop's line (for await is lowered by esbuild; positions are the script's).
const client = daktela.client();
for await (const ticket of client.watch(daktela.buildReadRequest("NoSuchModels"), { every: "1s", field: "edited" })) {
  console.log(ticket.name);
}
