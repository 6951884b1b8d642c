package jsrecords

import (
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// page is a crafted list answer exercising every semantic the views must keep.
const page = `{"error":[],"result":{"data":[` +
	`{"name":"records_1","2":"two","10":"ten","1":"one","title":"Příliš žluťoučký kůň 😀","dup":1,` +
	`"queue":{"name":3000,"title":"Podpora","_sys":{"hash":null,"model":"queues"}},` +
	`"user":{"name":"admin","profile":{"title":"Agent","options":{"a":1}}},` +
	`"customFields":{"email":["a@b.cz","c@d.cz"],"note":[]},"tags":[],"empty":{},` +
	`"negz":-0,"big":9007199254740993,"e23":1e23,"tiny":5e-324,"huge":12345678901234567890123,"frac":-12.5e-1,` +
	`"esc":"a\"b\\c\/\n\t\u0001\u00e9\ud83d\ude00x","dup":2,"nested":[[1,[2]],{"a":null},"s",true],` +
	`"t":true,"f":false,"n":null,"__proto__":{"p":1}},` +
	`{"name":"records_2","2":"dvě","10":"deset","1":"jedna","title":"B","dup":3,"queue":{"name":3001,"title":"Prodej","_sys":{"hash":"1","model":"queues"}},` +
	`"user":{"name":"jan","profile":{"title":"Agent","options":{"a":2}}},"customFields":[],"tags":["x"],"empty":{},` +
	`"negz":0,"big":1,"e23":2,"tiny":3,"huge":4,"frac":5,"esc":"","dup":4,"nested":[],"t":false,"f":true,"n":null,"__proto__":null},` +
	`{"name":"records_0","title":"A","other":{"k":"v"}}` +
	`],"total":3},"_time":"2024-04-11 20:13:56"}`

// checks are JS expressions over recs; each must give the same answer on the lazy views
// as on goja's own JSON.parse of the same data.
var checks = []string{
	// key order, integer-like keys first, duplicates at the first position
	`Object.keys(recs[0])`,
	`Object.keys(recs[1])`,
	`Object.keys(recs[2])`,
	`(() => { const out = []; for (const k in recs[0]) out.push(k); return out })()`,
	`Object.entries(recs[0].queue)`,
	`Object.values(recs[0].customFields)`,
	`recs[0].dup`,
	`recs[1].dup`,
	// identity at every depth, Map and Set keys
	`recs[0] === recs[0]`,
	`recs[0].queue === recs[0].queue`,
	`recs[0].user.profile === recs[0].user.profile`,
	`recs[0].user.profile.options === recs[0].user.profile.options`,
	`recs[0].customFields.email === recs[0].customFields.email`,
	`recs[0].nested[1] === recs[0].nested[1]`,
	`recs[0].nested[0][1] === recs[0].nested[0][1]`,
	`recs[0] !== recs[1] && recs[0].queue !== recs[1].queue`,
	`new Set([recs[0], recs[0], recs[1], recs[0].queue, recs[0].queue]).size`,
	`(() => { const m = new Map(); m.set(recs[0].queue, "q"); m.set(recs[1], "r"); return [m.get(recs[0].queue), m.get(recs[1]), m.get(recs[0])] })()`,
	// writes, new keys, deletes, re-adding, JSON.stringify sees it all
	`(() => { const r = recs[0]; r.title = "changed"; r.extra = {x: 1}; r["5"] = "five"; r.queue.title = "Q"; return JSON.stringify(r) })()`,
	`(() => { const r = recs[0]; delete r.title; delete r["2"]; return ["title" in r, r.title, Object.keys(r), JSON.stringify(r)] })()`,
	`(() => { const r = recs[0]; delete r.title; r.title = "back"; return Object.keys(r) })()`,
	`(() => { const r = recs[1]; const seen = []; for (const k in r) { seen.push(k); if (k === "name") { delete r.queue; delete r.user; r.late = 1 } } return [seen, Object.keys(r)] })()`,
	`(() => { const r = recs[2]; const ks = Object.keys(r); r.z = 1; delete r.name; return [ks, Object.keys(r)] })()`,
	`(() => { const r = recs[0]; r.dup = "w"; return [r.dup, Object.keys(r).indexOf("dup")] })()`,
	`(() => { const r = recs[0]; r.n = undefined; return ["n" in r, r.n, JSON.stringify(r).includes('"n"')] })()`,
	`(() => { recs[0].customFields.email.push("e@f.cz"); return recs[0].customFields.email })()`,
	// array methods on the records array and nested arrays
	`Array.isArray(recs) && Array.isArray(recs[0].tags) && Array.isArray(recs[0].nested)`,
	`recs.map(r => r.name)`,
	`recs.filter(r => r.title && r.title.length > 1).length`,
	`recs.slice(1).map(r => r.name)`,
	`recs.indexOf(recs[1])`,
	`[...recs].length`,
	`(() => { const out = []; for (const r of recs) out.push(r.name); return out })()`,
	`recs.slice().sort((a, b) => a.name < b.name ? -1 : 1).map(r => r.name)`,
	`(() => { recs.push({name: "new"}); recs.meta = 1; return [recs.length, recs.meta, Object.keys(recs)] })()`,
	`recs.find(r => r.name === "records_2").queue.name`,
	`recs.reduce((s, r) => s + (r.queue ? r.queue.name : 0), 0)`,
	// numbers
	`[Object.is(recs[0].negz, -0), 1 / recs[0].negz]`,
	`[recs[0].big, recs[0].big === 9007199254740992, recs[0].e23 === 1e23, recs[0].tiny === 5e-324, recs[0].tiny > 0]`,
	`[recs[0].huge, recs[0].frac, typeof recs[0].big, typeof recs[0].queue.name]`,
	`[recs[0].t, recs[0].f, recs[0].n, typeof recs[0].n, recs[0].missing]`,
	// strings: escapes, Czech text, emoji, unpaired surrogates
	`[recs[0].esc.length, Array.from(recs[0].esc, c => c.charCodeAt(0))]`,
	`[recs[0].title, recs[0].title.length, recs[1]["2"], recs[0].title.normalize() === recs[0].title]`,
	`recs[0].esc.charCodeAt(recs[0].esc.length - 2)`,
	// empty containers
	`[JSON.stringify(recs[0].empty), Object.keys(recs[0].empty).length, recs[0].tags.length, JSON.stringify(recs[1].customFields)]`,
	`[Object.keys(recs[0].__proto__ || {}), recs[1].__proto__ === null]`,
	// object behaviour
	`[recs[0].hasOwnProperty("name"), Object.hasOwn(recs[0], "queue"), "title" in recs[0], "toString" in recs[0], recs[0].hasOwnProperty("toString")]`,
	`JSON.stringify(Object.getOwnPropertyDescriptor(recs[0], "name"))`,
	`JSON.stringify({...recs[0].queue})`,
	`JSON.stringify(Object.assign({}, recs[0].user))`,
	`[recs[0] instanceof Object, typeof recs[0], String(recs[0]), Object.getPrototypeOf(recs[0]) === Object.prototype]`,
	`(() => { const r = recs[0]; r.toJSON = function () { return this.name }; return JSON.stringify(recs.slice(0, 2)) })()`,
	`(() => { Object.setPrototypeOf(recs[2], {inherited: 7}); return [recs[2].inherited, Object.keys(recs[2])] })()`,
	`JSON.stringify(recs)`,
	`JSON.stringify(recs, null, 1)`,
	`JSON.stringify(recs[0], ["name", "queue", "title"])`,
}

// show turns a check's result into comparable text (keeping -0, undefined and NaN).
const show = `(function show(x) {
	return JSON.stringify(x, function (k, v) {
		if (v === undefined) return "<undefined>";
		if (typeof v === "number" && (Object.is(v, -0) || !isFinite(v))) return "<" + (Object.is(v, -0) ? "-0" : String(v)) + ">";
		return v;
	});
})`

func run(t *testing.T, vm *goja.Runtime, expr string, recs goja.Value) string {
	t.Helper()
	fn, err := vm.RunString(`(function (recs) { "use strict"; return ` + show + `(` + expr + `) })`)
	if err != nil {
		t.Fatalf("compiling %s: %v", expr, err)
	}
	call, _ := goja.AssertFunction(fn)
	v, err := call(goja.Undefined(), recs)
	if err != nil {
		return "throws " + err.Error()
	}
	return v.String()
}

func parsePage(t *testing.T, body string) *daktela.Response {
	t.Helper()
	resp, err := daktela.ParsePage(200, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestViewsBehaveLikeJSONParse(t *testing.T) {
	resp := parsePage(t, page)
	data := `[` + strings.Join(func() []string {
		var s []string
		for _, r := range resp.Records() {
			s = append(s, string(r))
		}
		return s
	}(), ",") + `]`
	for _, expr := range checks {
		vm := goja.New()
		native, err := vm.RunString(`JSON.parse(` + "`" + strings.ReplaceAll(data, `\`, `\\`) + "`" + `)`)
		if err != nil {
			t.Fatal(err)
		}
		want := run(t, vm, expr, native)
		for name, recs := range map[string]goja.Value{
			"NewResponseList": NewResponseList(vm, resp),
			"NewList":         NewList(vm, resp.Records()),
		} {
			if got := run(t, vm, expr, recs); got != want {
				t.Errorf("%s: %s\n got %s\nwant %s", name, expr, got, want)
			}
		}
	}
}

// TestKeyOrderAndValues pins what JavaScript (node) gives, independently of goja's own
// JSON.parse.
func TestKeyOrderAndValues(t *testing.T) {
	vm := goja.New()
	recs := NewResponseList(vm, parsePage(t, page))
	// Unpaired surrogates stay as they are, as node's JSON.parse keeps them (goja's own
	// JSON.parse turns them into U+FFFD, so the comparison test leaves them out).
	lone, err := FromJSON(vm, []byte(`"\ud800x\udc00\ud83d\ude00"`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := run(t, vm, `Array.from({length: recs.length}, (_, i) => recs.charCodeAt(i))`, lone), `[55296,120,56320,55357,56832]`; got != want {
		t.Errorf("unpaired surrogates: %s, want %s", got, want)
	}
	cases := map[string]string{
		`Object.keys(recs[0]).slice(0, 6)`:         `["1","2","10","name","title","dup"]`,
		`recs[0].dup`:                              `2`,
		`Object.is(recs[0].negz, -0)`:              `true`,
		`recs[0].big`:                              `9007199254740992`,
		`String(recs[0].e23)`:                      `"1e+23"`,
		`String(recs[0].tiny)`:                     `"5e-324"`,
		`String(recs[0].huge)`:                     `"1.2345678901234568e+22"`,
		`recs[0].esc.length`:                       `13`,
		`"😀".length === recs[0].title.length - 21`: `true`,
		`(() => { recs[2]["7"] = 1; recs[2]["3"] = 1; recs[2]["01"] = 1; return Object.keys(recs[2]) })()`: `["3","7","name","title","other","01"]`,
	}
	for expr, want := range cases {
		if got := run(t, vm, expr, recs); got != want {
			t.Errorf("%s = %s, want %s", expr, got, want)
		}
	}
}

func TestStringifyRoundTrip(t *testing.T) {
	// Canonical JSON as JSON.stringify writes it.
	in := `[{"2":"b","10":"c","name":"records_5fa299a48ab72834012563","title":"Žluťoučký kůň 😀 \"q\" \\ \n","n":-12.5,"i":42,` +
		`"big":1e+23,"user":{"name":"admin","profile":{"title":"Agent"}},"cf":{"email":["a@b.cz"],"note":[]},"e":{},"a":[],` +
		`"deep":[[1,[2,{"x":null}]],true,false]}]`
	vm := goja.New()
	recs := NewList(vm, []daktela.Record{daktela.Record(in[1 : len(in)-1])})
	if got := run(t, vm, `JSON.stringify(recs)`, recs); got != `"`+strings.ReplaceAll(strings.ReplaceAll(in, `\`, `\\`), `"`, `\"`)+`"` {
		t.Errorf("JSON.stringify(recs) =\n%s\nwant the input\n%s", got, in)
	}
}

func TestDynamicObjectLimits(t *testing.T) {
	vm := goja.New()
	recs := NewResponseList(vm, parsePage(t, page))
	for _, expr := range []string{
		`(() => { recs[0][Symbol("s")] = 1 })()`,
		`Object.defineProperty(recs[0], "g", {get() { return 1 }})`,
		`Object.defineProperty(recs[0], "ro", {value: 1, writable: false})`,
		`Object.freeze(recs[0])`,
		`Object.preventExtensions(recs[0])`,
	} {
		if got := run(t, vm, expr, recs); !strings.HasPrefix(got, "throws TypeError") {
			t.Errorf("%s: %s, want a TypeError (documented limit)", expr, got)
		}
	}
	if got := run(t, vm, `Object.defineProperty(recs[0], "ok", {value: 1, writable: true, enumerable: true, configurable: true}).ok`, recs); got != "1" {
		t.Errorf("defineProperty with plain data flags = %s", got)
	}
	// Flags left out are taken as true, not false as on a plain object (docs/js-api.md).
	if got := run(t, vm, `(() => { const d = Object.getOwnPropertyDescriptor(Object.defineProperty(recs[0], "dflt", {value: 1}), "dflt"); return [d.writable, d.enumerable, d.configurable] })()`, recs); got != "[true,true,true]" {
		t.Errorf("defineProperty with flags left out: writable, enumerable, configurable = %s", got)
	}
	if got := run(t, vm, `Object.isFrozen(recs[0])`, recs); got != "false" {
		t.Errorf("Object.isFrozen(record) = %s", got)
	}
}

func TestFromJSONAndRecord(t *testing.T) {
	vm := goja.New()
	v, err := FromJSON(vm, []byte(`{"form":{"lastname":"Vstup je povinný"},"primary":["x"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := run(t, vm, `[recs.form.lastname, recs.primary[0], Object.keys(recs)]`, v), `["Vstup je povinný","x",["form","primary"]]`; got != want {
		t.Errorf("FromJSON error member: %s, want %s", got, want)
	}
	for raw, want := range map[string]string{`"s"`: `"s"`, `12`: `12`, `null`: `null`, `[1,{"a":2}]`: `[1,{"a":2}]`, `true`: `true`} {
		v, err := FromJSON(vm, []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		if got := run(t, vm, `recs`, v); got != want {
			t.Errorf("FromJSON(%s) = %s", raw, got)
		}
	}
	if _, err := FromJSON(vm, []byte(`{"a":`)); err == nil || !strings.Contains(err.Error(), "offset 5") {
		t.Errorf("FromJSON(truncated) error = %v", err)
	}
	rec, err := NewRecord(vm, daktela.Record(`{"name":"x","queue":{"name":1}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := run(t, vm, `recs.queue === recs.queue && recs.queue.name`, rec); got != "1" {
		t.Errorf("NewRecord: %s", got)
	}
	bad := NewList(vm, []daktela.Record{daktela.Record(`{"a":`)})
	if got := run(t, vm, `recs[0].a`, bad); !strings.Contains(got, "TypeError") || !strings.Contains(got, "not valid JSON") {
		t.Errorf("touching an invalid record: %s", got)
	}
	single, err := daktela.ParsePage(200, []byte(`{"error":[],"result":{"data":[{"name":"a"}],"total":1}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := run(t, vm, `recs.map(r => r.name)`, NewResponseSlice(vm, parsePage(t, page), 1, 99)); got != `["records_2","records_0"]` {
		t.Errorf("NewResponseSlice(1, 99) = %s", got)
	}
	if got := run(t, vm, `recs.length`, NewResponseSlice(vm, parsePage(t, page), 2, 1)); got != `0` {
		t.Errorf("NewResponseSlice(2, 1) has %s records", got)
	}
	obj := NewResponseList(vm, single).Get("0").ToObject(vm)
	if raw, ok := Raw(obj); !ok || string(raw) != `{"name":"a"}` {
		t.Errorf("Raw of an untouched record = %s, %v", raw, ok)
	}
	obj.Set("name", "b")
	if _, ok := Raw(obj); ok {
		t.Error("Raw of a changed record is ok")
	}
}
