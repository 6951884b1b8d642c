package runtime_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/runtime"
)

// String(record) on a record whose "toString" field is data (a string) is the TypeError
// JavaScript gives for such an object, worded as Node words it, never goja's dump of the
// object's Go structure and pointers; conversions that work are unchanged.
func TestToPrimitiveMessage(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"error":[],"result":{"data":[{"name":"ann","toString":"x","valueOf":"y"}],"total":1}}`)
	}))
	defer s.Close()
	var out strings.Builder
	rt, err := runtime.New(runtime.Options{Client: daktela.NewClient(s.URL, "tok"), Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	err = rt.RunString(context.Background(), "rec.js", `
const rec = daktela.client().execute(daktela.buildReadRequest("Users")).getData()[0];
for (const f of [() => String(rec), () => `+"`${rec}`"+`, () => rec + "", () => String({toString: 1})]) {
  try { console.log(f()); } catch (e) { console.log(e.name + ": " + e.message); }
}
console.log(String({a: 1}), `+"`${[1, [2, 3]]}`"+`, {valueOf: () => 5} * 2, {toString: () => "t", valueOf: () => 7} + "",
  `+"`${{toString: () => \"t\", valueOf: () => 7}}`"+`, new Date(0) - 0, Object.keys(Object.prototype).length, rec.toString);
String(rec);
`)
	want := strings.Repeat("TypeError: Cannot convert object to primitive value\n", 4) + "[object Object] 1,2,3 10 7 t 0 0 x\n"
	if got := out.String(); got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
	var se *runtime.ScriptError
	if !errors.As(err, &se) || !strings.Contains(se.Error(), "Uncaught TypeError: Cannot convert object to primitive value") || strings.Contains(se.Error(), "0x") {
		t.Errorf("uncaught: %v", err)
	}
}
