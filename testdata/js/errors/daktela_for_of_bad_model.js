// for...of over a read of a model that does not exist: the 404 is reported at the
// loop's line of this script, not inside the daktela module's own iterator code.
const client = daktela.client();
let n = 0;
for (const rec of client.iterate(daktela.buildReadRequest("NoSuchModel"))) {
	n++;
}
console.log("not reached", n);
