package daktelatest

import (
	"fmt"
	"strings"
	"time"
)

// The demo data set: small and readable, so example scripts print meaningful output, and
// a pure function of the seed. Every seeded user's password is DemoPassword.

// DemoPassword is the password of every seeded user for login.json.
const DemoPassword = "demo"

// dateLayout is how the API writes datetimes.
const dateLayout = "2006-01-02 15:04:05"

// demoEpoch is "now" for the seeded data unless Options.Now or Anchor say otherwise:
// the data spans the 90 days before the store's epoch.
func demoEpoch() time.Time { return time.Date(2026, 1, 15, 12, 0, 0, 0, prague()) }

type demoUser struct{ login, first, last, typ string }

var demoUsers = []demoUser{
	{"admin", "Adam", "Admin", "admin"},
	{"supervisor", "Jana", "Nováková", "user"},
	{"john.doe", "John", "Doe", "user"},
	{"jane.smith", "Jane", "Smith", "user"},
	{"petr.novak", "Petr", "Novák", "user"},
	{"eva.svobodova", "Eva", "Svobodová", "user"},
	{"martin.dvorak", "Martin", "Dvořák", "user"},
	{"api", "API", "Integration", "api"},
}

var firstNames = []string{"Anna", "Tomáš", "Lucie", "David", "Kateřina", "Jakub", "Tereza", "Ondřej", "Veronika",
	"Lukáš", "Michaela", "Filip", "Barbora", "Jan", "Klára", "Pavel", "Emma", "Oliver", "Sophie", "Daniel"}
var lastNames = []string{"Horák", "Veselá", "Marek", "Pokorná", "Král", "Růžičková", "Beneš", "Fialová", "Sedláček",
	"Doležalová", "Zeman", "Kolářová", "Navrátil", "Čermáková", "Urban", "Brown", "Wilson", "Taylor"}
var companies = []string{"Acme s.r.o.", "Globex a.s.", "Initech s.r.o.", "Umbrella Logistics", "Stark Components",
	"Wayne Media", "Hooli CZ", "Vandelay Import"}
var ticketTitles = []string{"Cannot log in to the portal", "Invoice shows a wrong amount", "Delivery is late",
	"Request for a refund", "Change of billing address", "Product arrived damaged", "Question about the tariff",
	"Password reset does not work", "Complaint about an agent", "Upgrade of the service plan",
	"Duplicate payment", "Contract termination"}
var commentTexts = []string{"Called the customer back, waiting for the documents.", "Escalated to the second line.",
	"Customer confirmed the fix works.", "Sent the corrected invoice.", "Asked the warehouse for the tracking number."}

func (s *store) at(daysAgo float64) string {
	return s.epoch.Add(-time.Duration(daysAgo * float64(24*time.Hour))).In(prague()).Format(dateLayout)
}

// put creates a record of model name from field values (in schema order) and stores it.
func (s *store) put(model string, vals map[string]any) *record {
	t := s.tables[model]
	m := t.m
	r := newRecord(m)
	for i, fd := range m.fields {
		if fd.def != nil {
			r.vals[i] = fd.def
		}
	}
	for k, v := range vals {
		if _, ok := m.index[k]; !ok && k == "created" {
			continue // only names the record (models without a created field)
		}
		switch x := v.(type) {
		case int:
			v = int64(x)
		case map[string][]string:
			cf := &cfValues{}
			for _, key := range m.cfKeys {
				vv, ok := x[key]
				if !ok {
					vv = []string{}
				}
				cf.set(key, vv)
			}
			v = cf
		}
		r.set(m, k, v)
	}
	if m.name == "contacts" {
		r.set(m, "title", m.title(r))
	}
	if r.vals[m.index[m.nameField]] == nil {
		r.vals[m.index[m.nameField]] = s.newNameAt(t, vals)
	}
	t.add(r)
	return r
}

// itemRef points an activity at its channel record r of model, just stored: its id
// is its place in the table.
func (s *store) itemRef(model string, r *record) itemRef {
	return itemRef{model: model, name: r.name(s.models[model]), id: int64(len(s.tables[model].rows))}
}

