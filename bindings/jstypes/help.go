package jstypes

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Kind says what a declared name is.
type Kind string

// The kinds of Entry.
const (
	KindModule      Kind = "module"      // declare module "fs"
	KindNamespace   Kind = "namespace"   // an object of functions and constants (daktela.RequestFactory, console)
	KindClass       Kind = "class"       // a constructor (daktela.ReadRequest)
	KindInterface   Kind = "interface"   // the shape of objects the API hands out (daktela.PaginatedIterator)
	KindType        Kind = "type"        // a type alias (daktela.FilterOperator)
	KindFunction    Kind = "function"    // a function of a module, namespace or the global scope
	KindConstructor Kind = "constructor" // new C(...)
	KindMethod      Kind = "method"      // a method of a class or interface
	KindProperty    Kind = "property"    // a property of a class or interface
	KindConstant    Kind = "constant"    // a const or let of a module or namespace
)

// Entry describes one declared name.
type Entry struct {
	// Name is the dotted name a script writes: "daktela.ReadRequest.addFilter",
	// "fs.readFileSync", "console.log", "sleep". Instance members of classes and
	// interfaces are named through the class ("daktela.Response.getData").
	Name string
	Kind Kind
	// Static is set for static members of classes (daktela.ReadRequest.TYPE_ALL,
	// daktela.Client.getInstance).
	Static bool
	// Signature is the declaration as daktela.d.ts writes it, one line per overload.
	Signature string
	// Doc is the doc comment (of the first overload that has one).
	Doc string
	// Parent is the name of the enclosing declaration ("" for modules and globals).
	Parent string
	// Extends names what a class or interface extends, as written ("RequestException",
	// "Error", "IterableIterator<string>").
	Extends string
}

// Help returns an entry per declared name, in the order of daktela.d.ts: the daktela
// module, fs, csv, path, dates, util, then the globals. The slice is shared: do not
// change it.
func Help() []Entry { return parsed().entries }

// Lookup finds the entry of name. It accepts the forms a script or a user may write:
// "daktela.ReadRequest.addFilter", "daktela.ReadRequest.prototype.addFilter",
// "ReadRequest.addFilter" and "addFilter" (when only one declaration has that name),
// and a trailing "()".
func Lookup(name string) (Entry, bool) {
	p := parsed()
	name = strings.TrimSuffix(strings.TrimSpace(name), "()")
	name = strings.ReplaceAll(name, ".prototype.", ".")
	if i, ok := p.index[name]; ok {
		return p.entries[i], true
	}
	if i, ok := p.index["daktela."+name]; ok {
		return p.entries[i], true
	}
	var found []int
	for i, e := range p.entries {
		if strings.HasSuffix(e.Name, "."+name) {
			found = append(found, i)
		}
	}
	if len(found) == 1 {
		return p.entries[found[0]], true
	}
	return Entry{}, false
}

// Members returns the entries declared directly inside name (a module, namespace, class
// or interface), in declaration order.
func Members(name string) []Entry {
	var out []Entry
	for _, e := range parsed().entries {
		if e.Parent == name {
			out = append(out, e)
		}
	}
	return out
}

// Describe formats the help of name for a terminal: the signature, the doc comment, and
// for modules, namespaces, classes and interfaces their members with the first sentence
// of each doc. An unknown name gives an error that suggests close names.
func Describe(name string) (string, error) {
	e, ok := Lookup(name)
	if !ok {
		return "", fmt.Errorf("no declaration named %q%s", name, suggest(name))
	}
	var b strings.Builder
	if e.Kind == KindModule {
		fmt.Fprintf(&b, "module %q", e.Name)
		if e.Name == "daktela" {
			b.WriteString(" (also the global daktela)")
		}
		b.WriteString("\n")
	} else {
		for _, line := range strings.Split(e.Signature, "\n") {
			b.WriteString(qualify(e, line))
			b.WriteString("\n")
		}
	}
	if e.Doc != "" {
		b.WriteString("\n")
		for _, para := range strings.Split(e.Doc, "\n") {
			b.WriteString("  " + wrap(para, 86, "  ") + "\n")
		}
	}
	if ms := Members(e.Name); len(ms) > 0 {
		b.WriteString("\n")
		b.WriteString(memberList(ms))
	}
	return b.String(), nil
}

