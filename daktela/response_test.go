package daktela

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela/rawjson"
)

// Envelopes shaped like the captured answers in the API reference (§1.4–1.6).
const (
	contactsPage = `{"error":[],"result":{"data":[` +
		`{"name":"testing_user_637f1","title":"Jan Novák","firstname":"Jan","lastname":"Novák","account":null,` +
		`"user":{"name":"admin","title":"Správce","alias":null,"_sys":{"hash":null,"model":"users"}},` +
		`"customFields":[],"_sys":{"hash":"1234567890","model":"contacts","cfScheme":{"email":{"type":"EMAIL","title":"E-mail","hidden":false}}}},` +
		`{"name":"contacts_618a6b822ecbc476078482","title":"Žofie Černá","customFields":{"email":["zofie@example.cz"],"note":[null]},` +
		`"_sys":{"hash":null,"model":"contacts"}}` +
		`],"total":42},"_time":"2024-04-11 20:13:56","_serverTime":"2024-04-11 20:13:56","_timezone":"Europe/Prague"}`
	totalString = `{"error":[],"result":{"data":[{"name":"a"},{"name":"b"}],"total":"12"},"_time":"2024-01-01 00:00:00"}`
	totalNull   = `{"error":[],"result":{"data":[],"total":null},"_time":"2024-01-01 00:00:00"}`
	dataKeyed   = `{"error":[],"result":{"data":{"q2":{"name":"q2","title":"Druhá"},"q1":{"name":"q1","title":"První"}},"total":2}}`
	singleRec   = `{"error":[],"result":{"name":9674,"title":"Reklamace","statuses":[{"name":"statuses_618a6b822ecbc476078482","title":"Open"}],"customFields":[],"_sys":{"hash":null,"model":"tickets"}},"_time":"2024-04-11 20:13:56"}`
	badForm     = `{"error":{"form":{"lastname":"Vstup je povinný","customFields":{"email":["E-mail is not in the correct format","Druhá zpráva"]}}},` +
		`"result":{"name":"contacts_1","lastname":"","customFields":{"email":["nope"]},"_sys":{"hash":null,"model":"contacts"}},"_time":"2022-05-05 10:00:00"}`
	primaryErr = `{"error":{"primary":["User have not available devices"],"form":{"number":"Chyba cizího klíče"}},"result":null}`
	listErr    = `{"error":["Object not exist"],"result":null}`
	stringErr  = `{"error":"Object not exist"}`
	htmlPage   = `<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>`
)

