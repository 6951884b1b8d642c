package jsintl

import (
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// dateFormat is a resolved Intl.DateTimeFormat: one pattern and a time zone.
type dateFormat struct {
	loc       resolved
	zone      *time.Location
	zoneName  string
	pattern   string // the date part, or the only one
	join      string // between pattern and timePart when both are shown
	timePart  string
	dateStyle string
	timeStyle string
	fields    map[string]string // the component options, for resolvedOptions
}

// componentOptions are the options that name parts of a date, in skeleton order, with
// the skeleton letters of their values.
var componentOptions = []struct {
	name   string
	values map[string]string
}{
	{"weekday", map[string]string{"long": "EEEE"}},
	{"year", map[string]string{"numeric": "y"}},
	{"month", map[string]string{"numeric": "M", "2-digit": "MM", "short": "MMM", "long": "MMMM"}},
	{"day", map[string]string{"numeric": "d", "2-digit": "dd"}},
	{"hour", map[string]string{"2-digit": "HH"}},
	{"minute", map[string]string{"2-digit": "mm"}},
}

// unsupportedOptions are options of Intl.DateTimeFormat this package does not cover.
var unsupportedOptions = []string{"era", "second", "timeZoneName", "fractionalSecondDigits", "dayPeriod", "hour12", "hourCycle"}

// newDateFormat resolves locales and options; defaults says which parts a call without
// dateStyle, timeStyle or components shows: "date", "time" or "all" (toLocaleString),
// as the method's defaults do.
func newDateFormat(vm *goja.Runtime, locales, options goja.Value, defaults string, local *time.Location) *dateFormat {
	const what = "Intl.DateTimeFormat"
	o := optionsObject(vm, what, options)
	if local == nil {
		local = time.Local
	}
	f := &dateFormat{loc: resolveLocale(vm, locales), zone: local, fields: map[string]string{}}
	data := f.loc.loc.dates
	if tz := o.Get("timeZone"); isSet(tz) {
		name := tz.String()
		z, err := loadZone(name)
		if err != nil {
			panic(rangeError(vm, "Invalid time zone specified: "+name))
		}
		f.zone, f.zoneName = z, canonicalZone(name, z)
	} else {
		f.zoneName = canonicalZone(local.String(), local)
	}
	for _, name := range unsupportedOptions {
		if isSet(o.Get(name)) {
			panic(rangeError(vm, what+": the option "+name+" is not covered here (covered: dateStyle, timeStyle, timeZone, and weekday, year, month, day, hour, minute in the combinations the docs list)"))
		}
	}
	f.dateStyle = stringOption(vm, o, "dateStyle", []string{"short", "medium", "long", "full"}, "", what)
	f.timeStyle = stringOption(vm, o, "timeStyle", []string{"short", "medium"}, "", what)
	var skeleton strings.Builder
	for _, c := range componentOptions {
		v := o.Get(c.name)
		if !isSet(v) {
			continue
		}
		letters, ok := c.values[v.String()]
		if !ok {
			panic(rangeError(vm, what+": "+c.name+": \""+v.String()+"\" is not covered here (covered: "+strings.Join(slices.Sorted(maps.Keys(c.values)), ", ")+")"))
		}
		skeleton.WriteString(letters)
		f.fields[c.name] = v.String()
	}
	if skeleton.Len() > 0 {
		if f.dateStyle != "" || f.timeStyle != "" {
			panic(vm.NewTypeError("Can't set option " + firstKey(f.fields) + " when dateStyle or timeStyle is used"))
		}
		p, ok := skeletonPattern(data, skeleton.String())
		if !ok {
			panic(rangeError(vm, what+": the combination of options "+describeFields(f.fields)+" is not covered here; use dateStyle and timeStyle, or one of the combinations the docs list"))
		}
		f.pattern = p
		return f
	}
	switch {
	case f.dateStyle != "" && f.timeStyle != "":
		f.pattern, f.join, f.timePart = data.date[f.dateStyle], data.join[f.dateStyle], data.time[f.timeStyle]
	case f.dateStyle != "":
		f.pattern = data.date[f.dateStyle]
	case f.timeStyle != "":
		f.pattern = data.time[f.timeStyle]
	case defaults == "time":
		f.pattern = data.time["default"]
		f.fields = map[string]string{"hour": "numeric", "minute": "2-digit", "second": "2-digit"}
	case defaults == "all":
		f.pattern, f.join, f.timePart = data.date["default"], data.join["default"], data.time["default"]
		f.fields = map[string]string{"year": "numeric", "month": "numeric", "day": "numeric", "hour": "numeric", "minute": "2-digit", "second": "2-digit"}
	default:
		f.pattern = data.date["default"]
		f.fields = map[string]string{"year": "numeric", "month": "numeric", "day": "numeric"}
	}
	if f.fields["month"] == "numeric" && strings.Contains(f.pattern, "MM") {
		f.fields["month"] = "2-digit" // the locale writes the default date "05/01/2026"
	}
	if f.fields["day"] == "numeric" && strings.Contains(f.pattern, "dd") {
		f.fields["day"] = "2-digit"
	}
	return f
}

// skeletonPattern returns the pattern of a set of component options.
func skeletonPattern(data *dateData, s string) (string, bool) {
	switch s {
	case "yMd":
		return data.date["default"], true
	case "yMMMMd":
		return data.date["long"], true
	case "EEEEyMMMMd":
		return data.date["full"], true
	case "EEEE":
		return "EEEE", true
	}
	p, ok := data.skeletons[s]
	return p, ok
}

// loadZone loads an IANA zone; "UTC" and "GMT" in any case.
func loadZone(name string) (*time.Location, error) {
	switch strings.ToUpper(name) {
	case "UTC", "GMT", "ETC/UTC", "ETC/GMT":
		return time.UTC, nil
	}
	return time.LoadLocation(name)
}

// canonicalZone is the name resolvedOptions gives the zone z loaded as name.
func canonicalZone(name string, z *time.Location) string {
	switch {
	case z == time.UTC:
		return "UTC"
	case name == "Local" || name == "":
		if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" {
			return tz
		}
		return "UTC"
	}
	return name
}

