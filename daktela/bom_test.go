package daktela

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// An answer whose body starts with a UTF-8 byte-order mark parses as the same answer
// without it (captured real answers have one; the .NET client tolerates it): a list, a
// single record, an error answer and the login answer.
func TestAnswerWithByteOrderMark(t *testing.T) {
	const bom = "\xef\xbb\xbf"
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/api/v6/login.json":
			io.WriteString(w, bom+`{"error":[],"result":{"accessToken":"tok-bom"}}`)
		case "/api/v6/users.json":
			io.WriteString(w, bom+`{"error":[],"result":{"data":[{"name":"ann"},{"name":"bob"}],"total":2},"_time":"2024-01-01 00:00:00"}`)
		case "/api/v6/users/ann.json":
			io.WriteString(w, bom+`{"error":[],"result":{"name":"ann","title":"Ann"}}`)
		default:
			w.WriteHeader(400)
			io.WriteString(w, bom+`{"error":{"form":{"title":["Title is required"]}},"result":null}`)
		}
	}))
	defer s.Close()
	c, err := Login(ctxT(t), s.URL, "admin", testPassword)
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	if got := c.currentToken(); got != "tok-bom" {
		t.Errorf("token %q, want tok-bom", got)
	}
	list, err := c.Execute(ctxT(t), BuildReadRequest("Users"))
	if err != nil || len(list.Records()) != 2 || list.Total() != 2 {
		t.Fatalf("list: %v, %d records, total %d", err, len(list.Records()), list.Total())
	}
	one, err := c.Execute(ctxT(t), BuildReadSingleRequest("Users", "ann"))
	if err != nil || !strings.Contains(string(one.Record()), `"title":"Ann"`) {
		t.Fatalf("single: %v, %s", err, one.Record())
	}
	_, err = c.Execute(ctxT(t), BuildCreateRequest("Tickets").AddAttribute("x", 1))
	if err == nil || !strings.Contains(err.Error(), "Title is required") {
		t.Fatalf("error answer: %v", err)
	}
	if resp, err := ParsePage(200, []byte(bom+`[{"name":"ann"}]`)); err != nil || len(resp.Records()) != 1 {
		t.Fatalf("ParsePage: %v", err)
	}
}
