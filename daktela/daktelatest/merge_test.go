package daktelatest

import (
	"testing"
)

// TestMergeTicketsRepointsActivities: mergeTickets keeps the first ticket, removes the
// second and moves the second's activities to the first; bad merges change nothing.
func TestMergeTicketsRepointsActivities(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	tickets := names(list(t, srv, "tickets.json?take=40"))
	var pair []string
	var acts []int
	for _, n := range tickets {
		if c := list(t, srv, "tickets/"+n+"/activities.json?take=1").Total; c > 0 {
			pair, acts = append(pair, n), append(acts, c)
		}
		if len(pair) == 2 {
			break
		}
	}
	if len(pair) != 2 {
		t.Fatal("no two tickets with activities in the demo data")
	}
	for _, bad := range []struct {
		query string
		want  int
	}{
		{"tickets[0]=" + pair[0], 400},
		{"tickets[0]=" + pair[0] + "&tickets[1]=" + pair[0], 400},
		{"tickets[0]=" + pair[0] + "&tickets[1]=999999", 404},
	} {
		if st, _ := api(t, srv, "POST", "mergeTickets.json?"+bad.query, ""); st != bad.want {
			t.Errorf("merge %s: %d, want %d", bad.query, st, bad.want)
		}
	}
	if st, _ := api(t, srv, "GET", "mergeTickets.json?tickets[0]=1&tickets[1]=2", ""); st != 405 {
		t.Errorf("GET mergeTickets: %d, want 405", st)
	}
	if st, e := api(t, srv, "GET", "tickets/"+pair[1]+".json", ""); st != 200 {
		t.Fatalf("a failed merge removed ticket %s: %d %s", pair[1], st, e.Error)
	}
	st, e := api(t, srv, "POST", "mergeTickets.json?tickets[0]="+pair[0]+"&tickets[1]="+pair[1], "")
	if st != 200 {
		t.Fatalf("merge: %d %s", st, e.Error)
	}
	if got := nameKey(normalizeNum(recordOf(t, e)["name"])); got != pair[0] {
		t.Errorf("merged record %s, want %s", got, pair[0])
	}
	if st, _ := api(t, srv, "GET", "tickets/"+pair[1]+".json", ""); st != 404 {
		t.Errorf("merged-away ticket: %d, want 404", st)
	}
	if got := list(t, srv, "tickets/"+pair[0]+"/activities.json?take=1").Total; got != acts[0]+acts[1] {
		t.Errorf("the surviving ticket has %d activities, want %d + %d", got, acts[0], acts[1])
	}
}
