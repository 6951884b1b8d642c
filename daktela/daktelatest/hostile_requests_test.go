package daktelatest

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// deepFilter is a filter group nested depth levels deep, as query keys.
func deepFilter(depth int) string {
	return "filter" + strings.Repeat("[filters][0]", depth) + "[field]=name&filter" +
		strings.Repeat("[filters][0]", depth) + "[value]=admin"
}

// TestDeepFiltersAreRefused: a filter nested deeper than PHP's input nesting limit is
// a 400 naming the limit, in a query and in a form body, and costs little memory however
// deep it is; a filter of ordinary depth still works.
func TestDeepFiltersAreRefused(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	if lr := list(t, srv, "users.json?"+deepFilter(20)); lr.Total != 1 {
		t.Fatalf("a 20-deep filter matched %d users, want 1", lr.Total)
	}
	st, e := api(t, srv, "GET", "users.json?"+deepFilter(40), "")
	if st != 400 || !strings.Contains(string(e.Error), "nested more than 64 levels") {
		t.Fatalf("40-deep filter: %d %s", st, e.Error)
	}
	// A form body holds what a URL cannot: 20 000 levels (about 500 KB).
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	st, _, b := call(t, "POST", srv.URL+"/api/v6/statuses.json", "title=x&"+deepFilter(20000),
		map[string]string{"X-AUTH-TOKEN": srv.Token, "Content-Type": "application/x-www-form-urlencoded"})
	runtime.ReadMemStats(&after)
	if st != 400 || !strings.Contains(string(b), "nested more than 64 levels") {
		t.Fatalf("20 000-deep form body: %d %s", st, b)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Fatalf("a 20 000-deep key allocated %d MB", grew>>20)
	}
}

// TestLongURLIs414: a request target past 8 KiB is answered 414 before it is parsed, as
// a front proxy answers it (the 30 000-deep filter took minutes of the server's time and
// memory growing with the square of its depth); one of exactly 8 KiB is read.
func TestLongURLIs414(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	prefix := "/api/v6/users.json?q="
	fits := prefix + strings.Repeat("a", maxRequestURI-len(prefix))
	st, _, _ := call(t, "GET", srv.URL+fits, "", map[string]string{"X-AUTH-TOKEN": srv.Token})
	if st != 200 {
		t.Fatalf("a %d-byte target: %d", len(fits), st)
	}
	// The 360 KB query of a 30 000-deep filter.
	deep := "filter" + strings.Repeat("[filters][0]", 30000) + "[field]=name"
	if st, _, b := call(t, "GET", srv.URL+"/api/v6/users.json?"+deep, "", map[string]string{"X-AUTH-TOKEN": srv.Token}); st != 414 {
		t.Fatalf("a 360 KB target: %d %.200s", st, b)
	}
}

// rawExchange writes raw to a new connection and reads the answer's status line.
func rawExchange(t *testing.T, srv *Server, raw string) string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte(raw)); err != nil {
		t.Fatal(err)
	}
	// A bound on the test, not an assertion: the answer is expected long before.
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	resp.Body.Close()
	return resp.Status
}

// TestUnreadableBodyIs400: a body with invalid chunking is a logged 400, not a silent
// empty 200.
func TestUnreadableBodyIs400(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	head := fmt.Sprintf("POST /api/v6/statuses.json HTTP/1.1\r\nHost: x\r\nX-AUTH-TOKEN: %s\r\n"+
		"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", srv.Token)
	before := srv.Count("statuses")
	status := rawExchange(t, srv, head+"zz\r\n{}\r\n0\r\n\r\n")
	if !strings.HasPrefix(status, "400") {
		t.Fatalf("invalid chunking: %s", status)
	}
	log := srv.Requests()
	if last := log[len(log)-1]; last.Status != 400 || !strings.Contains(last.Err, "body could not be read") {
		t.Fatalf("log entry %+v", last)
	}
	if n := srv.Count("statuses"); n != before {
		t.Fatalf("statuses %d after a refused create, %d before", n, before)
	}
}

// TestSlowBodyTimesOut: a body that stops arriving is answered 400 once the read timeout
// passes, as slow headers are cut by ReadHeaderTimeout.
func TestSlowBodyTimesOut(t *testing.T) {
	srv := NewServer(Options{ReadTimeout: 200 * time.Millisecond})
	defer srv.Close()
	head := fmt.Sprintf("POST /api/v6/statuses.json HTTP/1.1\r\nHost: x\r\nX-AUTH-TOKEN: %s\r\n"+
		"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":", srv.Token)
	status := rawExchange(t, srv, head)
	if !strings.HasPrefix(status, "400") {
		t.Fatalf("a body that never ends: %s", status)
	}
	log := srv.Requests()
	if last := log[len(log)-1]; !strings.Contains(last.Err, "timeout") {
		t.Fatalf("log entry %+v", last)
	}
	if _, err := NewHandler(Options{ReadTimeout: -1}); err == nil {
		t.Fatal("a negative read timeout was accepted")
	}
}
