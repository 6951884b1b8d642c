package catalog

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Describe returns the model as help texts print it: what it holds, its key, every
// field with its type (related model, required, read-only, allowed values), its
// relations and its custom-field keys.
func (m *Model) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s.json): %s\n", m.PHPName(), m.Name, m.Doc)
	switch {
	case m.Nested:
		fmt.Fprintf(&b, "Read only inside other records or through a relation.\n")
	case m.ListOnly:
		fmt.Fprintf(&b, "Lists only: no single read, no writes.\n")
	}
	key := "a string a create may choose"
	if m.Counter {
		key = "a number the server counts up"
	}
	fmt.Fprintf(&b, "Key: %s (%s)\n", m.Key, key)
	if m.Partial {
		fmt.Fprintf(&b, "Fields (the ones public evidence shows; real records have more):\n")
	} else {
		fmt.Fprintf(&b, "Fields:\n")
	}
	for _, f := range m.Fields {
		if f.Hidden {
			continue
		}
		fmt.Fprintf(&b, "  %-28s %s\n", f.Name, f.summary())
	}
	if len(m.WriteOnly) > 0 {
		fmt.Fprintf(&b, "Write-only attributes (a create or update takes them; records do not show them):\n")
		for _, f := range m.WriteOnly {
			fmt.Fprintf(&b, "  %-28s %s\n", f.Name, f.summary())
		}
	}
	if len(m.Relations) > 0 {
		fmt.Fprintf(&b, "Relations:\n")
		for _, r := range m.Relations {
			fmt.Fprintf(&b, "  %s/{%s}/%s lists %s\n", m.Name, m.Key, r.Name, r.Model)
		}
	}
	if len(m.CustomFields) > 0 {
		var keys []string
		for _, c := range m.CustomFields {
			keys = append(keys, c.Key+" ("+c.Type+")")
		}
		fmt.Fprintf(&b, "Custom fields of the demo instance: %s\n", strings.Join(keys, ", "))
	}
	if len(m.Mistakes) > 0 {
		for _, wrong := range slices.Sorted(maps.Keys(m.Mistakes)) {
			fmt.Fprintf(&b, "No field %s: use %s.\n", wrong, m.Mistakes[wrong])
		}
	}
	return b.String()
}

// summary is a field's type and properties in a few words.
func (f Field) summary() string {
	parts := []string{f.Type.String()}
	if f.Ref != "" {
		parts[0] += " → " + f.Ref
	}
	if f.Required {
		parts = append(parts, "required")
	}
	if f.ReadOnly {
		parts = append(parts, "read-only")
	}
	s := strings.Join(parts, ", ")
	if len(f.Enum) > 0 {
		var vals []string
		for _, v := range f.Enum {
			if v == "" {
				v = `""`
			}
			vals = append(vals, v)
		}
		s += ": " + strings.Join(vals, " | ")
	}
	if f.Doc != "" {
		s += " (" + f.Doc + ")"
	}
	return s
}

// Summary lists every model with an endpoint, one a line: the name as the PHP
// connector writes it and what it holds.
func Summary() string {
	var b strings.Builder
	for _, m := range sorted {
		if !m.Nested {
			fmt.Fprintf(&b, "  %-26s %s\n", m.PHPName(), m.Doc)
		}
	}
	return b.String()
}
