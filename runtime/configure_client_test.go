package runtime_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// Options.ConfigureClient reaches every client a script makes, once per client, before
// the script's first request: a dry-run set there holds back the script's writes.
func TestConfigureClientAppliesToScriptClients(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	var configured []*daktela.Client
	var held []string
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{
		Stdout:       &out,
		Args:         []string{srv.URL, srv.Token},
		Capabilities: runtime.Capabilities{NewClients: true},
		ConfigureClient: func(c *daktela.Client) {
			configured = append(configured, c)
			c.ApiCommunicator().SetDryRun(func(wi daktela.WriteIntent) { held = append(held, wi.Method+" "+wi.Path) })
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "own.js", `
const [url, token] = process.argv.slice(2)
const clients = [
  new daktela.Client(url, token),
  daktela.Client.getInstance(url, token),
  daktela.Client.getInstance(url, token), // the same client: configured once
  daktela.login(url, "admin", "demo"),
]
for (const c of clients) {
  const res = c.execute(daktela.buildCreateRequest("Statuses").addStringAttribute("title", "held"))
  console.log(res.isDryRun(), c.isDryRun())
}
`)
	if err != nil {
		t.Fatal(err)
	}
	if len(configured) != 3 {
		t.Errorf("ConfigureClient called %d times, want 3 (new, getInstance once, login)", len(configured))
	}
	if got, want := out.String(), strings.Repeat("true true\n", 4); got != want {
		t.Errorf("output %q, want %q", got, want)
	}
	if len(held) != 4 || held[0] != "POST statuses.json" {
		t.Errorf("held back %q, want four POST statuses.json", held)
	}
	for _, r := range srv.Requests() {
		if r.Path != "login.json" && r.Method != "GET" {
			t.Errorf("the server saw %s %s, want no write", r.Method, r.Path)
		}
	}
}
