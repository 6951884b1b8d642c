package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// util.parseArgs, as Node's (lib/internal/util/parse_args): the same configuration,
// tokens, results and error codes, so scripts read their options the way Node scripts
// do instead of each carrying its own parser.

// argOption is one entry of parseArgs's options.
type argOption struct {
	typ      string // "string" or "boolean"
	short    string // one character, or ""
	multiple bool
	def      goja.Value // nil: no default
}

// argToken is one token of the arguments (Node's tokens).
type argToken struct {
	kind    string // "option", "positional" or "option-terminator"
	name    string // option: the long name (or the short letter when no option has it)
	rawName string // option: as written, "-f" or "--foo"
	index   int    // position in args
	value   *string
	inline  *bool // option: whether the value was in the same argument; nil when no value
}

// parseArgs is util.parseArgs(config).
func (r *Runtime) parseArgs(call goja.FunctionCall) goja.Value {
	vm := r.vm
	var cfg *goja.Object
	if v := call.Argument(0); !goja.IsUndefined(v) {
		o, ok := v.(*goja.Object)
		if !ok || goja.IsNull(v) {
			panic(r.codedError("TypeError", "ERR_INVALID_ARG_TYPE", fmt.Sprintf(`The "config" argument must be of type object. Received %s`, describeReceived(v))))
		}
		cfg = o
	}
	own := func(name string) goja.Value {
		if cfg == nil || !hasOwn(cfg, name) {
			return nil
		}
		if v := cfg.Get(name); !goja.IsUndefined(v) {
			return v
		}
		return nil
	}
	flag := func(name string, def bool) bool {
		v := own(name)
		if v == nil {
			return def
		}
		if !isBool(v) {
			panic(r.invalidArgType(name, "boolean", v))
		}
		return v.ToBoolean()
	}

	var args []string
	if v := own("args"); v != nil {
		args = r.stringArray(v, "args")
	} else {
		args = r.mainArgs()
	}
	strict := flag("strict", true)
	allowPositionals := flag("allowPositionals", !strict)
	returnTokens := flag("tokens", false)
	options, order := r.argOptions(own("options"))

	tokens := argsToTokens(args, options)
	values := vm.NewObject()
	values.SetPrototype(nil)
	var positionals []any
	for _, tok := range tokens {
		switch tok.kind {
		case "option":
			if strict {
				r.checkOptionUsage(tok, options, allowPositionals)
			}
			storeOption(vm, values, tok, options)
		case "positional":
			if !allowPositionals {
				panic(r.codedError("TypeError", "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL",
					fmt.Sprintf("Unexpected argument '%s'. This command does not take positional arguments", *tok.value)))
			}
			positionals = append(positionals, *tok.value)
		}
	}
	for _, name := range order {
		if o := options[name]; o.def != nil && name != "__proto__" {
			if v := values.Get(name); v == nil || goja.IsUndefined(v) {
				_ = values.Set(name, o.def)
			}
		}
	}
	if positionals == nil {
		positionals = []any{}
	}
	res := vm.NewObject()
	_ = res.Set("values", values)
	_ = res.Set("positionals", vm.NewArray(positionals...))
	if returnTokens {
		list := make([]any, len(tokens))
		for i, tok := range tokens {
			list[i] = r.tokenObject(tok)
		}
		_ = res.Set("tokens", vm.NewArray(list...))
	}
	return res
}

// mainArgs is the default of config.args: process.argv without "dkscript" and the script.
func (r *Runtime) mainArgs() []string {
	if r.process != nil {
		if v := r.process.Get("argv"); v != nil && !goja.IsUndefined(v) {
			all := r.stringArray(v, "process.argv")
			if len(all) > 2 {
				return all[2:]
			}
			return nil
		}
	}
	return append([]string(nil), r.opts.Args...)
}

// stringArray reads an array of strings.
func (r *Runtime) stringArray(v goja.Value, name string) []string {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Array" {
		panic(r.invalidArgType(name, "an instance of Array", v))
	}
	n := bindings.ArrayLength(r.vm, o, "util.parseArgs: "+name)
	out := make([]string, n)
	for i := range out {
		e := o.Get(strconv.Itoa(i))
		if !goja.IsString(e) {
			panic(r.invalidArgType(fmt.Sprintf("%s[%d]", name, i), "string", e))
		}
		out[i] = e.String()
	}
	return out
}

