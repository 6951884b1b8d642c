package daktela_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// TestWhoimTokenIsRedacted: whoim.json echoes the access token in user._sys.accessToken;
// the client replaces it before anything parses or keeps the body, in both auth modes.
// A list read of whoim gives the result object, as PHP's result->data ?? result does.
func TestWhoimTokenIsRedacted(t *testing.T) {
	const token = "TOKEN-whoim-5d1f0a7c3e"
	srv := daktelatest.NewServer(daktelatest.Options{Token: token})
	defer srv.Close()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		c := daktela.NewClient(srv.URL, token)
		c.ApiCommunicator().SetAuthenticationMethod(auth)
		resp, err := c.Execute(context.Background(), daktela.BuildReadRequest("Whoim"))
		if err != nil {
			t.Fatalf("%s: %v", auth, err)
		}
		data, ok := resp.Data().(map[string]any)
		if !ok || resp.Total() != 1 {
			t.Fatalf("%s: data %T total %d, want the whoim object and 1", auth, resp.Data(), resp.Total())
		}
		user, _ := data["user"].(map[string]any)
		sys, _ := user["_sys"].(map[string]any)
		if sys == nil || sys["accessToken"] != "REDACTED" {
			t.Errorf("%s: user._sys %v, want accessToken REDACTED", auth, sys)
		}
		if strings.Contains(string(resp.Body()), token) || strings.Contains(resp.Record().String(), token) {
			t.Errorf("%s: the token is in the answer the client keeps", auth)
		}
	}
}
