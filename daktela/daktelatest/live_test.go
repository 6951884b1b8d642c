package daktelatest

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestLiveMakesEveryKindOfChangeStampedAsTheAPIDoes(t *testing.T) {
	srv := NewServer(Options{Live: 400})
	defer srv.Close()
	_, e := api(t, srv, "GET", "queues.json?take=1", "")
	start := e.Time
	for i := 0; i < 1000; i++ { // bounded: 10 ms a round
		ev := srv.LiveEvents()
		if ev.Calls > 0 && ev.TicketsOpened > 0 && ev.Escalations > 0 && ev.TicketsClosed > 0 && ev.ContactsEdited > 0 && ev.Total() >= 60 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	ev := srv.LiveEvents()
	if ev.Calls == 0 || ev.TicketsOpened == 0 || ev.Escalations == 0 || ev.TicketsClosed == 0 || ev.ContactsEdited == 0 {
		t.Fatalf("after %d events some kind is missing: %+v", ev.Total(), ev)
	}
	q := url.QueryEscape(start)
	changed := list(t, srv, "tickets.json?take=1000&filter[field]=edited&filter[operator]=gte&filter[value]="+q)
	if len(changed.Data) == 0 {
		t.Fatal("no ticket has an edited stamp at or after the start")
	}
	for _, r := range changed.Data {
		if r["edited_by"] == nil {
			t.Errorf("ticket %v changed without edited_by", r["name"])
		}
		if r["edited"].(string) < r["created"].(string) {
			t.Errorf("ticket %v edited before it was created: %v < %v", r["name"], r["edited"], r["created"])
		}
		if r["stage"] == "CLOSE" && r["closed"] == nil {
			t.Errorf("ticket %v closed without a closed stamp", r["name"])
		}
	}
	contacts := list(t, srv, "contacts.json?filter[field]=edited&filter[operator]=gte&filter[value]="+q)
	if len(contacts.Data) == 0 {
		t.Fatal("no contact edited")
	}
	calls := list(t, srv, "activities.json?filter[field]=time_close&filter[operator]=gte&filter[value]="+q+"&take=1")
	if calls.Total == 0 {
		t.Fatal("no call closed")
	}
	if item, _ := calls.Data[0]["item"].(map[string]any); item == nil || !strings.Contains(item["id_call"].(string), ".") {
		t.Errorf("a new call activity's item: %v", calls.Data[0]["item"])
	}
}

func TestLiveStopsWithTheServerAndItsContext(t *testing.T) {
	srv := NewServer(Options{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.Live(ctx, 1000); close(done) }()
	for i := 0; i < 1000 && srv.LiveEvents().Total() == 0; i++ {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	n := srv.LiveEvents().Total()
	if n == 0 {
		t.Fatal("no event")
	}
	srv.Close()
	live := NewServer(Options{Live: 1000})
	live.Close() // returns only once its simulation has stopped
	if _, err := NewHandler(Options{Live: MaxLiveRate + 1}); err == nil || !strings.Contains(err.Error(), "live rate") {
		t.Errorf("a rate above the maximum: %v", err)
	}
}
