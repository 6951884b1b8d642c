package runtime

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// maxInspectDepth is how many levels of nesting the inspector walks at most, whatever
// the depth option says (null and Infinity included).
const maxInspectDepth = 200

// inspectOptions mirror the util.inspect options dkscript supports.
type inspectOptions struct {
	depth          int // levels of nesting shown; < 0: no limit
	colors         bool
	breakLength    int
	maxArrayLength int
	compact        int
}

func (o inspectOptions) withDefaults() inspectOptions {
	if o.breakLength <= 0 {
		o.breakLength = 80
	}
	if o.maxArrayLength <= 0 {
		o.maxArrayLength = 100
	}
	if o.compact <= 0 {
		o.compact = 3
	}
	return o
}

// inspectHelpers are small JavaScript functions that read what Go cannot ask goja
// directly (property descriptors, Map entries, function kinds, constructor names),
// using the built-ins as they were when the runtime first printed an object.
type inspectHelpers struct {
	describe, items, entries, fnInfo goja.Callable
	hole                             *goja.Object
}

var inspectHelpersProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("<inspect>", inspectHelpersJS, true)
})

const inspectHelpersJS = `(function () {
  const toStr = Object.prototype.toString, gpo = Object.getPrototypeOf, gopd = Object.getOwnPropertyDescriptor;
  const ownKeys = Reflect.ownKeys, hasOwn = Object.prototype.hasOwnProperty, isArray = Array.isArray;
  const isView = ArrayBuffer.isView, fnToString = Function.prototype.toString;
  const mapEntries = Map.prototype.entries, setValues = Set.prototype.values;
  const mapSize = gopd(Map.prototype, 'size').get, setSize = gopd(Set.prototype, 'size').get;
  const HOLE = {};
  const indexRe = /^(0|[1-9][0-9]*)$/;
  function ctorName(o) {
    let p = gpo(o);
    if (p === null) return null;
    for (; p !== null; p = gpo(p)) {
      const d = gopd(p, 'constructor');
      if (d !== undefined && typeof d.value === 'function' && typeof d.value.name === 'string' && d.value.name !== '') return d.value.name;
    }
    return '';
  }
  function describe(o) {
    const tag = toStr.call(o).slice(8, -1);
    const skip = isArray(o) || isView(o) || tag === 'Arguments' || tag === 'String';
    let size = -1;
    if (tag === 'Map') { try { size = mapSize.call(o); } catch (e) {} }
    if (tag === 'Set') { try { size = setSize.call(o); } catch (e) {} }
    const out = [tag, ctorName(o), size];
    for (const k of ownKeys(o)) {
      if (skip && typeof k === 'string' && indexRe.test(k)) continue;
      const d = gopd(o, k);
      if (d === undefined || !d.enumerable) continue;
      if ('value' in d) out.push(k, d.value, 0); else out.push(k, undefined, (d.get ? 1 : 0) | (d.set ? 2 : 0));
    }
    return out;
  }
  function items(a, n) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(hasOwn.call(a, i) ? a[i] : HOLE);
    return out;
  }
  function entries(o, isMap, n) {
    const out = [];
    const it = isMap ? mapEntries.call(o) : setValues.call(o);
    for (let i = 0; i < n; i++) {
      const r = it.next();
      if (r.done) break;
      if (isMap) out.push(r.value[0], r.value[1]); else out.push(r.value);
    }
    return out;
  }
  function fnInfo(f) {
    let src = '';
    try { src = fnToString.call(f); } catch (e) {}
    let type = 'Function';
    if (/^class\b/.test(src)) type = 'class';
    else if (/^async\s*(function)?\s*\*/.test(src)) type = 'AsyncGeneratorFunction';
    else if (/^async\b/.test(src)) type = 'AsyncFunction';
    else if (/^function\s*\*/.test(src)) type = 'GeneratorFunction';
    let name = '';
    try { const d = gopd(f, 'name'); if (d && typeof d.value === 'string') name = d.value; } catch (e) {}
    let ext = '';
    if (type === 'class') {
      const p = gpo(f);
      if (p !== null && p !== Function.prototype) { try { ext = String(p.name || ''); } catch (e) {} }
    }
    return [type, name, ext];
  }
  return { describe, items, entries, fnInfo, HOLE };
})()`

