// README "Authentication Methods": the two constants and switching between them.
const client = daktela.client();
const comm = client.getApiCommunicator();
console.log(daktela.ApiCommunicator.AUTHENTICATION_METHOD_HEADER, daktela.ApiCommunicator.AUTHENTICATION_METHOD_QUERY);
comm.setAuthenticationMethod(daktela.ApiCommunicator.AUTHENTICATION_METHOD_QUERY);
console.log(comm.getAuthenticationMethod(), client.ping()); // the log never shows the token
comm.setAuthenticationMethod(daktela.ApiCommunicator.AUTHENTICATION_METHOD_HEADER);
console.log(comm.getAuthenticationMethod(), client.ping());
