package daktela_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

func manyNumbers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("+420%09d", 601000000+i)
	}
	return out
}

// A read whose URL would pass the 8 KiB request line limit of front proxies fails before
// anything is sent, with a message of a readable size that names the filter and the way
// out; the token stays out of it in both auth modes.
func TestLongURLFailsBeforeSending(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	ctx := context.Background()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		c := srv.Client()
		c.ApiCommunicator().SetAuthenticationMethod(auth)
		var logged strings.Builder
		c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logged, nil)))
		req := daktela.BuildReadRequest("CampaignsRecords").AddFilter("number", "in", manyNumbers(20000)).AddFilter("action", "eq", "0")
		before := len(srv.Requests())
		for name, run := range map[string]func() error{
			"execute": func() error { _, err := c.Execute(ctx, req); return err },
			"all": func() error {
				_, err := c.Execute(ctx, req.Clone().SetRequestType(daktela.TypeAll))
				return err
			},
			"iterate": func() error { _, err := c.Iterate(ctx, req).Count(); return err },
		} {
			err := run()
			if !errors.Is(err, daktela.ErrURLTooLong) {
				t.Fatalf("%s %s: %v", auth, name, err)
			}
			msg := err.Error()
			for _, want := range []string{`filter on "number"`, "in, 20000 values", "daktela.chunk(list, n)", "nothing was sent", "8192", "bytes in all"} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s %s: the message does not say %q: %s", auth, name, want, msg)
				}
			}
			if len(msg) > 4096 {
				t.Errorf("%s %s: the message is %d bytes", auth, name, len(msg))
			}
			if strings.Contains(msg, srv.Token) {
				t.Errorf("%s %s: the token is in the message", auth, name)
			}
		}
		if n := len(srv.Requests()) - before; n != 0 {
			t.Errorf("%s: %d requests reached the server", auth, n)
		}
		if logged.Len() != 0 {
			t.Errorf("%s: nothing was sent but the log has %q", auth, logged.String())
		}
	}
}

// The limit is the request line's: a read just under it is sent and answered, and the
// fake server answers one past it with 414 as a front proxy does.
func TestURLLimitBoundary(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	// Grow the list until the next value would pass the limit.
	n := 1
	for ; n < 1000; n++ {
		_, err := c.Execute(ctx, daktela.BuildReadRequest("Users").AddFilter("name", "in", manyNumbers(n+1)).SetTake(1))
		if errors.Is(err, daktela.ErrURLTooLong) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 50 || n >= 1000 {
		t.Fatalf("the limit came at %d values", n)
	}
	long := srv.URL + "/api/v6/users.json?x=" + strings.Repeat("a", daktela.MaxURLBytes)
	resp, err := http.Get(long)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestURITooLong {
		t.Errorf("the fake answered %d to a %d-byte URL", resp.StatusCode, len(long))
	}
}

// A log entry's path is cut to a readable size with its full size stated.
func TestLogPathIsCut(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := srv.Client()
	var logged strings.Builder
	c.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&logged, nil)))
	if _, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users").AddFilter("name", "in", manyNumbers(80))); err != nil {
		t.Fatal(err)
	}
	line := logged.String()
	if len(line) > 2048 || !strings.Contains(line, "bytes in all") {
		t.Errorf("log line of %d bytes: %.300s", len(line), line)
	}
}

// An error message stays readable whatever it quotes: a long path is cut with its size
// stated, and a long cause keeps its start and its end.
func TestRequestErrorMessageIsBounded(t *testing.T) {
	e := &daktela.RequestError{
		Method: "GET",
		Path:   "users.json?" + strings.Repeat("filter=x&", 100000),
		Err:    errors.New(`Get "http://127.0.0.1/api/v6/users.json?` + strings.Repeat("filter=x&", 100000) + `": connection refused`),
	}
	msg := e.Error()
	if len(msg) > 4200 || !strings.HasPrefix(msg, "daktela: GET users.json?filter=x&") || !strings.HasSuffix(msg, ": connection refused") || !strings.Contains(msg, "bytes in all") {
		t.Errorf("message of %d bytes: %.200s ... %s", len(msg), msg, msg[max(0, len(msg)-200):])
	}
}