func (r *Runtime) inspectHelpers() *inspectHelpers {
	if r.helpers != nil {
		return r.helpers
	}
	v, err := r.vm.RunProgram(inspectHelpersProgram())
	if err != nil {
		panic(err)
	}
	o := v.(*goja.Object)
	fn := func(name string) goja.Callable {
		f, _ := goja.AssertFunction(o.Get(name))
		return f
	}
	r.helpers = &inspectHelpers{
		describe: fn("describe"), items: fn("items"), entries: fn("entries"), fnInfo: fn("fnInfo"),
		hole: o.Get("HOLE").(*goja.Object),
	}
	return r.helpers
}

// inspector formats one value; it mirrors Node's util.inspect (depth, compact=3
// line breaking, array grouping, circular references).
type inspector struct {
	r              *Runtime
	h              *inspectHelpers
	opts           inspectOptions
	seen           []*goja.Object
	circular       map[*goja.Object]int
	indentationLvl int
	currentDepth   int
}

func (r *Runtime) inspect(v goja.Value, opts inspectOptions) string {
	in := &inspector{r: r, opts: opts.withDefaults()}
	return in.formatValue(v, 0)
}

const (
	styleNumber  = "number"
	styleString  = "string"
	styleSpecial = "special"
	styleUndef   = "undefined"
	styleNull    = "null"
	styleBool    = "boolean"
	styleSymbol  = "symbol"
	styleDate    = "date"
	styleRegExp  = "regexp"
)

var styleCodes = map[string][2]string{
	styleNumber:  {"\x1b[33m", "\x1b[39m"},
	styleBool:    {"\x1b[33m", "\x1b[39m"},
	styleString:  {"\x1b[32m", "\x1b[39m"},
	styleSymbol:  {"\x1b[32m", "\x1b[39m"},
	styleUndef:   {"\x1b[90m", "\x1b[39m"},
	styleNull:    {"\x1b[1m", "\x1b[22m"},
	styleSpecial: {"\x1b[36m", "\x1b[39m"},
	styleDate:    {"\x1b[35m", "\x1b[39m"},
	styleRegExp:  {"\x1b[31m", "\x1b[39m"},
}

func (in *inspector) stylize(s, style string) string {
	if !in.opts.colors {
		return s
	}
	c, ok := styleCodes[style]
	if !ok {
		return s
	}
	return c[0] + s + c[1]
}

var ansiRe = regexp.MustCompile("\x1b\\[[0-9;]*m")

// visibleLen is the printed width of s: escape sequences removed, runes counted.
func visibleLen(s string) int {
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = ansiRe.ReplaceAllString(s, "")
	}
	return utf8.RuneCountInString(s)
}

func (in *inspector) formatValue(v goja.Value, recurseTimes int) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return in.formatPrimitive(v)
	}
	// A Proxy is shown as its target, as Node shows it, running none of its traps
	// (which may throw, or be revoked).
	for {
		target, isProxy := proxyTarget(obj)
		if !isProxy {
			break
		}
		if target == nil {
			return in.stylize("<Revoked Proxy>", styleSpecial)
		}
		obj = target
	}
	for _, s := range in.seen {
		if s == obj {
			if in.circular == nil {
				in.circular = make(map[*goja.Object]int)
			}
			idx, ok := in.circular[obj]
			if !ok {
				idx = len(in.circular) + 1
				in.circular[obj] = idx
			}
			return in.stylize("[Circular *"+strconv.Itoa(idx)+"]", styleSpecial)
		}
	}
	if s, ok := in.custom(obj, recurseTimes); ok {
		return s
	}
	return in.formatRaw(obj, recurseTimes)
}