// newNameAt names a seeded record after its creation time, so names sort by creation.
func (s *store) newNameAt(t *table, vals map[string]any) any {
	at := s.epoch.Add(-91 * 24 * time.Hour)
	if c, ok := vals["created"].(string); ok {
		if tm, err := time.ParseInLocation(dateLayout, c, prague()); err == nil {
			at = tm
		}
	}
	return s.newName(t, at.Add(time.Duration(s.rng.IntN(1e6))*time.Microsecond))
}

// duplicateContacts are the seeded contacts that enter a person a second (or third) time:
// contact i is contact of again, with the same phone number written another way, as
// contacts typed in by hand end up (scripts/merge-duplicate-contacts.js finds them).
var duplicateContacts = map[int]struct {
	of     int
	number string
}{
	27: {of: 3, number: "604 148 452"},    // phone(4) without the country code
	28: {of: 3, number: "00420604148452"}, // and with 00 for +
	29: {of: 10, number: "+420611407243"}, // phone(11) without spaces
}

func phone(n int) string {
	return fmt.Sprintf("+420 6%02d %03d %03d", n%100, (n*37)%1000, (n*113)%1000)
}

// czechFold replaces the Czech letters with diacritics the seed names use by their ASCII letters.
var czechFold = strings.NewReplacer("á", "a", "č", "c", "ď", "d", "é", "e", "ě", "e", "í", "i", "ň", "n", "ó", "o",
	"ř", "r", "š", "s", "ť", "t", "ú", "u", "ů", "u", "ý", "y", "ž", "z", "Č", "C", "Ř", "R", "Š", "S", "Ž", "Z")

// asciiFold makes a name usable in an e-mail address or host name: lower case, ASCII letters.
func asciiFold(s string) string { return strings.ToLower(czechFold.Replace(s)) }

// readmeRecordCalls is how many seeded calls belong to the PHP README's campaign record.
const readmeRecordCalls = 3

