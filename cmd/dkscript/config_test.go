package main

import (
	"errors"
	"strings"
	"testing"
)

const testConfig = `{
  "default": "prod",
  "profiles": {
    "prod": {"url": "https://prod.example", "tokenFile": "prod.token"},
    "test": {"url": "https://test.example", "token": "profile-token", "auth": "query"}
  }
}`

func TestConnectionPrecedence(t *testing.T) {
	type want struct{ url, urlFrom, token, tokenFrom, auth string }
	cases := []struct {
		name  string
		flags runFlags
		env   map[string]string
		want  want
	}{
		{"file default profile", runFlags{}, nil,
			want{"https://prod.example", "profile prod", "prod-file-token", "profile prod", "header"}},
		{"DKSCRIPT_PROFILE picks", runFlags{}, map[string]string{"DKSCRIPT_PROFILE": "test"},
			want{"https://test.example", "profile test", "profile-token", "profile test", "query"}},
		{"--profile beats DKSCRIPT_PROFILE", runFlags{profile: "prod"}, map[string]string{"DKSCRIPT_PROFILE": "test"},
			want{"https://prod.example", "profile prod", "prod-file-token", "profile prod", "header"}},
		{"env beats profile", runFlags{profile: "test"}, map[string]string{"DAKTELA_URL": "https://env.example", "DAKTELA_TOKEN": "env-token", "DAKTELA_AUTH": "header"},
			want{"https://env.example", "DAKTELA_URL", "env-token", "DAKTELA_TOKEN", "header"}},
		{"flags beat env", runFlags{url: "https://flag.example", tokenFile: "flag.token", auth: "query"}, map[string]string{"DAKTELA_URL": "https://env.example", "DAKTELA_TOKEN": "env-token", "DAKTELA_AUTH": "header"},
			want{"https://flag.example", "--url", "flag-file-token", "--token-file", "query"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, _, errb := testState(t)
			writeFile(t, st, "config/dkscript/config.json", testConfig, 0o600)
			writeFile(t, st, "config/dkscript/prod.token", "prod-file-token\n", 0o600)
			writeFile(t, st, "flag.token", "  flag-file-token  \n", 0o600)
			env := map[string]string{}
			for k, v := range c.env {
				env[k] = v
			}
			f := c.flags
			conn, err := resolveConnection(st, &f, env)
			if err != nil {
				t.Fatal(err)
			}
			got := want{conn.URL, conn.URLFrom, conn.Token, conn.TokenFrom, conn.Auth}
			if got != c.want {
				t.Errorf("got %+v\nwant %+v", got, c.want)
			}
			if errb.Len() != 0 {
				t.Errorf("unexpected stderr %q", errb)
			}
		})
	}
}

func TestConnectionErrors(t *testing.T) {
	st, _, _ := testState(t)
	writeFile(t, st, "config/dkscript/config.json", testConfig, 0o600)

	_, err := resolveConnection(st, &runFlags{profile: "staging"}, map[string]string{})
	if err == nil || !strings.Contains(err.Error(), `profile "staging" (from --profile) is not in the config file`) ||
		!strings.Contains(err.Error(), "it has prod, test") {
		t.Errorf("unknown profile: got %v", err)
	}
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Errorf("unknown profile: %T is not a usage error", err)
	}

	// A URL without a token is an error that says where to put one, and so is a token
	// without a URL; no token, no URL: no client.
	st2, _, _ := testState(t)
	_, err = resolveConnection(st2, &runFlags{url: "https://x.example"}, map[string]string{})
	if err == nil || !strings.Contains(err.Error(), "no access token for https://x.example (from --url)") {
		t.Errorf("url without token: got %v", err)
	}
	_, err = resolveConnection(st2, &runFlags{}, map[string]string{"DAKTELA_TOKEN": "secret-t"})
	if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), "an access token is given (DAKTELA_TOKEN) but no instance URL: set DAKTELA_URL, use --url URL") ||
		strings.Contains(err.Error(), "secret-t") {
		t.Errorf("token without url: got %v", err)
	}
	conn, err := resolveConnection(st2, &runFlags{}, map[string]string{})
	if conn != nil || err != nil {
		t.Errorf("no token, no url: got %v, %v; want no connection", conn, err)
	}

	// A broken config file names itself and the line.
	st3, _, _ := testState(t)
	writeFile(t, st3, "config/dkscript/config.json", "{\n  \"profiles\": {\n    \"a\": {\"url\": }\n  }\n}", 0o600)
	_, err = resolveConnection(st3, &runFlags{}, map[string]string{})
	if err == nil || !strings.Contains(err.Error(), "config.json: line 3:") {
		t.Errorf("broken config: got %v", err)
	}
	writeFile(t, st3, "config/dkscript/config.json", `{"profiles": {"a": {"url": "u", "password": "x"}}}`, 0o600)
	_, err = resolveConnection(st3, &runFlags{}, map[string]string{})
	if err == nil || !strings.Contains(err.Error(), `unknown field "password"`) {
		t.Errorf("unknown field: got %v", err)
	}
}

func TestTokenFileWarnings(t *testing.T) {
	st, _, errb := testState(t)
	p := writeFile(t, st, "shared.token", "tok-123\n", 0o644)
	tok, err := readTokenFile(st, p, "--token-file")
	if err != nil || tok != "tok-123" {
		t.Fatalf("got %q, %v", tok, err)
	}
	if !strings.Contains(errb.String(), "warning: token file "+p+" is readable by group or others (mode 0644); run: chmod 600") {
		t.Errorf("no warning for a shared token file: %q", errb)
	}
	if strings.Contains(errb.String(), "tok-123") {
		t.Errorf("the warning shows the token: %q", errb)
	}

	errb.Reset()
	p = writeFile(t, st, "private.token", "tok-123\n", 0o600)
	if _, err := readTokenFile(st, p, "--token-file"); err != nil || errb.Len() != 0 {
		t.Errorf("private token file: %v, stderr %q", err, errb)
	}

	p = writeFile(t, st, "empty.token", " \n", 0o600)
	if _, err := readTokenFile(st, p, "--token-file"); err == nil || !strings.Contains(err.Error(), "is empty") {
		t.Errorf("empty token file: %v", err)
	}
	p = writeFile(t, st, "two.token", "secret-a\nsecret-b\n", 0o600)
	_, err = readTokenFile(st, p, "--token-file")
	if err == nil || !strings.Contains(err.Error(), "more than one line") || strings.Contains(err.Error(), "secret") {
		t.Errorf("two-line token file: %v", err)
	}
	if _, err := readTokenFile(st, absPath(st, "missing.token"), "--token-file"); err == nil || !strings.Contains(err.Error(), "--token-file: open ") {
		t.Errorf("missing token file: %v", err)
	}
}
