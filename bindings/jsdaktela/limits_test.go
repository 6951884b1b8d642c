package jsdaktela

import (
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
)

// TestLimits: executeAll's concurrency is bounded as iterate's and setConcurrency's
// are (100000 requests at once exhausted file descriptors), and the answer size limit
// is readable and settable from JS, with its default.
func TestLimits(t *testing.T) {
	runCases(t, withClient, []scriptCase{
		{name: "executeAll concurrency", src: "\ndaktela.client().executeAll([daktela.buildReadRequest(\"Users\")], {concurrency: 100000});",
			wantErr: `TypeError: executeAll: options.concurrency must be an integer from 1 to 64, got 100000 at test.js:2`},
		{name: "max response bytes", src: `
const comm = daktela.client().getApiCommunicator();
print(comm.getMaxResponseBytes() === daktela.ApiCommunicator.DEFAULT_MAX_RESPONSE_BYTES, comm.getMaxResponseBytes() / 1024 / 1024);
try { daktela.client().execute(daktela.buildReadRequest("Users").setTake(100)); print("64 MiB: ok"); } catch (e) { print(e.message); }
try { comm.setMaxResponseBytes(100).getMaxResponseBytes(); daktela.client().execute(daktela.buildReadRequest("Users").setTake(100)); } catch (e) { print(e instanceof daktela.RequestException, e.code, e.message.includes("larger than the client's response size limit (100 bytes)")); }
print(comm.setMaxResponseBytes(0).getMaxResponseBytes());
comm.setMaxResponseBytes(-1);`,
			want:    "true 64\n64 MiB: ok\ntrue 200 true\n0\n",
			wantErr: `TypeError: setMaxResponseBytes: bytes must be 0 (no limit) or a number of bytes, got -1 at test.js:7`},
	})
}

// TestLockedMaxResponseBytes: a client its host locked refuses a script's change of the
// answer size limit (lifting it is a loosening), and accepts the value in force.
func TestLockedMaxResponseBytes(t *testing.T) {
	api := newFakeAPI(t, 10)
	c := newTestClient(api)
	c.ApiCommunicator().Lock()
	h := newTestHost(t, Config{Client: c})
	_, err := h.Eval(`
const comm = daktela.client().getApiCommunicator();
comm.setMaxResponseBytes(comm.getMaxResponseBytes());
print("same value ok");
comm.setMaxResponseBytes(0);`)
	if err == nil || !strings.Contains(scriptError(err), "setMaxResponseBytes: the program running this script has locked this client's settings") ||
		!strings.Contains(scriptError(err), "got 0") || h.Output.String() != "same value ok\n" {
		t.Fatalf("error %v; output %q", err, h.Output.String())
	}
	if n := c.ApiCommunicator().MaxResponseBytes(); n != daktela.DefaultMaxResponseBytes {
		t.Errorf("the limit became %d", n)
	}
}
