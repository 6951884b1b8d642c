// README: OR logic with {logic, filters}.
const client = daktela.client();
const request = daktela.RequestFactory.buildReadRequest("Users")
	.addFilterFromArray({
		logic: "or",
		filters: [
			{field: "name", operator: "eq", value: "admin"},
			{field: "name", operator: "eq", value: "supervisor"},
		],
	});
const response = client.execute(request);
console.log(response.getTotal(), response.getData().map(u => u.name).sort());
