// ApiCommunicator.setLanguage sends Accept-Language; Response.getTime/getTimezone give
// the answer's _time and _timezone.
const comm = daktela.client().getApiCommunicator();
console.log(comm.getLanguage());
comm.setLanguage("cs");
console.log(comm.getLanguage());
const resp = daktela.client().execute(daktela.RequestFactory.buildReadRequest("Users").setTake(1));
console.log(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(resp.getTime()), resp.getTimezone());
comm.setLanguage(null);
console.log(comm.getLanguage());
try {
	comm.setLanguage("cs\r\nX-Evil: 1");
} catch (e) {
	console.log(e.name + ": " + e.message);
}
