// README "HTTP Request Timeout": seconds as a float, as PHP.
const client = daktela.client();
client.getApiCommunicator().setRequestTimeout(30.0);
console.log(client.getApiCommunicator().getRequestTimeout());
client.getApiCommunicator().setRequestTimeout(2.5);
console.log(client.getApiCommunicator().getRequestTimeout());
