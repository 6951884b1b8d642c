package daktelatest

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteValidation(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	cat := srv.Names("ticketsCategories")[0]
	tests := []struct {
		name, method, path, body string
		status                   int
		form                     map[string]any // expected error.form (subset)
	}{
		{"missing required", "POST", "tickets.json", `{"description":"no title"}`, 400,
			map[string]any{"title": "Item is mandatory", "category": "Item is mandatory"}},
		{"foreign key", "POST", "tickets.json", `{"title":"x","category":"categories_nope"}`, 400,
			map[string]any{"category": "Foreign key error"}},
		{"enum", "POST", "tickets.json", `{"title":"x","category":"` + cat + `","priority":"URGENT"}`, 400,
			map[string]any{"priority": `Value "URGENT" is not allowed (allowed: "LOW", "MEDIUM", "HIGH")`}},
		{"m:n foreign key", "POST", "tickets.json", `{"title":"x","category":"` + cat + `","followers":["ghost"]}`, 400,
			map[string]any{"followers": "Foreign key error"}},
		{"custom field e-mail", "POST", "contacts.json", `{"lastname":"Nováková","customFields":{"email":["not-an-email"]}}`, 400,
			map[string]any{"customFields": map[string]any{"email": []any{"E-mail is not in the correct format"}}}},
		{"update to empty required", "PUT", "tickets/1001.json", `{"title":""}`, 400,
			map[string]any{"title": "Item is mandatory"}},
		{"bad number", "PUT", "activities/" + srv.Names("activities")[0] + ".json", `{"priority":"high"}`, 400,
			map[string]any{"priority": `Value "high" is not a whole number`}},
		{"bad date", "PUT", "tickets/1001.json", `{"sla_deadtime":"tomorrow"}`, 400,
			map[string]any{"sla_deadtime": `Value "tomorrow" is not a date (YYYY-MM-DD HH:MM:SS)`}},
		{"duplicate name", "POST", "users.json", `{"name":"admin","title":"Second admin"}`, 400,
			map[string]any{"name": "Object already exists"}},
		{"not JSON", "POST", "tickets.json", `{"title":`, 400, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st, e := api(t, srv, tc.method, tc.path, tc.body)
			if st != tc.status {
				t.Fatalf("status %d want %d: %s %s", st, tc.status, e.Error, e.Result)
			}
			if tc.form == nil {
				return
			}
			var er struct{ Form map[string]any }
			if err := json.Unmarshal(e.Error, &er); err != nil {
				t.Fatalf("error is not {form:...}: %s", e.Error)
			}
			for k, want := range tc.form {
				gotJS, _ := json.Marshal(er.Form[k])
				wantJS, _ := json.Marshal(want)
				if string(gotJS) != string(wantJS) {
					t.Errorf("form[%s] = %s, want %s", k, gotJS, wantJS)
				}
			}
			// the entity the server tried to save is echoed, with _sys
			r := recordOf(t, e)
			if r["_sys"] == nil {
				t.Errorf("no echoed entity: %s", e.Result)
			}
		})
	}
	// nothing invalid was stored
	if n := srv.Count("tickets"); n != 40 {
		t.Fatalf("tickets after failed writes: %d", n)
	}
}

func TestWritesPersistAndRelations(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	// create a contact with a form body (PHP brackets) and custom fields as arrays
	st, _, b := call(t, "POST", srv.URL+"/api/v6/contacts.json",
		"firstname=Ada&lastname=Lovelace&customFields[email][0]=ada@example.org&customFields[number][]=%2B420111222333&user=john.doe",
		map[string]string{"X-AUTH-TOKEN": srv.Token, "Content-Type": "application/x-www-form-urlencoded"})
	if st != 201 {
		t.Fatalf("form create: %d %s", st, b)
	}
	c := recordOf(t, decodeEnv(t, b))
	name := c["name"].(string)
	if !strings.HasPrefix(name, "contact_") || c["title"] != "Ada Lovelace" {
		t.Fatalf("created contact %v %v", name, c["title"])
	}
	cf := c["customFields"].(map[string]any)
	if e, _ := json.Marshal(cf["email"]); string(e) != `["ada@example.org"]` {
		t.Fatalf("custom field not an array: %s", e)
	}
	if u, _ := c["user"].(map[string]any); u["name"] != "john.doe" {
		t.Fatalf("user not expanded: %v", c["user"])
	}
	// a ticket for the contact, written with names, read with objects
	cat := srv.Names("ticketsCategories")[1]
	st, e := api(t, srv, "POST", "tickets.json", `{"title":"Help","category":"`+cat+`","contact":"`+name+`","statuses":["`+srv.Names("statuses")[0]+`"],"customFields":{"product":"TV"}}`)
	if st != 201 {
		t.Fatalf("ticket: %d %s", st, e.Error)
	}
	tk := recordOf(t, e)
	tn := int(tk["name"].(float64))
	if tk["created_by"].(map[string]any)["name"] != "admin" {
		t.Fatalf("created_by %v", tk["created_by"])
	}
	lr := list(t, srv, "contacts/"+name+"/tickets.json")
	if lr.Total != 1 || int(lr.Data[0]["name"].(float64)) != tn {
		t.Fatalf("contact tickets: %+v", lr)
	}
	// ticket comment adds an activity
	if st, e := api(t, srv, "PUT", "tickets/"+itoa(tn)+".json", `{"comment":"Called back","stage":"WAIT"}`); st != 200 {
		t.Fatalf("comment: %d %s", st, e.Error)
	}
	acts := list(t, srv, "tickets/"+itoa(tn)+"/activities.json")
	if acts.Total != 1 || acts.Data[0]["description"] != "Called back" {
		t.Fatalf("comment activity: %+v", acts)
	}
	// attachments of an e-mail activity
	found := false
	for _, a := range list(t, srv, "activities.json?take=1000&filter[field]=type&filter[value]=EMAIL").Data {
		at := list(t, srv, "activities/"+a["name"].(string)+"/attachments.json")
		if at.Total > 0 {
			found = true
			if at.Data[0]["file"] == nil || at.Data[0]["type"] != "application/pdf" || at.Data[0]["activity"] != nil {
				t.Fatalf("attachment %v", at.Data[0])
			}
			break
		}
	}
	if !found {
		t.Fatal("no e-mail activity has attachments")
	}
	// the deprecated queue field picks the record type
	st, e = api(t, srv, "POST", "campaignsRecords.json", `{"number":"00420226211245","queue":3000}`)
	if st != 201 || recordOf(t, e)["record_type"].(map[string]any)["title"] != "Support callbacks" {
		t.Fatalf("record by queue: %d %s %s", st, e.Error, e.Result)
	}
	// delete persists
	if st, _ := api(t, srv, "DELETE", "contacts/"+name+".json", ""); st != 204 {
		t.Fatalf("delete %d", st)
	}
	if _, ok := srv.Record("contacts", name); ok {
		t.Fatal("deleted contact still there")
	}
}

func itoa(n int) string { return nameKey(int64(n)) }