// serve returns the bodies from a loopback server and fetches each, as the client would.
func fetchAll(t *testing.T, bodies map[string]string) map[string][]byte {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, bodies[strings.TrimPrefix(r.URL.Path, "/")])
	}))
	defer srv.Close()
	out := make(map[string][]byte, len(bodies))
	for name := range bodies {
		resp, err := http.Get(srv.URL + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	return out
}

func TestParseResponseShapes(t *testing.T) {
	got := fetchAll(t, map[string]string{
		"contacts": contactsPage, "totalString": totalString, "totalNull": totalNull, "keyed": dataKeyed,
		"single": singleRec, "badForm": badForm, "primary": primaryErr, "list": listErr, "string": stringErr,
		"html": htmlPage,
	})

	t.Run("list with nested relations and customFields [] vs {}", func(t *testing.T) {
		r, err := parseResponse(200, got["contacts"], kindList)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total() != 42 || len(r.Records()) != 2 || !r.IsList() || r.HasErrors() || r.IsEmpty() {
			t.Fatalf("total %d, %d records, errors %v", r.Total(), len(r.Records()), r.Errors().Messages())
		}
		// Each record is the exact sub-slice of the body.
		body := got["contacts"]
		for i, rec := range r.Records() {
			if !json.Valid(rec) || !strings.Contains(string(body), string(rec)) {
				t.Errorf("record %d is not a slice of the body: %s", i, rec)
			}
		}
		var people []struct {
			Title        string          `json:"title"`
			CustomFields json.RawMessage `json:"customFields"`
			User         *struct{ Title string }
		}
		if err := r.Decode(&people); err != nil {
			t.Fatal(err)
		}
		if people[0].Title != "Jan Novák" || string(people[0].CustomFields) != "[]" || people[0].User.Title != "Správce" {
			t.Errorf("first contact decoded as %+v", people[0])
		}
		if people[1].Title != "Žofie Černá" || !strings.HasPrefix(string(people[1].CustomFields), "{") {
			t.Errorf("second contact decoded as %+v", people[1])
		}
		data := r.Data().([]any)
		sys := data[0].(map[string]any)["_sys"].(map[string]any)
		if sys["model"] != "contacts" || sys["hash"] != "1234567890" {
			t.Errorf("_sys = %v", sys)
		}
		if reflect.ValueOf(r.Data()).Pointer() != reflect.ValueOf(data).Pointer() {
			t.Error("Data() is decoded again on each call; it should be cached")
		}
		ix, node, ok := r.IndexedRecord(1)
		if !ok || ix.Kind(node) != rawjson.KindObject || string(ix.Raw(node)) != string(r.Records()[1]) {
			t.Errorf("IndexedRecord(1) = %v, %d, %v", ix, node, ok)
		}
		if _, _, ok := r.IndexedRecord(2); ok {
			t.Error("IndexedRecord out of range is ok")
		}
	})

	t.Run("total as numeric string and null", func(t *testing.T) {
		r, err := parseResponse(200, got["totalString"], kindList)
		if err != nil || r.Total() != 12 || len(r.Records()) != 2 {
			t.Fatalf("total %d, records %d, err %v", r.Total(), len(r.Records()), err)
		}
		r, err = parseResponse(200, got["totalNull"], kindList)
		if err != nil || r.Total() != 0 || !r.IsEmpty() || r.Records() == nil {
			t.Fatalf("total %d, records %v, err %v", r.Total(), r.Records(), err)
		}
	})

	t.Run("data keyed by name", func(t *testing.T) {
		r, err := parseResponse(200, got["keyed"], kindList)
		if err != nil {
			t.Fatal(err)
		}
		var qs []struct{ Name, Title string }
		if err := r.Decode(&qs); err != nil {
			t.Fatal(err)
		}
		if len(qs) != 2 || qs[0].Name != "q2" || qs[1].Title != "První" {
			t.Errorf("keyed data decoded as %+v", qs)
		}
	})

	t.Run("single record under result", func(t *testing.T) {
		r, err := parseResponse(200, got["single"], kindSingle)
		if err != nil {
			t.Fatal(err)
		}
		if r.IsList() || r.Records() != nil || r.IsEmpty() {
			t.Fatalf("single answer: list %v, records %v", r.IsList(), r.Records())
		}
		var tk struct {
			Name     int
			Statuses []struct{ Title string }
		}
		if err := r.Decode(&tk); err != nil {
			t.Fatal(err)
		}
		if tk.Name != 9674 || len(tk.Statuses) != 1 || tk.Statuses[0].Title != "Open" {
			t.Errorf("ticket decoded as %+v", tk)
		}
		if m := r.Data().(map[string]any); m["title"] != "Reklamace" {
			t.Errorf("Data() = %v", m)
		}
		if ix, n, ok := r.IndexedResult(); !ok || ix.Kind(n) != rawjson.KindObject {
			t.Error("IndexedResult missing")
		}
	})

	t.Run("400 with form errors and the entity echoed", func(t *testing.T) {
		r, err := parseResponse(400, got["badForm"], kindSingle)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"lastname: Vstup je povinný", "customFields.email: E-mail is not in the correct format", "customFields.email: Druhá zpráva"}
		if m := r.Errors().Messages(); !reflect.DeepEqual(m, want) {
			t.Errorf("Messages() = %q, want %q", m, want)
		}
		wantForm := map[string][]string{"lastname": {"Vstup je povinný"}, "customFields.email": {"E-mail is not in the correct format", "Druhá zpráva"}}
		if f := r.Errors().Form(); !reflect.DeepEqual(f, wantForm) {
			t.Errorf("Form() = %q", f)
		}
		if !r.HasErrors() || r.FirstError() != want[0] || r.IsSuccess() {
			t.Errorf("HasErrors %v FirstError %q", r.HasErrors(), r.FirstError())
		}
		if !strings.Contains(string(r.Record()), `"contacts_1"`) {
			t.Errorf("echoed entity lost: %s", r.Record())
		}
	})

	t.Run("primary before form", func(t *testing.T) {
		r, _ := parseResponse(400, got["primary"], kindSingle)
		want := []string{"User have not available devices", "number: Chyba cizího klíče"}
		if m := r.Errors().Messages(); !reflect.DeepEqual(m, want) {
			t.Errorf("Messages() = %q, want %q", m, want)
		}
		if r.Record() != nil {
			t.Errorf("result null gave record %s", r.Record())
		}
	})

	t.Run("error as list and as string", func(t *testing.T) {
		for _, name := range []string{"list", "string"} {
			r, err := parseResponse(404, got[name], kindSingle)
			if err != nil {
				t.Fatal(err)
			}
			if m := r.Errors().Messages(); !reflect.DeepEqual(m, []string{"Object not exist"}) {
				t.Errorf("%s: Messages() = %q", name, m)
			}
			if r.Errors().Form() != nil {
				t.Errorf("%s: Form() = %v", name, r.Errors().Form())
			}
		}
	})

	t.Run("HTML proxy page on a 502", func(t *testing.T) {
		r, err := parseResponse(502, got["html"], kindList)
		if err != nil {
			t.Fatalf("a non-2xx HTML page must not be a parse error: %v", err)
		}
		if r.HTTPStatus() != 502 || !r.IsEmpty() || r.HasErrors() || r.Data() != nil && len(r.Data().([]any)) != 0 {
			t.Errorf("status %d, empty %v, errors %v", r.HTTPStatus(), r.IsEmpty(), r.Errors().Messages())
		}
	})
}