// argOptions reads and checks config.options, returning the options by name and the
// names in their order.
func (r *Runtime) argOptions(v goja.Value) (map[string]*argOption, []string) {
	options := map[string]*argOption{}
	if v == nil {
		return options, nil
	}
	o, ok := v.(*goja.Object)
	if !ok || goja.IsNull(v) {
		panic(r.invalidArgType("options", "object", v))
	}
	order := o.Keys()
	for _, name := range order {
		where := "options." + name
		co, ok := o.Get(name).(*goja.Object)
		if !ok {
			panic(r.invalidArgType(where, "object", o.Get(name)))
		}
		opt := &argOption{}
		t := ownValue(co, "type")
		if !goja.IsString(t) || t.String() != "string" && t.String() != "boolean" {
			panic(r.codedError("TypeError", "ERR_INVALID_ARG_TYPE", fmt.Sprintf(`The "%s.type" property must be ('string|boolean'). Received %s`, where, describeReceived(t))))
		}
		opt.typ = t.String()
		if hasOwn(co, "short") {
			s := co.Get("short")
			if !goja.IsString(s) {
				panic(r.invalidArgType(where+".short", "string", s))
			}
			if len([]rune(s.String())) != 1 {
				panic(r.codedError("TypeError", "ERR_INVALID_ARG_VALUE", fmt.Sprintf(`The property '%s.short' must be a single character. Received '%s'`, where, s.String())))
			}
			opt.short = s.String()
		}
		if hasOwn(co, "multiple") {
			m := co.Get("multiple")
			if !isBool(m) {
				panic(r.invalidArgType(where+".multiple", "boolean", m))
			}
			opt.multiple = m.ToBoolean()
		}
		if d := ownValue(co, "default"); !goja.IsUndefined(d) {
			r.checkDefault(d, opt, where+".default")
			opt.def = d
		}
		options[name] = opt
	}
	return options, order
}

// checkDefault checks that an option's default has the option's type (an array of it
// for a multiple option).
func (r *Runtime) checkDefault(d goja.Value, opt *argOption, where string) {
	ok := func(v goja.Value) bool {
		if opt.typ == "string" {
			return goja.IsString(v)
		}
		return isBool(v)
	}
	if !opt.multiple {
		if !ok(d) {
			panic(r.invalidArgType(where, opt.typ, d))
		}
		return
	}
	arr, isArr := d.(*goja.Object)
	if !isArr || arr.ClassName() != "Array" {
		panic(r.invalidArgType(where, "an instance of Array", d))
	}
	n := bindings.ArrayLength(r.vm, arr, "util.parseArgs: "+where)
	for i := 0; i < n; i++ {
		if e := arr.Get(strconv.Itoa(i)); !ok(e) {
			panic(r.invalidArgType(fmt.Sprintf("%s[%d]", where, i), opt.typ, e))
		}
	}
}

