package jsintl

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/dop251/goja"
	"golang.org/x/text/currency"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// numberFormat is a resolved Intl.NumberFormat.
type numberFormat struct {
	loc             resolved
	style           string // decimal, percent, currency
	currency        string // ISO code, upper case
	currencyDisplay string // symbol, narrowSymbol, code
	minInt          int
	minFrac         int
	maxFrac         int
	grouping        bool
	printer         *message.Printer
	symbol          string // the currency as displayed
}

// currencyDigits are the fraction digits where ICU (and so Node) differs from the CLDR
// standard digits golang.org/x/text reports.
var currencyDigits = map[string]int{"HUF": 0, "TWD": 0}

// newNumberFormat resolves locales and options as Intl.NumberFormat does.
func newNumberFormat(vm *goja.Runtime, locales, options goja.Value) *numberFormat {
	o := optionsObject(vm, "Intl.NumberFormat", options)
	f := &numberFormat{loc: resolveLocale(vm, locales), grouping: true}
	f.printer = message.NewPrinter(f.loc.lt)
	f.style = stringOption(vm, o, "style", []string{"decimal", "percent", "currency"}, "decimal", "Intl.NumberFormat")
	cur := o.Get("currency")
	if cur != nil && !goja.IsUndefined(cur) {
		code := cur.String()
		if len(code) != 3 || strings.IndexFunc(code, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) >= 0 {
			panic(rangeError(vm, "Invalid currency code : "+code))
		}
		f.currency = strings.ToUpper(code)
	}
	f.currencyDisplay = stringOption(vm, o, "currencyDisplay", []string{"symbol", "narrowSymbol", "code"}, "symbol", "Intl.NumberFormat")
	cd := 2
	if f.style == "currency" {
		if f.currency == "" {
			panic(vm.NewTypeError("Currency code is required with currency style."))
		}
		unit, err := currency.ParseISO(f.currency)
		if err == nil {
			cd, _ = currency.Standard.Rounding(unit)
			switch f.currencyDisplay {
			case "symbol":
				f.symbol = f.printer.Sprint(currency.Symbol(unit))
			case "narrowSymbol":
				f.symbol = f.printer.Sprint(currency.NarrowSymbol(unit))
			}
		}
		if d, ok := currencyDigits[f.currency]; ok {
			cd = d
		}
		if f.symbol == "" {
			f.symbol = f.currency
		}
	}
	f.minInt = intOption(vm, o, "minimumIntegerDigits", 1, 21, 1)
	minDefault, maxDefault := 0, 3
	switch f.style {
	case "percent":
		maxDefault = 0
	case "currency":
		minDefault, maxDefault = cd, cd
	}
	minSet := isSet(o.Get("minimumFractionDigits"))
	maxSet := isSet(o.Get("maximumFractionDigits"))
	f.minFrac = intOption(vm, o, "minimumFractionDigits", 0, 20, minDefault)
	f.maxFrac = intOption(vm, o, "maximumFractionDigits", 0, 20, max(maxDefault, f.minFrac))
	switch {
	case minSet && maxSet && f.minFrac > f.maxFrac:
		panic(rangeError(vm, "maximumFractionDigits value is out of range."))
	case !minSet && f.minFrac > f.maxFrac:
		f.minFrac = f.maxFrac
	}
	if g := o.Get("useGrouping"); isSet(g) {
		f.grouping = g.ToBoolean() || g.String() == "auto" || g.String() == "always" || g.String() == "min2"
	}
	return f
}

// resolvedOptions is what resolvedOptions() returns.
func (f *numberFormat) resolvedOptions(vm *goja.Runtime) *goja.Object {
	o := vm.NewObject()
	_ = o.Set("locale", f.loc.tag)
	_ = o.Set("numberingSystem", "latn")
	_ = o.Set("style", f.style)
	if f.style == "currency" {
		_ = o.Set("currency", f.currency)
		_ = o.Set("currencyDisplay", f.currencyDisplay)
		_ = o.Set("currencySign", "standard")
	}
	_ = o.Set("minimumIntegerDigits", f.minInt)
	_ = o.Set("minimumFractionDigits", f.minFrac)
	_ = o.Set("maximumFractionDigits", f.maxFrac)
	if f.grouping {
		_ = o.Set("useGrouping", "auto")
	} else {
		_ = o.Set("useGrouping", false)
	}
	_ = o.Set("notation", "standard")
	_ = o.Set("signDisplay", "auto")
	_ = o.Set("roundingMode", "halfExpand")
	_ = o.Set("roundingIncrement", 1)
	_ = o.Set("trailingZeroDisplay", "auto")
	_ = o.Set("roundingPriority", "auto")
	return o
}

