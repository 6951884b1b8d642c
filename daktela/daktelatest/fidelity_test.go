package daktelatest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela/catalog"
)

// captureKeys are the keys the real server's captured answers (the public
// aviationexam/daktela-http-client test fixtures) show for a record of each model.
var captureKeys = map[string][]string{
	"tickets": {"name", "title", "id_merge", "category", "user", "email", "contact", "parentTicket", "description",
		"statuses", "followers", "stage", "priority", "sla_overdue", "sla_deadtime", "sla_change", "sla_duration",
		"sla_custom", "interaction_activity_count", "reopen", "created", "created_by", "edited", "edited_by",
		"first_answer", "first_answer_duration", "closed", "unread", "has_attachment", "isParent", "customFields",
		"last_activity", "last_activity_operator", "last_activity_client", "first_answer_deadline",
		"first_answer_overdue", "sla_close_deadline", "_sys", "_access", "isFollowed"},
	"ticketsCategories": {"name", "title", "description", "sla", "timecondition", "email_queue", "call_queue", "sms_queue",
		"status_required", "multiple_statuses", "closeCheckChilds", "autofocused_tab", "auto_archive_tickets",
		"default_crm_database", "_sys"},
	"ticketsSla": {"name", "title", "unit", "response_low", "response_normal", "response_high", "solution_low",
		"solution_normal", "solution_high", "_sys"},
	"statuses": {"name", "title", "description", "validation", "nextcall", "blacklist_database",
		"blacklist_expiration_time", "color", "_sys"},
	"contacts": {"name", "title", "firstname", "lastname", "database", "account", "user", "description", "nps_score",
		"edited", "created", "customFields", "duplicateContacts", "notDuplicateContacts", "_sys"},
	"users": {"name", "title", "type", "alias", "profile", "role", "description", "call_steering_description",
		"extension", "acl", "extension_state", "clid", "static", "recordAtCallStart", "algo", "email", "emailAuth",
		"icon", "emoji", "options", "fcmSettings", "nps_score", "cp_access_crm", "backoffice_user", "forwarding_number",
		"timezone", "deleted", "deactivated", "allowRecordingInterruption", "_sys"},
	"profiles": {"name", "title", "description", "type", "maxActivities", "maxOutRecords", "deleteMissedActivity",
		"noQueueCallsAllowed", "canTransferCall", "monitoringModes", "gptFunctions", "askForAssistance", "options",
		"customViews", "customSocialMediaViews", "oneTimePassword", "passwordReset", "_sys"},
	"roles":        {"name", "title", "description", "options", "shortcuts", "gpt_custom_prompts", "type", "_sys"},
	"crmDatabases": {"name", "title", "description", "available_cp", "autofocused_contacts_tab", "autofocused_accounts_tab", "default", "contactsCFScheme", "reverse_names", "_sys"},
	"queues":       {"name", "title", "alias", "description", "call_steering_description", "type", "direction", "options", "deactivated", "_sys"},
	"activities": {"name", "ticket", "title", "action", "type", "item", "queue", "user", "contact", "survey", "record",
		"statuses", "priority", "options", "description", "important", "time", "time_wait", "time_open", "time_close",
		"baw", "aaw", "duration", "focus_time", "focus_disruptions", "ringing_time", "created_by", "customFields",
		"_sys", "attachments"},
	"activitiesEmail": {"name", "queue", "user", "contact", "title", "address", "direction", "wait_time", "duration",
		"answered", "text", "options", "time", "state", "_sys", "files", "attachments", "activities"},
	"activitiesEmailFiles": {"file", "inline", "cid", "title", "type", "size", "time", "_sys"},
}