// argsToTokens splits args into tokens as Node does: "--" ends the options, "-abc"
// groups of short booleans are expanded, "-fVALUE", "--foo=VALUE" and "--foo VALUE"
// (for string options) carry values, and anything else is positional.
func argsToTokens(args []string, options map[string]*argOption) []argToken {
	var tokens []argToken
	index, groupCount := -1, 0
	remaining := append([]string(nil), args...)
	typeOf := func(name string) string {
		if o := options[name]; o != nil {
			return o.typ
		}
		return ""
	}
	// lone adds "-f" or "--foo" written alone: a string option takes the next argument.
	lone := func(name, raw string) {
		tok := argToken{kind: "option", name: name, rawName: raw, index: index}
		if typeOf(name) == "string" && len(remaining) > 0 {
			tok.value, tok.inline = strPtr(remaining[0]), boolPtr(false)
			remaining = remaining[1:]
			index++
		}
		tokens = append(tokens, tok)
	}
	for len(remaining) > 0 {
		arg := remaining[0]
		remaining = remaining[1:]
		if groupCount > 0 {
			groupCount--
		} else {
			index++
		}
		switch {
		case arg == "--":
			tokens = append(tokens, argToken{kind: "option-terminator", index: index})
			for _, a := range remaining {
				index++
				tokens = append(tokens, argToken{kind: "positional", index: index, value: strPtr(a)})
			}
			return tokens

		case utf8.RuneCountInString(arg) == 2 && arg[0] == '-' && arg[1] != '-': // -f
			lone(longForShort(arg[1:], options), arg)

		case len(arg) > 2 && arg[0] == '-' && arg[1] != '-':
			short := string([]rune(arg[1:])[0])
			long := longForShort(short, options)
			if typeOf(long) == "string" { // -fVALUE
				tokens = append(tokens, argToken{kind: "option", name: long, rawName: "-" + short, index: index,
					value: strPtr(arg[1+len(short):]), inline: boolPtr(true)})
				continue
			}
			// -abc: -a -b -c, up to a string option, which takes the rest as its value.
			var expanded []string
			rest := []rune(arg[1:])
			for i, c := range rest {
				l := longForShort(string(c), options)
				if typeOf(l) != "string" || i == len(rest)-1 {
					expanded = append(expanded, "-"+string(c))
				} else {
					expanded = append(expanded, "-"+string(rest[i:]))
					break
				}
			}
			remaining = append(expanded, remaining...)
			groupCount = len(expanded)

		case len(arg) > 2 && strings.HasPrefix(arg, "--") && !strings.Contains(arg[3:], "="): // --foo
			lone(arg[2:], arg)

		case len(arg) > 2 && strings.HasPrefix(arg, "--"): // --foo=bar
			eq := 3 + strings.IndexByte(arg[3:], '=')
			long := arg[2:eq]
			tokens = append(tokens, argToken{kind: "option", name: long, rawName: "--" + long, index: index,
				value: strPtr(arg[eq+1:]), inline: boolPtr(true)})

		default:
			tokens = append(tokens, argToken{kind: "positional", index: index, value: strPtr(arg)})
		}
	}
	return tokens
}

// longForShort returns the name of the option whose short is s, or s itself.
func longForShort(s string, options map[string]*argOption) string {
	for name, o := range options {
		if o.short == s {
			return name
		}
	}
	return s
}

// checkOptionUsage is strict mode's check of one option token.
func (r *Runtime) checkOptionUsage(tok argToken, options map[string]*argOption, allowPositionals bool) {
	o := options[tok.name]
	if o == nil {
		msg := fmt.Sprintf("Unknown option '%s'", tok.rawName)
		if allowPositionals {
			q, _ := jsonQuote(tok.rawName)
			msg += fmt.Sprintf(". To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- %s", q)
		}
		panic(r.codedError("TypeError", "ERR_PARSE_ARGS_UNKNOWN_OPTION", msg))
	}
	shortAndLong := "--" + tok.name
	if o.short != "" {
		shortAndLong = "-" + o.short + ", " + shortAndLong
	}
	if o.typ == "string" && tok.value == nil {
		panic(r.codedError("TypeError", "ERR_PARSE_ARGS_INVALID_OPTION_VALUE", fmt.Sprintf("Option '%s <value>' argument missing", shortAndLong)))
	}
	if o.typ == "boolean" && tok.value != nil {
		panic(r.codedError("TypeError", "ERR_PARSE_ARGS_INVALID_OPTION_VALUE", fmt.Sprintf("Option '%s' does not take an argument", shortAndLong)))
	}
	// A value taken from the next argument that looks like an option is ambiguous.
	if tok.inline != nil && !*tok.inline && len(*tok.value) > 1 && (*tok.value)[0] == '-' {
		example := fmt.Sprintf("'%s=-XYZ'", tok.rawName)
		if !strings.HasPrefix(tok.rawName, "--") {
			example = fmt.Sprintf("'--%s=-XYZ' or '%s-XYZ'", tok.name, tok.rawName)
		}
		panic(r.codedError("TypeError", "ERR_PARSE_ARGS_INVALID_OPTION_VALUE", fmt.Sprintf(
			"Option '%s' argument is ambiguous.\nDid you forget to specify the option argument for '%s'?\nTo specify an option argument starting with a dash use %s.",
			tok.rawName, tok.rawName, example)))
	}
}

