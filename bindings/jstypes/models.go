package jstypes

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/dkscript/dkscript/daktela/catalog"
)

// The generated part of daktela.d.ts: between these two lines of the daktela module,
// ModelDeclarations' text. Everything else in the file is written by hand.
const (
	BeginModels = "  // BEGIN GENERATED MODELS (from the model catalogue, package daktela/catalog: go test ./bindings/jstypes -run TestModelDeclarations -update)"
	EndModels   = "  // END GENERATED MODELS"
)

// TypeName is the name of the interface daktela.d.ts declares for the records of a
// model: its endpoint name with each word in the singular and the first letter upper
// case ("users" → "User", "campaignsRecords" → "CampaignRecord", "activitiesCall" →
// "ActivityCall", "statuses" → "Status").
func TypeName(m *catalog.Model) string {
	var b strings.Builder
	for _, w := range words(m.PHPName()) {
		b.WriteString(singular(w))
	}
	return b.String()
}

// words splits a camel-case name at its upper-case letters.
func words(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if i > 0 && unicode.IsUpper(r) {
			out = append(out, s[start:i])
			start = i
		}
	}
	return append(out, s[start:])
}

// singular is the singular of one word of a model's name.
func singular(w string) string {
	lw := strings.ToLower(w)
	switch {
	case lw == "statuses":
		return w[:len(w)-2]
	case lw == "sms" || strings.HasSuffix(lw, "ss"):
		return w
	case strings.HasSuffix(lw, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(lw, "s"):
		return w[:len(w)-1]
	}
	return w
}

// ModelDeclarations is the generated block of daktela.d.ts: ModelName (the catalogue's
// endpoints, any other string accepted), Models (each endpoint's record type),
// ModelRelations, ModelWrites, ActivityItem, and per model the interface of its records
// (User) with every field the catalogue lists, typed as the API reads it, and the same
// record nested in another (UserAt<D>, whose links expand D more levels).
func ModelDeclarations() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("  /** A model of the API, as the PHP connector names it (the endpoint is the name with a lower-case first letter): editors offer the model catalogue's endpoints, and any other string is accepted too (the API has more models). A known model types what the request reads and writes; \"dkscript help api NAME\" lists its fields. */\n")
	w("  export type ModelName = keyof Models | (string & {});\n\n")

	w("  /** The record type of each model of the catalogue, by the name the builders take: buildReadRequest(\"Users\") reads User records. */\n")
	w("  export interface Models {\n")
	for _, m := range catalog.Models() {
		if !m.Nested {
			w("    %s: %s;\n", m.PHPName(), TypeName(m))
		}
	}
	w("  }\n\n")

	w("  /** The relations of each model (buildReadRelationRequest(model, name, relation)) and the record type each lists. */\n")
	w("  export interface ModelRelations {\n")
	for _, m := range catalog.Models() {
		if m.Nested || len(m.Relations) == 0 {
			continue
		}
		var rels []string
		for _, r := range m.Relations {
			rel, _ := catalog.Lookup(r.Model)
			rels = append(rels, fmt.Sprintf("%s: %s", r.Name, TypeName(rel)))
		}
		w("    %s: { %s };\n", m.PHPName(), strings.Join(rels, "; "))
	}
	w("  }\n\n")

	w("  /** The attributes a create or update of each model takes that its records do not show. */\n")
	w("  export interface ModelWrites {\n")
	for _, m := range catalog.Models() {
		if m.Nested || len(m.WriteOnly) == 0 {
			continue
		}
		var attrs []string
		for _, f := range m.WriteOnly {
			typ, _ := fieldType(m, f)
			attrs = append(attrs, fmt.Sprintf("%s?: %s", f.Name, typ))
		}
		w("    %s: { %s };\n", m.PHPName(), strings.Join(attrs, "; "))
	}
	w("  }\n\n")

	var channels []string
	for _, typ := range sortedChannelTypes() {
		ch, _ := catalog.Lookup(catalog.Channels[typ])
		channels = append(channels, TypeName(ch)+"At<D>")
	}
	w("  /** An activity's item, the channel record of its type (CALL: ActivityCall, EMAIL: ActivityEmail, CHAT: ActivityWeb, ...). */\n")
	w("  export type ActivityItem<D extends Depth = 2> = %s;\n", strings.Join(channels, " | "))

	for _, m := range catalog.Models() {
		b.WriteString("\n")
		writeModel(&b, m)
	}
	return b.String()
}

