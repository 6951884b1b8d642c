// README: setFields limits the fields of each record.
const client = daktela.client();
const request = daktela.RequestFactory.buildReadRequest("Users")
	.setFields(["name", "email", "title"]);
const response = client.execute(request);
console.log(Object.keys(response.getData()[0]));
console.log(request.getFields());
