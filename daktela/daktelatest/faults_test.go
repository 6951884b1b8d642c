package daktelatest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// fetch sends a GET with the token and reports the status, the body, and any transport
// or read error.
func fetch(srv *Server, path string, timeout time.Duration) (int, http.Header, []byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/v6/"+path, nil)
	req.Header.Set("X-AUTH-TOKEN", srv.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b, err
}

func TestFaultKinds(t *testing.T) {
	tests := []struct {
		spec  string
		check func(t *testing.T, st int, hdr http.Header, body []byte, err error)
	}{
		{"5xx", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if err != nil || st < 500 || st > 504 || !strings.HasPrefix(string(b), `{"error":["`) {
				t.Fatalf("%d %s %v", st, b, err)
			}
		}},
		{"5xx:status=503", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if st != 503 {
				t.Fatalf("%d", st)
			}
		}},
		{"html", func(t *testing.T, st int, hdr http.Header, b []byte, err error) {
			if st != 502 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") || !strings.Contains(string(b), "Bad Gateway") {
				t.Fatalf("%d %s", st, b)
			}
		}},
		{"429:retry=2", func(t *testing.T, st int, hdr http.Header, b []byte, err error) {
			if st != 429 || hdr.Get("Retry-After") != "2" || !strings.Contains(string(b), "Too many requests") {
				t.Fatalf("%d %v %s", st, hdr, b)
			}
		}},
		{"429", func(t *testing.T, st int, hdr http.Header, b []byte, err error) {
			if st != 429 || hdr.Get("Retry-After") != "" {
				t.Fatalf("%d %v", st, hdr)
			}
		}},
		{"reset", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if err == nil {
				t.Fatalf("no transport error: %d %s", st, b)
			}
		}},
		{"reset-body", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if st != 200 || !errors.Is(err, io.ErrUnexpectedEOF) || len(b) == 0 {
				t.Fatalf("%d %d bytes %v", st, len(b), err)
			}
		}},
		{"malformed", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if st != 200 || err != nil || isJSON(b) {
				t.Fatalf("%d %s %v", st, b, err)
			}
		}},
		{"truncated", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if st != 200 || err != nil || isJSON(b) || !strings.HasPrefix(string(b), `{"error":[]`) {
				t.Fatalf("%d %s %v", st, b, err)
			}
		}},
		{"hang", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("%d %v", st, err)
			}
		}},
		{"slow:d=50ms", func(t *testing.T, st int, _ http.Header, b []byte, err error) {
			if st != 200 || !isJSON(b) {
				t.Fatalf("%d %v", st, err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			srv := NewServer(Options{Faults: tc.spec})
			defer srv.Close()
			st, hdr, b, err := fetch(srv, "users.json", 300*time.Millisecond)
			tc.check(t, st, hdr, b, err)
			if l := srv.Requests(); len(l) != 1 || l[0].Fault != strings.Split(tc.spec, ":")[0] {
				t.Fatalf("log %+v", l)
			}
			// after the fault, the server still answers (rules with times=1 below)
			srv.SetFaults()
			if st, _, b, err := fetch(srv, "users.json", time.Second); st != 200 || err != nil || !isJSON(b) {
				t.Fatalf("after fault: %d %v", st, err)
			}
		})
	}
}

func isJSON(b []byte) bool {
	var v any
	return jsonUnmarshal(b, &v) == nil
}

