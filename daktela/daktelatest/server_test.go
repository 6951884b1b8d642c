package daktelatest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
)

var timeRe = regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`)

func TestRoutesAndEnvelope(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	tests := []struct {
		name, method, path, body string
		status                   int
		check                    func(t *testing.T, e env)
	}{
		{"list", "GET", "users.json", "", 200, func(t *testing.T, e env) {
			var lr listResult
			json.Unmarshal(e.Result, &lr)
			if lr.Total != 8 || len(lr.Data) != 8 {
				t.Errorf("users: total %d, %d records", lr.Total, len(lr.Data))
			}
		}},
		{"list without suffix", "GET", "users", "", 200, nil},
		{"model first letter upper", "GET", "CampaignsRecords.json?take=1", "", 200, nil},
		{"single", "GET", "tickets/1001.json", "", 200, func(t *testing.T, e env) {
			r := recordOf(t, e)
			if r["name"] != float64(1001) {
				t.Errorf("name %v", r["name"])
			}
			cat, ok := r["category"].(map[string]any)
			if !ok || cat["_sys"].(map[string]any)["model"] != "ticketsCategories" {
				t.Errorf("category not expanded with _sys: %v", r["category"])
			}
		}},
		{"single unknown", "GET", "tickets/999999.json", "", 404, func(t *testing.T, e env) {
			if string(e.Error) != `["Object not exist"]` || string(e.Result) != "null" {
				t.Errorf("404 envelope: %s %s", e.Error, e.Result)
			}
		}},
		{"relation tickets activities", "GET", "tickets/1001/activities.json", "", 200, func(t *testing.T, e env) {
			var lr listResult
			json.Unmarshal(e.Result, &lr)
			for _, a := range lr.Data {
				if tk, _ := a["ticket"].(map[string]any); tk["name"] != float64(1001) {
					t.Errorf("activity of another ticket: %v", a["ticket"])
				}
			}
		}},
		{"relation records activities", "GET", "campaignsRecords/records_5fa299a48ab72834012563/activities.json", "", 200, nil},
		{"relation contact tickets", "GET", "contacts/" + firstName(t, srv, "contacts") + "/tickets.json", "", 200, nil},
		{"relation unknown", "GET", "tickets/1001/nope.json", "", 404, nil},
		{"relation of unknown record", "GET", "tickets/5/activities.json", "", 404, nil},
		{"unknown model", "GET", "nope.json", "", 404, nil},
		{"create", "POST", "tickets.json", `{"title":"Printer on fire","category":"` + firstName(t, srv, "ticketsCategories") + `"}`, 201, func(t *testing.T, e env) {
			r := recordOf(t, e)
			if r["name"] != float64(1041) || r["stage"] != "OPEN" || r["title"] != "Printer on fire" {
				t.Errorf("created %v %v %v", r["name"], r["stage"], r["title"])
			}
		}},
		{"update", "PUT", "tickets/1002.json", `{"stage":"CLOSE","priority":"HIGH"}`, 200, func(t *testing.T, e env) {
			r := recordOf(t, e)
			if r["stage"] != "CLOSE" || r["priority"] != "HIGH" {
				t.Errorf("updated %v %v", r["stage"], r["priority"])
			}
		}},
		{"update unknown", "PUT", "tickets/5.json", `{"stage":"CLOSE"}`, 404, nil},
		{"delete", "DELETE", "tickets/1003.json", "", 204, nil},
		{"delete again", "DELETE", "tickets/1003.json", "", 404, nil},
		{"method not allowed", "DELETE", "tickets.json", "", 405, nil},
		{"bad take", "GET", "tickets.json?take=x", "", 400, nil},
		{"unknown filter field", "GET", "tickets.json?filter[field]=nope&filter[operator]=eq&filter[value]=1", "", 400, func(t *testing.T, e env) {
			if !strings.Contains(string(e.Error), "nope") {
				t.Errorf("error does not name the field: %s", e.Error)
			}
		}},
		{"unknown operator", "GET", "tickets.json?filter[field]=stage&filter[operator]=nin&filter[value]=1", "", 400, nil},
		{"unknown sort field", "GET", "tickets.json?sort[0][field]=nope", "", 400, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, hdr, b := call(t, tc.method, srv.URL+"/api/v6/"+tc.path, tc.body, map[string]string{"X-AUTH-TOKEN": srv.Token})
			if st != tc.status {
				t.Fatalf("status %d, want %d: %s", st, tc.status, b)
			}
			if st == 204 {
				if len(b) != 0 {
					t.Fatalf("204 with body %q", b)
				}
				return
			}
			if hdr.Get("Content-Length") == "" || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
				t.Errorf("headers: %v", hdr)
			}
			e := decodeEnv(t, b)
			if !timeRe.MatchString(e.Time) || e.ServerTime != e.Time || e.Timezone != "Europe/Prague" {
				t.Errorf("envelope metadata: %q %q %q", e.Time, e.ServerTime, e.Timezone)
			}
			if st < 300 && string(e.Error) != "[]" {
				t.Errorf("success error member %s", e.Error)
			}
			if !strings.HasPrefix(string(b), `{"error":`) {
				t.Errorf("envelope must start with error: %.40s", b)
			}
			if tc.check != nil {
				tc.check(t, e)
			}
		})
	}
}

func firstName(t *testing.T, srv *Server, model string) string {
	n := srv.Names(model)
	if len(n) == 0 {
		t.Fatalf("no %s", model)
	}
	return n[0]
}

func TestAuthKinds(t *testing.T) {
	srv := NewServer(Options{Token: "secret-token-xyz"})
	defer srv.Close()
	u := srv.URL + "/api/v6/queues.json"
	tests := []struct {
		name   string
		url    string
		hdr    map[string]string
		status int
		kind   AuthKind
	}{
		{"header", u, map[string]string{"X-AUTH-TOKEN": srv.Token}, 200, AuthHeader},
		{"query", u + "?accessToken=" + srv.Token, nil, 200, AuthQuery},
		{"cookie", u, map[string]string{"Cookie": "c_user=" + srv.Token}, 200, AuthCookie},
		{"bearer", u, map[string]string{"Authorization": "Bearer " + srv.Token}, 200, AuthBearer},
		{"none", u, nil, 401, AuthNone},
		{"wrong", u, map[string]string{"X-AUTH-TOKEN": "nope"}, 401, AuthHeader},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetLog()
			st, _, b := call(t, "GET", tc.url, "", tc.hdr)
			if st != tc.status {
				t.Fatalf("status %d want %d: %s", st, tc.status, b)
			}
			if st == 401 {
				e := decodeEnv(t, b)
				var msgs []string
				if err := json.Unmarshal(e.Error, &msgs); err != nil || len(msgs) == 0 {
					t.Errorf("401 error must be a list of messages: %s", e.Error)
				}
			}
			logs := srv.Requests()
			if len(logs) != 1 || logs[0].Auth != tc.kind || logs[0].Status != tc.status {
				t.Fatalf("log %+v", logs)
			}
			if strings.Contains(fmt.Sprintf("%+v", logs[0]), srv.Token) {
				t.Errorf("request log holds the token: %+v", logs[0])
			}
		})
	}
	// A token in a form body is also accepted, and blanked in the log.
	srv.ResetLog()
	st, _, b := call(t, "POST", srv.URL+"/api/v6/statuses.json", "accessToken="+srv.Token+"&title=Form+made",
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	if st != 201 {
		t.Fatalf("form create: %d %s", st, b)
	}
	if l := srv.Requests()[0]; l.Auth != AuthForm || strings.Contains(string(l.Body), srv.Token) || !strings.Contains(string(l.Body), "title=Form+made") {
		t.Errorf("form log: %+v", l)
	}
}

func TestLoginAndWhoim(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	// anonymous whoim
	st, _, b := call(t, "GET", srv.URL+"/api/v6/whoim.json", "", nil)
	e := decodeEnv(t, b)
	if st != 200 || !strings.Contains(string(e.Result), `"user":null`) || !strings.Contains(string(e.Result), `"version"`) {
		t.Fatalf("anonymous whoim: %d %s", st, b)
	}
	// JSON login
	st, _, b = call(t, "POST", srv.URL+"/api/v6/login.json", `{"username":"john.doe","password":"demo"}`, map[string]string{"Content-Type": "application/json"})
	var lr struct {
		Result struct{ AccessToken, RefreshToken, AccessTokenExpirationDate string }
	}
	if err := json.Unmarshal(b, &lr); st != 200 || err != nil || lr.Result.AccessToken == "" || lr.Result.RefreshToken == "" || !timeRe.MatchString(lr.Result.AccessTokenExpirationDate) {
		t.Fatalf("login: %d %s", st, b)
	}
	// the login token works and whoim names the user
	st, _, b = call(t, "GET", srv.URL+"/api/v6/whoim.json", "", map[string]string{"X-AUTH-TOKEN": lr.Result.AccessToken})
	if st != 200 || !strings.Contains(string(b), `"name":"john.doe"`) {
		t.Fatalf("whoim: %d %s", st, b)
	}
	// form login with only_token gives a bare string
	st, _, b = call(t, "POST", srv.URL+"/api/v6/login.json", "username=admin&password=demo&only_token=1", map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	var ot struct{ Result string }
	if err := json.Unmarshal(b, &ot); st != 200 || err != nil || ot.Result == "" {
		t.Fatalf("only_token login: %d %s", st, b)
	}
	// refresh
	st, _, b = call(t, "PUT", srv.URL+"/api/v6/login.json", `{"refreshToken":"`+lr.Result.RefreshToken+`"}`, nil)
	if st != 200 || !strings.Contains(string(b), "accessToken") {
		t.Fatalf("refresh: %d %s", st, b)
	}
	// a refresh token works once
	st, _, _ = call(t, "PUT", srv.URL+"/api/v6/login.json", `{"refreshToken":"`+lr.Result.RefreshToken+`"}`, nil)
	if st != 401 {
		t.Fatalf("second refresh: %d", st)
	}
	// wrong password
	st, _, _ = call(t, "POST", srv.URL+"/api/v6/login.json", `{"username":"admin","password":"x"}`, nil)
	if st != 401 {
		t.Fatalf("wrong password: %d", st)
	}
	// expired login tokens are 401, the static token still works
	srv.ExpireLoginTokens()
	if st, _, _ = call(t, "GET", srv.URL+"/api/v6/users.json", "", map[string]string{"X-AUTH-TOKEN": lr.Result.AccessToken}); st != 401 {
		t.Fatalf("expired token: %d", st)
	}
	if st, _, _ = call(t, "GET", srv.URL+"/api/v6/users.json", "", map[string]string{"X-AUTH-TOKEN": srv.Token}); st != 200 {
		t.Fatalf("static token: %d", st)
	}
	for _, l := range srv.Requests() {
		s := fmt.Sprintf("%+v %s", l, l.Body)
		if strings.Contains(s, lr.Result.AccessToken) || strings.Contains(s, lr.Result.RefreshToken) || strings.Contains(s, srv.Token) || strings.Contains(s, `"demo"`) {
			t.Errorf("log holds a secret: %s", s)
		}
	}
}

func TestPagingProjectionSearch(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	all := list(t, srv, "campaignsRecords.json")
	if all.Total != 200 || len(all.Data) != 100 {
		t.Fatalf("default take: total %d, %d records", all.Total, len(all.Data))
	}
	big := list(t, srv, "activities.json?take=5000")
	n := srv.Count("activities")
	if n < 300 || n > 1000 || len(big.Data) != n || big.Total != n {
		t.Fatalf("take 5000: %d records of %d, the server has %d", len(big.Data), big.Total, n)
	}
	p1 := list(t, srv, "activities.json?take=7&skip=0&sort[0][field]=name")
	p2 := list(t, srv, "activities.json?take=7&skip=7&sort[0][field]=name")
	if p1.Total != n || p2.Total != n || names(p1)[6] >= names(p2)[0] {
		t.Fatalf("paging: %v | %v", names(p1), names(p2))
	}
	if z := list(t, srv, "activities.json?take=0"); len(z.Data) != 0 || z.Total != n {
		t.Fatalf("take=0: %d records, total %d", len(z.Data), z.Total)
	}
	end := list(t, srv, fmt.Sprintf("activities.json?take=10&skip=%d", n-5))
	if len(end.Data) != 5 {
		t.Fatalf("last page %d", len(end.Data))
	}
	// fields[] and fields[0] and comma form; dotted paths
	for _, q := range []string{"fields[]=name&fields[]=title&fields[]=user.title", "fields[0]=name&fields[1]=title&fields[2]=user.title", "fields=name,title,user.title"} {
		lr := list(t, srv, "tickets.json?take=2&"+q)
		for _, r := range lr.Data {
			if len(r) != 3 || r["title"] == nil {
				t.Errorf("%s: %v", q, r)
			}
			if u, ok := r["user"].(map[string]any); ok && (len(u) != 1 || u["title"] == nil) {
				t.Errorf("%s: user %v", q, u)
			}
		}
	}
	// q full-text
	lr := list(t, srv, "tickets.json?q=invoice")
	if lr.Total == 0 {
		t.Fatal("q=invoice found nothing")
	}
	for _, r := range lr.Data {
		if !strings.Contains(strings.ToLower(fmt.Sprint(r["title"], r["description"], r["email"])), "invoice") {
			t.Errorf("q match without invoice: %v", r["title"])
		}
	}
	// multi-key sort
	lr = list(t, srv, "tickets.json?take=1000&sort[0][field]=stage&sort[0][dir]=asc&sort[1][field]=name&sort[1][dir]=desc")
	for i := 1; i < len(lr.Data); i++ {
		a, b := lr.Data[i-1], lr.Data[i]
		if a["stage"].(string) > b["stage"].(string) || (a["stage"] == b["stage"] && a["name"].(float64) < b["name"].(float64)) {
			t.Fatalf("sort order broken at %d: %v/%v %v/%v", i, a["stage"], a["name"], b["stage"], b["name"])
		}
	}
	// JS connector's un-indexed sort
	lr = list(t, srv, "tickets.json?take=3&sort[field]=name&sort[dir]=desc")
	if names(lr)[0] != "1040" {
		t.Fatalf("sort[field] desc: %v", names(lr))
	}
}

func TestConcurrentClients(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				st, _, b := call(t, "POST", srv.URL+"/api/v6/statuses.json", fmt.Sprintf(`{"title":"s-%d-%d"}`, w, i), map[string]string{"X-AUTH-TOKEN": srv.Token})
				if st != 201 {
					t.Errorf("create: %d %s", st, b)
					return
				}
				if st, _, _ := call(t, "GET", srv.URL+"/api/v6/tickets.json?take=50", "", map[string]string{"X-AUTH-TOKEN": srv.Token}); st != 200 {
					t.Errorf("list: %d", st)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	if n := srv.Count("statuses"); n != 6+8*20 {
		t.Fatalf("statuses after concurrent creates: %d", n)
	}
	seen := map[string]bool{}
	for _, n := range srv.Names("statuses") {
		if seen[n] {
			t.Fatalf("duplicate name %s", n)
		}
		seen[n] = true
	}
}

func TestDeterministicSeed(t *testing.T) {
	a, b, c := NewServer(Options{Seed: 7}), NewServer(Options{Seed: 7}), NewServer(Options{Seed: 8})
	defer a.Close()
	defer b.Close()
	defer c.Close()
	get := func(s *Server) string {
		_, _, body := call(t, "GET", s.URL+"/api/v6/campaignsRecords.json?take=1000", "", map[string]string{"X-AUTH-TOKEN": s.Token})
		e := decodeEnv(t, body)
		return string(e.Result)
	}
	if get(a) != get(b) {
		t.Fatal("same seed, different data")
	}
	if get(a) == get(c) {
		t.Fatal("different seeds, same data")
	}
}

func TestNotAPIPath(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	st, _, _ := call(t, "GET", srv.URL+"/index.html", "", nil)
	if st != http.StatusNotFound {
		t.Fatalf("status %d", st)
	}
}