// resolvedOptions is what resolvedOptions() returns.
func (f *dateFormat) resolvedOptions(vm *goja.Runtime) *goja.Object {
	o := vm.NewObject()
	_ = o.Set("locale", f.loc.tag)
	_ = o.Set("calendar", "gregory")
	_ = o.Set("numberingSystem", "latn")
	_ = o.Set("timeZone", f.zoneName)
	if f.dateStyle != "" {
		_ = o.Set("dateStyle", f.dateStyle)
	}
	if f.timeStyle != "" {
		_ = o.Set("timeStyle", f.timeStyle)
	}
	for _, c := range []string{"weekday", "year", "month", "day", "hour", "minute", "second"} {
		if v, ok := f.fields[c]; ok {
			_ = o.Set(c, v)
		}
	}
	return o
}

// format formats the instant ms (milliseconds since 1970); NaN throws a RangeError.
func (f *dateFormat) format(vm *goja.Runtime, ms float64) string {
	if math.IsNaN(ms) || math.IsInf(ms, 0) || math.Abs(ms) > 8.64e15 {
		panic(rangeError(vm, "Invalid time value"))
	}
	t := time.UnixMilli(int64(ms)).In(f.zone)
	s := formatPattern(f.loc.loc.dates, f.pattern, t)
	if f.timePart != "" {
		s += f.join + formatPattern(f.loc.loc.dates, f.timePart, t)
	}
	return s
}

// formatPattern prints t by a CLDR pattern (see dateData).
func formatPattern(d *dateData, p string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		c := p[i]
		n := 1
		for i+n < len(p) && p[i+n] == c {
			n++
		}
		switch c {
		case 'd':
			b.WriteString(pad(t.Day(), n))
		case 'M':
			switch {
			case n >= 4:
				b.WriteString(d.months[t.Month()-1])
			case n == 3:
				b.WriteString(d.monthsShort[t.Month()-1])
			default:
				b.WriteString(pad(int(t.Month()), n))
			}
		case 'L':
			b.WriteString(d.monthsStandalone[t.Month()-1])
		case 'y':
			if n == 2 {
				b.WriteString(pad(t.Year()%100, 2))
			} else {
				b.WriteString(strconv.Itoa(t.Year()))
			}
		case 'E':
			b.WriteString(d.weekdays[t.Weekday()])
		case 'H':
			b.WriteString(pad(t.Hour(), n))
		case 'h':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			b.WriteString(pad(h, n))
		case 'm':
			b.WriteString(pad(t.Minute(), n))
		case 's':
			b.WriteString(pad(t.Second(), n))
		case 'a':
			if t.Hour() < 12 {
				b.WriteString(d.am)
			} else {
				b.WriteString(d.pm)
			}
		default:
			b.WriteString(p[i : i+n])
		}
		i += n
	}
	return b.String()
}

func pad(v, n int) string {
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

func firstKey(m map[string]string) string {
	for _, c := range componentOptions {
		if _, ok := m[c.name]; ok {
			return c.name
		}
	}
	return ""
}

func describeFields(m map[string]string) string {
	var parts []string
	for _, c := range componentOptions {
		if v, ok := m[c.name]; ok {
			parts = append(parts, c.name+": \""+v+"\"")
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