func sortedChannelTypes() []string {
	var out []string
	for t := range catalog.Channels {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// writeModel writes the interface of m's records.
func writeModel(b *strings.Builder, m *catalog.Model) {
	where := m.PHPName() + " (" + m.Name + ".json)"
	if m.Nested {
		where = m.Name + ", read inside other records or through a relation"
	}
	doc := fmt.Sprintf("%s A record of %s.", strings.TrimSpace(m.Doc), where)
	if m.Partial {
		doc += " The catalogue lists the fields public evidence shows; real records have more."
	}
	fmt.Fprintf(b, "  /** %s */\n", doc)
	fmt.Fprintf(b, "  export interface %s extends %sAt<3> {}\n", TypeName(m), TypeName(m))
	fmt.Fprintf(b, "  /** A record of %s whose links expand D more levels, as when it is nested in another record (%s, the record a read returns, is %sAt<3>). */\n", m.PHPName(), TypeName(m), TypeName(m))
	fmt.Fprintf(b, "  export interface %sAt<D extends Depth> {\n", TypeName(m))
	for _, f := range m.Fields {
		if f.Hidden {
			continue
		}
		typ, optional := fieldType(m, f)
		if d := fieldDoc(m, f); d != "" {
			fmt.Fprintf(b, "    /** %s */\n", d)
		}
		q := ""
		if optional {
			q = "?"
		}
		fmt.Fprintf(b, "    %s%s: %s;\n", f.Name, q, typ)
	}
	if m.Partial {
		b.WriteString("    /** The fields the catalogue does not list. */\n")
		b.WriteString("    [field: string]: any;\n")
	}
	b.WriteString("  }\n")
}

// fieldType is a field's TypeScript type as records hold it, and whether records may
// lack it.
func fieldType(m *catalog.Model, f catalog.Field) (typ string, optional bool) {
	nullable := !f.Required && f.Name != m.Key
	switch f.Type {
	case catalog.String, catalog.NumericString, catalog.Datetime:
		typ = "string"
		if len(f.Enum) > 0 {
			var vals []string
			for _, v := range f.Enum {
				vals = append(vals, fmt.Sprintf("%q", v))
			}
			typ = strings.Join(vals, " | ")
		}
	case catalog.Integer, catalog.Number:
		typ = "number"
	case catalog.Boolean:
		return "boolean", false
	case catalog.Link:
		typ = link(f.Ref)
	case catalog.Links:
		typ = link(f.Ref)
		if strings.Contains(typ, " ") {
			typ = "(" + typ + ")"
		}
		// A channel record's activities are listed only when it is the answer's own.
		return typ + "[]", f.Name == "activities" && f.Ref == "activities"
	case catalog.CustomFields:
		var keys []string
		for _, c := range m.CustomFields {
			keys = append(keys, c.Key+"?: string[]; ")
		}
		return "{ " + strings.Join(keys, "") + "[key: string]: string[] }", false
	case catalog.JSON:
		return "any", false
	case catalog.Item:
		typ = "D extends 3 ? ActivityItem<2> : number"
		return "(" + typ + ") | null", false
	}
	if nullable {
		typ += " | null"
	}
	return typ, false
}

// link is the type of a link to model ref in a record at depth D.
func link(ref string) string {
	r, _ := catalog.Lookup(ref)
	key := "string"
	if r.Counter {
		key = "number"
	}
	return fmt.Sprintf("Link<D, %sAt<Less<D>>, %s>", TypeName(r), key)
}

// fieldDoc is the hover text of a field: what the catalogue says of it.
func fieldDoc(m *catalog.Model, f catalog.Field) string {
	var parts []string
	if f.Doc != "" {
		parts = append(parts, f.Doc)
	}
	switch f.Type {
	case catalog.Datetime:
		parts = append(parts, `"YYYY-MM-DD HH:MM:SS" in the instance's time zone`)
	case catalog.NumericString:
		parts = append(parts, "a number the API sends as a string")
	case catalog.Link, catalog.Links:
		ref, _ := catalog.Lookup(f.Ref)
		name := ref.PHPName()
		if ref.Nested {
			name = ref.Name
		}
		parts = append(parts, "read as the "+name+" record (its name beyond three levels), written as its name")
	case catalog.CustomFields:
		parts = append(parts, "every value a list; the keys differ per instance (these are the demo instance's)")
	}
	if f.Name == m.Key {
		parts = append(parts, "the key")
	}
	if f.Required {
		parts = append(parts, "required on create")
	}
	if f.ReadOnly {
		parts = append(parts, "read-only")
	}
	return strings.Join(parts, "; ")
}

// DescribeModel is the help of a model of the catalogue, as "dkscript help api Users"
// and the REPL's ".help Users" print it: the catalogue's description (fields with their
// types, key, relations, custom fields) and the name of its records' interface in the
// declarations. name is the model as the builders take it ("Users", "users",
// "models.Users") or the interface's name ("User"); ok is false for any other name.
func DescribeModel(name string) (text string, ok bool) {
	name = strings.TrimPrefix(name, "models.")
	m, found := catalog.Lookup(name)
	if !found {
		for _, c := range catalog.Models() {
			if TypeName(c) == name {
				m, found = c, true
				break
			}
		}
	}
	if !found {
		return "", false
	}
	return m.Describe() + fmt.Sprintf("Records are typed %s in the declarations (daktela.d.ts; in JSDoc import(\"daktela\").%s).\n",
		TypeName(m), TypeName(m)), true
}
