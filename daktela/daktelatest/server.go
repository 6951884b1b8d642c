package daktelatest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Options configure a Server. The zero value serves the default demo data set.
type Options struct {
	Seed    int64          // data set seed (default 1)
	Token   string         // the access token it accepts (default DefaultToken)
	Records map[string]int // synthesise N records of a model, e.g. {"campaignsRecords": 100000}
	Latency time.Duration  // added to every answer
	Jitter  time.Duration  // up to this much more, seeded
	Faults  string         // a fault spec (see ParseFaults)
	// ReadTimeout is how long a request's headers, and then its body, may take to arrive
	// (default DefaultReadTimeout); a slower body is answered 400.
	ReadTimeout time.Duration
	// Now is the server's clock: the _time of every answer, the stamps of writes and
	// the expiry of sign-ins read it. nil: the real clock. A function that always gives
	// one instant fixes the clock there (dkscript's --now).
	Now func() time.Time
	// Anchor is the instant the demo data set ends at: its tickets, activities and
	// records were made in the 90 days before it, callbacks fall due in the days after.
	// Zero: Now() when Now is set, else DemoAnchor(), so Go tests see the same data on
	// every day. dkscript mock and --mock anchor it at the start of the current day.
	Anchor time.Time
	// RecordingSize makes every call recording (/file/recording/{activity}) exactly this
	// many bytes, for benchmarks; 0: a recording's length follows its call's duration
	// (8000 bytes a second). At least MinRecordingSize.
	RecordingSize int64
	// TokenLife is how long an access token from login.json (a sign-in or a refresh)
	// lives (default TokenTTL): a short one lets tests see clients renew their sign-in.
	TokenLife time.Duration
	// Live, when above 0, makes a Server simulate a working contact centre at this many
	// events a second (up to MaxLiveRate) until it is closed: see [Handler.Live]. It
	// needs a moving clock: with a fixed Now every change carries the same stamp.
	Live float64
}

// DemoAnchor is where the demo data set ends unless Options say otherwise:
// 2026-01-15 12:00:00 in Europe/Prague.
func DemoAnchor() time.Time { return demoEpoch() }

// DefaultToken is the token a Server accepts when Options.Token is empty.
const DefaultToken = "demo-token-0123456789abcdef"

// Server is a running fake Daktela. The embedded Handler gives access to its request
// log, faults and data.
type Server struct {
	URL   string // base URL, e.g. "http://127.0.0.1:41234"
	Token string // the access token it accepts

	*Handler
	srv  *http.Server
	done chan struct{}
	// liveDone is closed when the live simulation (Options.Live) has stopped.
	liveDone chan struct{}
}

// NewServer starts a server on a random 127.0.0.1 port; it panics if it cannot listen
// or opts are invalid (as httptest.NewServer). Close it when done.
func NewServer(opts Options) *Server {
	s, err := Listen("127.0.0.1:0", opts)
	if err != nil {
		panic(err)
	}
	return s
}

// Listen starts a server on addr (e.g. "127.0.0.1:8089").
func Listen(addr string, opts Options) (*Server, error) {
	h, err := NewHandler(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("daktelatest: %w", err) // net's error names the address
	}
	s := &Server{URL: "http://" + ln.Addr().String(), Token: h.Token(), Handler: h, done: make(chan struct{})}
	s.srv = &http.Server{Handler: h, ReadHeaderTimeout: h.readTimeout, ErrorLog: quietLog()}
	if opts.Live > 0 {
		s.liveDone = make(chan struct{})
		go func() {
			defer close(s.liveDone)
			h.Live(context.Background(), opts.Live) // until Close or Shutdown closes h
		}()
	}
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = err // the listener failed; Close still works
		}
	}()
	return s, nil
}

// Close stops the server: hung answers return, connections close, and the listener is
// released.
func (s *Server) Close() {
	s.Handler.close()
	s.srv.Close()
	<-s.done
	s.waitLive()
}

// waitLive waits for the live simulation to stop (the handler is closed).
func (s *Server) waitLive() {
	if s.liveDone != nil {
		<-s.liveDone
	}
}

// Shutdown is the graceful stop: it stops accepting requests and waits for the
// answers under way (their latency included) to be delivered. When ctx ends first it
// returns ctx's error and stops as Close does, so hung answers are released.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	s.Handler.close()
	if err != nil {
		s.srv.Close()
	}
	<-s.done
	s.waitLive()
	return err
}
