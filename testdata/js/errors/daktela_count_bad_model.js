// count() of a read of a model that does not exist: reported at this script's call.
const client = daktela.client();
const total = client.iterate(daktela.buildReadRequest("NoSuchModel")).count();
console.log("not reached", total);
