package daktela

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestWriteCutOffByItsContext checks a write whose context ends after it was sent and
// before its answer: its error wraps ErrOutcomeUnknown (it may have been applied, as
// when the connection breaks), and it stays in the context's WritesInFlight; a write
// answered is dropped from it.
func TestWriteCutOffByItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v6/queues.json" {
			w.WriteHeader(http.StatusCreated)
			_, _ = w.Write([]byte(`{"error":[],"result":{"name":"q"}}`))
			return
		}
		cancel()
		<-release
	}))
	defer srv.Close()
	defer close(release)
	c := NewClient(srv.URL, "tok")
	var w WritesInFlight
	wctx := WithWritesInFlight(ctx, &w)
	if _, err := c.Execute(WithWritesInFlight(context.Background(), &w), NewCreateRequest("Queues").AddAttribute("name", "q")); err != nil {
		t.Fatal(err)
	}
	if got := w.List(); len(got) != 0 {
		t.Fatalf("an answered write is still in flight: %q", got)
	}
	_, err := c.Execute(wctx, NewCreateRequest("Contacts").AddAttribute("title", "x"))
	if !errors.Is(err, ErrOutcomeUnknown) || !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want ErrOutcomeUnknown and context.Canceled", err)
	}
	if got := w.List(); len(got) != 1 || got[0] != "POST contacts.json" {
		t.Errorf("in flight %q", got)
	}
}
