package daktelatest

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// seedMore adds to the demo data what real automations read besides the core models:
// the real fields of tickets, categories and SLAs, chats and text messages with their
// activities, call recordings, CRM records, pauses, groups, templates, time groups and
// who is signed in. It runs after the core data with a generator of its own, so the
// core data (and every name a later create gets) stays as it was.
func (s *store) seedMore() {
	saved := s.rng
	s.rng = rand.New(rand.NewPCG(0x5eed, 0xc4a77e15))
	defer func() { s.rng = saved }()
	name := func(model string, r *record) string { return r.name(s.models[model]) }

	tg := name("timegroups", s.put("timegroups", map[string]any{"title": "Office hours",
		"description": "Monday to Friday 8:00-18:00", "options": rawJSON(`{"days":[1,2,3,4,5],"from":"08:00","to":"18:00"}`)}))
	s.put("blacklistDatabases", map[string]any{"title": "Do not call", "description": "Customers who asked not to be called"})

	sm := s.models["ticketsSla"]
	for _, r := range s.tables["ticketsSla"].rows {
		rn, sn := r.get(sm, "response_normal").(int64), r.get(sm, "solution_normal").(int64)
		r.set(sm, "response_low", rn*2)
		r.set(sm, "response_high", max(1, rn/2))
		r.set(sm, "solution_low", sn*2)
		r.set(sm, "solution_high", max(1, sn/2))
	}
	cm := s.models["ticketsCategories"]
	for i, r := range s.tables["ticketsCategories"].rows {
		r.set(cm, "timecondition", tg)
		r.set(cm, "default_crm_database", "default")
		r.set(cm, "closeCheckChilds", i%2 == 0)
		r.set(cm, "multiple_statuses", i == 0)
	}

	pm, rm := s.models["profiles"], s.models["roles"]
	for i, r := range s.tables["profiles"].rows {
		r.set(pm, "description", r.str(pm, "title")+" profile")
		r.set(pm, "maxOutRecords", int64(5*(i+1)))
		r.set(pm, "options", rawJSON(`{"extensionRequired":false}`))
		r.set(pm, "customViews", rawJSON(`[]`))
	}
	for i, r := range s.tables["roles"].rows {
		perm := []int{31, 2}[min(i, 1)]
		r.set(rm, "options", rawJSON(fmt.Sprintf(`{"tickets":31,"contacts":31,"users":%d,"queues":%d,"statuses":%d}`, perm, perm, perm)))
		r.set(rm, "shortcuts", rawJSON(`[]`))
	}

	var pauses []string
	for _, p := range []struct {
		title, typ string
		paid       bool
		max        int
	}{{"Wrap-up", "wrap", true, 5}, {"Lunch", "", false, 30}, {"Do not disturb", "dnd", true, 0}, {"Training", "", true, 60}} {
		pauses = append(pauses, name("pauses", s.put("pauses", map[string]any{"title": p.title, "type": p.typ, "paid": p.paid,
			"max_duration": p.max, "repeatable": true, "max_amount": 0, "min_timeout": 0})))
	}
	s.put("groups", map[string]any{"title": "Support team", "description": "First-line agents", "type": "users"})
	s.put("groups", map[string]any{"title": "Inbound queues", "description": "Queues of the hotline", "type": "queues"})
	for _, t := range []struct{ title, format, using, subject, content string }{
		{"Ticket received", "RICH", "EMAIL", "We have your request", "<p>Thank you, we are on it.</p>"},
		{"Ticket solved", "RICH", "EMAIL", "Your request is solved", "<p>Your request has been solved.</p>"},
		{"Callback", "PLAIN", "SMS", "", "We tried to call you. Call us back at +420 226 211 200."},
		{"Signature", "RICH", "EMAIL_SIGN", "", "<p>Best regards,<br>Support</p>"},
	} {
		s.put("templates", map[string]any{"title": t.title, "format": t.format, "usingtype": t.using, "subject": t.subject,
			"content": t.content, "description": ""})
	}

	var contacts, tickets, users []string
	for _, r := range s.tables["contacts"].rows {
		contacts = append(contacts, name("contacts", r))
	}
	for _, r := range s.tables["tickets"].rows {
		tickets = append(tickets, name("tickets", r))
	}
	for _, r := range s.tables["users"].rows {
		users = append(users, name("users", r))
	}
	agents := users[2:7]
	var ctypes []string
	for _, t := range []string{"Deal", "Service order"} {
		ctypes = append(ctypes, name("crmRecordsTypes", s.put("crmRecordsTypes", map[string]any{"title": t,
			"description": t + "s", "color": ""})))
	}
	var statuses []string
	for _, r := range s.tables["statuses"].rows {
		statuses = append(statuses, name("statuses", r))
	}
	cmod := s.models["contacts"]
	for i := 0; i < 12; i++ {
		c := s.tables["contacts"].rows[(i*7)%len(contacts)]
		vals := map[string]any{"title": fmt.Sprintf("%s #%d", []string{"Deal", "Order"}[i%2], 501+i), "type": ctypes[i%2],
			"user": agents[i%len(agents)], "contact": name("contacts", c), "description": "",
			"stage": []string{"OPEN", "OPEN", "CLOSE"}[i%3], "created": s.at(60 - float64(i)*3), "edited": s.at(20 - float64(i)),
			"customFields": map[string][]string{"amount": {fmt.Sprint(1000 * (i + 1))}}}
		if acc, ok := c.get(cmod, "account").(string); ok {
			vals["account"] = acc
		}
		if i%4 == 0 {
			vals["ticket"] = tickets[i]
		}
		if i%3 == 2 {
			vals["status"] = statuses[3]
		}
		s.put("crmRecords", vals)
	}

	// Chats and text messages: a channel record each, with the activity that carries it.
	queues := s.tables["queues"].rows
	qm := s.models["queues"]
	chatQ, supportQ := queues[4].get(qm, "name"), queues[0].get(qm, "name")
	for i := 0; i < 24; i++ {
		day := 80 - float64(i)*3.3
		user, contact := agents[s.rng.IntN(len(agents))], contacts[s.rng.IntN(len(contacts))]
		wait, dur := int64(s.rng.IntN(40)), int64(60+s.rng.IntN(900))
		answered := s.rng.IntN(6) != 0
		var model, typ, title string
		vals := map[string]any{"user": user, "contact": contact, "answered": answered, "duration": dur, "time": s.at(day),
			"wait_time": wait, "activities": []string{}}
		missed := "NO"
		if !answered {
			missed = "YES"
			vals["missed_time"] = s.at(day)
		}
		vals["missed"] = missed
		if i%2 == 0 {
			model, typ = "activitiesWeb", "CHAT"
			first := s.models["contacts"]
			c := s.tables["contacts"].byName[contact]
			title = c.str(first, "title")
			vals["queue"], vals["title"], vals["state"] = chatQ, title, ""
			vals["email"] = firstOr(c.get(first, "customFields").(*cfValues), "email")
			vals["disconnection"] = []string{"USER", "CLIENT", "TIMEOUT"}[s.rng.IntN(3)]
			vals["browser"], vals["language"] = "Firefox", "cs"
			vals["host"], vals["referer"] = "www.example.com", "https://www.example.com/help"
		} else {
			model, typ = "activitiesSms", "SMS"
			c := s.tables["contacts"].byName[contact]
			title = firstOr(c.get(cmod, "customFields").(*cfValues), "number")
			vals["queue"], vals["title"], vals["state"] = supportQ, title, "SENT"
			vals["direction"] = []string{"IN", "OUT"}[s.rng.IntN(2)]
			vals["sender"], vals["text"] = title, []string{"Is my order on its way?", "Thank you, it works now.",
				"Please call me back.", "Your parcel leaves today."}[s.rng.IntN(4)]
		}
		ch := s.put(model, vals)
		act := map[string]any{"user": user, "contact": contact, "queue": vals["queue"], "type": typ, "title": title,
			"time": s.at(day), "time_open": s.at(day - float64(wait)/86400), "time_close": s.at(day - float64(dur)/86400),
			"duration": dur, "action": "CLOSE", "statuses": []string{}, "item": s.itemRef(model, ch), "created_by": "admin"}
		if i%3 == 0 {
			act["ticket"] = tickets[s.rng.IntN(len(tickets))]
		}
		a := s.put("activities", act)
		ch.set(s.models[model], "activities", []string{name("activities", a)})
	}

	// Recordings of the answered calls.
	callM := s.models["activitiesCall"]
	for _, c := range s.tables["activitiesCall"].rows {
		if answered, _ := c.get(callM, "answered").(bool); !answered {
			continue
		}
		id := c.str(callM, "id_call")
		s.put("activitiesCallRecordings", map[string]any{"recording": "rec_" + id, "id_call": id,
			"path": "/recordings/" + c.str(callM, "call_time")[:10] + "/" + id + ".mp3", "status": "DONE",
			"duration": c.get(callM, "duration"), "created": c.get(callM, "call_time")})
	}

	// Who is signed in now: the users whose extension is online or busy.
	um := s.models["users"]
	for i, u := range s.tables["users"].rows {
		state := u.str(um, "extension_state")
		if state == "offline" {
			continue
		}
		vals := map[string]any{"id_agent": name("users", u), "state": "Idle", "exten": u.str(um, "extension"),
			"exten_status": "Idle", "presence_status": "Idle", "logintime": s.at(0.3 + float64(i)/50),
			"statetime": s.at(0.01 * float64(i+1)), "lastqueue": supportQ}
		if state == "busy" {
			vals["state"], vals["onpause"], vals["id_pause"] = "Paused", s.at(0.01*float64(i+1)), pauses[i%len(pauses)]
			vals["exten_status"], vals["presence_status"] = "Busy", "Busy"
		}
		s.put("realtimeSessions", vals)
	}
	s.seedTicketTimes()
}

