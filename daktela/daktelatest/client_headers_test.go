package daktelatest

import (
	"fmt"
	"strings"
	"testing"
)

// TestTicketCommentOnCreate: a ticket's write-only comment adds a comment activity on
// create as on update; comment_add_files is accepted with it.
func TestTicketCommentOnCreate(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	cat := srv.Names("ticketsCategories")[0]
	st, e := api(t, srv, "POST", "tickets.json", `{"title":"With a comment","category":"`+cat+`","comment":"First words","comment_add_files":[]}`)
	if st != 201 {
		t.Fatalf("create: %d %s", st, e.Error)
	}
	name := fmt.Sprint(normalizeNum(recordOf(t, e)["name"]))
	acts := list(t, srv, "tickets/"+name+"/activities.json")
	if acts.Total != 1 || acts.Data[0]["description"] != "First words" || acts.Data[0]["title"] != "Comment" {
		t.Fatalf("activities of the new ticket: %+v", acts.Data)
	}
	if st, _ := api(t, srv, "PUT", "tickets/"+name+".json", `{"comment":"More"}`); st != 200 {
		t.Fatalf("update: %d", st)
	}
	if n := list(t, srv, "tickets/"+name+"/activities.json").Total; n != 2 {
		t.Fatalf("activities after an update's comment: %d", n)
	}
}

// TestClientZoneAndLanguage: _timezone follows x-timezone-client (a zone the server
// knows; anything else leaves the instance's), and Accept-Language sets a lang cookie.
func TestClientZoneAndLanguage(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	get := func(hdr map[string]string) (string, string) {
		t.Helper()
		hdr["X-AUTH-TOKEN"] = srv.Token
		st, h, b := call(t, "GET", srv.URL+"/api/v6/users.json?take=1", "", hdr)
		if st != 200 {
			t.Fatalf("status %d: %s", st, b)
		}
		return decodeEnv(t, b).Timezone, strings.Join(h.Values("Set-Cookie"), "; ")
	}
	for _, tc := range []struct{ header, want string }{
		{"", Timezone},
		{"America/New_York", "America/New_York"},
		{"UTC", "UTC"},
		{"Mars/Olympus", Timezone},
		{`Europe/Prague"`, Timezone},
	} {
		hdr := map[string]string{}
		if tc.header != "" {
			hdr["x-timezone-client"] = tc.header
		}
		if tz, _ := get(hdr); tz != tc.want {
			t.Errorf("x-timezone-client %q: _timezone %q, want %q", tc.header, tz, tc.want)
		}
	}
	// An error answer follows the header too.
	st, _, b := call(t, "GET", srv.URL+"/api/v6/users/nobody.json", "", map[string]string{"X-AUTH-TOKEN": srv.Token, "x-timezone-client": "Asia/Tokyo"})
	if st != 404 || decodeEnv(t, b).Timezone != "Asia/Tokyo" {
		t.Errorf("404: %d _timezone %q", st, decodeEnv(t, b).Timezone)
	}
	if _, cookie := get(map[string]string{"Accept-Language": "cs-CZ,cs;q=0.9,en;q=0.8"}); !strings.Contains(cookie, "lang=cs") {
		t.Errorf("Accept-Language cs-CZ: Set-Cookie %q", cookie)
	}
	if _, cookie := get(map[string]string{}); strings.Contains(cookie, "lang=") {
		t.Errorf("no Accept-Language: Set-Cookie %q", cookie)
	}
}
