package jsassert_test

import (
	"testing"

	"github.com/dkscript/dkscript/bindings/bindingstest"
	"github.com/dkscript/dkscript/bindings/jsassert"
)

// TestDeepStrictEqual pins which values deepStrictEqual takes as equal, as Node does.
func TestDeepStrictEqual(t *testing.T) {
	v := bindingstest.Run(t, jsassert.New(), `
		const assert = require("assert");
		const eq = (a, b) => { try { assert.deepStrictEqual(a, b); return "=" } catch (e) { return e.code === "ERR_ASSERTION" ? "≠" : e.message } };
		const a = { x: 1 }; a.self = a;
		const b = { x: 1 }; b.self = b;
		class P { constructor() { this.x = 1 } }
		[eq(NaN, NaN), eq(0, -0), eq([1], ["1"]), eq(new Date(1), new Date(1)), eq(new Date(1), new Date(2)),
		 eq(new Map([[1, {a: 1}]]), new Map([[1, {a: 1}]])), eq(new Set([{a: 1}]), new Set([{a: 1}])),
		 eq(new Uint8Array([1, 2]), new Uint8Array([1, 2])), eq(new Uint8Array([1]), new Int8Array([1])),
		 eq(a, b), eq(new P(), { x: 1 }), eq(/a/g, /a/g), eq(/a/g, /a/i), eq({ a: undefined }, {})].join(" ")
	`)
	if got, want := v.String(), "= ≠ ≠ = ≠ = = = ≠ = ≠ = ≠ ≠"; got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
