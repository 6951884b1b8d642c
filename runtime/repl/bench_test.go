package repl

import (
	"testing"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dop251/goja"
)

// What one Enter costs before evaluation: deciding whether the entry is complete.
func BenchmarkIncomplete(b *testing.B) {
	for _, c := range []struct{ name, src string }{
		{"complete", `const res = daktela.client().execute(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin"))`},
		{"open-brace", "for (const r of res.getData()) {\n  console.log(r.name)"},
		{"await", `const res = await daktela.client().executeAsync(daktela.buildReadRequest("Users").setFields([`},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Incomplete(c.src)
			}
		})
	}
}

// What one Tab press costs.
func BenchmarkComplete(b *testing.B) {
	h := newTestHost(b, false)
	c := newCompleter(h.srv.Models())
	h.eval(b, `const req = daktela.buildReadRequest("Users"); undefined`)
	c.declared["req"] = true
	for _, line := range []string{"daktela.buildRe", "req.addF", "co", `daktela.buildReadRequest("Camp`} {
		b.Run(line, func(b *testing.B) {
			h.do(b, func(vm *goja.Runtime) {
				for b.Loop() {
					c.complete(vm, line, len(line))
				}
			})
		})
	}
}

// Printing a Response of a 1000-record page as a summary.
func BenchmarkFormatResponse(b *testing.B) {
	h := newTestHostWith(b, true, daktelatest.Options{Records: map[string]int{"campaignsRecords": 1000}})
	v := h.eval(b, `daktela.client().execute(daktela.buildReadRequest("CampaignsRecords").setTake(1000))`)
	h.do(b, func(vm *goja.Runtime) {
		for b.Loop() {
			FormatResponse(vm, v.(*goja.Object), true, "_")
		}
	})
}
