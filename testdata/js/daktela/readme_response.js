// README "Processing response": the getters and the same values as properties.
const client = daktela.client();
const response = client.execute(daktela.buildReadRequest("Users").setTake(2));
const data = response.getData();
const total = response.getTotal();
const errors = response.getErrors();
const httpStatus = response.getHttpStatus();
console.log(data.length, total, errors, httpStatus);
console.log(response.data === data, response.total === total, response.httpStatus, response.dryRun);
console.log(Object.keys(response));
