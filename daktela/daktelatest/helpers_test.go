package daktelatest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// call sends one request and returns the status, headers and body.
func call(t testing.TB, method, url, body string, hdr map[string]string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, url, err)
	}
	return resp.StatusCode, resp.Header, b
}

// env is a decoded envelope.
type env struct {
	Error      json.RawMessage `json:"error"`
	Result     json.RawMessage `json:"result"`
	Time       string          `json:"_time"`
	ServerTime string          `json:"_serverTime"`
	Timezone   string          `json:"_timezone"`
}

type listResult struct {
	Data  []map[string]any `json:"data"`
	Total int              `json:"total"`
}

func decodeEnv(t testing.TB, b []byte) env {
	t.Helper()
	var e env
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, b)
	}
	return e
}

// api calls srv with the admin token in the header.
func api(t testing.TB, srv *Server, method, path, body string) (int, env) {
	t.Helper()
	hdr := map[string]string{"X-AUTH-TOKEN": srv.Token}
	if body != "" {
		hdr["Content-Type"] = "application/json"
	}
	st, _, b := call(t, method, srv.URL+"/api/v6/"+path, body, hdr)
	if st == 204 {
		if len(b) != 0 {
			t.Fatalf("204 with a body: %s", b)
		}
		return st, env{}
	}
	return st, decodeEnv(t, b)
}

// list reads a list and fails unless it is 200.
func list(t testing.TB, srv *Server, path string) listResult {
	t.Helper()
	st, e := api(t, srv, "GET", path, "")
	if st != 200 {
		t.Fatalf("GET %s: status %d: %s", path, st, e.Error)
	}
	var lr listResult
	if err := json.Unmarshal(e.Result, &lr); err != nil {
		t.Fatalf("GET %s: result is not a list: %v: %s", path, err, e.Result)
	}
	return lr
}

func recordOf(t testing.TB, e env) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(e.Result, &m); err != nil {
		t.Fatalf("result is not a record: %v: %s", err, e.Result)
	}
	return m
}

func names(lr listResult) []string {
	var out []string
	for _, r := range lr.Data {
		out = append(out, nameKey(normalizeNum(r["name"])))
	}
	return out
}

func normalizeNum(v any) any {
	if f, ok := v.(float64); ok && f == float64(int64(f)) {
		return int64(f)
	}
	return v
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
