package jsintl_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

// TestLocaleErrors checks the mistakes a script can make get clear errors at its line,
// and that what is not covered says so instead of printing another locale's form.
func TestLocaleErrors(t *testing.T) {
	for src, want := range map[string]string{
		`Number.prototype.toLocaleString.call("12", "cs")`:                               "TypeError: Number.prototype.toLocaleString requires that 'this' be a Number",
		`Date.prototype.toLocaleDateString.call({}, "cs")`:                               "TypeError: this is not a Date object.",
		`new Date(0).toLocaleString("cs", {hour12: true})`:                               "RangeError: Intl.DateTimeFormat: the option hour12 is not covered here",
		`new Date(0).toLocaleString("cs", {year: "2-digit"})`:                            `RangeError: Intl.DateTimeFormat: year: "2-digit" is not covered here (covered: numeric)`,
		`new Date(0).toLocaleString("cs", {month: "short"})`:                             `RangeError: Intl.DateTimeFormat: the combination of options {month: "short"} is not covered here`,
		`new Date(0).toLocaleString("cs", {dateStyle: "long", year: "numeric"})`:         "TypeError: Can't set option year when dateStyle or timeStyle is used",
		`(1).toLocaleString("cs", {style: "unit"})`:                                      "RangeError: Value unit out of range for Intl.NumberFormat options property style (covered here: decimal, percent, currency)",
		`(1).toLocaleString("cs", {minimumFractionDigits: 3, maximumFractionDigits: 1})`: "RangeError: maximumFractionDigits value is out of range.",
	} {
		var out bytes.Buffer
		rt, err := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
		if err != nil {
			t.Fatal(err)
		}
		err = rt.RunString(context.Background(), "locale.js", "\n"+src)
		rt.Close()
		if err == nil {
			t.Errorf("%s: no error", src)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, want) || !strings.Contains(msg, "locale.js:2") {
			t.Errorf("%s:\n got %s\nwant %s at locale.js:2", src, msg, want)
		}
	}
}
