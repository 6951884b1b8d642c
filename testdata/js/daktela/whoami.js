// client.whoami: the token's user, with the token it echoes replaced, in both auth modes.
const client = daktela.client();
for (const method of ["header", "query"]) {
	client.getApiCommunicator().setAuthenticationMethod(method);
	const who = client.whoami().getData();
	console.log(method, who.user.name, who.user._sys.accessToken, typeof who.version);
	console.log(JSON.stringify(who).includes("REDACTED"));
}
