package daktelatest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// MaxLiveRate is the largest rate of Options.Live and [Handler.Live], in events per
// second.
const MaxLiveRate = 10000

// LiveEvents counts what the live simulation did, by kind.
type LiveEvents struct {
	Calls          int64 // new answered calls: an activitiesCall record and its closed activity
	TicketsOpened  int64 // new tickets
	TicketsUpdated int64 // tickets changed (priority, assignee, stage WAIT), escalations included
	Escalations    int64 // tickets whose priority became HIGH
	TicketsClosed  int64 // tickets closed (stage CLOSE)
	ContactsEdited int64 // contacts changed (note, description)
}

// Total is the number of events.
func (e LiveEvents) Total() int64 {
	return e.Calls + e.TicketsOpened + e.TicketsUpdated + e.TicketsClosed + e.ContactsEdited
}

// Live simulates a working contact centre until ctx ends: rate times a second (spread
// evenly) it makes one event, as agents and customers would: a new call (an
// activitiesCall record and its closed activity), a ticket opened, a ticket updated
// (its priority, assignee or stage; some updates escalate it to priority HIGH), a ticket
// closed, a contact edited. Each is stamped as the API stamps writes: created and
// edited (and their _by user) on create, edited and edited_by on update, from the
// server's clock; activities carry time, time_open and time_close (they have no
// edited), calls call_time. Which event comes, and to which record, is drawn from a
// generator seeded by Options.Seed. Server.Close stops the simulation a Server started
// for Options.Live. Live panics on a rate outside 0 < rate <= MaxLiveRate.
func (h *Handler) Live(ctx context.Context, rate float64) {
	if !(rate > 0 && rate <= MaxLiveRate) {
		panic(fmt.Sprintf("daktelatest: Live: the rate must be above 0 and at most %d events a second, got %v", MaxLiveRate, rate))
	}
	rng := rand.New(rand.NewPCG(uint64(h.seed), 0x11fe))
	tick := time.Duration(float64(time.Second) / rate)
	if tick < 10*time.Millisecond {
		tick = 10 * time.Millisecond // several events a tick at high rates
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	start := time.Now()
	var done int64
	for {
		select {
		case <-ctx.Done():
			return
		case <-h.closing:
			return
		case <-t.C:
		}
		due := int64(time.Since(start).Seconds() * rate)
		for ; done < due; done++ {
			h.liveEvent(rng)
		}
	}
}

// LiveEvents returns what the live simulation has done so far.
func (h *Handler) LiveEvents() LiveEvents {
	h.liveMu.Lock()
	defer h.liveMu.Unlock()
	return h.liveCount
}

// liveEvent makes one event of the simulation.
func (h *Handler) liveEvent(rng *rand.Rand) {
	s := h.st
	now := h.now()
	s.mu.Lock()
	kind := s.liveEvent(rng, now)
	s.mu.Unlock()
	h.liveMu.Lock()
	defer h.liveMu.Unlock()
	switch kind {
	case "call":
		h.liveCount.Calls++
	case "open":
		h.liveCount.TicketsOpened++
	case "escalate":
		h.liveCount.Escalations++
		h.liveCount.TicketsUpdated++
	case "update":
		h.liveCount.TicketsUpdated++
	case "close":
		h.liveCount.TicketsClosed++
	case "contact":
		h.liveCount.ContactsEdited++
	}
}

// liveEvent makes one event (the caller holds the write lock) and names its kind.
func (s *store) liveEvent(rng *rand.Rand, now time.Time) string {
	agents := s.liveAgents()
	user := agents[rng.IntN(len(agents))]
	switch n := rng.IntN(100); {
	case n < 30:
		if s.liveCall(rng, user, now) {
			return "call"
		}
	case n < 45:
		if s.liveOpenTicket(rng, user, now) {
			return "open"
		}
	case n < 70:
		if kind := s.liveUpdateTicket(rng, user, now); kind != "" {
			return kind
		}
	case n < 80:
		if s.liveCloseTicket(rng, user, now) {
			return "close"
		}
	default:
		if s.liveEditContact(rng, user, now) {
			return "contact"
		}
	}
	// The model that event needed is synthesised (or empty): open a ticket instead,
	// so the rate holds.
	if s.liveOpenTicket(rng, user, now) {
		return "open"
	}
	return ""
}

// liveAgents are the users the simulation acts as: the seeded agents.
func (s *store) liveAgents() []string {
	um := s.models["users"]
	var out []string
	for _, u := range s.tables["users"].rows {
		n := u.name(um)
		if n != "admin" && n != "api" {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		out = []string{"admin"}
	}
	return out
}

// pick returns a random in-memory record of model that ok accepts (nil when none is
// found in a few draws, or the model is synthesised).
func (s *store) pick(rng *rand.Rand, model string, ok func(*record) bool) *record {
	t := s.tables[model]
	if t.synth != nil || len(t.rows) == 0 {
		return nil
	}
	for range 8 {
		r := t.rows[rng.IntN(len(t.rows))]
		if ok == nil || ok(r) {
			return r
		}
	}
	return nil
}

// liveNew stores a new record of model with vals, stamped as a create at now.
func (s *store) liveNew(model string, vals map[string]any, user string, now time.Time) *record {
	t := s.tables[model]
	m := t.m
	r := newCreatedRecord(m)
	for k, v := range vals {
		if x, ok := v.(int); ok {
			v = int64(x)
		}
		r.set(m, k, v)
	}
	s.stamp(m, r, user, now, true)
	if r.vals[m.index[m.nameField]] == nil {
		r.vals[m.index[m.nameField]] = s.newName(t, now)
	}
	s.insert(t, r)
	return r
}

// liveChange applies vals to r of model, stamped as an update by user at now.
func (s *store) liveChange(model string, r *record, vals map[string]any, user string, now time.Time) {
	m := s.models[model]
	for k, v := range vals {
		r.set(m, k, v)
	}
	s.stamp(m, r, user, now, false)
}

func (s *store) liveCall(rng *rand.Rand, user string, now time.Time) bool {
	if s.tables["activitiesCall"].synth != nil || s.tables["activities"].synth != nil {
		return false
	}
	contact := s.pick(rng, "contacts", nil)
	qm := s.models["queues"]
	queue := s.pick(rng, "queues", nil)
	if queue == nil {
		return false
	}
	dur := int64(20 + rng.IntN(600))
	wait := int64(rng.IntN(60))
	ts := func(d int64) string { return now.Add(-time.Duration(d) * time.Second).In(prague()).Format(dateLayout) }
	id := fmt.Sprintf("%d.%d", now.Unix(), s.tables["activitiesCall"].nextInt)
	s.tables["activitiesCall"].nextInt++
	callVals := map[string]any{"id_call": id, "call_time": ts(dur + wait), "direction": "in", "answered": true,
		"id_queue": queue.get(qm, "name"), "id_agent": user, "clid": phone(rng.IntN(1000)), "duration": dur,
		"waiting_time": wait, "ringing_time": min(wait, 15), "disposition_cause": "caller"}
	call := s.liveNew("activitiesCall", callVals, "", now)
	act := map[string]any{"user": user, "queue": queue.get(qm, "name"), "type": "CALL", "title": "Call in",
		"time": ts(dur + wait), "time_wait": ts(dur + wait), "time_open": ts(dur), "time_close": ts(0),
		"duration": dur, "action": "CLOSE", "item": itemRef{model: "activitiesCall", name: id, id: int64(len(s.tables["activitiesCall"].rows))},
		"created_by": user}
	if contact != nil {
		act["contact"] = contact.name(s.models["contacts"])
	}
	tm := s.models["tickets"]
	if tk := s.pick(rng, "tickets", func(r *record) bool { return r.str(tm, "stage") == "OPEN" }); tk != nil && rng.IntN(2) == 0 {
		act["ticket"] = tk.get(tm, "name")
		tk.set(tm, "last_activity", ts(0))
	}
	a := s.liveNew("activities", act, "", now)
	call.set(s.models["activitiesCall"], "activities", []string{a.name(s.models["activities"])})
	return true
}

func (s *store) liveOpenTicket(rng *rand.Rand, user string, now time.Time) bool {
	if s.tables["tickets"].synth != nil {
		return false
	}
	cat := s.pick(rng, "ticketsCategories", nil)
	if cat == nil {
		return false
	}
	vals := map[string]any{"title": ticketTitles[rng.IntN(len(ticketTitles))], "category": cat.name(s.models["ticketsCategories"]),
		"stage": "OPEN", "priority": []string{"LOW", "MEDIUM", "MEDIUM"}[rng.IntN(3)], "user": user}
	if c := s.pick(rng, "contacts", nil); c != nil {
		vals["contact"] = c.name(s.models["contacts"])
	}
	s.liveNew("tickets", vals, user, now)
	return true
}

func (s *store) liveUpdateTicket(rng *rand.Rand, user string, now time.Time) string {
	tm := s.models["tickets"]
	tk := s.pick(rng, "tickets", func(r *record) bool { st := r.str(tm, "stage"); return st == "OPEN" || st == "WAIT" })
	if tk == nil {
		return ""
	}
	switch n := rng.IntN(4); {
	case n == 0 && tk.str(tm, "priority") != "HIGH":
		s.liveChange("tickets", tk, map[string]any{"priority": "HIGH"}, user, now)
		return "escalate"
	case n == 1:
		s.liveChange("tickets", tk, map[string]any{"stage": "WAIT"}, user, now)
	case n == 2:
		s.liveChange("tickets", tk, map[string]any{"user": user}, user, now)
	default:
		s.liveChange("tickets", tk, map[string]any{"description": commentTexts[rng.IntN(len(commentTexts))]}, user, now)
	}
	return "update"
}

func (s *store) liveCloseTicket(rng *rand.Rand, user string, now time.Time) bool {
	tm := s.models["tickets"]
	tk := s.pick(rng, "tickets", func(r *record) bool { return r.str(tm, "stage") != "CLOSE" && r.get(tm, "id_merge") == nil })
	if tk == nil {
		return false
	}
	s.liveChange("tickets", tk, map[string]any{"stage": "CLOSE", "closed": now.In(prague()).Format(dateLayout)}, user, now)
	return true
}

func (s *store) liveEditContact(rng *rand.Rand, user string, now time.Time) bool {
	c := s.pick(rng, "contacts", nil)
	if c == nil {
		return false
	}
	s.liveChange("contacts", c, map[string]any{"description": fmt.Sprintf("Spoke to %s on %s", user, now.In(prague()).Format("2 Jan 15:04"))}, user, now)
	return true
}
