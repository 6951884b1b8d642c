package daktela

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// connSeq is the context key under which reuseResetServer keeps a connection's request
// counter.
type connSeq struct{}

// reuseResetServer answers the first request on each connection (keeping it open) and
// resets the connection, after reading the request, on any later request on it: a
// server or proxy that drops keep-alive connections under the client. It counts every
// request it receives.
func reuseResetServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var got atomic.Int32
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		got.Add(1)
		if r.Context().Value(connSeq{}).(*atomic.Int32).Add(1) == 1 {
			io.WriteString(w, okList)
			return
		}
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		conn.(*net.TCPConn).SetLinger(0)
		conn.Close()
	}))
	s.Config.ConnContext = func(ctx context.Context, _ net.Conn) context.Context {
		return context.WithValue(ctx, connSeq{}, new(atomic.Int32))
	}
	s.Start()
	t.Cleanup(s.Close)
	return s, &got
}

// TestNoHiddenResends: when a reused keep-alive connection breaks under a GET, net/http
// does not send the GET again by itself: with retries off the server receives it once
// (net/http used to send it a second time, on a new connection, unseen), and with
// retries on every time it is sent is an attempt the retry policy counts and logs.
func TestNoHiddenResends(t *testing.T) {
	for _, retries := range []int{0, 3} {
		s, got := reuseResetServer(t)
		c := NewClient(s.URL, testToken)
		rc := fastRetries()
		rc.MaxRetries = retries
		c.ApiCommunicator().SetRetryConfig(rc)
		var logs bytes.Buffer
		c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
		if _, err := c.Execute(ctxT(t), BuildReadRequest("Users")); err != nil {
			t.Fatalf("the first request, on a new connection: %v", err)
		}
		logs.Reset()
		before := got.Load()
		_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
		sent := int(got.Load() - before)
		attempts := strings.Count(logs.String(), "daktela request")
		switch retries {
		case 0:
			var re *RequestError
			if !errors.As(err, &re) || re.Status != 0 || sent != 1 || attempts != 1 {
				t.Errorf("retries off: error %v; the server received the GET %d times (want 1), %d log entries", err, sent, attempts)
			}
		default:
			if err != nil || sent != 2 || attempts != 2 || !strings.Contains(logs.String(), "retry=\"no answer\"") {
				t.Errorf("retries on: error %v; the server received the GET %d times, %d attempts logged (want 2 and 2):\n%s", err, sent, attempts, logs.String())
			}
		}
	}
}

// TestDefaultResponseLimit: a client that was not told otherwise stops reading an answer
// that never ends at DefaultMaxResponseBytes (the server stops after 96 MiB, so the test
// ends either way), fails the request naming the limit, and does not retry it.
func TestDefaultResponseLimit(t *testing.T) {
	var got atomic.Int32
	chunk := bytes.Repeat([]byte(`{"name":"record","title":"padding padding padding padding"},`), 1<<10)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Add(1)
		io.WriteString(w, `{"error":[],"result":{"data":[`)
		for sent := 0; sent < 96<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return // the client stopped reading
			}
		}
	}))
	defer s.Close()
	c := NewClient(s.URL, testToken)
	if c.ApiCommunicator().MaxResponseBytes() != DefaultMaxResponseBytes || DefaultMaxResponseBytes != 64<<20 {
		t.Fatalf("default limit %d", c.ApiCommunicator().MaxResponseBytes())
	}
	_, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	if !errors.Is(err, ErrResponseTooLarge) || !strings.Contains(err.Error(), "(67108864 bytes)") {
		t.Fatalf("error %v, want ErrResponseTooLarge naming the default limit", err)
	}
	if n := got.Load(); n != 1 {
		t.Errorf("sent %d times: a too-large answer is not retried", n)
	}
}

// TestGetWithoutHiddenResendsOnTheWire: the body that keeps net/http from re-sending a
// GET never reaches the wire as one: over HTTP/1.1 and HTTP/2 the server sees a GET
// with no body, no Content-Length and no chunked encoding, and answers it.
func TestGetWithoutHiddenResendsOnTheWire(t *testing.T) {
	for _, h2 := range []bool{false, true} {
		var proto atomic.Value
		s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, err := io.ReadAll(r.Body)
			if err != nil || len(b) != 0 || r.ContentLength > 0 || len(r.TransferEncoding) != 0 || r.Header.Get("Content-Length") != "" {
				t.Errorf("HTTP/%d GET came with a body: %q, %v, length %d, %v", r.ProtoMajor, b, err, r.ContentLength, r.TransferEncoding)
			}
			proto.Store(r.ProtoMajor)
			io.WriteString(w, okList)
		}))
		s.EnableHTTP2 = h2
		s.StartTLS()
		c := NewClient(s.URL, testToken)
		c.ApiCommunicator().SetHTTPClient(s.Client())
		resp, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
		s.Close()
		if err != nil || len(resp.Records()) != 2 {
			t.Fatalf("HTTP/2 %v: %v", h2, err)
		}
		if want := map[bool]int{false: 1, true: 2}[h2]; proto.Load() != want {
			t.Errorf("the GET went as HTTP/%v, want HTTP/%d", proto.Load(), want)
		}
	}
}
