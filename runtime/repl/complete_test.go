package repl

import (
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// completeIn presses Tab at the end of line against h's runtime.
func completeIn(t *testing.T, h *testHost, c *completer, line string) (head string, got []string, tail string) {
	t.Helper()
	h.do(t, func(vm *goja.Runtime) { head, got, tail = c.complete(vm, line, len([]rune(line))) })
	return head, got, tail
}

func TestCompleteDaktelaAndGlobals(t *testing.T) {
	h := newTestHost(t, false)
	c := newCompleter(nil)

	head, got, _ := completeIn(t, h, c, "daktela.buildReadReq")
	if head != "daktela." || !slices.Equal(got, []string{"buildReadRequest("}) {
		t.Errorf("daktela.buildReadReq: head %q, got %q", head, got)
	}
	// Several candidates: all of them, without "(".
	_, got, _ = completeIn(t, h, c, "daktela.build")
	for _, want := range []string{"buildCreateRequest", "buildDeleteRequest", "buildReadRequest", "buildUpdateRequest"} {
		if !slices.Contains(got, want) {
			t.Errorf("daktela.build: %q missing from %q", want, got)
		}
	}
	// Every candidate is a real property of the daktela global.
	h.do(t, func(vm *goja.Runtime) {
		d := vm.Get("daktela").ToObject(vm)
		for _, n := range got {
			if goja.IsUndefined(d.Get(n)) {
				t.Errorf("candidate %q is not a property of daktela", n)
			}
		}
	})
	// A bare word: globals and keywords.
	head, got, _ = completeIn(t, h, c, "x = dakt")
	if head != "x = " || !slices.Equal(got, []string{"daktela"}) {
		t.Errorf("dakt: head %q got %q", head, got)
	}
	_, got, _ = completeIn(t, h, c, "cons")
	if !slices.Contains(got, "console") || !slices.Contains(got, "const") {
		t.Errorf("cons: got %q", got)
	}
	// Nested chains, built-ins too.
	_, got, _ = completeIn(t, h, c, "console.lo")
	if !slices.Equal(got, []string{"log("}) {
		t.Errorf("console.lo: got %q", got)
	}
	_, got, _ = completeIn(t, h, c, "Math.PI.toFi")
	if !slices.Equal(got, []string{"toFixed("}) {
		t.Errorf("Math.PI.toFi (a boxed number): got %q", got)
	}
	// An empty partial after a dot lists the object's own names, without the members
	// every object has.
	_, got, _ = completeIn(t, h, c, "daktela.")
	if len(got) < 10 || slices.Contains(got, "hasOwnProperty") || slices.Contains(got, "constructor") {
		t.Errorf("daktela.: got %q", got)
	}
	_, got, _ = completeIn(t, h, c, "daktela.hasOwn")
	if !slices.Equal(got, []string{"hasOwnProperty("}) {
		t.Errorf("daktela.hasOwn: got %q", got)
	}
}

func TestCompleteVariables(t *testing.T) {
	h := newTestHost(t, false)
	c := newCompleter(nil)
	src := `const req = daktela.buildReadRequest("Users").setFields(["name"]);
let res = daktela.client().execute(req);
class Helper { hello() {} }
var plain = { alpha: 1, alps: 2, beta: 3 }`
	h.eval(t, src)
	for _, n := range declaredNames(src) {
		c.declared[n] = true
	}

	// Builder methods on a let/const variable (not a global object property).
	_, got, _ := completeIn(t, h, c, "req.addF")
	if len(got) == 0 {
		t.Fatalf("req.addF: no candidates")
	}
	for _, g := range got {
		if !strings.HasPrefix(g, "addF") {
			t.Errorf("req.addF: candidate %q", g)
		}
	}
	if !slices.Contains(got, "addFilter") && !slices.Contains(got, "addFilter(") {
		t.Errorf("req.addF: addFilter missing from %q", got)
	}
	// Response methods.
	_, got, _ = completeIn(t, h, c, "res.getHttp")
	if !slices.Equal(got, []string{"getHttpStatus("}) {
		t.Errorf("res.getHttp: got %q", got)
	}
	_, got, _ = completeIn(t, h, c, "res.getTo")
	if !slices.Equal(got, []string{"getTotal("}) {
		t.Errorf("res.getTo: got %q", got)
	}
	// Declared names complete as bare words.
	_, got, _ = completeIn(t, h, c, "re")
	for _, want := range []string{"req", "res", "return"} {
		if !slices.Contains(got, want) {
			t.Errorf("re: %q missing from %q", want, got)
		}
	}
	_, got, _ = completeIn(t, h, c, "Hel")
	if !slices.Equal(got, []string{"Helper("}) {
		t.Errorf("Hel: got %q", got)
	}
	_, got, _ = completeIn(t, h, c, "plain.al")
	if !slices.Equal(got, []string{"alpha", "alps"}) {
		t.Errorf("plain.al: got %q", got)
	}
	// Text after the cursor is kept.
	var head, tail string
	h.do(t, func(vm *goja.Runtime) { head, got, tail = c.complete(vm, "x(plain.be, 1)", len("x(plain.be")) })
	if head != "x(plain." || tail != ", 1)" || !slices.Equal(got, []string{"beta"}) {
		t.Errorf("mid-line: head %q got %q tail %q", head, got, tail)
	}
}

func TestCompleteModelsAndCommands(t *testing.T) {
	h := newTestHost(t, false)
	c := newCompleter([]string{"campaignsRecords", "fakeOnlyModel"})

	head, got, _ := completeIn(t, h, c, `daktela.buildReadRequest("Queu`)
	if head != `daktela.buildReadRequest("` || !slices.Equal(got, []string{`Queues"`}) {
		t.Errorf("models Queu: head %q got %q", head, got)
	}
	_, got, _ = completeIn(t, h, c, `x = buildCreateRequest('campaignsR`)
	if !slices.Equal(got, []string{"CampaignsRecords", "CampaignsRecordsSnapshots"}) {
		t.Errorf("models campaignsR (any case, no duplicate): got %q", got)
	}
	_, got, _ = completeIn(t, h, c, `daktela.buildReadRequest("Fake`)
	if !slices.Equal(got, []string{`FakeOnlyModel"`}) {
		t.Errorf("Config.Models: got %q", got)
	}
	_, got, _ = completeIn(t, h, c, `daktela.buildReadRequest("`)
	if len(got) != len(c.models) {
		t.Errorf("empty model prefix: %d candidates, want all %d", len(got), len(c.models))
	}
	// The model catalogue's models are offered without a server (the ones automations
	// read included).
	c0 := newCompleter(nil)
	_, got, _ = completeIn(t, h, c0, `daktela.buildReadRequest("RealtimeS`)
	if !slices.Equal(got, []string{`RealtimeSessions"`}) {
		t.Errorf("catalogue model RealtimeS: got %q", got)
	}
	_, got, _ = completeIn(t, h, c0, `daktela.buildReadRequest("ActivitiesCallR`)
	if !slices.Equal(got, []string{`ActivitiesCallRecordings"`}) {
		t.Errorf("catalogue model ActivitiesCallR: got %q", got)
	}
	// The fake server's models are all offered when given.
	c2 := newCompleter(h.srv.Models())
	for _, m := range h.srv.Models() {
		_, got, _ = completeIn(t, h, c2, `daktela.buildReadRequest("`+m)
		if !slices.ContainsFunc(got, func(s string) bool { return strings.EqualFold(strings.TrimSuffix(s, `"`), m) }) {
			t.Errorf("fake server model %q not offered: %q", m, got)
		}
	}

	_, got, _ = completeIn(t, h, c, ".lo")
	if !slices.Equal(got, []string{".load "}) {
		t.Errorf(".lo: got %q", got)
	}
	_, got, _ = completeIn(t, h, c, ".e")
	if !slices.Equal(got, []string{".editor", ".exit"}) {
		t.Errorf(".e: got %q", got)
	}
}

func TestCompleteNothing(t *testing.T) {
	h := newTestHost(t, false)
	c := newCompleter(nil)
	h.eval(t, `globalThis.calls = 0; globalThis.f = () => { calls++; return { a: 1 } }`)
	for _, line := range []string{
		`"daktela.bu`,     // inside a string
		"f().",            // a call's result: completing would run it
		"f().a",           //
		"[1,2].",          // an index or literal
		"nosuch.thing.x",  // a missing link
		"1.",              // a number
		"undefinedVar.pr", //
	} {
		if _, got, _ := completeIn(t, h, c, line); len(got) != 0 {
			t.Errorf("%q: got %q, want nothing", line, got)
		}
	}
	if v := h.eval(t, "calls"); v.ToInteger() != 0 {
		t.Errorf("completion called f %d times", v.ToInteger())
	}
	// A throwing getter does not break completion.
	h.eval(t, `globalThis.tricky = { get boom() { throw new Error("no") }, safe: { deep: 1 } }; undefined`)
	if _, got, _ := completeIn(t, h, c, "tricky.boom.x"); len(got) != 0 {
		t.Errorf("throwing getter: got %q", got)
	}
	if _, got, _ := completeIn(t, h, c, "tricky.safe.de"); !slices.Equal(got, []string{"deep"}) {
		t.Errorf("tricky.safe.de: got %q", got)
	}
}

func TestDeclaredNames(t *testing.T) {
	got := declaredNames("let a = 1, b; const {c} = x; var d; function e() {} class F {}; g = 1")
	if !slices.Equal(got, []string{"a", "b", "d", "e", "F"}) {
		t.Errorf("got %q", got)
	}
	got = declaredNames("const r = await f(); let s")
	if !slices.Equal(got, []string{"r", "s"}) {
		t.Errorf("with await: got %q", got)
	}
	if got := declaredNames("let ("); got != nil {
		t.Errorf("broken source: got %q", got)
	}
}
