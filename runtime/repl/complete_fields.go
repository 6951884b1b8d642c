package repl

import (
	"regexp"
	"sort"
	"strings"

	"github.com/dkscript/dkscript/daktela/catalog"
	"github.com/dop251/goja"
)

// Field names complete inside the string arguments of addFilter, addSort and setFields,
// from the model catalogue's fields of the model the request was built for.

var (
	// fieldArg matches a field name being typed as the first argument of addFilter or
	// addSort, or as an element of setFields' list; the receiver is what precedes it.
	fieldArg = regexp.MustCompile(`\.(?:add(?:Filter|Sort)\(\s*|setFields\(\s*\[(?:\s*["'` + "`" + `][\w.]*["'` + "`" + `]\s*,)*\s*)(["'` + "`" + `])([\w.]*)$`)
	// builtFor matches a request built in the text: its builder and string arguments.
	builtFor = regexp.MustCompile(`build(Read|ReadMultiple|ReadSingle|ReadRelation|Create|Update|Delete)Request\(\s*["'` + "`" + `](\w+)["'` + "`" + `](?:\s*,\s*[^,()]*,\s*["'` + "`" + `](\w+)["'` + "`" + `])?`)
	// relationArg matches the relation argument being typed in buildReadRelationRequest.
	relationArg = regexp.MustCompile(`buildReadRelationRequest\(\s*["'` + "`" + `](\w+)["'` + "`" + `]\s*,\s*[^,()]*,\s*(["'` + "`" + `])(\w*)$`)
)

// completeField answers Tab inside a field-name string of addFilter, addSort or
// setFields: ok is false when before is not such a string.
func (c *completer) completeField(vm *goja.Runtime, before, tail string) (head string, completions []string, ok bool) {
	loc := fieldArg.FindStringSubmatchIndex(before)
	if loc == nil {
		return "", nil, false
	}
	quote, word := before[loc[2]:loc[3]], before[loc[4]:loc[5]]
	head = before[:len(before)-len(word)]
	m := c.receiverModel(vm, before[:loc[0]])
	if m == nil {
		return head, nil, true
	}
	completions = fieldCompletions(m, word)
	// A single field is closed with the quote, unless it is a link or custom fields,
	// whose paths may go on after a ".".
	if len(completions) == 1 && len(fieldCompletions(m, completions[0]+".")) == 0 && !strings.HasPrefix(tail, quote) {
		completions[0] += quote
	}
	return head, completions, true
}

// completeRelation answers Tab inside buildReadRelationRequest's relation argument.
func completeRelation(before, tail string) (head string, completions []string, ok bool) {
	sub := relationArg.FindStringSubmatch(before)
	if sub == nil {
		return "", nil, false
	}
	quote, word := sub[2], sub[3]
	head = before[:len(before)-len(word)]
	if m, found := catalog.Lookup(sub[1]); found {
		for _, r := range m.Relations {
			if strings.HasPrefix(r.Name, word) {
				completions = append(completions, r.Name)
			}
		}
	}
	if len(completions) == 1 && !strings.HasPrefix(tail, quote) {
		completions[0] += quote
	}
	return head, completions, true
}

// receiverModel finds the model of the request a method is called on: recv is the text
// before ".addFilter(". A chain typed in the same statement names it in its builder
// (daktela.buildReadRequest("Users").addSort(...)); a variable holding a request is
// asked for its model (req.addFilter(...)).
func (c *completer) receiverModel(vm *goja.Runtime, recv string) *catalog.Model {
	if i := strings.LastIndexAny(recv, ";{}"); i >= 0 {
		recv = recv[i+1:]
	}
	if chain, partial, ok := trailingChain(recv); ok && partial != "" {
		return requestModel(vm, append(chain, partial))
	}
	if all := builtFor.FindAllStringSubmatch(recv, -1); len(all) > 0 {
		b := all[len(all)-1]
		return modelRead(b[2], b[1] == "ReadRelation", b[3])
	}
	// A chain of calls on a variable: req.addFilter(...).addSort(...
	calls := calledOn.FindAllStringSubmatchIndex(recv, -1)
	for i := len(calls) - 1; i >= 0; i-- {
		start, end := calls[i][2], calls[i][3]
		if start > 0 && strings.ContainsAny(recv[start-1:start], ".)]") {
			continue // a call on a call's result
		}
		if m := requestModel(vm, strings.Split(recv[start:end], ".")); m != nil {
			return m
		}
	}
	return nil
}

