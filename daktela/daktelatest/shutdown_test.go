package daktelatest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"
)

// Shutdown is the graceful stop: an answer under way is still delivered whole, and
// the server then takes no more requests.
func TestShutdownFinishesAnswersUnderWay(t *testing.T) {
	srv := NewServer(Options{Latency: 300 * time.Millisecond})
	type result struct {
		status int
		body   []byte
		err    error
	}
	done := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v6/users.json?take=1", nil)
		req.Header.Set("X-AUTH-TOKEN", srv.Token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		done <- result{resp.StatusCode, b, err}
	}()
	// Wait (bounded) until the request is in the log, i.e. its answer is under way.
	for i := 0; len(srv.Requests()) == 0; i++ {
		if i == 500 {
			t.Fatal("the request never reached the server")
		}
		time.Sleep(2 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	r := <-done
	if r.err != nil || r.status != 200 || len(r.body) == 0 {
		t.Fatalf("the answer under way: status %d, %d bytes, err %v", r.status, len(r.body), r.err)
	}
	if _, err := http.Get(srv.URL + "/api/v6/users.json"); err == nil {
		t.Error("the server still answers after Shutdown")
	}
}

// Shutdown gives up on answers that never come (a hang fault) when ctx ends, and
// still releases them and the listener.
func TestShutdownStopsAtTheDeadline(t *testing.T) {
	srv := NewServer(Options{Faults: "hang"})
	errc := make(chan error, 1)
	go func() {
		resp, err := http.Get(srv.URL + "/api/v6/users.json?accessToken=" + srv.Token)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	for i := 0; len(srv.Requests()) == 0; i++ {
		if i == 500 {
			t.Fatal("the request never reached the server")
		}
		time.Sleep(2 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := srv.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Shutdown of a hung answer: %v, want the deadline", err)
	}
	if err := <-errc; err == nil {
		t.Error("the hung request got an answer")
	}
}
