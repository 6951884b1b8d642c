// @caps env,newclients
// README "1. Using instance of the connector": new Client(url, token), then a read.
const instance = daktela.client().getBaseUrl(); // the fake server's URL
const accessToken = "demo-token-0123456789abcdef";

const client = new daktela.Client(instance, accessToken);
const request = daktela.RequestFactory.buildReadRequest("Users")
	.addFilter("name", "eq", "admin");
const response = client.execute(request);
console.log(response.getTotal(), response.getData().map(u => u.name));
console.log(client instanceof daktela.Client, "token" in client, JSON.stringify(client));
