package jsdaktela

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/dkscript/dkscript/daktela"
)

// setUserAgentSuffix(null) clears the suffix, as PHP's ?string does: the header the
// server gets is "dkscript/<version>" again.
func TestUserAgentSuffixNullClears(t *testing.T) {
	var mu sync.Mutex
	var agents []string
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.Header.Get("User-Agent"))
		mu.Unlock()
		io.WriteString(w, `{"error":[],"result":{"data":[],"total":0}}`)
	}))
	defer s.Close()
	h := newTestHost(t, Config{Client: daktela.NewClient(s.URL, testToken)})
	_, err := h.Eval(`
const c = daktela.client(), comm = c.getApiCommunicator(), read = () => c.execute(daktela.buildReadRequest("Users"));
comm.setUserAgentSuffix("MyApp/1.0"); read(); print(comm.getUserAgent().endsWith(" MyApp/1.0"));
comm.setUserAgentSuffix(null); read(); print(comm.getUserAgent().startsWith("dkscript/"), comm.getUserAgent().includes(" "));
comm.setUserAgentSuffix("B"); comm.setUserAgentSuffix(""); read();
comm.setUserAgentSuffix("C"); comm.setUserAgentSuffix(undefined); read();
try { comm.setUserAgentSuffix(); } catch (e) { print(e.message); }
try { comm.setUserAgentSuffix(5); } catch (e) { print(e.message); }`)
	if err != nil {
		t.Fatal(err)
	}
	want := "true\ntrue false\nsetUserAgentSuffix: missing argument suffix (a string, or null to clear it)\n" +
		"setUserAgentSuffix: suffix must be a string, got 5\n"
	if got := h.Output.String(); got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(agents) != 4 || !strings.HasSuffix(agents[0], " MyApp/1.0") {
		t.Fatalf("agents %q", agents)
	}
	for _, ua := range agents[1:] {
		if ua != agents[1] || strings.Contains(ua, " ") || !strings.HasPrefix(ua, "dkscript/") {
			t.Errorf("agents after clearing: %q", agents[1:])
		}
	}
}

// setRequestTimeout names both bounds when a value is out of range: 1e9 seconds is
// refused for being above a year, not for being "above 0".
func TestRequestTimeoutBounds(t *testing.T) {
	const want = "setRequestTimeout: seconds must be a number of seconds above 0 and at most 31536000 (a year), got "
	runCases(t, withClient, []scriptCase{
		{name: "too long", src: "daktela.client().getApiCommunicator().setRequestTimeout(1e9);", wantErr: want + "1000000000"},
		{name: "zero", src: "daktela.client().getApiCommunicator().setRequestTimeout(0);", wantErr: want + "0"},
		{name: "a year", src: "print(daktela.client().getApiCommunicator().setRequestTimeout(31536000).getRequestTimeout());", want: "31536000\n"},
	})
}
