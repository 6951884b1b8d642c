package daktelatest

import "testing"

// TestCampaignsRecordsQueueAlias: "queue" holding a record type's name is the legacy
// alias of record_type (the PHP connector's integration tests send it so): the record
// gets that type and the type's queue; a queue's name there still gives a record without
// record_type the type of that queue.
func TestCampaignsRecordsQueueAlias(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	typ := srv.Names("campaignsTypes")[0]
	tr, _ := srv.Record("campaignsTypes", typ)
	st, e := api(t, srv, "POST", "campaignsRecords.json", `{"name":"alias_1","number":"+420111222333","action":5,"queue":"`+typ+`"}`)
	if st != 201 {
		t.Fatalf("create with queue = record type: %d %s", st, e.Error)
	}
	r := recordOf(t, e)
	rt, _ := r["record_type"].(map[string]any)
	q, _ := r["queue"].(map[string]any)
	if rt == nil || rt["name"] != typ {
		t.Fatalf("record_type %v, want %s", r["record_type"], typ)
	}
	tq, _ := tr["queue"].(map[string]any)
	if q == nil || tq == nil || normalizeNum(q["name"]) != normalizeNum(tq["name"]) {
		t.Fatalf("queue %v, want the type's queue %v", r["queue"], tr["queue"])
	}
	// An update may use the alias too.
	if st, e := api(t, srv, "PUT", "campaignsRecords/alias_1.json", `{"queue":"`+typ+`"}`); st != 200 {
		t.Fatalf("update with queue = record type: %d %s", st, e.Error)
	}
	// Neither a type nor a queue: a foreign key error, as before.
	if st, _ := api(t, srv, "POST", "campaignsRecords.json", `{"queue":"nothing_by_that_name"}`); st != 400 {
		t.Fatalf("unknown queue: %d, want 400", st)
	}
}
