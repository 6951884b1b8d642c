// @caps env,newclients
// README "2. Using static access methods": Client.getInstance gives one client per URL
// and token.
const instance = daktela.client().getBaseUrl();
const accessToken = "demo-token-0123456789abcdef";

const client = daktela.Client.getInstance(instance, accessToken);
console.log(client === daktela.Client.getInstance(instance, accessToken));
const request = daktela.RequestFactory.buildReadRequest("Users")
	.addFilter("name", "eq", "admin");
const response = client.execute(request);
console.log(response.getData()[0].title);
