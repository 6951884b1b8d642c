package runtime_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// A host that locks its client keeps its limits: a script given no capabilities cannot
// loosen them through getApiCommunicator(), and another runtime sharing the client
// still runs under the host's settings. Setting the value in force, and reading, work.
func TestLockedClientSharedByTwoRuntimes(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	client := daktela.NewClient(srv.URL, srv.Token)
	comm := client.ApiCommunicator()
	comm.SetRequestTimeout(5 * time.Second)
	comm.SetRateCap(50)
	comm.SetConcurrency(2)
	comm.SetUserAgentSuffix("host/1.0")
	rc := daktela.DefaultRetryConfig()
	rc.MaxRetries = 1
	comm.SetRetryConfig(rc)
	comm.Lock()

	newRuntime := func(out *strings.Builder) *runtime.Runtime {
		rt, err := runtime.New(runtime.Options{Client: client, Stdout: out, Stderr: out})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(rt.Close)
		return rt
	}
	var out1, out2 strings.Builder
	rt1, rt2 := newRuntime(&out1), newRuntime(&out2)
	err := rt1.RunString(context.Background(), "loosen.js", `
const comm = daktela.client().getApiCommunicator();
const tries = {
  verifySsl: () => comm.setVerifySsl(false),
  timeout: () => comm.setRequestTimeout(3600),
  authentication: () => comm.setAuthenticationMethod(daktela.ApiCommunicator.AUTHENTICATION_METHOD_QUERY),
  retries: () => comm.setRetryConfig(new daktela.RetryConfig({maxRetries: 100})),
  rateLimit: () => comm.setRateLimitConfig(new daktela.RateLimitConfig({maxWaitSeconds: 3600})),
  rateCap: () => comm.setRateCap(0),
  concurrency: () => comm.setConcurrency(64),
  userAgent: () => comm.setUserAgentSuffix(null),
  logger: () => comm.setLogger(() => {}),
};
for (const [name, f] of Object.entries(tries)) {
  try { f(); console.log(name, "changed"); } catch (e) { console.log(name, e.name, e.message); }
}
// The values in force may be set again, and read.
comm.setVerifySsl(true).setRequestTimeout(5).setConcurrency(2).setRateCap(50).setUserAgentSuffix("host/1.0").setLogger(null);
console.log(comm.getRequestTimeout(), comm.getRetryConfig().maxRetries, comm.getUserAgent().endsWith(" host/1.0"));
`)
	if err != nil {
		t.Fatalf("run 1: %v\n%s", err, out1.String())
	}
	lines := strings.Split(strings.TrimSpace(out1.String()), "\n")
	if len(lines) != 10 {
		t.Fatalf("output:\n%s", out1.String())
	}
	for _, l := range lines[:9] {
		if !strings.Contains(l, " TypeError ") || !strings.Contains(l, "the program running this script has locked this client's settings") {
			t.Errorf("not refused: %s", l)
		}
	}
	for _, want := range []string{"verifySsl TypeError setVerifySsl: ", "got false", "got 3600", `got "query"`, "got 0", "got 64", "got null", "got a function"} {
		if !strings.Contains(out1.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out1.String())
		}
	}
	if lines[9] != "5 1 true" {
		t.Errorf("settings read back: %q", lines[9])
	}
	// The second runtime, and the host, see the host's settings.
	if err := rt2.RunString(context.Background(), "read.js", `
const comm = daktela.client().getApiCommunicator();
console.log(comm.getRequestTimeout(), comm.getRetryConfig().maxRetries, comm.getAuthenticationMethod(), daktela.client().execute(daktela.buildReadRequest("Users").setTake(1)).getHttpStatus());
`); err != nil {
		t.Fatalf("run 2: %v\n%s", err, out2.String())
	}
	if got := out2.String(); got != "5 1 header 200\n" {
		t.Errorf("second runtime: %q", got)
	}
	if !comm.VerifySsl() || comm.RequestTimeout() != 5*time.Second || comm.RateCap() != 50 || comm.Concurrency() != 2 ||
		comm.RetryConfig().MaxRetries != 1 || comm.AuthenticationMethod() != daktela.AuthHeader ||
		comm.UserAgentSuffix() != "host/1.0" || comm.Logger() != nil || comm.RateLimitConfig() != daktela.DefaultRateLimitConfig() {
		t.Errorf("the host's settings changed")
	}
}

// An unlocked client (the CLI's) keeps today's behaviour: a script configures it as the
// PHP README does.
func TestUnlockedClientScriptConfigures(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	client := daktela.NewClient(srv.URL, srv.Token)
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{Client: client, Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	if err := rt.RunString(context.Background(), "php.js", `
daktela.client().getApiCommunicator().setRequestTimeout(30).setVerifySsl(false).setConcurrency(4)`); err != nil {
		t.Fatal(err)
	}
	comm := client.ApiCommunicator()
	if comm.Locked() || comm.VerifySsl() || comm.RequestTimeout() != 30*time.Second || comm.Concurrency() != 4 {
		t.Errorf("settings not changed: locked %v verify %v timeout %v concurrency %d", comm.Locked(), comm.VerifySsl(), comm.RequestTimeout(), comm.Concurrency())
	}
}