// Overview is the short API summary .help prints: each module and the global scope with
// the names declared at their top level.
func Overview() string {
	var b strings.Builder
	p := parsed()
	b.WriteString("Modules (require(\"name\"); daktela is also a global):\n")
	for _, e := range p.entries {
		if e.Kind != KindModule {
			continue
		}
		var names []string
		for _, m := range Members(e.Name) {
			if m.Kind == KindType || m.Kind == KindInterface {
				continue
			}
			names = append(names, short(m))
		}
		fmt.Fprintf(&b, "  %-8s %s\n", e.Name, wrap(strings.Join(names, " "), 78, "           "))
	}
	var globals []string
	seen := map[string]bool{}
	for _, e := range p.entries {
		// A function and the namespace of its properties (require, require.main) are
		// one name.
		if e.Parent == "" && e.Kind != KindModule && e.Kind != KindInterface && e.Kind != KindType && !seen[e.Name] {
			seen[e.Name] = true
			globals = append(globals, short(e))
		}
	}
	fmt.Fprintf(&b, "  %-8s %s\n", "globals", wrap(strings.Join(globals, " "), 78, "           "))
	return b.String()
}

// short is a name as a list shows it: the last part, with "()" for functions and a
// leading "new " for classes.
func short(e Entry) string {
	n := e.Name[strings.LastIndex(e.Name, ".")+1:]
	switch e.Kind {
	case KindFunction, KindMethod:
		return n + "()"
	}
	return n
}

// qualify writes a member's declaration with the name a script uses, e.g.
// "addFilter(field: ...): this" as "daktela.ReadRequest#addFilter(field: ...): this".
func qualify(e Entry, line string) string {
	switch e.Kind {
	case KindMethod, KindProperty:
		sep := "#"
		if e.Static {
			sep = "."
			line = strings.TrimPrefix(line, "static ")
		}
		return e.Parent + sep + strings.TrimPrefix(line, "readonly ")
	case KindFunction:
		if e.Parent != "" {
			return e.Parent + "." + strings.TrimPrefix(line, "function ")
		}
	case KindConstant:
		if e.Parent != "" {
			for _, kw := range []string{"const ", "let ", "var "} {
				line = strings.TrimPrefix(line, kw)
			}
			return e.Parent + "." + line
		}
	case KindConstructor:
		return "new " + e.Parent + strings.TrimPrefix(strings.TrimPrefix(line, "private "), "constructor")
	}
	return line
}

func memberList(ms []Entry) string {
	var b strings.Builder
	width := 0
	for _, m := range ms {
		if m.Kind == KindConstructor {
			continue
		}
		if n := len(listName(m)); n > width {
			width = n
		}
	}
	if width > 32 {
		width = 32
	}
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Kind == KindConstructor || seen[m.Name] {
			continue
		}
		seen[m.Name] = true
		fmt.Fprintf(&b, "  %-*s  %s\n", width, listName(m), firstSentence(m.Doc))
	}
	return b.String()
}

func listName(m Entry) string {
	n := short(m)
	if m.Static {
		n = "static " + n
	}
	return n
}

// firstSentence returns doc up to the end of its first sentence.
func firstSentence(doc string) string {
	doc = strings.Join(strings.Fields(doc), " ")
	for i := 0; i+1 < len(doc); i++ {
		if doc[i] == '.' && doc[i+1] == ' ' && !strings.HasSuffix(doc[:i+1], "e.g.") && !strings.HasSuffix(doc[:i+1], "i.e.") {
			return doc[:i+1]
		}
	}
	return doc
}

