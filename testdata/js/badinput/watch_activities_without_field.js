// Activities have no edited: a watch must name its timestamp.
for await (const a of daktela.client().watch(daktela.buildReadRequest("Activities"))) {
  console.log(a.name);
}