// seed fills the store with the demo data set.
func (s *store) seed() {
	profAdmin := s.put("profiles", map[string]any{"title": "Administrator", "type": "CC", "maxActivities": 10, "canTransferCall": "blind and assisted transfer"}).name(s.models["profiles"])
	profAgent := s.put("profiles", map[string]any{"title": "Agent", "type": "CC", "maxActivities": 3, "canTransferCall": "only assisted transfer"}).name(s.models["profiles"])
	roleAdmin := s.put("roles", map[string]any{"title": "Administrator", "description": "Full access"}).name(s.models["roles"])
	roleAgent := s.put("roles", map[string]any{"title": "Agent", "description": "Handles activities"}).name(s.models["roles"])

	var logins []string
	for i, u := range demoUsers {
		prof, role := profAgent, roleAgent
		if u.typ == "admin" || u.login == "supervisor" {
			prof, role = profAdmin, roleAdmin
		}
		state := []string{"online", "offline", "busy"}[s.rng.IntN(3)]
		s.put("users", map[string]any{
			"name": u.login, "title": strings.TrimSpace(u.first + " " + u.last), "alias": u.first,
			"firstname": u.first, "lastname": u.last, "email": asciiFold(u.login) + "@example.com",
			"extension": fmt.Sprint(500 + i), "extension_state": state, "clid": "+420 226 211 2" + fmt.Sprintf("%02d", i),
			"type": u.typ, "profile": prof, "role": role, "options": rawJSON(`{"sign":"` + u.first + `"}`),
		})
		logins = append(logins, u.login)
	}
	agents := logins[2:7]

	queueDefs := []struct {
		title, typ, dir string
	}{{"Support line", "in", "in"}, {"Sales line", "in", "in"}, {"Winter campaign", "progressive", "out"},
		{"support@example.com", "email", "in"}, {"Web chat", "chat", "in"}}
	var queues []int64
	for i, q := range queueDefs {
		n := int64(3000 + i)
		s.put("queues", map[string]any{"name": n, "title": q.title, "alias": fmt.Sprintf("Q%d", i+1),
			"description": q.title + " queue", "type": q.typ, "direction": q.dir, "options": rawJSON(`{"maxWait":120}`)})
		queues = append(queues, n)
	}

	var statuses []string
	for _, st := range []struct{ title, color string }{{"Resolved", "#2e7d32"}, {"Callback requested", "#f9a825"},
		{"Not interested", "#9e9e9e"}, {"Sale", "#1565c0"}, {"Wrong number", "#c62828"}, {"Spam", ""}} {
		statuses = append(statuses, s.put("statuses", map[string]any{"title": st.title, "color": st.color,
			"created": s.at(90)}).name(s.models["statuses"]))
	}
	slaStd := s.put("ticketsSla", map[string]any{"title": "Standard", "unit": "HOURS", "response_normal": 8, "solution_normal": 48}).name(s.models["ticketsSla"])
	slaPrem := s.put("ticketsSla", map[string]any{"title": "Premium", "unit": "HOURS", "response_normal": 1, "solution_normal": 8}).name(s.models["ticketsSla"])
	var categories []string
	for _, c := range []string{"Technical support", "Billing", "Complaints", "General enquiry"} {
		categories = append(categories, s.put("ticketsCategories", map[string]any{"title": c, "description": c + " tickets",
			"sla": slaStd, "email_queue": queues[3], "call_queue": queues[0], "status_required": "closing_ticket"}).name(s.models["ticketsCategories"]))
	}
	s.put("crmDatabases", map[string]any{"name": "default", "title": "Default", "default": true})

	var accounts []string
	for i, c := range companies {
		sla := slaStd
		if i%3 == 0 {
			sla = slaPrem
		}
		accounts = append(accounts, s.put("accounts", map[string]any{"title": c, "sla": sla, "user": agents[i%len(agents)],
			"description": "Customer since " + fmt.Sprint(2015+i), "created": s.at(90 - float64(i)), "edited": s.at(30 - float64(i)),
			"customFields": map[string][]string{"ico": {fmt.Sprintf("%08d", 27000000+i*7919)}, "web": {"https://" + asciiFold(strings.Fields(c)[0]) + ".example.com"}},
		}).name(s.models["accounts"]))
	}

	var contacts []string
	for i := 0; i < 30; i++ {
		src, number := i, phone(i+1)
		if d, ok := duplicateContacts[i]; ok {
			src, number = d.of, d.number
		}
		fn, ln := firstNames[(src*7)%len(firstNames)], lastNames[(src*5)%len(lastNames)]
		cf := map[string][]string{"number": {number}, "email": {asciiFold(fn) + "." + asciiFold(ln) + "@example.org"}}
		if i%4 == 0 {
			cf["note"] = []string{"VIP customer"}
		}
		vals := map[string]any{"firstname": fn, "lastname": ln, "user": agents[i%len(agents)],
			"description": "", "created": s.at(89 - float64(i)*2), "edited": s.at(20 - float64(i)/2), "customFields": cf,
			"nps_score": float64(s.rng.IntN(11))}
		if i%5 != 4 {
			vals["account"] = accounts[i%len(accounts)]
		}
		contacts = append(contacts, s.put("contacts", vals).name(s.models["contacts"]))
	}

	s.put("databases", map[string]any{"title": "Winter leads", "description": "Leads from the winter fair"})
	dbs := []string{s.tables["databases"].rows[0].name(s.models["databases"]),
		s.put("databases", map[string]any{"title": "Survey 2026", "description": "Customer survey list"}).name(s.models["databases"])}
	var ctypes []string
	for _, c := range []string{"Winter promo", "Customer survey", "Debt collection"} {
		ctypes = append(ctypes, s.put("campaignsTypes", map[string]any{"title": c, "queue": queues[2], "created": s.at(88)}).name(s.models["campaignsTypes"]))
	}
	// Callbacks of the support line: the type a record created with the deprecated
	// "queue": 3000 (as in the PHP connector's README) gets.
	s.put("campaignsTypes", map[string]any{"title": "Support callbacks", "queue": queues[0], "created": s.at(87)})
	var records []string
	for i := 0; i < 200; i++ {
		fn, ln := firstNames[s.rng.IntN(len(firstNames))], lastNames[s.rng.IntN(len(lastNames))]
		action := fmt.Sprint(s.rng.IntN(7))
		vals := map[string]any{"user": agents[i%len(agents)], "record_type": ctypes[i%len(ctypes)], "database": dbs[i%2],
			"number": fmt.Sprintf("00420%09d", 600000000+i*4517), "action": action, "queue": queues[2],
			"created": s.at(80 - float64(i)*0.35), "edited": s.at(40 - float64(i)*0.18),
			"customFields": map[string][]string{"firstname": {fn}, "lastname": {ln}, "email": {asciiFold(fn) + "@example.net"}}}
		if action == "5" {
			vals["statuses"] = []string{statuses[s.rng.IntN(4)]}
		} else {
			vals["statuses"] = []string{}
		}
		if action == "2" || action == "6" {
			vals["nextcall"] = s.at(-float64(s.rng.IntN(10)) - 1)
		}
		if i%10 == 0 {
			vals["contact"] = contacts[i%len(contacts)]
		}
		if i == 0 { // the record the PHP connector's README reads, updates and deletes
			vals["name"] = "records_5fa299a48ab72834012563"
			vals["created"] = "2020-11-04 13:08:04"
		}
		records = append(records, s.put("campaignsRecords", vals).name(s.models["campaignsRecords"]))
	}

	var tickets []int64
	for i := 0; i < 40; i++ {
		created := 85 - float64(i)*2
		stage := []string{"OPEN", "OPEN", "WAIT", "CLOSE", "CLOSE", "ARCHIVE"}[s.rng.IntN(6)]
		contact := contacts[s.rng.IntN(len(contacts))]
		vals := map[string]any{"name": int64(1001 + i), "title": ticketTitles[i%len(ticketTitles)],
			"category": categories[i%len(categories)], "user": agents[s.rng.IntN(len(agents))], "contact": contact,
			"email": "", "description": "Reported by phone.", "stage": stage,
			"priority": []string{"LOW", "MEDIUM", "MEDIUM", "HIGH"}[s.rng.IntN(4)],
			"statuses": []string{}, "followers": []string{"supervisor"},
			"sla_deadtime": s.at(created - 2), "created": s.at(created), "edited": s.at(created - 1.5),
			"created_by": "admin", "edited_by": agents[i%len(agents)], "last_activity": s.at(created - 1),
			"unread":       i%7 == 0,
			"customFields": map[string][]string{"order_id": {fmt.Sprintf("ORD-%05d", 20000+i*13)}, "product": {[]string{"Internet", "TV", "Mobile"}[i%3]}},
		}
		if stage == "CLOSE" || stage == "ARCHIVE" {
			vals["closed"] = s.at(created - 3)
			vals["statuses"] = []string{statuses[0]}
		}
		if i%3 == 0 {
			vals["first_answer"] = s.at(created - 0.1)
		}
		if i == 12 {
			vals["parentTicket"] = int64(1003)
		}
		s.put("tickets", vals)
		tickets = append(tickets, int64(1001+i))
	}

	// The first outbound calls of the campaign go to the PHP README's record, so its
	// relation example (records_5fa299a48ab72834012563 → activities) has something to
	// show; the draw is still made, so every other record keeps its data.
	readmeCalls := 0
	file := int64(70001)
	for i := 0; i < 300; i++ {
		day := 84 - float64(i)*0.28
		vals := map[string]any{"user": agents[s.rng.IntN(len(agents))], "time": s.at(day), "created_by": "admin",
			"statuses": []string{}, "attachments": []string{}}
		var channel *record // the call or e-mail behind the activity
		tk := tickets[s.rng.IntN(len(tickets))]
		switch i % 3 {
		case 0: // a call
			dur := int64(30 + s.rng.IntN(600))
			dir := []string{"in", "in", "out"}[s.rng.IntN(3)]
			q := queues[0]
			if dir == "out" {
				q = queues[2]
			}
			vals["type"], vals["queue"], vals["duration"] = "CALL", q, dur
			wait := int64(s.rng.IntN(90))
			vals["time_wait"] = s.at(day)
			vals["time_open"] = s.at(day - float64(wait)/86400)
			vals["title"] = "Call " + dir
			vals["action"] = "CLOSE"
			vals["time_close"] = s.at(day - float64(dur)/86400)
			answered := s.rng.IntN(5) != 0
			call := s.put("activitiesCall", map[string]any{"id_call": fmt.Sprintf("%d.%d", 1736930000+i*997, i),
				"call_time": s.at(day), "direction": dir, "answered": answered, "id_queue": q, "id_agent": vals["user"],
				"clid": phone(i), "duration": dur, "waiting_time": wait, "ringing_time": min(wait, 15),
				"disposition_cause": []string{"agent", "caller"}[i%2], "activities": []string{}})
			channel = call
			vals["item"] = s.itemRef("activitiesCall", call)
			if dir == "out" && i%2 == 0 {
				vals["record"] = records[s.rng.IntN(len(records))]
				if readmeCalls < readmeRecordCalls {
					vals["record"] = records[0]
					readmeCalls++
				}
			} else {
				vals["ticket"] = tk
			}
			vals["contact"] = contacts[s.rng.IntN(len(contacts))]
		case 1: // an email
			vals["type"], vals["queue"], vals["ticket"] = "EMAIL", queues[3], tk
			vals["title"] = "Re: " + ticketTitles[s.rng.IntN(len(ticketTitles))]
			vals["action"] = []string{"OPEN", "WAIT", "CLOSE"}[s.rng.IntN(3)]
			vals["description"] = "<p>Hello, please see the attached document.</p>"
			vals["contact"] = contacts[s.rng.IntN(len(contacts))]
			email := s.put("activitiesEmail", map[string]any{"name": fmt.Sprintf("emails_%013x%08d", 0x65a0000000000+i, i*7),
				"queue": queues[3], "user": vals["user"], "contact": vals["contact"], "title": vals["title"],
				"address": fmt.Sprintf("customer%d@example.org", i), "direction": []string{"in", "out"}[i%2],
				"answered": i%2 == 1, "text": vals["description"], "time": s.at(day), "state": "SENT",
				"options": rawJSON(fmt.Sprintf(`{"headers":{"from":[{"address":"customer%d@example.org","display":"","is_group":false}],"to":[{"address":"support@example.com","display":"Support","is_group":false}],"cc":[],"ticket":"%d"}}`, i, tk)),
				"files":   []string{}, "activities": []string{}})
			channel = email
			vals["item"] = s.itemRef("activitiesEmail", email)
		default: // a comment
			vals["type"], vals["ticket"], vals["action"] = "", tk, "OPEN"
			vals["title"] = "Comment"
			vals["description"] = commentTexts[s.rng.IntN(len(commentTexts))]
		}
		a := s.put("activities", vals)
		if channel != nil {
			cm := s.models[vals["item"].(itemRef).model]
			channel.set(cm, "activities", []string{a.name(s.models["activities"])})
		}
		if i%3 == 1 && i%2 == 1 {
			em := s.models["activitiesEmail"]
			for j := 0; j <= i%2+(i/3)%2; j++ {
				att := map[string]any{"file": file, "cid": "", "title": fmt.Sprintf("document-%d.pdf", file),
					"type": "application/pdf", "size": int64(20000 + s.rng.IntN(500000)), "time": s.at(day)}
				att["activity"] = a.name(s.models["activities"])
				s.put("activitiesAttachments", att)
				am := s.models["activities"]
				a.set(am, "attachments", append(a.get(am, "attachments").([]string), nameKey(file)))
				delete(att, "activity")
				att["email"] = channel.name(em)
				s.put("activitiesEmailFiles", att)
				channel.set(em, "files", append(channel.get(em, "files").([]string), nameKey(file)))
				file++
			}
		}
	}
	s.seedMore()
}
