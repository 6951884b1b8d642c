package runtime_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

func ptr(s string) *string { return &s }

// jsonStringifyCases are JSON.stringify calls and what Node 20 returns for them (nil:
// undefined), printed by Node and pasted here: indents of 1 to 10 spaces and strings up
// to (and past) 10 code units, empty arrays and objects before nested values (goja's own
// function indents everything after a "[]" one level too deep), unicode and escapes,
// replacers, toJSON, wrapper objects as the indent, and values with no JSON form.
var jsonStringifyCases = []struct {
	expr string
	want *string
}{
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 1)", ptr("{\n \"s\": [],\n \"c\": {\n  \"a\": 1,\n  \"b\": [\n   1,\n   {\n    \"d\": []\n   },\n   []\n  ],\n  \"e\": {}\n },\n \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n \"n\": null,\n \"t\": true,\n \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 2)", ptr("{\n  \"s\": [],\n  \"c\": {\n    \"a\": 1,\n    \"b\": [\n      1,\n      {\n        \"d\": []\n      },\n      []\n    ],\n    \"e\": {}\n  },\n  \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n  \"n\": null,\n  \"t\": true,\n  \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 3)", ptr("{\n   \"s\": [],\n   \"c\": {\n      \"a\": 1,\n      \"b\": [\n         1,\n         {\n            \"d\": []\n         },\n         []\n      ],\n      \"e\": {}\n   },\n   \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n   \"n\": null,\n   \"t\": true,\n   \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 4)", ptr("{\n    \"s\": [],\n    \"c\": {\n        \"a\": 1,\n        \"b\": [\n            1,\n            {\n                \"d\": []\n            },\n            []\n        ],\n        \"e\": {}\n    },\n    \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n    \"n\": null,\n    \"t\": true,\n    \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 5)", ptr("{\n     \"s\": [],\n     \"c\": {\n          \"a\": 1,\n          \"b\": [\n               1,\n               {\n                    \"d\": []\n               },\n               []\n          ],\n          \"e\": {}\n     },\n     \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n     \"n\": null,\n     \"t\": true,\n     \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 6)", ptr("{\n      \"s\": [],\n      \"c\": {\n            \"a\": 1,\n            \"b\": [\n                  1,\n                  {\n                        \"d\": []\n                  },\n                  []\n            ],\n            \"e\": {}\n      },\n      \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n      \"n\": null,\n      \"t\": true,\n      \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 7)", ptr("{\n       \"s\": [],\n       \"c\": {\n              \"a\": 1,\n              \"b\": [\n                     1,\n                     {\n                            \"d\": []\n                     },\n                     []\n              ],\n              \"e\": {}\n       },\n       \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n       \"n\": null,\n       \"t\": true,\n       \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 8)", ptr("{\n        \"s\": [],\n        \"c\": {\n                \"a\": 1,\n                \"b\": [\n                        1,\n                        {\n                                \"d\": []\n                        },\n                        []\n                ],\n                \"e\": {}\n        },\n        \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n        \"n\": null,\n        \"t\": true,\n        \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 9)", ptr("{\n         \"s\": [],\n         \"c\": {\n                  \"a\": 1,\n                  \"b\": [\n                           1,\n                           {\n                                    \"d\": []\n                           },\n                           []\n                  ],\n                  \"e\": {}\n         },\n         \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n         \"n\": null,\n         \"t\": true,\n         \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 10)", ptr("{\n          \"s\": [],\n          \"c\": {\n                    \"a\": 1,\n                    \"b\": [\n                              1,\n                              {\n                                        \"d\": []\n                              },\n                              []\n                    ],\n                    \"e\": {}\n          },\n          \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n          \"n\": null,\n          \"t\": true,\n          \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, ' ')", ptr("{\n \"s\": [],\n \"c\": {\n  \"a\": 1,\n  \"b\": [\n   1,\n   {\n    \"d\": []\n   },\n   []\n  ],\n  \"e\": {}\n },\n \"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n \"n\": null,\n \"t\": true,\n \"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, '\\t')", ptr("{\n\t\"s\": [],\n\t\"c\": {\n\t\t\"a\": 1,\n\t\t\"b\": [\n\t\t\t1,\n\t\t\t{\n\t\t\t\t\"d\": []\n\t\t\t},\n\t\t\t[]\n\t\t],\n\t\t\"e\": {}\n\t},\n\t\"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n\t\"n\": null,\n\t\"t\": true,\n\t\"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, '--')", ptr("{\n--\"s\": [],\n--\"c\": {\n----\"a\": 1,\n----\"b\": [\n------1,\n------{\n--------\"d\": []\n------},\n------[]\n----],\n----\"e\": {}\n--},\n--\"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n--\"n\": null,\n--\"t\": true,\n--\"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 'abcdefghij')", ptr("{\nabcdefghij\"s\": [],\nabcdefghij\"c\": {\nabcdefghijabcdefghij\"a\": 1,\nabcdefghijabcdefghij\"b\": [\nabcdefghijabcdefghijabcdefghij1,\nabcdefghijabcdefghijabcdefghij{\nabcdefghijabcdefghijabcdefghijabcdefghij\"d\": []\nabcdefghijabcdefghijabcdefghij},\nabcdefghijabcdefghijabcdefghij[]\nabcdefghijabcdefghij],\nabcdefghijabcdefghij\"e\": {}\nabcdefghij},\nabcdefghij\"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\nabcdefghij\"n\": null,\nabcdefghij\"t\": true,\nabcdefghij\"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 'abcdefghijklmn')", ptr("{\nabcdefghij\"s\": [],\nabcdefghij\"c\": {\nabcdefghijabcdefghij\"a\": 1,\nabcdefghijabcdefghij\"b\": [\nabcdefghijabcdefghijabcdefghij1,\nabcdefghijabcdefghijabcdefghij{\nabcdefghijabcdefghijabcdefghijabcdefghij\"d\": []\nabcdefghijabcdefghijabcdefghij},\nabcdefghijabcdefghijabcdefghij[]\nabcdefghijabcdefghij],\nabcdefghijabcdefghij\"e\": {}\nabcdefghij},\nabcdefghij\"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\nabcdefghij\"n\": null,\nabcdefghij\"t\": true,\nabcdefghij\"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, 'é')", ptr("{\né\"s\": [],\né\"c\": {\néé\"a\": 1,\néé\"b\": [\nééé1,\nééé{\néééé\"d\": []\nééé},\nééé[]\néé],\néé\"e\": {}\né},\né\"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\né\"n\": null,\né\"t\": true,\né\"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, '😀')", ptr("{\n😀\"s\": [],\n😀\"c\": {\n😀😀\"a\": 1,\n😀😀\"b\": [\n😀😀😀1,\n😀😀😀{\n😀😀😀😀\"d\": []\n😀😀😀},\n😀😀😀[]\n😀😀],\n😀😀\"e\": {}\n😀},\n😀\"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n😀\"n\": null,\n😀\"t\": true,\n😀\"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, '😀'.repeat(5) + 'z')", ptr("{\n😀😀😀😀😀\"s\": [],\n😀😀😀😀😀\"c\": {\n😀😀😀😀😀😀😀😀😀😀\"a\": 1,\n😀😀😀😀😀😀😀😀😀😀\"b\": [\n😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀1,\n😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀{\n😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀\"d\": []\n😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀},\n😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀[]\n😀😀😀😀😀😀😀😀😀😀],\n😀😀😀😀😀😀😀😀😀😀\"e\": {}\n😀😀😀😀😀},\n😀😀😀😀😀\"é ключ\": \"😀 \u2028 <&> \\\"q\\\" \\n\",\n😀😀😀😀😀\"n\": null,\n😀😀😀😀😀\"t\": true,\n😀😀😀😀😀\"f\": 1.5e-7\n}")},
	{"JSON.stringify({ s: [], c: { a: 1, b: [1, { d: [] }, []], e: {} }, \"é ключ\": \"😀 \\u2028 <&> \\\"q\\\" \\n\", n: null, t: true, f: 1.5e-7 }, null, '')", ptr("{\"s\":[],\"c\":{\"a\":1,\"b\":[1,{\"d\":[]},[]],\"e\":{}},\"é ключ\":\"😀 \u2028 <&> \\\"q\\\" \\n\",\"n\":null,\"t\":true,\"f\":1.5e-7}")},
	{"JSON.stringify([], null, 2)", ptr("[]")},
	{"JSON.stringify({}, null, 2)", ptr("{}")},
	{"JSON.stringify([[], [[]], {}, { a: {} }, [{}], [[], 1]], null, 2)", ptr("[\n  [],\n  [\n    []\n  ],\n  {},\n  {\n    \"a\": {}\n  },\n  [\n    {}\n  ],\n  [\n    [],\n    1\n  ]\n]")},
	{"JSON.stringify({ a: [], b: [], c: { d: [], e: { f: [] } }, g: 1 }, null, 4)", ptr("{\n    \"a\": [],\n    \"b\": [],\n    \"c\": {\n        \"d\": [],\n        \"e\": {\n            \"f\": []\n        }\n    },\n    \"g\": 1\n}")},
	{"JSON.stringify([1, [2, [3, [4, []]]]], null, 1)", ptr("[\n 1,\n [\n  2,\n  [\n   3,\n   [\n    4,\n    []\n   ]\n  ]\n ]\n]")},
	{"JSON.stringify('str\\u00e9', null, 2)", ptr("\"stré\"")},
	{"JSON.stringify(42, null, 2)", ptr("42")},
	{"JSON.stringify(null, null, 2)", ptr("null")},
	{"JSON.stringify(undefined, null, 2)", nil},
	{"JSON.stringify(function () {}, null, 2)", nil},
	{"JSON.stringify({ u: undefined, f() {}, k: [undefined, function () {}] }, null, 2)", ptr("{\n  \"k\": [\n    null,\n    null\n  ]\n}")},
	{"JSON.stringify({ d: new Date(0), j: { toJSON() { return { x: [] } } } }, null, 2)", ptr("{\n  \"d\": \"1970-01-01T00:00:00.000Z\",\n  \"j\": {\n    \"x\": []\n  }\n}")},
	{"JSON.stringify({ a: 1, b: [], c: { a: 2, z: 3 } }, ['a', 'c'], 2)", ptr("{\n  \"a\": 1,\n  \"c\": {\n    \"a\": 2\n  }\n}")},
	{"JSON.stringify({ a: 1, b: [], c: { d: 'x' } }, (k, v) => typeof v === 'number' ? v * 10 : v, 2)", ptr("{\n  \"a\": 10,\n  \"b\": [],\n  \"c\": {\n    \"d\": \"x\"\n  }\n}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, new Number(3))", ptr("{\n   \"a\": [],\n   \"b\": {\n      \"c\": 1\n   }\n}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, new String('ab'))", ptr("{\nab\"a\": [],\nab\"b\": {\nabab\"c\": 1\nab}\n}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, 0)", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, -1)", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, 2.9)", ptr("{\n  \"a\": [],\n  \"b\": {\n    \"c\": 1\n  }\n}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, 11)", ptr("{\n          \"a\": [],\n          \"b\": {\n                    \"c\": 1\n          }\n}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, Infinity)", ptr("{\n          \"a\": [],\n          \"b\": {\n                    \"c\": 1\n          }\n}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, NaN)", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, true)", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, {})", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, null)", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } }, null, undefined)", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify({ a: [] , b: { c: 1 } })", ptr("{\"a\":[],\"b\":{\"c\":1}}")},
	{"JSON.stringify(['\\ud800', '\\udc00x'], null, 1)", ptr("[\n \"\\ud800\",\n \"\\udc00x\"\n]")},
	{"JSON.stringify({ '': [], '[': '{', ']': '}' }, null, 2)", ptr("{\n  \"\": [],\n  \"[\": \"{\",\n  \"]\": \"}\"\n}")},
	{"JSON.stringify(new Map([[1, 2]]), null, 2)", ptr("{}")},
	{"JSON.stringify([new Number(1), new String('s'), new Boolean(false)], null, 2)", ptr("[\n  1,\n  \"s\",\n  false\n]")},
}

func TestJSONStringifyIndentMatchesNode(t *testing.T) {
	rt, _, _ := newRT(t, runtime.Options{})
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		for _, c := range jsonStringifyCases {
			v, err := vm.RunString(c.expr)
			if err != nil {
				t.Errorf("%s: %v", c.expr, err)
				continue
			}
			switch {
			case c.want == nil && !goja.IsUndefined(v):
				t.Errorf("%s\n got %q, want undefined", c.expr, v.String())
			case c.want != nil && (!goja.IsString(v) || v.String() != *c.want):
				t.Errorf("%s\n got %q\nwant %q", c.expr, v.String(), *c.want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The replacement keeps what JSON.stringify is: its name and length, a writable
// non-enumerable property, goja's errors (with the script's position), replacers called
// once per value, and interrupts.
func TestJSONStringifyStaysJSONStringify(t *testing.T) {
	rt, out, _ := newRT(t, runtime.Options{})
	src := `const d = Object.getOwnPropertyDescriptor(JSON, 'stringify');
console.log(JSON.stringify.name, JSON.stringify.length, d.writable, d.enumerable, d.configurable, Object.keys(JSON).length);
let calls = 0;
JSON.stringify({ a: [1, 2], b: {} }, (k, v) => { calls++; return v }, 2);
console.log(calls);
const cyc = {}; cyc.self = cyc;
try { JSON.stringify(cyc, null, 2) } catch (e) { console.log(e instanceof TypeError) }
try { JSON.stringify({ a: 1 }, () => { throw new RangeError('from the replacer') }, '  ') } catch (e) { console.log(e.name, e.message) }
try { JSON.stringify(10n, null, 2) } catch (e) { console.log(e instanceof TypeError) }
`
	if err := rt.RunString(context.Background(), "json.js", src); err != nil {
		t.Fatal(err)
	}
	if want := "stringify 3 true false true 0\n5\ntrue\nRangeError from the replacer\ntrue\n"; out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	err := rt.RunString(context.Background(), "throws.js", "const c = [];\nc.push(c);\nJSON.stringify(c, null, 2);")
	if err == nil || !strings.Contains(err.Error(), "throws.js:3") || !strings.Contains(err.Error(), "TypeError") {
		t.Errorf("a cycle with an indent: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = rt.RunString(ctx, "spin.js", "JSON.stringify({ a: 1 }, () => { for (;;) {} }, 2)")
	if runtime.ExitCode(err) != runtime.ExitInterrupted {
		t.Errorf("an endless replacer with an indent, cancelled: %v", err)
	}
}

var jsonBench = `const rows = [];
for (let i = 0; i < 200; i++) rows.push({ id: i, name: 'user ' + i, tags: [], meta: { created: '2026-01-15', n: [i, i + 1] } });
`

// BenchmarkJSONStringify measures JSON.stringify of 200 records without an indent (the
// original function behind one native call) and with one (compact, then Indent in Go).
func BenchmarkJSONStringify(b *testing.B) {
	for _, bc := range []struct{ name, expr string }{
		{"compact", "JSON.stringify(rows)"},
		{"indent2", "JSON.stringify(rows, null, 2)"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			rt, err := runtime.New(runtime.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer rt.Close()
			_ = rt.Do(context.Background(), func(vm *goja.Runtime) error {
				if _, err := vm.RunString(jsonBench); err != nil {
					b.Fatal(err)
				}
				prg := goja.MustCompile("bench.js", bc.expr, false)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := vm.RunProgram(prg); err != nil {
						b.Fatal(err)
					}
				}
				return nil
			})
		})
	}
}
