package daktelatest

import (
	"fmt"
	"strings"
	"testing"
)

// TestSynthesisedModelsTakeWrites: a synthesised model takes creates, updates and
// deletes, and every later read (single, list, count, filters, sorts, paging) sees them,
// at a size where no record is held in memory.
func TestSynthesisedModelsTakeWrites(t *testing.T) {
	const n = 2_000_000
	srv := NewServer(Options{Records: map[string]int{"campaignsRecords": n, "tickets": 500}})
	defer srv.Close()
	typ := srv.Names("campaignsTypes")[0]
	base := srv.Names("campaignsRecords")

	// Create with a chosen name and without one.
	st, e := api(t, srv, "POST", "campaignsRecords.json", `{"name":"zz_chosen","number":"+420111222333","record_type":"`+typ+`"}`)
	if st != 201 {
		t.Fatalf("create: %d %s", st, e.Error)
	}
	st, e = api(t, srv, "POST", "campaignsRecords.json", `{"number":"+420999","record_type":"`+typ+`"}`)
	if st != 201 {
		t.Fatalf("create without a name: %d %s", st, e.Error)
	}
	gen, _ := recordOf(t, e)["name"].(string)
	if gen == "" || srv.Count("campaignsRecords") != n+2 {
		t.Fatalf("generated name %q, count %d", gen, srv.Count("campaignsRecords"))
	}
	if st, _ := api(t, srv, "GET", "campaignsRecords/zz_chosen.json", ""); st != 200 {
		t.Fatalf("read back created: %d", st)
	}
	// The same name again is refused, a base record's name too.
	if st, _ := api(t, srv, "POST", "campaignsRecords.json", `{"name":"`+base[3]+`","record_type":"`+typ+`"}`); st != 400 {
		t.Fatalf("create over a synthesised name: %d", st)
	}

	// Update a base record: a single read and a page show the new value.
	if st, e := api(t, srv, "PUT", "campaignsRecords/"+base[5]+".json", `{"number":"+420555"}`); st != 200 {
		t.Fatalf("update: %d %s", st, e.Error)
	}
	_, e = api(t, srv, "GET", "campaignsRecords/"+base[5]+".json", "")
	if got := recordOf(t, e)["number"]; got != "+420555" {
		t.Fatalf("updated number %v", got)
	}
	page := list(t, srv, "campaignsRecords.json?take=10")
	if page.Data[5]["name"] != base[5] || page.Data[5]["number"] != "+420555" {
		t.Fatalf("page shows %v %v", page.Data[5]["name"], page.Data[5]["number"])
	}

	// Delete a base record and a created one.
	for _, name := range []string{base[2], gen} {
		if st, _ := api(t, srv, "DELETE", "campaignsRecords/"+name+".json", ""); st != 204 {
			t.Fatalf("delete %s: %d", name, st)
		}
		if st, _ := api(t, srv, "GET", "campaignsRecords/"+name+".json", ""); st != 404 {
			t.Fatalf("read deleted %s: %d", name, st)
		}
		if st, _ := api(t, srv, "DELETE", "campaignsRecords/"+name+".json", ""); st != 404 {
			t.Fatalf("delete %s twice: %d", name, st)
		}
	}
	if c := srv.Count("campaignsRecords"); c != n {
		t.Fatalf("count %d, want %d", c, n)
	}
	page = list(t, srv, "campaignsRecords.json?take=4")
	if page.Total != n || strings.Join(names(page), ",") != strings.Join([]string{base[0], base[1], base[3], base[4]}, ",") {
		t.Fatalf("first page after delete: total %d %v", page.Total, names(page))
	}
	// Natural order: created records follow the base.
	last := list(t, srv, fmt.Sprintf("campaignsRecords.json?take=3&skip=%d", n-2))
	if got := names(last); len(got) != 2 || got[1] != "zz_chosen" {
		t.Fatalf("last page %v", got)
	}
	// Sorted by name, a created record takes its place among the base ("zz" > "records_").
	desc := list(t, srv, "campaignsRecords.json?take=2&sort[0][field]=name&sort[0][dir]=desc")
	if names(desc)[0] != "zz_chosen" {
		t.Fatalf("name desc starts %v", names(desc))
	}
	// A name range (binary search) counts the deletion; an equality finds a created record.
	rng := list(t, srv, "campaignsRecords.json?take=5&filter[field]=name&filter[operator]=lte&filter[value]="+base[4])
	if rng.Total != 4 {
		t.Fatalf("name <= base[4]: total %d %v", rng.Total, names(rng))
	}
	eq := list(t, srv, "campaignsRecords.json?filter[field]=name&filter[operator]=eq&filter[value]=zz_chosen")
	if eq.Total != 1 || eq.Data[0]["number"] != "+420111222333" {
		t.Fatalf("eq created: %+v", eq)
	}

	// A smaller synthesised model scans: filters see updates, creates and deletes.
	tk := srv.Names("tickets")
	cat := srv.Names("ticketsCategories")[0]
	count := func() int {
		return list(t, srv, "tickets.json?take=1&filter[field]=title&filter[operator]=eq&filter[value]=Marked").Total
	}
	if count() != 0 {
		t.Fatal("a ticket is titled Marked before any write")
	}
	api(t, srv, "PUT", "tickets/"+tk[10]+".json", `{"title":"Marked"}`)
	st, e = api(t, srv, "POST", "tickets.json", `{"title":"Marked","category":"`+cat+`"}`)
	if st != 201 || fmt.Sprint(recordOf(t, e)["name"]) != "501" {
		t.Fatalf("create ticket: %d name %v", st, recordOf(t, e)["name"])
	}
	if c := count(); c != 2 {
		t.Fatalf("Marked tickets %d, want 2", c)
	}
	api(t, srv, "DELETE", "tickets/"+tk[10]+".json", "")
	if c := count(); c != 1 {
		t.Fatalf("Marked tickets after delete %d, want 1", c)
	}
	sorted := list(t, srv, "tickets.json?take=1000&sort[0][field]=title&sort[0][dir]=asc")
	if sorted.Total != 500 || sorted.Data[0]["title"] != "Marked" {
		t.Fatalf("sorted by title: total %d first %v", sorted.Total, sorted.Data[0]["title"])
	}
	// The write overlay holds the writes, not the model.
	ov := srv.st.tables["campaignsRecords"].synth.ov
	if len(ov.changed) != 1 || len(ov.deleted) != 1 || len(ov.added) != 1 {
		t.Fatalf("overlay holds %d changed, %d deleted, %d added", len(ov.changed), len(ov.deleted), len(ov.added))
	}
}