func TestFaultSelection(t *testing.T) {
	srv := NewServer(Options{Faults: "5xx:n=2-3:path=tickets,429:every=4:retry=1"})
	defer srv.Close()
	var got []int
	for i := 0; i < 8; i++ {
		st, _, _, err := fetch(srv, "tickets.json?take=1", time.Second)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, st)
	}
	// tickets requests 2 and 3 are 5xx; the 429 rule fires on every 4th request it sees,
	// and it does not see the two the 5xx rule took (the first selecting rule wins): its
	// 4th is request 6
	if got[0] != 200 || got[1] < 500 || got[2] < 500 || got[3] != 200 || got[4] != 200 || got[5] != 429 || got[6] != 200 || got[7] != 200 {
		t.Fatalf("statuses %v", got)
	}
	// other paths are not hit by the path rule
	srv.SetFaults(FaultRule{Kind: Fault5xx, Path: "tickets", Status: 500})
	if st, _, _, _ := fetch(srv, "users.json", time.Second); st != 200 {
		t.Fatalf("users under a tickets rule: %d", st)
	}
	// times caps the rule
	if err := srv.SetFaultSpec("5xx:times=2"); err != nil {
		t.Fatal(err)
	}
	var sts []int
	for i := 0; i < 4; i++ {
		st, _, _, _ := fetch(srv, "users.json", time.Second)
		sts = append(sts, st)
	}
	if sts[0] < 500 || sts[1] < 500 || sts[2] != 200 || sts[3] != 200 {
		t.Fatalf("times=2: %v", sts)
	}
}

func TestFaultRateIsSeeded(t *testing.T) {
	run := func(seed int64) string {
		srv := NewServer(Options{Seed: seed, Faults: "5xx:0.3,429:0.2:retry=1"})
		defer srv.Close()
		var b strings.Builder
		hits := 0
		for i := 0; i < 60; i++ {
			st, _, _, _ := fetch(srv, "queues.json", time.Second)
			b.WriteString(itoa(st) + " ")
			if st != 200 {
				hits++
			}
		}
		if hits < 10 || hits > 50 {
			t.Errorf("seed %d: %d faults of 60 at rates 0.3+0.2", seed, hits)
		}
		return b.String()
	}
	a, b2, c := run(3), run(3), run(4)
	if a != b2 {
		t.Fatalf("same seed, different faults:\n%s\n%s", a, b2)
	}
	if a == c {
		t.Fatal("different seeds, same faults")
	}
}

func TestLatency(t *testing.T) {
	srv := NewServer(Options{Latency: 30 * time.Millisecond, Jitter: 10 * time.Millisecond})
	defer srv.Close()
	start := time.Now()
	if st, _, _, err := fetch(srv, "queues.json", time.Second); st != 200 || err != nil {
		t.Fatal(st, err)
	}
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Fatalf("answered in %v despite 30ms latency", d)
	}
	// a latency longer than the client waits ends with the client's deadline
	srv2 := NewServer(Options{Latency: time.Minute})
	defer srv2.Close()
	if _, _, _, err := fetch(srv2, "queues.json", 50*time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
}

func TestHangEndsOnClose(t *testing.T) {
	srv := NewServer(Options{Faults: "hang"})
	done := make(chan error, 1)
	go func() {
		_, _, _, err := fetch(srv, "queues.json", 10*time.Second)
		done <- err
	}()
	for i := 0; i < 100 && srv.RequestCount() == 0; i++ {
		time.Sleep(5 * time.Millisecond)
	}
	srv.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("hung request got an answer")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not end the hung request")
	}
}

func TestParseFaults(t *testing.T) {
	rules, err := ParseFaults("5xx:0.1, 429:0.05:retry=1 ,reset-body:0.02,hang:n=3-5:path=tickets:method=get,slow:d=20ms:every=2:times=3")
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 5 || rules[0].Rate != 0.1 || rules[1].RetryAfter != "1" || rules[2].Kind != FaultResetBody ||
		rules[3].From != 3 || rules[3].To != 5 || rules[3].Path != "tickets" || rules[3].Method != "GET" ||
		rules[4].Delay != 20*time.Millisecond || rules[4].Every != 2 || rules[4].Times != 3 {
		t.Fatalf("%+v", rules)
	}
	for _, bad := range []string{"boom", "5xx:2", "5xx:x", "429:retry=soon", "hang:n=0", "5xx:status=404", "slow:d=fast", "5xx:colour=red", "hang:n=5-3"} {
		if _, err := ParseFaults(bad); err == nil || !strings.Contains(err.Error(), strings.Split(bad, ":")[0]) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
