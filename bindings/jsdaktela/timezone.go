package jsdaktela

import (
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// timezoneMethods adds ApiCommunicator.setTimezone, getTimezone, setLanguage and
// getLanguage.
func (in *instance) timezoneMethods(p *goja.Object) {
	vm := in.vm
	in.method(p, "setTimezone", func(call goja.FunctionCall) goja.Value {
		h := in.commThis(call, "setTimezone")
		c := h.ch.c.ApiCommunicator()
		v := call.Argument(0)
		a := bindings.Args{VM: vm, Call: call, Method: "setTimezone"}
		var loc *time.Location
		if !goja.IsNull(v) {
			name := a.String(0, "timezone")
			var err error
			loc, err = time.LoadLocation(name)
			if err != nil || name == "" || name == "Local" {
				a.Fail("timezone", `an IANA time zone name such as "Europe/Prague" (or null)`, v)
			}
		}
		// A locked client keeps the zone its host set (the same zone again is no change).
		refuseLocked(c, a, zoneName(loc) != zoneName(c.Timezone()))
		c.SetTimezone(loc)
		return call.This
	})
	in.method(p, "setLanguage", func(call goja.FunctionCall) goja.Value {
		c := in.commThis(call, "setLanguage").ch.c.ApiCommunicator()
		a := bindings.Args{VM: vm, Call: call, Method: "setLanguage"}
		lang := ""
		if v := call.Argument(0); !goja.IsNull(v) {
			lang = a.String(0, "lang")
			if !languageTag(lang) {
				a.Fail("lang", `a language tag such as "cs" or "en-GB" (or null)`, v)
			}
		}
		refuseLocked(c, a, lang != c.Language())
		c.SetLanguage(lang)
		return call.This
	})
	in.method(p, "getLanguage", func(call goja.FunctionCall) goja.Value {
		if lang := in.commThis(call, "getLanguage").ch.c.ApiCommunicator().Language(); lang != "" {
			return vm.ToValue(lang)
		}
		return goja.Null()
	})
	in.method(p, "getTimezone", func(call goja.FunctionCall) goja.Value {
		if loc := in.commThis(call, "getTimezone").ch.c.ApiCommunicator().Timezone(); loc != nil {
			return vm.ToValue(loc.String())
		}
		return goja.Null()
	})
}

// zoneName is loc's name, "" for nil.
func zoneName(loc *time.Location) string {
	if loc == nil {
		return ""
	}
	return loc.String()
}

// languageTag reports whether s can be an Accept-Language value: letters, digits,
// hyphens, and the list syntax (commas, semicolons, "q=", dots, spaces, "*"), at most
// 100 bytes; nothing that could break the header.
func languageTag(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for _, c := range s {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == ',' || c == ';' || c == '=' || c == '.' || c == ' ' || c == '*'
		if !ok {
			return false
		}
	}
	return true
}