func TestParseResponseEmptyAndMalformed(t *testing.T) {
	r, err := parseResponse(204, nil, kindNone)
	if err != nil || r.HTTPStatus() != 204 || !r.IsEmpty() || r.HasErrors() || string(r.Errors().Raw()) != "[]" {
		t.Fatalf("DELETE 204: %v, %+v", err, r)
	}
	if r, err := parseResponse(503, []byte(""), kindList); err != nil || r.HTTPStatus() != 503 {
		t.Fatalf("empty 503 body: %v", err)
	}
	if _, err := parseResponse(200, []byte("  "), kindList); err == nil || !strings.Contains(err.Error(), "empty body") {
		t.Fatalf("empty 200 list body: %v", err)
	}
	trunc := []byte(contactsPage[:len(contactsPage)/2])
	_, err = parseResponse(200, trunc, kindList)
	var se *rawjson.SyntaxError
	if !errors.As(err, &se) || se.Offset != len(trunc) || !strings.Contains(err.Error(), "not valid JSON") {
		t.Fatalf("truncated 200: %v", err)
	}
	if strings.Contains(err.Error(), "Novák") {
		t.Errorf("the error quotes the body: %v", err)
	}
	_, err = parseResponse(201, []byte(htmlPage), kindSingle)
	if !errors.As(err, &se) || se.Offset != 0 {
		t.Fatalf("HTML on 201: %v", err)
	}
}

func TestCombinedResponse(t *testing.T) {
	p1, _ := parseResponse(200, []byte(`{"error":[],"result":{"data":[{"n":1},{"n":2}],"total":3}}`), kindList)
	p2, _ := parseResponse(200, []byte(`{"error":[],"result":{"data":[{"n":3}],"total":3}}`), kindList)
	r := newCombinedResponse([]*Response{p1, p2})
	var got []struct{ N int }
	if err := r.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].N != 3 || r.Total() != 3 || r.Body() != nil || r.HTTPStatus() != 200 {
		t.Fatalf("combined: %+v total %d", got, r.Total())
	}
	ix, n, ok := r.IndexedRecord(2)
	if !ok || string(ix.Raw(n)) != `{"n":3}` {
		t.Errorf("IndexedRecord(2) = %s", ix.Raw(n))
	}
	if len(r.Data().([]any)) != 3 {
		t.Errorf("Data() = %v", r.Data())
	}
}

func FuzzParseResponse(f *testing.F) {
	for _, s := range []string{contactsPage, totalString, totalNull, dataKeyed, singleRec, badForm, primaryErr,
		listErr, stringErr, htmlPage, "", `[{"a":1}]`, `{"result":{"data":{"x":1},"total":"x"}}`, `{"error":{"form":[]}}`} {
		f.Add(200, []byte(s), 0)
		f.Add(400, []byte(s), 1)
	}
	f.Fuzz(func(t *testing.T, status int, body []byte, k int) {
		kind := responseKind(uint(k) % 3)
		r, err := parseResponse(status, body, kind)
		if r == nil {
			t.Fatal("nil response")
		}
		valid := json.Valid(body)
		success := status >= 200 && status < 300
		if err != nil && (valid || !success) {
			t.Fatalf("error %v for a valid body or a non-2xx status (%d)", err, status)
		}
		if err == nil && success && !valid && len(strings.Trim(string(body), " \t\r\n")) > 0 {
			t.Fatalf("invalid 2xx body accepted: %q", body)
		}
		for _, rec := range r.Records() {
			if !json.Valid(rec) {
				t.Fatalf("record is not valid JSON: %q", rec)
			}
		}
		_ = r.Errors().Messages()
		_ = r.Errors().Form()
		_ = r.Data()
		_ = r.Decode(new(any))
	})
}
