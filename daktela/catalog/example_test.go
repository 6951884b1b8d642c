package catalog_test

import (
	"fmt"

	"github.com/dkscript/dkscript/daktela/catalog"
)

// A model's key, a field's type and a relation, looked up by endpoint name.
func Example() {
	m, _ := catalog.Lookup("Tickets") // the first letter is case-insensitive
	fmt.Println(m.Name, "key:", m.Key, "counter:", m.Counter)
	f, _ := m.Field("category")
	fmt.Println(f.Name, f.Type, "→", f.Ref, "required:", f.Required)
	r, _ := m.Relation("activities")
	fmt.Printf("%s/{name}/%s lists %s by %s\n", m.Name, r.Name, r.Model, r.Field)
	// Output:
	// tickets key: name counter: true
	// category link → ticketsCategories required: true
	// tickets/{name}/activities lists activities by ticket
}

// A model as "dkscript help api models.Statuses" prints it.
func ExampleModel_Describe() {
	m, _ := catalog.Lookup("statuses")
	fmt.Print(m.Describe())
	// Output:
	// Statuses (statuses.json): Outcomes a user sets on activities, tickets and campaign records.
	// Key: name (a string a create may choose)
	// Fields:
	//   name                         string
	//   title                        string, required
	//   description                  string
	//   validation                   boolean
	//   nextcall                     boolean
	//   blacklist_database           link → blacklistDatabases
	//   blacklist_expiration_time    integer (seconds)
	//   color                        string
	//   created                      datetime, read-only
}