// format formats x.
func (f *numberFormat) format(x float64) string {
	neg := math.Signbit(x)
	var body string
	switch {
	case math.IsNaN(x):
		neg, body = false, "NaN"
	case math.IsInf(x, 0):
		body = "∞"
	default:
		digits := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
		if f.style == "percent" {
			digits = shiftPoint(digits, 2)
		}
		digits = roundHalfExpand(digits, f.maxFrac)
		body = f.digits(digits)
	}
	sign := ""
	if neg {
		sign = "-"
	}
	switch f.style {
	case "percent":
		return sign + body + f.loc.loc.percentSuffix
	case "currency":
		if f.loc.loc.currencyAfter {
			return sign + body + "\u00a0" + f.symbol
		}
		sep := ""
		if r := []rune(f.symbol); len(r) > 0 && unicode.IsLetter(r[len(r)-1]) {
			sep = "\u00a0" // CLDR's currency spacing: "CZK 1,234.50", "$1,234.50"
		}
		return sign + f.symbol + sep + body
	}
	return sign + body
}

// digits formats the non-negative decimal string d (already rounded) with the locale's
// separators, through golang.org/x/text.
func (f *numberFormat) digits(d string) string {
	v, err := strconv.ParseFloat(d, 64)
	if err != nil {
		return d
	}
	intDigits := len(strings.SplitN(d, ".", 2)[0])
	opts := []number.Option{number.MinFractionDigits(f.minFrac), number.MaxFractionDigits(f.maxFrac), number.MinIntegerDigits(f.minInt)}
	if !f.grouping || (f.loc.loc.minGrouping2 && max(intDigits, f.minInt) < 5) {
		opts = append(opts, number.NoSeparator())
	}
	return f.printer.Sprint(number.Decimal(v, opts...))
}

// shiftPoint multiplies the decimal string d by 10^n.
func shiftPoint(d string, n int) string {
	ip, fp, _ := strings.Cut(d, ".")
	for n > 0 {
		if fp == "" {
			ip += "0"
		} else {
			ip, fp = ip+fp[:1], fp[1:]
		}
		n--
	}
	ip = strings.TrimLeft(ip, "0")
	if ip == "" {
		ip = "0"
	}
	if fp == "" {
		return ip
	}
	return ip + "." + fp
}

// roundHalfExpand rounds the non-negative decimal string d to at most frac fraction
// digits, halves away from zero (Intl's default roundingMode).
func roundHalfExpand(d string, frac int) string {
	ip, fp, _ := strings.Cut(d, ".")
	if len(fp) <= frac {
		return d
	}
	up := fp[frac] >= '5'
	keep := []byte(ip + fp[:frac])
	if up {
		i := len(keep) - 1
		for ; i >= 0; i-- {
			if keep[i] == '9' {
				keep[i] = '0'
				continue
			}
			keep[i]++
			break
		}
		if i < 0 {
			keep = append([]byte{'1'}, keep...)
		}
	}
	s := string(keep)
	ipLen := len(s) - frac
	if frac == 0 {
		return s
	}
	return s[:ipLen] + "." + s[ipLen:]
}

func isSet(v goja.Value) bool { return v != nil && !goja.IsUndefined(v) }

// optionsObject returns options as an object (undefined: an empty one).
func optionsObject(vm *goja.Runtime, what string, options goja.Value) *goja.Object {
	if !isSet(options) {
		return vm.NewObject()
	}
	if goja.IsNull(options) {
		panic(vm.NewTypeError(what + ": options must be an object, got null"))
	}
	return options.ToObject(vm)
}

// stringOption reads one of allowed, or def when unset.
func stringOption(vm *goja.Runtime, o *goja.Object, name string, allowed []string, def, what string) string {
	v := o.Get(name)
	if !isSet(v) {
		return def
	}
	s := v.String()
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	panic(rangeError(vm, "Value "+s+" out of range for "+what+" options property "+name+" (covered here: "+strings.Join(allowed, ", ")+")"))
}

// intOption reads an integer from lo to hi, or def when unset.
func intOption(vm *goja.Runtime, o *goja.Object, name string, lo, hi, def int) int {
	v := o.Get(name)
	if !isSet(v) {
		return def
	}
	f := v.ToFloat()
	if math.IsNaN(f) || f < float64(lo) || f > float64(hi) {
		panic(rangeError(vm, name+" value is out of range."))
	}
	return int(math.Floor(f))
}