func missingKeys(rec map[string]any, want []string) []string {
	var out []string
	for _, k := range want {
		if _, ok := rec[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// Every key the captured real answers show for a model is in the fake's records of it.
func TestRecordsHaveTheCapturedKeys(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	for model, keys := range captureKeys {
		lr := list(t, srv, model+".json?take=5")
		if len(lr.Data) == 0 {
			t.Errorf("%s: no demo records", model)
			continue
		}
		for _, r := range lr.Data {
			if miss := missingKeys(r, keys); len(miss) > 0 {
				t.Errorf("%s record lacks %v", model, miss)
			}
		}
	}
}

func obj(t *testing.T, v any, path string) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s = %v (%T), want an expanded record", path, v, v)
	}
	return m
}

// Relations expand three levels as the captures show, and a nested user is the whole
// user record.
func TestRelationsExpandAsDeepAsTheRealAPI(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	lr := list(t, srv, "activities.json?take=1&filter[0][field]=ticket&filter[0][operator]=isnotnull&filter[1][field]=type&filter[1][value]=EMAIL")
	if len(lr.Data) != 1 {
		t.Fatalf("no e-mail activity with a ticket: %v", lr.Total)
	}
	a := lr.Data[0]
	sla := obj(t, obj(t, obj(t, a["ticket"], "activity.ticket")["category"], "activity.ticket.category")["sla"], "activity.ticket.category.sla")
	if sla["_sys"].(map[string]any)["model"] != "ticketsSla" || sla["response_high"] == nil {
		t.Errorf("activity.ticket.category.sla = %v", sla)
	}
	lr = list(t, srv, "contacts.json?take=1&filter[0][field]=user&filter[0][operator]=isnotnull")
	user := obj(t, lr.Data[0]["user"], "contact.user")
	for _, rel := range []string{"profile", "role"} {
		if m := obj(t, user[rel], "contact.user."+rel); m["title"] == nil {
			t.Errorf("contact.user.%s = %v", rel, m)
		}
	}
	// The whole user, not the hand-anonymised {name, title, alias, email}.
	if miss := missingKeys(user, captureKeys["users"]); len(miss) > 0 {
		t.Errorf("nested user lacks %v: %v", miss, user)
	}
	st, e := api(t, srv, "GET", "tickets/1021.json", "")
	if st != 200 {
		t.Fatalf("ticket 1021: %d", st)
	}
	merged := obj(t, recordOf(t, e)["id_merge"], "ticket.id_merge")
	if normalizeNum(merged["name"]) != int64(1005) || merged["_sys"].(map[string]any)["model"] != "tickets" {
		t.Errorf("ticket 1021 id_merge = %v", merged)
	}
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// Field types, _sys and custom fields as the real API writes them.
func TestFieldsAsTheRealAPIWritesThem(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	// activities.time_wait is a datetime; a call's wait in seconds is its item's waiting_time.
	calls := list(t, srv, "activities.json?take=50&filter[field]=type&filter[value]=CALL")
	if len(calls.Data) == 0 {
		t.Fatal("no calls")
	}
	for _, a := range calls.Data {
		if tw, ok := a["time_wait"].(string); !ok || !regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`).MatchString(tw) {
			t.Fatalf("time_wait = %v, want a datetime", a["time_wait"])
		}
		item := obj(t, a["item"], "activity.item")
		if _, ok := item["waiting_time"].(float64); !ok || item["_sys"].(map[string]any)["model"] != "activitiesCall" {
			t.Fatalf("call item = %v", item)
		}
	}
	// No username: records lack it, and a filter or sort on it is a 400 naming name.
	users := list(t, srv, "users.json")
	for _, u := range users.Data {
		if _, ok := u["username"]; ok {
			t.Fatalf("user has username: %v", u)
		}
	}
	for _, q := range []string{"users.json?filter[field]=username&filter[value]=admin", "users.json?sort=username"} {
		st, e := api(t, srv, "GET", q, "")
		if st != 400 || !strings.Contains(string(e.Error), `\"username\"`) || !strings.Contains(string(e.Error), `use \"name\"`) {
			t.Errorf("GET %s: %d %s, want 400 naming name", q, st, e.Error)
		}
	}
	if lr := list(t, srv, "users.json?filter[field]=name&filter[value]=admin"); lr.Total != 1 {
		t.Errorf("users where name=admin: %d", lr.Total)
	}
	// Custom fields list every key of the scheme, an empty one as [].
	for _, model := range []string{"contacts", "tickets", "accounts", "campaignsRecords", "crmRecords"} {
		cm, _ := catalog.Lookup(model)
		for _, r := range list(t, srv, model+".json?take=30").Data {
			cf := obj(t, r["customFields"], model+".customFields")
			for _, k := range cm.CustomFields {
				if v, ok := cf[k.Key].([]any); !ok {
					t.Fatalf("%s customFields.%s = %v, want a list", model, k.Key, cf[k.Key])
				} else if v == nil {
					t.Fatalf("%s customFields.%s is null", model, k.Key)
				}
			}
		}
	}
	// A created record lists every key too, the ones it did not set as [].
	st, e := api(t, srv, "POST", "contacts.json", `{"lastname":"Keys","customFields":{"email":["keys@example.org"]}}`)
	if st != 201 {
		t.Fatalf("create contact: %d %s", st, e.Error)
	}
	cf := obj(t, recordOf(t, e)["customFields"], "created contact customFields")
	if fmt.Sprint(cf) != "map[address:[] email:[keys@example.org] note:[] number:[]]" {
		t.Errorf("created contact customFields = %v", cf)
	}
	// _sys.hash: null for the models whose captures show null, digits for the others.
	for model, null := range map[string]bool{"tickets": true, "users": true, "ticketsCategories": true, "ticketsSla": true,
		"statuses": true, "crmDatabases": true, "contacts": false, "activities": false} {
		r := list(t, srv, model+".json?take=1").Data[0]
		h := r["_sys"].(map[string]any)["hash"]
		if null && h != nil || !null && !digits.MatchString(fmt.Sprint(h)) {
			t.Errorf("%s _sys.hash = %v", model, h)
		}
	}
	// _sys.model as the real API names it.
	var act map[string]any
	for _, a := range list(t, srv, "activities.json?take=1000&filter[field]=type&filter[value]=EMAIL").Data {
		if files, _ := a["attachments"].([]any); len(files) > 0 {
			act = a
			break
		}
	}
	if act == nil {
		t.Fatal("no e-mail activity with attachments")
	}
	att := list(t, srv, "activities/"+act["name"].(string)+"/attachments.json")
	if len(att.Data) == 0 || att.Data[0]["_sys"].(map[string]any)["model"] != `activities\Attachments` {
		t.Errorf("attachments: %v", att.Data)
	}
	email := obj(t, act["item"], "activity.item")
	files, _ := email["files"].([]any)
	if len(files) == 0 || obj(t, files[0], "item.files[0]")["_sys"].(map[string]any)["model"] != "activitiesEmailFiles" {
		t.Errorf("e-mail files: %v", email["files"])
	}
}

// activities.item is the full channel record with its own _sys; inside the channel
// record's activities, each activity's item is the integer id.
func TestActivityItemIsTheChannelRecord(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	for typ, model := range map[string]string{"CALL": "activitiesCall", "EMAIL": "activitiesEmail", "CHAT": "activitiesWeb", "SMS": "activitiesSms"} {
		lr := list(t, srv, "activities.json?take=3&filter[field]=type&filter[value]="+typ)
		if len(lr.Data) == 0 {
			t.Errorf("no %s activities", typ)
			continue
		}
		cm, _ := catalog.Lookup(model)
		for _, a := range lr.Data {
			item := obj(t, a["item"], typ+" item")
			if item["_sys"].(map[string]any)["model"] != model {
				t.Fatalf("%s item model %v", typ, item["_sys"])
			}
			if _, nested := item["activities"]; nested {
				t.Errorf("%s item lists its activities; only the channel record read itself does", typ)
			}
			key := fmt.Sprint(item[cm.Key])
			st, e := api(t, srv, "GET", model+"/"+key+".json", "")
			if st != 200 {
				t.Fatalf("GET %s/%s: %d", model, key, st)
			}
			ch := recordOf(t, e)
			acts, _ := ch["activities"].([]any)
			if len(acts) != 1 || obj(t, acts[0], model+".activities[0]")["name"] != a["name"] {
				t.Fatalf("%s/%s activities = %v, want the activity %v", model, key, ch["activities"], a["name"])
			}
			if id, ok := acts[0].(map[string]any)["item"].(float64); !ok || id < 1 {
				t.Errorf("nested activity's item = %v, want an integer id", acts[0].(map[string]any)["item"])
			}
		}
	}
}

// The models real automations read exist with demo data, and list, single read, filter,
// sort and paging work on each.
func TestAutomationModels(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	for _, model := range []string{"activitiesCall", "activitiesEmail", "activitiesWeb", "activitiesSms",
		"activitiesEmailFiles", "activitiesCallRecordings", "crmRecords", "crmRecordsTypes", "pauses", "groups",
		"templates", "realtimeSessions", "timegroups", "blacklistDatabases"} {
		cm, _ := catalog.Lookup(model)
		all := list(t, srv, model+".json?take=1000")
		if all.Total < 1 || len(all.Data) != all.Total {
			t.Errorf("%s: %d records of %d", model, len(all.Data), all.Total)
			continue
		}
		var keys []string
		for _, r := range all.Data {
			keys = append(keys, keyOf(r[cm.Key]))
		}
		desc := list(t, srv, model+".json?take=1000&sort[0][field]="+cm.Key+"&sort[0][dir]=desc")
		if !sort.SliceIsSorted(desc.Data, func(i, j int) bool {
			return compareValues(kinds[mustField(t, cm, cm.Key).Type], keyOf(desc.Data[i][cm.Key]), keyOf(desc.Data[j][cm.Key])) > 0
		}) {
			t.Errorf("%s sorted by %s desc is not sorted", model, cm.Key)
		}
		eq := list(t, srv, model+".json?filter[field]="+cm.Key+"&filter[value]="+keys[0])
		if eq.Total != 1 {
			t.Errorf("%s where %s = %s: %d records", model, cm.Key, keys[0], eq.Total)
		}
		if all.Total > 1 {
			p2 := list(t, srv, model+".json?take=1&skip=1")
			if p2.Total != all.Total || len(p2.Data) != 1 || keyOf(p2.Data[0][cm.Key]) != keys[1] {
				t.Errorf("%s page 2 of 1: %v", model, p2.Data)
			}
		}
		st, e := api(t, srv, "GET", model+"/"+keys[0]+".json", "")
		switch {
		case cm.ListOnly && st != 405:
			t.Errorf("single read of list-only %s: %d", model, st)
		case !cm.ListOnly && (st != 200 || keyOf(recordOf(t, e)[cm.Key]) != keys[0]):
			t.Errorf("GET %s/%s: %d %s", model, keys[0], st, e.Error)
		}
	}
	// Every endpoint of the catalogue answers a list.
	for _, name := range catalog.Endpoints() {
		if st, e := api(t, srv, "GET", name+".json?take=1", ""); st != 200 {
			t.Errorf("GET %s.json: %d %s", name, st, e.Error)
		}
	}
}

func mustField(t *testing.T, m *catalog.Model, name string) *catalog.Field {
	t.Helper()
	f, ok := m.Field(name)
	if !ok {
		t.Fatalf("%s has no field %s", m.Name, name)
	}
	return f
}

// keyOf is a record's key as a string: an expanded related record's name for a key that
// is a link (realtimeSessions.id_agent).
func keyOf(v any) string {
	if m, ok := v.(map[string]any); ok {
		v = m["name"]
	}
	return fmt.Sprint(normalizeNum(v))
}

// The relations of the new models answer their children: a call's recordings, an
// e-mail's files, a contact's CRM records.
func TestChannelRelations(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	rec := list(t, srv, "activitiesCallRecordings.json?take=1").Data[0]
	call := fmt.Sprint(obj(t, rec["id_call"], "recording.id_call")["id_call"])
	if lr := list(t, srv, "activitiesCall/"+call+"/recordings.json"); lr.Total < 1 || lr.Data[0]["id_call"].(map[string]any)["id_call"] != call {
		t.Errorf("activitiesCall/%s/recordings: %v", call, lr.Data)
	}
	var email string
	for _, e := range list(t, srv, "activitiesEmail.json?take=1000").Data {
		if files, _ := e["files"].([]any); len(files) > 0 {
			email = e["name"].(string)
			if lr := list(t, srv, "activitiesEmail/"+email+"/files.json"); lr.Total != len(files) {
				t.Errorf("activitiesEmail/%s/files: %d, the record lists %d", email, lr.Total, len(files))
			}
			break
		}
	}
	if email == "" {
		t.Error("no e-mail with files")
	}
	crm := list(t, srv, "crmRecords.json?take=1").Data[0]
	contact := keyOf(crm["contact"])
	lr := list(t, srv, "contacts/"+contact+"/crmRecords.json")
	if lr.Total < 1 {
		t.Errorf("contacts/%s/crmRecords: none", contact)
	}
	for _, r := range lr.Data {
		if keyOf(r["contact"]) != contact {
			t.Errorf("contacts/%s/crmRecords lists %v", contact, r["contact"])
		}
	}
}
