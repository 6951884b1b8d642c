package jsintl

import (
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/text/language"
)

// DefaultLocale is the locale of a formatter given none, or only ones not covered: as
// Node prints in the C locale.
const DefaultLocale = "en-US"

// locale is what this package knows of one language: how its numbers and dates read.
type locale struct {
	lang string // the base language: cs, sk, en, de, pl, hu
	// minGrouping2: a number of four integer digits has no group separator ("1234"),
	// CLDR's minimumGroupingDigits of 2.
	minGrouping2  bool
	percentSuffix string // what follows a percentage: "%" or "\u00a0%"
	currencyAfter bool   // "1 234,50 Kč" (else "$1,234.50")
	dates         *dateData
}

var locales = map[string]*locale{
	"cs": {lang: "cs", percentSuffix: "\u00a0%", currencyAfter: true, dates: &csDates},
	"sk": {lang: "sk", percentSuffix: "\u00a0%", currencyAfter: true, dates: &skDates},
	"en": {lang: "en", percentSuffix: "%", dates: &enUSDates},
	"de": {lang: "de", percentSuffix: "\u00a0%", currencyAfter: true, dates: &deDates},
	"pl": {lang: "pl", minGrouping2: true, percentSuffix: "%", currencyAfter: true, dates: &plDates},
	"hu": {lang: "hu", minGrouping2: true, percentSuffix: "%", currencyAfter: true, dates: &huDates},
}

// resolved is a requested locale matched to what is covered.
type resolved struct {
	tag string // what resolvedOptions().locale says: the request, canonical, or DefaultLocale
	lt  language.Tag
	loc *locale
}

// englishGB are the English regions that write dates day first, 24-hour (en-GB's data).
var englishGB = map[string]bool{"GB": true, "IE": true, "AU": true, "NZ": true, "IN": true, "ZA": true}

// resolveLocale picks the first of locales (undefined, a string or an array of them)
// that is covered; an invalid tag throws a RangeError as in Node.
func resolveLocale(vm *goja.Runtime, v goja.Value) resolved {
	var list []string
	switch {
	case v == nil || goja.IsUndefined(v):
	case goja.IsString(v):
		list = []string{v.String()}
	default:
		o := v.ToObject(vm)
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n && i < 100; i++ {
			e := o.Get(itoa(i))
			if !goja.IsString(e) {
				panic(vm.NewTypeError("Intl: a locale must be a string, got " + e.String()))
			}
			list = append(list, e.String())
		}
	}
	for _, s := range list {
		t, err := language.Parse(s)
		if err != nil || strings.ContainsAny(s, " _") {
			panic(rangeError(vm, "Incorrect locale information provided"))
		}
		base, _ := t.Base()
		if loc := locales[base.String()]; loc != nil {
			r := resolved{tag: t.String(), lt: t, loc: loc}
			if loc.lang == "en" {
				if reg, conf := t.Region(); conf == language.Exact && englishGB[reg.String()] {
					d := enGBDates
					l := *loc
					l.dates = &d
					r.loc = &l
				}
			}
			return r
		}
	}
	return resolved{tag: DefaultLocale, lt: language.AmericanEnglish, loc: locales["en"]}
}

// supported returns the locales of v that are covered, as supportedLocalesOf does.
func supported(vm *goja.Runtime, v goja.Value) []string {
	out := []string{}
	if v == nil || goja.IsUndefined(v) {
		return out
	}
	var list []goja.Value
	if goja.IsString(v) {
		list = []goja.Value{v}
	} else {
		o := v.ToObject(vm)
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n && i < 100; i++ {
			list = append(list, o.Get(itoa(i)))
		}
	}
	for _, e := range list {
		r := resolveLocale(vm, e)
		if r.tag != DefaultLocale || strings.EqualFold(e.String(), DefaultLocale) {
			out = append(out, r.tag)
		}
	}
	return out
}

func rangeError(vm *goja.Runtime, msg string) *goja.Object {
	ctor, _ := goja.AssertConstructor(vm.Get("RangeError"))
	o, err := ctor(nil, vm.ToValue(msg))
	if err != nil {
		return vm.NewGoError(err)
	}
	return o
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}
