package daktelatest

import "github.com/dkscript/dkscript/daktela"

// Client returns a new client pointed at the server with the token it accepts (sent in
// the header, the client's default), as httptest.Server.Client gives a client for its
// server. Each call makes its own client, so a test may configure one without touching
// another's settings.
func (s *Server) Client() *daktela.Client {
	return daktela.NewClient(s.URL, s.Token)
}