func firstOr(cf *cfValues, key string) string {
	if v, ok := cf.get(key); ok && len(v) > 0 {
		return v[0]
	}
	return ""
}

// seedTicketTimes fills the SLA and answer times of the demo tickets from their
// created time, their category's SLA and their first answer; ticket 1021 is merged
// into 1005.
func (s *store) seedTicketTimes() {
	tm, cm, sm := s.models["tickets"], s.models["ticketsCategories"], s.models["ticketsSla"]
	for _, r := range s.tables["tickets"].rows {
		created, err := time.ParseInLocation(dateLayout, r.str(tm, "created"), prague())
		if err != nil {
			continue
		}
		unit := time.Hour
		resp, sol := int64(8), int64(48)
		if cat := s.tables["ticketsCategories"].byName[nameKey(r.get(tm, "category"))]; cat != nil {
			if sla := s.tables["ticketsSla"].byName[nameKey(cat.get(cm, "sla"))]; sla != nil {
				resp, sol = sla.get(sm, "response_normal").(int64), sla.get(sm, "solution_normal").(int64)
				if sla.str(sm, "unit") == "MINUTES" {
					unit = time.Minute
				}
			}
		}
		at := func(d time.Duration) string { return created.Add(d).Format(dateLayout) }
		r.set(tm, "sla_change", at(0))
		r.set(tm, "first_answer_deadline", at(time.Duration(resp)*unit))
		r.set(tm, "sla_close_deadline", at(time.Duration(sol)*unit))
		if fa, ok := r.get(tm, "first_answer").(string); ok {
			if t, err := time.ParseInLocation(dateLayout, fa, prague()); err == nil {
				r.set(tm, "first_answer_duration", int64(t.Sub(created)/time.Second))
				r.set(tm, "last_activity_operator", fa)
			}
		}
		r.set(tm, "last_activity_client", r.get(tm, "last_activity"))
		if closed, ok := r.get(tm, "closed").(string); ok {
			if t, err := time.ParseInLocation(dateLayout, closed, prague()); err == nil {
				r.set(tm, "sla_duration", int64(t.Sub(created)/time.Second))
			}
		}
		if nameKey(r.get(tm, "name")) == "1021" {
			r.set(tm, "id_merge", int64(1005))
		}
	}
	am := s.models["activities"]
	counts := map[string]int64{}
	for _, a := range s.tables["activities"].rows {
		if t := a.get(am, "ticket"); t != nil && a.str(am, "type") != "" {
			counts[nameKey(t)]++
		}
	}
	for _, r := range s.tables["tickets"].rows {
		r.set(tm, "interaction_activity_count", counts[nameKey(r.get(tm, "name"))])
		if r.get(tm, "parentTicket") != nil {
			if p := s.tables["tickets"].byName[nameKey(r.get(tm, "parentTicket"))]; p != nil {
				p.set(tm, "isParent", true)
			}
		}
	}
}
