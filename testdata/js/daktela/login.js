// @caps env,newclients
// daktela.login(url, username, password) gives a client that works like any other.
const client = daktela.login(daktela.client().getBaseUrl(), "admin", "demo");
console.log(client instanceof daktela.Client, client === daktela.client());
console.log(client.execute(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin")).getTotal());
try {
	daktela.login(daktela.client().getBaseUrl(), "admin", "wrong password");
} catch (e) {
	console.log(e.name, e.code);
}
