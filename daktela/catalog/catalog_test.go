package catalog

import (
	"strings"
	"testing"
)

// The table holds together: every link names a model of the catalogue, every relation a
// model and a field of it that links back, every key is a field, custom-field keys
// only on models with customFields, no field twice.
func TestTableIsConsistent(t *testing.T) {
	if len(Models()) < 40 {
		t.Fatalf("catalogue has %d models, want the 40+ the evidence shows", len(Models()))
	}
	for _, m := range Models() {
		if m.Name == "" || strings.ToLower(m.Name[:1]) != m.Name[:1] {
			t.Errorf("model %q: names start lower-case, as endpoints", m.Name)
		}
		if m.Doc == "" {
			t.Errorf("%s: no Doc", m.Name)
		}
		seen := map[string]bool{}
		for _, f := range m.Fields {
			if seen[f.Name] {
				t.Errorf("%s.%s listed twice", m.Name, f.Name)
			}
			seen[f.Name] = true
			if (f.Type == Link || f.Type == Links) != (f.Ref != "") {
				t.Errorf("%s.%s: type %s with ref %q", m.Name, f.Name, f.Type, f.Ref)
			}
			if f.Ref != "" {
				if _, ok := Lookup(f.Ref); !ok {
					t.Errorf("%s.%s links to unknown model %q", m.Name, f.Name, f.Ref)
				}
			}
		}
		for _, f := range m.WriteOnly {
			if seen[f.Name] {
				t.Errorf("%s.%s is a field and a write-only attribute", m.Name, f.Name)
			}
		}
		key, ok := m.Field(m.Key)
		if !ok {
			t.Errorf("%s: key %q is not a field", m.Name, m.Key)
		} else if m.Counter != (key.Type == Integer) {
			t.Errorf("%s: counter %v but key type %s", m.Name, m.Counter, key.Type)
		}
		if _, hasCF := m.Field("customFields"); len(m.CustomFields) > 0 && !hasCF {
			t.Errorf("%s: custom-field keys without a customFields field", m.Name)
		}
		for _, r := range m.Relations {
			child, ok := Lookup(r.Model)
			if !ok {
				t.Errorf("%s/%s: unknown model %q", m.Name, r.Name, r.Model)
				continue
			}
			f, ok := child.Field(r.Field)
			if !ok || f.Type != Link || f.Ref != m.Name {
				t.Errorf("%s/%s: %s.%s is not a link to %s", m.Name, r.Name, r.Model, r.Field, m.Name)
			}
		}
		for wrong, right := range m.Mistakes {
			if _, ok := m.Field(wrong); ok {
				t.Errorf("%s: mistake %q is a real field (hint %q)", m.Name, wrong, right)
			}
		}
	}
	for typ, model := range Channels {
		if _, ok := Lookup(model); !ok {
			t.Errorf("channel %s: unknown model %q", typ, model)
		}
	}
}

// The models of the captures and of real automations are all there, and no model has
// the users.username field no real record carries.
func TestTableHasTheRealModels(t *testing.T) {
	for _, name := range []string{"activities", "activitiesCall", "activitiesEmail", "activitiesWeb", "activitiesSms",
		"activitiesEmailFiles", "activitiesCallRecordings", "crmRecords", "crmRecordsTypes", "pauses", "groups",
		"templates", "realtimeSessions", "tickets", "ticketsCategories", "ticketsSla", "users", "profiles", "roles",
		"contacts", "crmDatabases", "accounts", "statuses", "queues", "campaignsRecords", "campaignsTypes", "databases"} {
		if _, ok := Lookup(name); !ok {
			t.Errorf("model %s missing", name)
		}
	}
	users, _ := Lookup("Users")
	if _, ok := users.Field("username"); ok {
		t.Error("users.username exists; the login is name")
	}
	if users.Mistakes["username"] != "name" {
		t.Errorf("users: the username hint is %q, want name", users.Mistakes["username"])
	}
	act, _ := Lookup("activities")
	if f, _ := act.Field("time_wait"); f == nil || f.Type != Datetime {
		t.Errorf("activities.time_wait = %+v, want a datetime", f)
	}
	call, _ := Lookup("activitiesCall")
	if call.Key != "id_call" {
		t.Errorf("activitiesCall key %q, want id_call", call.Key)
	}
	eps := Endpoints()
	for _, n := range eps {
		if n == "ActivitiesAttachments" {
			t.Error("attachments are read through activities/{name}/attachments, not an endpoint")
		}
	}
	if len(eps) == 0 || eps[0] != "Accounts" {
		t.Errorf("Endpoints() = %v..., want sorted PHP names from Accounts", eps[:min(3, len(eps))])
	}
}