// wrap breaks s at spaces into lines of at most width, continuing with pre.
func wrap(s string, width int, pre string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(w) > width {
				b.WriteString("\n")
				b.WriteString(pre)
				n = 0
			} else {
				b.WriteString(" ")
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// suggest lists up to three declared names that contain name's last part.
func suggest(name string) string {
	last := strings.ToLower(name[strings.LastIndex(name, ".")+1:])
	if last == "" {
		return ""
	}
	var hits []string
	for _, e := range parsed().entries {
		if strings.Contains(strings.ToLower(e.Name[strings.LastIndex(e.Name, ".")+1:]), last) {
			hits = append(hits, e.Name)
		}
	}
	sort.Strings(hits)
	if len(hits) == 0 {
		return ""
	}
	if len(hits) > 3 {
		hits = hits[:3]
	}
	return " (did you mean " + strings.Join(hits, ", ") + "?)"
}

// The parser reads the subset of TypeScript daktela.d.ts is written in: one declaration
// per line ending in ";", blocks opened by a line ending in "{" and closed by a line
// "}", doc comments /** ... */ before declarations.

type parseResult struct {
	entries []Entry
	index   map[string]int
}

var parsed = sync.OnceValue(func() parseResult {
	entries, err := parse(declarations)
	if err != nil {
		panic("jstypes: daktela.d.ts: " + err.Error()) // the embedded file is tested
	}
	idx := make(map[string]int, len(entries))
	for i, e := range entries {
		if _, dup := idx[e.Name]; !dup {
			idx[e.Name] = i
		}
	}
	return parseResult{entries: entries, index: idx}
})

var (
	blockRE  = regexp.MustCompile(`^(?:export\s+)?(?:declare\s+)?(class|interface|namespace|module)\s+("[^"]+"|[\w$]+)(<[^{]*?>)?\s*(.*?)\{\s*(\})?$`)
	extendRE = regexp.MustCompile(`\bextends\s+([\w$.]+(?:<[^{]*?>)?)`)
	memberRE = regexp.MustCompile(`^(?:(function|const|let|var|type|get)\s+)?(\[Symbol\.\w+\]|[\w$]+)\s*(\??)\s*([<(:=])`)
)

type scope struct {
	name string // full dotted name; "" for the global scope
	kind Kind
}

// parse reads the declarations in src into entries, overloads merged.
func parse(src string) ([]Entry, error) {
	var (
		entries  []Entry
		stack    = []scope{{}}
		doc      []string
		inDoc    bool
		inAlias  bool               // inside a declare module "node:x" block, which re-exports "x"
		inModels bool               // inside the generated models block (described from the catalogue)
		at       = map[string]int{} // entry index by name, to merge overloads
	)
	add := func(e Entry) {
		if i, ok := at[e.Name]; ok && entries[i].Kind == e.Kind && entries[i].Static == e.Static {
			entries[i].Signature += "\n" + e.Signature
			if entries[i].Doc == "" {
				entries[i].Doc = e.Doc
			}
			return
		}
		at[e.Name] = len(entries)
		entries = append(entries, e)
	}
	for n, raw := range strings.Split(src, "\n") {
		lineNo := n + 1
		line := strings.TrimSpace(raw)
		if inModels || raw == BeginModels {
			inModels = raw != EndModels
			doc = nil
			continue
		}
		if inAlias || (strings.HasPrefix(line, `declare module "node:`) && strings.HasSuffix(line, "{")) {
			// "node:x" names the same module as "x": nothing of its own to describe.
			inAlias = line != "}"
			doc = nil
			continue
		}
		if inDoc {
			end := strings.Contains(line, "*/")
			line = strings.TrimSpace(strings.TrimSuffix(strings.SplitN(line, "*/", 2)[0], "*/"))
			line = strings.TrimSpace(strings.TrimPrefix(line, "*"))
			doc = append(doc, line)
			inDoc = !end
			continue
		}
		switch {
		case line == "" || strings.HasPrefix(line, "//"):
			doc = nil
			continue
		case strings.HasPrefix(line, "/**"):
			body := strings.TrimPrefix(line, "/**")
			if i := strings.Index(body, "*/"); i >= 0 {
				doc = []string{strings.TrimSpace(body[:i])}
			} else {
				doc = nil
				if t := strings.TrimSpace(body); t != "" {
					doc = append(doc, t)
				}
				inDoc = true
			}
			continue
		case line == "}":
			if len(stack) == 1 {
				return nil, fmt.Errorf("line %d: } closes nothing", lineNo)
			}
			stack = stack[:len(stack)-1]
			doc = nil
			continue
		}
		cur := stack[len(stack)-1]
		text := joinDoc(doc)
		doc = nil
		if m := blockRE.FindStringSubmatch(line); m != nil {
			kind := Kind(m[1])
			name := strings.Trim(m[2], `"`)
			full := join(cur.name, name)
			e := Entry{Name: full, Kind: kind, Signature: strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(stripModifiers(line), "{}")), "{"), Doc: text, Parent: cur.name}
			e.Signature = strings.TrimSpace(e.Signature)
			if x := extendRE.FindStringSubmatch(m[4]); x != nil {
				e.Extends = x[1]
			}
			add(e)
			if m[5] == "" {
				stack = append(stack, scope{name: full, kind: kind})
			}
			continue
		}
		if !strings.HasSuffix(line, ";") {
			return nil, fmt.Errorf("line %d: cannot read %q (one declaration per line, ending in \";\")", lineNo, line)
		}
		decl := stripModifiers(strings.TrimSuffix(line, ";"))
		static := false
		if strings.HasPrefix(decl, "static ") {
			static = true
			decl = strings.TrimPrefix(decl, "static ")
		}
		decl = strings.TrimPrefix(decl, "readonly ")
		if strings.HasPrefix(decl, "private constructor") || strings.HasPrefix(decl, "constructor") {
			add(Entry{Name: join(cur.name, "constructor"), Kind: KindConstructor, Signature: decl, Doc: text, Parent: cur.name})
			continue
		}
		if strings.HasPrefix(decl, "[") && !strings.HasPrefix(decl, "[Symbol.") {
			continue // an index signature
		}
		m := memberRE.FindStringSubmatch(decl)
		if m == nil {
			return nil, fmt.Errorf("line %d: cannot read the declaration %q", lineNo, line)
		}
		kw, name, punct := m[1], m[2], m[4]
		var kind Kind
		inType := cur.kind == KindClass || cur.kind == KindInterface
		switch {
		case kw == "type":
			kind = KindType
		case kw == "function":
			kind = KindFunction
		case kw == "const" || kw == "let" || kw == "var":
			kind = KindConstant
		case kw == "get":
			kind = KindProperty
		case !inType:
			return nil, fmt.Errorf("line %d: %q: only classes and interfaces have members without a keyword", lineNo, line)
		case punct == "(" || punct == "<":
			kind = KindMethod
		default:
			kind = KindProperty
		}
		sig := stripModifiers(strings.TrimSuffix(line, ";"))
		add(Entry{Name: join(cur.name, name), Kind: kind, Static: static, Signature: sig, Doc: text, Parent: cur.name})
	}
	if inDoc {
		return nil, fmt.Errorf("unterminated doc comment")
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("%d blocks left open at the end", len(stack)-1)
	}
	return entries, nil
}

// stripModifiers drops "export" and "declare" from the front of a declaration.
func stripModifiers(s string) string {
	for {
		switch {
		case strings.HasPrefix(s, "export "):
			s = strings.TrimPrefix(s, "export ")
		case strings.HasPrefix(s, "declare "):
			s = strings.TrimPrefix(s, "declare ")
		default:
			return s
		}
	}
}

func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// joinDoc joins doc comment lines: lines run together into paragraphs, an empty line
// separates paragraphs.
func joinDoc(lines []string) string {
	var paras []string
	var cur []string
	for _, l := range lines {
		if l == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, " "))
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return strings.Join(paras, "\n")
}
