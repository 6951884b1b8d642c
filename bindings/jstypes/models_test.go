package jstypes

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela/catalog"
)

var update = flag.Bool("update", false, "rewrite the generated models block of daktela.d.ts")

// TestModelDeclarations: the models block of daktela.d.ts is what ModelDeclarations
// generates from the model catalogue, so the record types, field names and model
// names editors offer are the catalogue's (-update rewrites it; then
// "go run ./cmd/dkscript types --out scripts" refreshes the copy in scripts/).
func TestModelDeclarations(t *testing.T) {
	d := Declarations()
	i, j := strings.Index(d, BeginModels+"\n"), strings.Index(d, EndModels+"\n")
	if i < 0 || j < i {
		t.Fatal("daktela.d.ts has no generated models block")
	}
	i += len(BeginModels) + 1
	want := ModelDeclarations()
	if d[i:j] == want {
		return
	}
	if !*update {
		t.Fatal("the models block of daktela.d.ts differs from the model catalogue: run go test ./bindings/jstypes -run TestModelDeclarations -update, then go run ./cmd/dkscript types --out scripts")
	}
	if err := os.WriteFile("daktela.d.ts", []byte(d[:i]+want+d[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every model gets an interface of its own, named as scripts expect, and none takes
// the name of a hand-written declaration.
func TestTypeNames(t *testing.T) {
	for endpoint, want := range map[string]string{
		"users": "User", "tickets": "Ticket", "activities": "Activity", "activitiesCall": "ActivityCall",
		"contacts": "Contact", "accounts": "Account", "campaignsRecords": "CampaignRecord", "queues": "Queue",
		"statuses": "Status", "activitiesSms": "ActivitySms", "pauses": "Pause", "ticketsCategories": "TicketCategory",
	} {
		m, ok := catalog.Lookup(endpoint)
		if !ok {
			t.Fatalf("no model %s", endpoint)
		}
		if got := TypeName(m); got != want {
			t.Errorf("TypeName(%s) = %s, want %s", endpoint, got, want)
		}
	}
	seen := map[string]string{}
	for _, m := range catalog.Models() {
		n := TypeName(m)
		if other, dup := seen[n]; dup {
			t.Errorf("%s and %s both make interface %s", m.Name, other, n)
		}
		seen[n] = m.Name
		if _, ok := Lookup("daktela." + n); ok {
			t.Errorf("%s: interface %s clashes with a hand-written declaration", m.Name, n)
		}
	}
}

// A model's help names its fields with their types, its relations and its interface,
// by model name in either case, as models.NAME or by interface name.
func TestDescribeModel(t *testing.T) {
	for _, name := range []string{"Tickets", "tickets", "models.Tickets", "Ticket"} {
		text, ok := DescribeModel(name)
		if !ok {
			t.Fatalf("DescribeModel(%q) found nothing", name)
		}
		for _, want := range []string{"Tickets (tickets.json)", "stage", "OPEN | WAIT", "category", "link → ticketsCategories",
			"Relations:", "tickets/{name}/activities lists activities", "typed Ticket", "import(\"daktela\").Ticket", "comment"} {
			if !strings.Contains(text, want) {
				t.Errorf("DescribeModel(%q) lacks %q:\n%s", name, want, text)
			}
		}
	}
	if _, ok := DescribeModel("Client"); ok {
		t.Error("DescribeModel(Client) found a model")
	}
}
