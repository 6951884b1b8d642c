package daktela_test

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// TestWhoamiHasNoToken: Whoami answers the token's user with its access token replaced,
// in both auth modes; nothing the response holds carries the token.
func TestWhoamiHasNoToken(t *testing.T) {
	const token = "TOKEN-whoami-8c2e4b1f07"
	srv := daktelatest.NewServer(daktelatest.Options{Token: token})
	defer srv.Close()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		c := daktela.NewClient(srv.URL, token)
		c.ApiCommunicator().SetAuthenticationMethod(auth)
		resp, err := c.Whoami(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", auth, err)
		}
		var who struct {
			Version string `json:"version"`
			User    struct {
				Name string `json:"name"`
				Sys  struct {
					AccessToken string `json:"accessToken"`
				} `json:"_sys"`
			} `json:"user"`
		}
		if err := resp.Record().Decode(&who); err != nil {
			t.Fatalf("%s: %v", auth, err)
		}
		if who.User.Name != "admin" || who.Version == "" || who.User.Sys.AccessToken != "REDACTED" {
			t.Errorf("%s: whoami %+v, want user admin, a version and accessToken REDACTED", auth, who)
		}
		data, _ := resp.Data().(map[string]any)
		for _, s := range []string{string(resp.Body()), resp.Record().String(), fmtAny(data)} {
			if strings.Contains(s, token) {
				t.Errorf("%s: the token is in the whoami answer", auth)
			}
		}
	}
}

// fmtAny renders v as the JSON-ish text a script would print.
func fmtAny(v any) string {
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				b.WriteString(k + ":")
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string:
			b.WriteString(x + ",")
		}
	}
	walk(v)
	return b.String()
}

// TestLanguageAndAnswerTime: SetLanguage sends Accept-Language (the fake answers it
// with a lang cookie, as the real server does); Time and Timezone expose the answer's
// _time and _timezone.
func TestLanguageAndAnswerTime(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	c := daktela.NewClient(srv.URL, srv.Token)
	c.ApiCommunicator().SetHTTPClient(&http.Client{Jar: jar})
	u, _ := url.Parse(srv.URL + "/api/v6/")
	if _, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users").SetTake(1)); err != nil {
		t.Fatal(err)
	}
	if len(jar.Cookies(u)) != 0 {
		t.Errorf("without SetLanguage: cookies %v, want none", jar.Cookies(u))
	}
	c.ApiCommunicator().SetLanguage("cs-CZ")
	if got := c.ApiCommunicator().Language(); got != "cs-CZ" {
		t.Errorf("Language() = %q", got)
	}
	resp, err := c.Execute(context.Background(), daktela.BuildReadRequest("Users").SetTake(1))
	if err != nil {
		t.Fatal(err)
	}
	var lang string
	for _, ck := range jar.Cookies(u) {
		if ck.Name == "lang" {
			lang = ck.Value
		}
	}
	if lang != "cs" {
		t.Errorf("after SetLanguage(cs-CZ): lang cookie %q, want cs", lang)
	}
	if !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`).MatchString(resp.Time()) {
		t.Errorf("Time() = %q, want YYYY-MM-DD HH:MM:SS", resp.Time())
	}
	if resp.Timezone() != daktelatest.Timezone {
		t.Errorf("Timezone() = %q, want %q", resp.Timezone(), daktelatest.Timezone)
	}
}
