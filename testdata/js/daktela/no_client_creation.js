// Without the newclients capability a script keeps to daktela.client().
for (const make of [
	() => new daktela.Client("https://example.daktela.com", "t"),
	() => daktela.Client.getInstance("https://example.daktela.com", "t"),
	() => daktela.login("https://example.daktela.com", "admin", "pw"),
]) {
	try { make(); } catch (e) { console.log(e.name + ": " + e.message); }
}
console.log(daktela.client() === daktela.client(), daktela.client() === require("daktela").client());
