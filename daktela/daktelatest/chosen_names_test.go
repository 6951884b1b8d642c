package daktelatest

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"
)

// minimalBody builds a create body for m holding its required fields, with values the
// demo data accepts (a related record's name for a foreign key, the first allowed value
// of an enumeration).
func minimalBody(t *testing.T, srv *Server, m *model) map[string]any {
	t.Helper()
	body := map[string]any{}
	for _, fd := range m.fields {
		if !fd.required || fd.name == m.nameField || fd.readOnly {
			continue
		}
		switch {
		case fd.kind == kFK:
			refs := srv.Names(fd.ref)
			if len(refs) == 0 {
				t.Fatalf("%s.%s: no %s in the demo data", m.name, fd.name, fd.ref)
			}
			body[fd.name] = refs[0]
		case fd.enum != nil:
			body[fd.name] = fd.enum[0]
		default:
			body[fd.name] = "Chosen " + fd.name
		}
	}
	return body
}

// TestCreateKeepsChosenName: for every model whose key is a string, a create that sends a
// name gets 201 under that name and reads back by it; a create that sends none gets a
// generated one; models whose names are counters assign the next number whatever is sent.
func TestCreateKeepsChosenName(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	models := srv.st.models
	var names []string
	for name, m := range models {
		if !m.hidden && !m.listOnly {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	stringKeys := 0
	for _, name := range names {
		m := models[name]
		t.Run(name, func(t *testing.T) {
			key, _ := m.field(m.nameField)
			chosen := "chosen_" + name + "_1"
			body := minimalBody(t, srv, m)
			body[m.nameField] = chosen
			js, _ := json.Marshal(body)
			st, e := api(t, srv, "POST", name+".json", string(js))
			if st != 201 {
				t.Fatalf("create %s: status %d: %s %s", js, st, e.Error, e.Result)
			}
			got := nameKey(normalizeNum(recordOf(t, e)[m.nameField]))
			if key.kind != kStr || m.intNames {
				if got == chosen || got == "" {
					t.Fatalf("counter-named %s took name %q", name, got)
				}
				if _, err := fmt.Sscan(got, new(int64)); err != nil {
					t.Fatalf("counter-named %s got a non-numeric name %q", name, got)
				}
				return
			}
			stringKeys++
			if got != chosen {
				t.Fatalf("create with name %q answered name %q", chosen, got)
			}
			if st, e := api(t, srv, "GET", name+"/"+chosen+".json", ""); st != 200 {
				t.Fatalf("read back %s/%s: %d %s", name, chosen, st, e.Error)
			}
			// The same name again is refused.
			if st, e := api(t, srv, "POST", name+".json", string(js)); st != 400 {
				t.Fatalf("second create under %q: status %d, want 400: %s", chosen, st, e.Error)
			}
			// Without a name the server generates one (users must name their login).
			if key.required {
				return
			}
			delete(body, m.nameField)
			js, _ = json.Marshal(body)
			st, e = api(t, srv, "POST", name+".json", string(js))
			if st != 201 {
				t.Fatalf("create without a name: %d %s", st, e.Error)
			}
			if gen, _ := recordOf(t, e)[m.nameField].(string); gen == "" || gen == chosen {
				t.Fatalf("generated name %q", gen)
			}
		})
	}
	if stringKeys < 10 {
		t.Fatalf("only %d models with a string key were tried", stringKeys)
	}
}
