// Package daktelatest is an in-memory fake Daktela V6 server for tests and demos, in the
// spirit of net/http/httptest: start it on 127.0.0.1, point a client at its URL with its
// token, and it answers as the real API does, over a deterministic seeded demo data set,
// with fault injection.
//
// PLACEHOLDER API: the fake-server helper implements it.
package daktelatest

import "time"

// Options configure a Server. The zero value serves the default demo data set.
type Options struct {
	Seed    int64          // data set seed (default 1)
	Token   string         // the access token it accepts (default DefaultToken)
	Records map[string]int // synthesise N records of a model, e.g. {"campaignsRecords": 100000}
	Latency time.Duration  // added to every answer
	Jitter  time.Duration  // up to this much more, seeded
	Faults  string         // a fault spec (see ParseFaults)
}

// DefaultToken is the token a Server accepts when Options.Token is empty.
const DefaultToken = "demo-token-0123456789abcdef"

// Server is a running fake Daktela.
type Server struct {
	URL   string // base URL, e.g. "http://127.0.0.1:41234"
	Token string // the access token it accepts
}

// NewServer starts a server on a random 127.0.0.1 port; it panics if it cannot listen
// (as httptest.NewServer). Close it when done.
func NewServer(opts Options) *Server { panic("not implemented") }

// Listen starts a server on addr (e.g. "127.0.0.1:8089").
func Listen(addr string, opts Options) (*Server, error) { panic("not implemented") }

// Close stops the server and releases everything it holds.
func (s *Server) Close() {}
