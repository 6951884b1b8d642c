package jscrypto_test

import (
	"testing"

	"github.com/dkscript/dkscript/bindings/bindingstest"
	"github.com/dkscript/dkscript/bindings/jscrypto"
)

// TestDigestsOfViews checks that update reads exactly the window a typed array or
// DataView shows of its buffer, and an ArrayBuffer whole.
func TestDigestsOfViews(t *testing.T) {
	v := bindingstest.Run(t, jscrypto.New(), `
		const c = require("crypto");
		const md5 = (d) => c.createHash("md5").update(d).digest("hex");
		const buf = new Uint8Array([0, 1, 2, 3, 4]).buffer;
		[md5(new Uint8Array(buf, 1, 3)), md5(new DataView(buf, 1, 3)), md5(new Uint8Array([1, 2, 3])),
		 md5(buf) === md5(new Uint8Array([0, 1, 2, 3, 4]))].join(" ")
	`)
	want := "5289df737df57326fcdd22597afb1fac 5289df737df57326fcdd22597afb1fac 5289df737df57326fcdd22597afb1fac true"
	if v.String() != want {
		t.Fatalf("got %s, want %s", v, want)
	}
}

// TestGetRandomValuesFillsInPlace checks getRandomValues writes into the view's window
// only, and refuses float arrays and more than 65 536 bytes.
func TestGetRandomValuesFillsInPlace(t *testing.T) {
	v := bindingstest.Run(t, jscrypto.New(), `
		const c = require("crypto");
		const all = new Uint8Array(64);
		const win = new Uint8Array(all.buffer, 16, 32);
		c.getRandomValues(win);
		const outside = all.slice(0, 16).every((b) => b === 0) && all.slice(48).every((b) => b === 0);
		const errs = [];
		for (const a of [new Float32Array(1), new Uint16Array(32769), "x"]) {
			try { c.getRandomValues(a); errs.push("none"); } catch (e) { errs.push(e.name); }
		}
		[outside, win.some((b) => b !== 0), c.getRandomValues(new Int16Array(32768)).length, errs.join(",")].join(" ")
	`)
	if got := v.String(); got != "true true 32768 TypeMismatchError,QuotaExceededError,TypeMismatchError" {
		t.Fatalf("got %s", got)
	}
}
