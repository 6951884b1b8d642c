package jstypes

import (
	"fmt"
	"strings"
)

// Markdown renders the whole declaration file as a Markdown reference: per module (and
// for the globals) its functions and constants, then each class, namespace and
// interface with a table of its members, then the types. docs/js-api.md embeds it
// between markers, and a test keeps that copy current.
func Markdown() string {
	var b strings.Builder
	for _, m := range Help() {
		if m.Kind == KindModule {
			title := fmt.Sprintf("`require(%q)`", m.Name)
			if m.Name == "daktela" {
				title += " — also the global `daktela`"
			}
			section(&b, m.Name, title)
		}
	}
	section(&b, "", "Globals")
	return b.String()
}

func section(b *strings.Builder, scope, title string) {
	fmt.Fprintf(b, "### %s\n\n", title)
	var funcs, types, blocks []Entry
	for _, e := range Help() {
		if e.Parent != scope || e.Kind == KindModule {
			continue
		}
		switch e.Kind {
		case KindClass, KindNamespace, KindInterface:
			blocks = append(blocks, e)
		case KindType:
			types = append(types, e)
		default:
			funcs = append(funcs, e)
		}
	}
	if len(funcs) > 0 {
		b.WriteString("| Name | Declaration | Description |\n|---|---|---|\n")
		for _, e := range funcs {
			row(b, e.Name, e.Signature, e.Doc)
		}
		b.WriteString("\n")
	}
	for _, e := range blocks {
		fmt.Fprintf(b, "#### `%s`\n\n", e.Name)
		fmt.Fprintf(b, "`%s`", e.Signature)
		if e.Doc != "" {
			b.WriteString(" — ")
			b.WriteString(strings.ReplaceAll(e.Doc, "\n", " "))
		}
		b.WriteString("\n\n")
		ms := Members(e.Name)
		if len(ms) == 0 {
			continue
		}
		b.WriteString("| Member | Declaration | Description |\n|---|---|---|\n")
		for _, m := range ms {
			name := m.Name[len(e.Name)+1:]
			switch {
			case m.Kind == KindConstructor:
				name = "new " + e.Name[strings.LastIndex(e.Name, ".")+1:]
			case m.Static:
				name = "static " + name
			}
			row(b, name, m.Signature, m.Doc)
		}
		b.WriteString("\n")
	}
	if len(types) > 0 {
		b.WriteString("| Type | Definition | Description |\n|---|---|---|\n")
		for _, e := range types {
			row(b, e.Name, e.Signature, e.Doc)
		}
		b.WriteString("\n")
	}
}

// row writes one table row; "|" inside cells is escaped, overloads are separated by
// line breaks.
func row(b *strings.Builder, name, sig, doc string) {
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	sigs := strings.Split(sig, "\n")
	for i, s := range sigs {
		sigs[i] = "`" + cell(s) + "`"
	}
	fmt.Fprintf(b, "| `%s` | %s | %s |\n", cell(name), strings.Join(sigs, "<br>"), cell(strings.ReplaceAll(doc, "\n", " ")))
}