// calledOn matches a method call on a variable or a property path: "req" in
// "req.addFilter(".
var calledOn = regexp.MustCompile(`([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.[A-Za-z_$][\w$]*\(`)

// modelRead is the model whose records a read of model returns: the relation's model
// for a relation read.
func modelRead(model string, isRelation bool, relation string) *catalog.Model {
	m, ok := catalog.Lookup(model)
	if !ok {
		return nil
	}
	if isRelation || relation != "" {
		r, ok := m.Relation(relation)
		if !ok {
			return nil
		}
		m, ok = catalog.Lookup(r.Model)
		if !ok {
			return nil
		}
	}
	return m
}

// requestModel resolves chain (a variable, or a path to a property) and, when it is a
// request made by the daktela module, returns the model it was built for. Only a
// request's own getModel and getRelation are called.
func requestModel(vm *goja.Runtime, chain []string) *catalog.Model {
	obj := resolveChain(vm, chain)
	if obj == nil || !isRequest(vm, obj) {
		return nil
	}
	call := func(name string) string {
		var s string
		tryJS(vm, func() {
			if fn, ok := goja.AssertFunction(obj.Get(name)); ok {
				if v, err := fn(obj); err == nil && !goja.IsNull(v) && !goja.IsUndefined(v) {
					s = v.String()
				}
			}
		})
		return s
	}
	relation := ""
	if _, ok := obj.Get("setRelation").(*goja.Object); ok {
		relation = call("getRelation")
	}
	return modelRead(call("getModel"), false, relation)
}

// isRequest reports whether obj's prototype is that of one of the daktela module's
// request classes.
func isRequest(vm *goja.Runtime, obj *goja.Object) bool {
	d := resolveChain(vm, []string{"daktela"})
	if d == nil {
		return false
	}
	proto := obj.Prototype()
	for _, cls := range []string{"ReadRequest", "CreateRequest", "UpdateRequest", "DeleteRequest"} {
		var p *goja.Object
		tryJS(vm, func() {
			if c, ok := d.Get(cls).(*goja.Object); ok {
				p, _ = c.Get("prototype").(*goja.Object)
			}
		})
		if p != nil && proto != nil && p.SameAs(proto) {
			return true
		}
	}
	return false
}

// fieldCompletions lists the field paths of m that start with word: m's fields, the
// fields of a linked model after "link." (two levels at most, as the declarations
// check them), and the demo instance's custom-field keys after "customFields.".
func fieldCompletions(m *catalog.Model, word string) []string {
	parts := strings.Split(word, ".")
	prefix := ""
	for depth, p := range parts[:len(parts)-1] {
		f, ok := m.Field(p)
		if !ok || depth >= 2 {
			return nil
		}
		prefix += p + "."
		switch {
		case f.Type == catalog.CustomFields:
			if depth != len(parts)-2 {
				return nil
			}
			var out []string
			for _, cf := range m.CustomFields {
				if strings.HasPrefix(cf.Key, parts[len(parts)-1]) {
					out = append(out, prefix+cf.Key)
				}
			}
			sort.Strings(out)
			return out
		case f.Ref != "":
			if m, ok = catalog.Lookup(f.Ref); !ok {
				return nil
			}
		default:
			return nil
		}
	}
	last := parts[len(parts)-1]
	var out []string
	for _, f := range m.Fields {
		if !f.Hidden && strings.HasPrefix(f.Name, last) {
			out = append(out, prefix+f.Name)
		}
	}
	sort.Strings(out)
	return out
}