func (in *inspector) formatPrimitive(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return in.stylize("undefined", styleUndef)
	case goja.IsNull(v):
		return in.stylize("null", styleNull)
	case goja.IsString(v):
		return in.stylize(quoteJSString(v.String()), styleString)
	case goja.IsNumber(v):
		return in.stylize(formatNumber(v), styleNumber)
	case goja.IsBigInt(v):
		return in.stylize(v.String()+"n", styleNumber)
	}
	if sym, ok := v.(*goja.Symbol); ok {
		return in.stylize(symbolString(sym), styleSymbol)
	}
	if b, ok := bindings.GoValue(v).(bool); ok {
		return in.stylize(strconv.FormatBool(b), styleBool)
	}
	return v.String()
}

func symbolString(s *goja.Symbol) string { return "Symbol(" + s.String() + ")" }

func formatNumber(v goja.Value) string {
	f := v.ToFloat()
	if f == 0 && math.Signbit(f) {
		return "-0"
	}
	return v.String()
}

var identRe = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)

// quoteJSString quotes s as Node does: single quotes unless s contains them, then
// double quotes or backticks; control characters escaped.
func quoteJSString(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			q = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			q = '`'
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for _, c := range s {
		switch {
		case c == rune(q) || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < 0x20 || c == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(strings.ToUpper(strconv.FormatInt(int64(c)+0x100, 16)[1:]))
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}

type prop struct {
	key    goja.Value // string or symbol
	value  goja.Value
	access int // 0 data, 1 getter, 2 setter, 3 both
}

func (in *inspector) helpers() *inspectHelpers {
	if in.h == nil {
		in.h = in.r.inspectHelpers()
	}
	return in.h
}

func (in *inspector) call(fn goja.Callable, args ...goja.Value) goja.Value {
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

func (in *inspector) describe(obj *goja.Object) (tag, ctor string, nullProto bool, size int, props []prop) {
	arr := in.call(in.helpers().describe, obj).(*goja.Object)
	n := int(arr.Get("length").ToInteger())
	tag = arr.Get("0").String()
	c := arr.Get("1")
	if goja.IsNull(c) {
		nullProto = true
	} else {
		ctor = c.String()
	}
	size = int(arr.Get("2").ToInteger())
	for i := 3; i+2 < n; i += 3 {
		props = append(props, prop{
			key:    arr.Get(strconv.Itoa(i)),
			value:  arr.Get(strconv.Itoa(i + 1)),
			access: int(arr.Get(strconv.Itoa(i + 2)).ToInteger()),
		})
	}
	return
}

// arrayValues returns the items of an array the inspector's own helpers made.
func arrayValues(a *goja.Object) []goja.Value {
	return firstValues(a, int(a.Get("length").ToInteger()))
}

// firstValues returns the first n items of a; n must be bounded (see
// [bindings.ArrayLength] for an array a script gave).
func firstValues(a *goja.Object, n int) []goja.Value {
	out := make([]goja.Value, n)
	for i := range out {
		out[i] = a.Get(strconv.Itoa(i))
	}
	return out
}

const (
	kindObject = iota
	kindArray
)

func (in *inspector) formatRaw(obj *goja.Object, recurseTimes int) string {
	class := obj.ClassName()
	var (
		base      string
		braces    [2]string
		extras    = kindObject
		output    []string
		formatter func() []string
		grouping  bool // entries are numbers (pad start when grouped)
	)
	tag, ctor, nullProto, size, props := in.describe(obj)
	prefix := func(fallback, tagName string) string {
		name := ctor
		if nullProto {
			return "[" + fallback + ": null prototype] "
		}
		if name == "" {
			name = fallback
		}
		if tagName != "" && tagName != name {
			return name + " [" + tagName + "] "
		}
		return name + " "
	}
	noEntries := len(props) == 0
	switch {
	case class == "Array" || class == "Arguments":
		length := int(obj.Get("length").ToInteger())
		p := ""
		if class == "Arguments" {
			p = "[Arguments] "
		} else if ctor != "Array" {
			p = strings.TrimSuffix(prefix("Array", ""), " ") + "(" + strconv.Itoa(length) + ") "
		}
		braces = [2]string{p + "[", "]"}
		if length == 0 && noEntries {
			return braces[0] + "]"
		}
		extras = kindArray
		formatter = func() []string { return in.formatArray(obj, length, recurseTimes, &grouping) }
	case class == "Function":
		base = in.formatFunction(obj)
		if noEntries {
			return in.stylize(base, styleSpecial)
		}
		base = in.stylize(base, styleSpecial)
		braces = [2]string{"{", "}"}
	case class == "Error":
		base = in.formatError(obj, recurseTimes)
		if noEntries {
			return base
		}
		braces = [2]string{"{", "}"}
	case class == "Date":
		if t, ok := bindings.GoValue(obj).(time.Time); ok {
			base = in.stylize(t.UTC().Format("2006-01-02T15:04:05.000Z"), styleDate)
		} else {
			base = in.stylize("Invalid Date", styleDate)
		}
		if noEntries {
			return base
		}
		braces = [2]string{"{", "}"}
	case class == "RegExp":
		base = in.stylize(obj.String(), styleRegExp)
		if noEntries {
			return base
		}
		braces = [2]string{"{", "}"}
	case class == "Number" || class == "String" || class == "Boolean" || tag == "Symbol" || tag == "BigInt":
		var prim goja.Value
		if valueOf, ok := goja.AssertFunction(obj.Get("valueOf")); ok {
			prim, _ = valueOf(obj)
		}
		name := class
		if tag == "Symbol" || tag == "BigInt" {
			name = tag
		}
		base = "[" + name + ": " + in.formatPrimitive(prim) + "]"
		if noEntries {
			return base
		}
		braces = [2]string{"{", "}"}
	case tag == "Map" || tag == "Set":
		isMap := tag == "Map"
		p := prefix(tag, "")
		p = strings.TrimSuffix(p, " ") + "(" + strconv.Itoa(size) + ") "
		braces = [2]string{p + "{", "}"}
		if size == 0 && noEntries {
			return braces[0] + "}"
		}
		formatter = func() []string { return in.formatMapSet(obj, isMap, size, recurseTimes) }
	case tag == "WeakMap" || tag == "WeakSet":
		return prefix(tag, "") + "{ " + in.stylize("<items unknown>", styleSpecial) + " }"
	case tag == "Promise":
		braces = [2]string{prefix("Promise", "") + "{", "}"}
		formatter = func() []string { return in.formatPromise(obj, recurseTimes) }
	case strings.HasSuffix(tag, "Array") && tag != "Array":
		length := int(obj.Get("length").ToInteger())
		if ctor == "Buffer" {
			return in.formatBuffer(obj, length)
		}
		braces = [2]string{strings.TrimSuffix(prefix(tag, ""), " ") + "(" + strconv.Itoa(length) + ") [", "]"}
		if length == 0 && noEntries {
			return braces[0] + "]"
		}
		extras = kindArray
		formatter = func() []string {
			grouping = true
			return in.formatArray(obj, length, recurseTimes, nil)
		}
	case tag == "ArrayBuffer":
		if ab, ok := bindings.GoValue(obj).(goja.ArrayBuffer); ok {
			b := ab.Bytes()
			return "ArrayBuffer { [Uint8Contents]: <" + hexBytes(b, in.opts.maxArrayLength) + ">, byteLength: " + in.stylize(strconv.Itoa(len(b)), styleNumber) + " }"
		}
		braces = [2]string{"ArrayBuffer {", "}"}
	default:
		p := ""
		if nullProto {
			p = "[Object: null prototype] "
		} else if ctor != "Object" {
			p = prefix("Object", tagIfCustom(tag))
		} else if t := tagIfCustom(tag); t != "" {
			p = "Object [" + t + "] "
		}
		braces = [2]string{p + "{", "}"}
		if noEntries {
			return braces[0] + "}"
		}
	}

	if recurseTimes >= maxInspectDepth {
		// Node stops where its stack ends; this walk stops at a fixed depth, so that
		// printing a 300 000-deep object with {depth: null} cannot overflow the Go stack.
		name := ctor
		if name == "" || nullProto {
			name = "Object"
		}
		return in.stylize("["+name+": Inspection interrupted prematurely. Maximum call stack size exceeded.]", styleSpecial)
	}
	if in.opts.depth >= 0 && recurseTimes > in.opts.depth {
		name := ctor
		if name == "" || nullProto {
			name = "Object"
		}
		if extras == kindArray && class == "Array" {
			name = "Array"
		}
		return in.stylize("["+name+"]", styleSpecial)
	}
	recurseTimes++
	in.seen = append(in.seen, obj)
	in.currentDepth = recurseTimes
	if formatter != nil {
		output = formatter()
	}
	for _, p := range props {
		output = append(output, in.formatProperty(p, recurseTimes))
	}
	in.seen = in.seen[:len(in.seen)-1]

	if idx, ok := in.circular[obj]; ok {
		ref := in.stylize("<ref *"+strconv.Itoa(idx)+">", styleSpecial)
		if base == "" {
			base = ref
		} else {
			base = ref + " " + base
		}
	}
	return in.reduceToSingleString(output, base, braces, extras, recurseTimes, grouping)
}

func tagIfCustom(tag string) string {
	switch tag {
	case "Object", "Array", "Function", "Error", "Boolean", "Number", "String", "Date", "RegExp", "Arguments", "":
		return ""
	}
	return tag
}

func hexBytes(b []byte, max int) string {
	var sb strings.Builder
	for i, c := range b {
		if i >= max {
			sb.WriteString(" ... " + strconv.Itoa(len(b)-max) + " more byte")
			if len(b)-max > 1 {
				sb.WriteString("s")
			}
			break
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(strconv.FormatInt(int64(c)+0x100, 16)[1:])
	}
	return sb.String()
}

func (in *inspector) formatBuffer(obj *goja.Object, length int) string {
	n := min(length, 50)
	vals := arrayValues(in.call(in.helpers().items, obj, in.r.vm.ToValue(n)).(*goja.Object))
	b := make([]byte, len(vals))
	for i, v := range vals {
		b[i] = byte(v.ToInteger())
	}
	s := hexBytes(b, 50)
	if length > 50 {
		s += " ... " + strconv.Itoa(length-50) + " more bytes"
	}
	return "<Buffer" + map[bool]string{true: " ", false: ""}[s != ""] + s + ">"
}

func (in *inspector) formatFunction(obj *goja.Object) string {
	info := arrayValues(in.call(in.helpers().fnInfo, obj).(*goja.Object))
	typ, name, ext := info[0].String(), info[1].String(), info[2].String()
	if typ == "class" {
		s := "[class " + name
		if name == "" {
			s = "[class (anonymous)"
		}
		if ext != "" {
			s += " extends " + ext
		}
		return s + "]"
	}
	if name == "" {
		return "[" + typ + " (anonymous)]"
	}
	return "[" + typ + ": " + name + "]"
}

// formatError prints an Error as its stack (top level) or "[Name: message]" (nested).
func (in *inspector) formatError(obj *goja.Object, recurseTimes int) string {
	name, msg := errorNameMessage(obj)
	head := name
	if msg != "" {
		head = name + ": " + msg
	}
	if recurseTimes > 0 {
		return "[" + head + "]"
	}
	var b strings.Builder
	b.WriteString(head)
	for _, f := range in.r.framesFromStack(obj) {
		b.WriteString("\n    at ")
		b.WriteString(f.String())
	}
	return b.String()
}

// errorNameMessage reads an Error's name and message; a GoError is shown as an Error.
func errorNameMessage(obj *goja.Object) (name, msg string) {
	return errorName(obj), errorMessage(obj)
}

// errorName reads an Error's name ("Error" when it has none, or is a GoError).
func errorName(obj *goja.Object) (name string) {
	if v := obj.Get("name"); v != nil && !goja.IsUndefined(v) {
		name = v.String()
	}
	if name == "" || name == "GoError" {
		name = "Error"
	}
	return name
}

// errorMessage reads an Error's message ("" when it has none).
func errorMessage(obj *goja.Object) (msg string) {
	if v := obj.Get("message"); v != nil && !goja.IsUndefined(v) {
		msg = v.String()
	}
	return msg
}

func (in *inspector) formatPromise(obj *goja.Object, recurseTimes int) []string {
	p, ok := bindings.GoValue(obj).(*goja.Promise)
	if !ok {
		return nil
	}
	switch p.State() {
	case goja.PromiseStatePending:
		return []string{in.stylize("<pending>", styleSpecial)}
	case goja.PromiseStateRejected:
		in.indentationLvl += 2
		s := in.formatValue(p.Result(), recurseTimes)
		in.indentationLvl -= 2
		return []string{in.stylize("<rejected>", styleSpecial) + " " + s}
	default:
		in.indentationLvl += 2
		s := in.formatValue(p.Result(), recurseTimes)
		in.indentationLvl -= 2
		return []string{s}
	}
}

func (in *inspector) formatArray(obj *goja.Object, length, recurseTimes int, numeric *bool) []string {
	n := min(length, in.opts.maxArrayLength)
	vals := arrayValues(in.call(in.helpers().items, obj, in.r.vm.ToValue(n)).(*goja.Object))
	out := make([]string, 0, len(vals)+1)
	allNum := true
	holes := 0
	flushHoles := func() {
		if holes > 0 {
			s := "<" + strconv.Itoa(holes) + " empty item"
			if holes > 1 {
				s += "s"
			}
			out = append(out, in.stylize(s+">", styleUndef))
			holes = 0
		}
	}
	for _, v := range vals {
		if o, ok := v.(*goja.Object); ok && o == in.h.hole {
			holes++
			allNum = false
			continue
		}
		flushHoles()
		if !goja.IsNumber(v) && !goja.IsBigInt(v) {
			allNum = false
		}
		in.indentationLvl += 2
		out = append(out, in.formatValue(v, recurseTimes))
		in.indentationLvl -= 2
	}
	flushHoles()
	if rest := length - n; rest > 0 {
		out = append(out, remainingText(rest))
	}
	if numeric != nil {
		*numeric = allNum
	}
	return out
}

func remainingText(n int) string {
	s := "... " + strconv.Itoa(n) + " more item"
	if n > 1 {
		s += "s"
	}
	return s
}

func (in *inspector) formatMapSet(obj *goja.Object, isMap bool, size, recurseTimes int) []string {
	n := min(size, in.opts.maxArrayLength)
	vals := arrayValues(in.call(in.helpers().entries, obj, in.r.vm.ToValue(isMap), in.r.vm.ToValue(n)).(*goja.Object))
	var out []string
	in.indentationLvl += 2
	if isMap {
		for i := 0; i+1 < len(vals); i += 2 {
			out = append(out, in.formatValue(vals[i], recurseTimes)+" => "+in.formatValue(vals[i+1], recurseTimes))
		}
	} else {
		for _, v := range vals {
			out = append(out, in.formatValue(v, recurseTimes))
		}
	}
	in.indentationLvl -= 2
	if rest := size - n; rest > 0 {
		out = append(out, remainingText(rest))
	}
	return out
}

func (in *inspector) formatProperty(p prop, recurseTimes int) string {
	var name string
	if sym, ok := p.key.(*goja.Symbol); ok {
		name = in.stylize("["+symbolString(sym)+"]", styleSymbol)
	} else {
		k := p.key.String()
		if identRe.MatchString(k) {
			name = k
		} else {
			name = in.stylize(quoteJSString(k), styleString)
		}
	}
	var str string
	switch p.access {
	case 0:
		in.indentationLvl += 2
		str = in.formatValue(p.value, recurseTimes)
		in.indentationLvl -= 2
	case 1:
		str = in.stylize("[Getter]", styleSpecial)
	case 2:
		str = in.stylize("[Setter]", styleSpecial)
	default:
		str = in.stylize("[Getter/Setter]", styleSpecial)
	}
	return name + ": " + str
}

func (in *inspector) reduceToSingleString(output []string, base string, braces [2]string, extras, recurseTimes int, numeric bool) string {
	entries := len(output)
	if extras == kindArray && entries > 6 {
		output = in.groupArrayElements(output, numeric)
	}
	if in.currentDepth-recurseTimes < in.opts.compact && entries == len(output) {
		start := len(output) + in.indentationLvl + visibleLen(braces[0]) + visibleLen(base) + 10
		if in.isBelowBreakLength(output, start, base) {
			joined := strings.Join(output, ", ")
			if !strings.Contains(joined, "\n") {
				s := ""
				if base != "" {
					s = base + " "
				}
				if len(output) == 0 {
					return s + braces[0] + braces[1]
				}
				return s + braces[0] + " " + joined + " " + braces[1]
			}
		}
	}
	ind := "\n" + strings.Repeat(" ", in.indentationLvl)
	s := ""
	if base != "" {
		s = base + " "
	}
	return s + braces[0] + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + braces[1]
}

func (in *inspector) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > in.opts.breakLength {
		return false
	}
	for _, s := range output {
		total += visibleLen(s)
		if total > in.opts.breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

// groupArrayElements lays out many short array entries in aligned columns, as Node does.
func (in *inspector) groupArrayElements(output []string, numeric bool) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if outputLength > 0 && strings.HasPrefix(output[outputLength-1], "... ") && strings.Contains(output[outputLength-1], " more item") {
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := visibleLen(output[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+in.indentationLvl < in.opts.breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		const approxCharHeights = 2.5
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := min(
			int(math.Round(math.Sqrt(approxCharHeights*biasedMax*float64(outputLength))/biasedMax)),
			(in.opts.breakLength-in.indentationLvl)/actualMax,
			in.opts.compact*4,
			15,
		)
		if columns <= 1 {
			return output
		}
		var tmp []string
		maxLineLength := make([]int, 0, columns)
		for i := 0; i < columns; i++ {
			lineLength := 0
			for j := i; j < outputLength; j += columns {
				if dataLen[j] > lineLength {
					lineLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		for i := 0; i < outputLength; i += columns {
			maxI := min(i+columns, outputLength)
			var sb strings.Builder
			j := i
			for ; j < maxI-1; j++ {
				cell := output[j] + ", "
				pad := maxLineLength[j-i] - dataLen[j] - separatorSpace
				if numeric {
					sb.WriteString(strings.Repeat(" ", max(pad, 0)))
					sb.WriteString(cell)
				} else {
					sb.WriteString(cell)
					sb.WriteString(strings.Repeat(" ", max(pad, 0)))
				}
			}
			if numeric {
				pad := maxLineLength[j-i] - separatorSpace - dataLen[j]
				sb.WriteString(strings.Repeat(" ", max(pad, 0)))
			}
			sb.WriteString(output[j])
			tmp = append(tmp, sb.String())
		}
		if outputLength < len(output) {
			tmp = append(tmp, output[outputLength])
		}
		return tmp
	}
	return output
}