// TestSynthesisedWritesOrder: with writes, the paths that never hold the base (natural
// order, one sort key on name or created, range filters) list exactly what the path that
// holds and sorts every match lists (a second sort key forces it).
func TestSynthesisedWritesOrder(t *testing.T) {
	srv := NewServer(Options{Records: map[string]int{"campaignsRecords": 3000}})
	defer srv.Close()
	typ := srv.Names("campaignsTypes")[0]
	base := srv.Names("campaignsRecords")
	for i, name := range []string{"a_first", "records_", "m_middle", "zz_last", ""} {
		body := fmt.Sprintf(`{"number":"+4201%d","record_type":%q}`, i, typ)
		if name != "" {
			body = fmt.Sprintf(`{"name":%q,"number":"+4201%d","record_type":%q}`, name, i, typ)
		}
		if st, e := api(t, srv, "POST", "campaignsRecords.json", body); st != 201 {
			t.Fatalf("create %q: %d %s", name, st, e.Error)
		}
	}
	for _, i := range []int{0, 7, 8, 500, 999} {
		if st, _ := api(t, srv, "DELETE", "campaignsRecords/"+base[i]+".json", ""); st != 204 {
			t.Fatalf("delete %d: %d", i, st)
		}
	}
	api(t, srv, "PUT", "campaignsRecords/"+base[9]+".json", `{"number":"+420777"}`)
	all := func(q string) string {
		var out []string
		for skip := 0; ; skip += 700 {
			lr := list(t, srv, fmt.Sprintf("campaignsRecords.json?take=700&skip=%d&%s", skip, q))
			for _, r := range lr.Data {
				out = append(out, fmt.Sprint(r["name"], "=", r["number"]))
			}
			if len(lr.Data) < 700 {
				if len(out) != lr.Total {
					t.Fatalf("%s: %d listed, total %d", q, len(out), lr.Total)
				}
				return strings.Join(out, " ")
			}
		}
	}
	rangeQ := "filter[filters][0][field]=name&filter[filters][0][operator]=gte&filter[filters][0][value]=" + base[5] +
		"&filter[filters][1][field]=name&filter[filters][1][operator]=lt&filter[filters][1][value]=" + base[900]
	for _, f := range []string{"name", "created"} {
		for _, dir := range []string{"asc", "desc"} {
			for _, filter := range []string{"", rangeQ} {
				fast := all(fmt.Sprintf("sort[0][field]=%s&sort[0][dir]=%s&%s", f, dir, filter))
				held := all(fmt.Sprintf("sort[0][field]=%s&sort[0][dir]=%s&sort[1][field]=number&%s", f, dir, filter))
				if fast != held {
					t.Errorf("sort %s %s filter %q: the fast path lists differently", f, dir, filter)
				}
			}
		}
	}
	natural := all("")
	if !strings.HasSuffix(natural, "+42014") || !strings.Contains(natural, base[9]+"=+420777") || strings.Contains(natural, base[500]+"=") {
		t.Errorf("natural order misses a write")
	}
}
