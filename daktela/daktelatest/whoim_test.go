package daktelatest

import (
	"testing"
)

// TestWhoimCarriesTokenAndExtensions: whoim's user has _sys.accessToken equal to the
// token the request used (the static one, or one from login.json) and its SIP devices in
// extensions, as the real server answers.
func TestWhoimCarriesTokenAndExtensions(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	st, e := api(t, srv, "GET", "whoim.json", "")
	if st != 200 {
		t.Fatalf("whoim: %d", st)
	}
	var res struct {
		Version string
		User    map[string]any
	}
	if err := jsonUnmarshal(e.Result, &res); err != nil || res.User == nil {
		t.Fatalf("whoim result %s: %v", e.Result, err)
	}
	sys, _ := res.User["_sys"].(map[string]any)
	if sys["accessToken"] != srv.Token || sys["model"] != "users" {
		t.Fatalf("_sys %v, want the token used", sys)
	}
	if _, ok := res.User["extensions"].([]any); !ok {
		t.Fatalf("no extensions list: %v", res.User)
	}
	// A login token is the one echoed for its user, whose extension is a SIP device.
	st, _, b := call(t, "POST", srv.URL+"/api/v6/login.json", `{"username":"john.doe","password":"`+DemoPassword+`"}`,
		map[string]string{"Content-Type": "application/json"})
	if st != 200 {
		t.Fatalf("login: %d %s", st, b)
	}
	var login struct{ Result struct{ AccessToken string } }
	if err := jsonUnmarshal(b, &login); err != nil || login.Result.AccessToken == "" {
		t.Fatalf("login answer %s", b)
	}
	st, _, b = call(t, "GET", srv.URL+"/api/v6/whoim.json?accessToken="+login.Result.AccessToken, "", nil)
	if err := jsonUnmarshal(decodeEnv(t, b).Result, &res); err != nil || st != 200 {
		t.Fatalf("whoim with the login token: %d %s", st, b)
	}
	sys, _ = res.User["_sys"].(map[string]any)
	exts, _ := res.User["extensions"].([]any)
	if res.User["name"] != "john.doe" || sys["accessToken"] != login.Result.AccessToken || len(exts) != 1 {
		t.Fatalf("user %v _sys %v extensions %v", res.User["name"], sys, exts)
	}
	if ext, _ := exts[0].(map[string]any); ext["name"] != res.User["extension"] || ext["type"] != "SIP" {
		t.Fatalf("extension %v, user's extension %v", exts[0], res.User["extension"])
	}
	// Without a token: user null.
	st, _, b = call(t, "GET", srv.URL+"/api/v6/whoim.json", "", nil)
	if st != 200 || string(decodeEnv(t, b).Result) == "" {
		t.Fatalf("anonymous whoim: %d %s", st, b)
	}
}