// storeOption records an option token in values: its value, or true when it has none;
// a multiple option collects them in an array.
func storeOption(vm *goja.Runtime, values *goja.Object, tok argToken, options map[string]*argOption) {
	if tok.name == "__proto__" {
		return
	}
	var v goja.Value = vm.ToValue(true)
	if tok.value != nil {
		v = vm.ToValue(*tok.value)
	}
	if o := options[tok.name]; o != nil && o.multiple {
		if arr, ok := values.Get(tok.name).(*goja.Object); ok {
			push, _ := goja.AssertFunction(arr.Get("push"))
			_, _ = push(arr, v)
			return
		}
		_ = values.Set(tok.name, vm.NewArray(v))
		return
	}
	_ = values.Set(tok.name, v)
}

// tokenObject is a token as parseArgs returns it with {tokens: true}.
func (r *Runtime) tokenObject(tok argToken) *goja.Object {
	o := r.vm.NewObject()
	_ = o.Set("kind", tok.kind)
	switch tok.kind {
	case "option":
		_ = o.Set("name", tok.name)
		_ = o.Set("rawName", tok.rawName)
		_ = o.Set("index", tok.index)
		_ = o.Set("value", optional(r.vm, tok.value))
		if tok.inline != nil {
			_ = o.Set("inlineValue", *tok.inline)
		} else {
			_ = o.Set("inlineValue", goja.Undefined())
		}
	case "positional":
		_ = o.Set("index", tok.index)
		_ = o.Set("value", *tok.value)
	default:
		_ = o.Set("index", tok.index)
	}
	return o
}

func optional(vm *goja.Runtime, s *string) goja.Value {
	if s == nil {
		return goja.Undefined()
	}
	return vm.ToValue(*s)
}

// codedError makes an error of the built-in class with a Node error code, as Node's
// internal errors are: e.name is the class, e.code the code.
func (r *Runtime) codedError(class, code, msg string) *goja.Object {
	e := r.newError(class, msg)
	_ = e.Set("code", code)
	return e
}

// invalidArgType is Node's ERR_INVALID_ARG_TYPE for a configuration value.
func (r *Runtime) invalidArgType(name, want string, got goja.Value) *goja.Object {
	kind := "property"
	if !strings.Contains(name, ".") && !strings.Contains(name, "[") {
		kind = "argument"
	}
	if want != "an instance of Array" {
		want = "of type " + want
	}
	return r.codedError("TypeError", "ERR_INVALID_ARG_TYPE", fmt.Sprintf(`The "%s" %s must be %s. Received %s`, name, kind, want, describeReceived(got)))
}

// describeReceived describes a value as Node's argument errors do ("type string ('x')",
// "an instance of Date"): its wording differs from bindings.Describe on purpose, so that
// parseArgs errors read as Node's; only undefined and null are written the same.
func describeReceived(v goja.Value) string {
	switch {
	case bindings.IsNullish(v):
		return bindings.Describe(v) // "undefined" or "null", as Node writes them
	case goja.IsString(v):
		s := v.String()
		if len(s) > 28 {
			s = s[:25] + "..."
		}
		return fmt.Sprintf("type string ('%s')", s)
	case isBool(v):
		return fmt.Sprintf("type boolean (%s)", v.String())
	case goja.IsNumber(v):
		return fmt.Sprintf("type number (%s)", v.String())
	}
	if o, ok := v.(*goja.Object); ok {
		if _, fn := goja.AssertFunction(o); fn {
			return "function " + o.Get("name").String()
		}
		if o.ClassName() == "Array" {
			return "an instance of Array"
		}
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			return "an instance of " + c.Get("name").String()
		}
		return "[Object: null prototype]"
	}
	switch {
	case goja.IsBigInt(v):
		return fmt.Sprintf("type bigint (%sn)", v.String())
	case isSymbol(v):
		return fmt.Sprintf("type symbol (Symbol(%s))", v.String())
	}
	return "type " + v.ExportType().String()
}

func hasOwn(o *goja.Object, name string) bool {
	return slices.Contains(o.GetOwnPropertyNames(), name)
}

// jsonQuote is JSON.stringify of a string.
func jsonQuote(s string) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

func ownValue(o *goja.Object, name string) goja.Value {
	if !hasOwn(o, name) {
		return goja.Undefined()
	}
	return o.Get(name)
}

func isBool(v goja.Value) bool {
	_, ok := bindings.GoValue(v).(bool)
	return ok && !goja.IsUndefined(v)
}

func strPtr(s string) *string { return &s }
func boolPtr(b bool) *bool    { return &b }
