// An answer larger than the communicator's limit fails its request (not retried);
// 0 lifts the limit. The default is DEFAULT_MAX_RESPONSE_BYTES (64 MiB).
const comm = daktela.client().getApiCommunicator();
console.log(comm.getMaxResponseBytes() === daktela.ApiCommunicator.DEFAULT_MAX_RESPONSE_BYTES, comm.getMaxResponseBytes());
comm.setMaxResponseBytes(2000);
try {
  daktela.client().execute(daktela.buildReadRequest("Users"));
} catch (e) {
  console.log(e instanceof daktela.RequestException, e.code, e.message);
}
comm.setMaxResponseBytes(0);
console.log(comm.getMaxResponseBytes(), daktela.client().execute(daktela.buildReadRequest("Users").setTake(2)).getData().length);
