package repl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/mattn/go-runewidth"
)

// Response summary limits.
const (
	summaryRows     = 10  // records shown in the table
	summaryWidth    = 120 // the table's width budget, in terminal columns
	summaryCellMax  = 28  // a cell's width before it is cut with "…"
	summaryMinCells = 2   // columns always shown, however wide
)

// ANSI styles used by the REPL's own output (inspect output has its own).
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[90m"
	ansiGreen = "\x1b[32m"
	ansiRed   = "\x1b[31m"
)

func style(on bool, code, s string) string {
	if !on {
		return s
	}
	return code + s + ansiReset
}

// IsResponse reports whether v is a daktela Response, by the marker every Response
// carries: a getHttpStatus method and a data property. It is how the REPL decides to
// print a summary instead of the inspected object.
func IsResponse(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	var is bool
	tryJS(nil, func() {
		_, isFn := goja.AssertFunction(o.Get("getHttpStatus"))
		is = isFn && hasProperty(o, "data")
	})
	return is
}

func hasProperty(o *goja.Object, name string) bool {
	for p := o; p != nil; p = p.Prototype() {
		for _, k := range p.GetOwnPropertyNames() {
			if k == name {
				return true
			}
		}
	}
	return false
}

// FormatResponse renders a Response as a compact summary: the HTTP status, the total,
// and a table of the first records (the columns that fit, long values cut), with a
// note on what was left out. name is how the user can reach the whole response ("_").
// It must run on the runtime's goroutine.
func FormatResponse(vm *goja.Runtime, res *goja.Object, color bool, name string) string {
	call := func(method string) goja.Value {
		var v goja.Value = goja.Undefined()
		tryJS(vm, func() {
			if fn, ok := goja.AssertFunction(res.Get(method)); ok {
				if r, err := fn(res); err == nil {
					v = r
				}
			}
		})
		return v
	}
	var b strings.Builder
	status := call("getHttpStatus").ToInteger()
	statusText := strconv.FormatInt(status, 10)
	if status >= 200 && status < 300 {
		statusText = style(color, ansiGreen, statusText)
	} else {
		statusText = style(color, ansiRed, statusText)
	}
	b.WriteString(style(color, ansiBold, "Response") + " " + statusText)
	if call("isDryRun").ToBoolean() {
		b.WriteString(" (dry run)")
	}
	data := call("getData")
	rows, length, isList := arrayItems(vm, data, summaryRows)
	if total := call("getTotal"); isList && !goja.IsUndefined(total) && !goja.IsNull(total) {
		b.WriteString(" · total " + total.String())
	}
	switch {
	case isList && length == 0:
		b.WriteString(" · no records")
	case isList:
		fmt.Fprintf(&b, " · %d of %d records shown", len(rows), length)
		b.WriteString("\n")
		b.WriteString(recordTable(vm, rows, color))
	default:
		if o, ok := data.(*goja.Object); ok {
			b.WriteString(" · one record\n")
			b.WriteString(fieldTable(vm, o, color))
		}
	}
	if call("hasErrors").ToBoolean() {
		b.WriteString("\n" + style(color, ansiRed, "error: "+call("getFirstError").String()))
	}
	b.WriteString("\n" + style(color, ansiDim, "(all of it: "+name+".data, "+name+".getTotal(), "+name+".getErrors())"))
	return b.String()
}

// fieldTable renders one record as a table of its fields and values.
func fieldTable(vm *goja.Runtime, rec *goja.Object, color bool) string {
	var table [][]string
	widths := []int{len("field"), len("value")}
	tryJS(vm, func() {
		for _, k := range rec.Keys() {
			v := cellText(vm, rec.Get(k))
			table = append(table, []string{k, v})
			widths[0] = max(widths[0], runewidth.StringWidth(k))
			widths[1] = max(widths[1], runewidth.StringWidth(v))
		}
	})
	widths[0] = min(widths[0], summaryCellMax)
	widths[1] = min(widths[1], summaryWidth-widths[0]-7)
	return drawTable([]string{"field", "value"}, widths, table, color)
}

// arrayItems returns the first (at most limit) elements of a JS array and its length;
// isList is false for anything else.
func arrayItems(vm *goja.Runtime, v goja.Value, limit int) (items []goja.Value, length int, isList bool) {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Array" {
		return nil, 0, false
	}
	tryJS(vm, func() {
		length = int(o.Get("length").ToInteger())
		n := min(length, limit)
		items = make([]goja.Value, 0, n)
		for i := 0; i < n; i++ {
			items = append(items, o.Get(strconv.Itoa(i)))
		}
	})
	return items, length, true
}

// recordTable renders records as a table: "#" and as many of the records' keys (in
// the order first seen) as fit in summaryWidth; the keys left out are named below it.
func recordTable(vm *goja.Runtime, rows []goja.Value, color bool) string {
	var keys []string
	seen := map[string]bool{}
	cells := make([]map[string]string, len(rows))
	for i, r := range rows {
		cells[i] = map[string]string{}
		o, ok := r.(*goja.Object)
		if !ok {
			cells[i][""] = cellText(vm, r)
			continue
		}
		tryJS(vm, func() {
			for _, k := range o.Keys() {
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
				cells[i][k] = cellText(vm, o.Get(k))
			}
		})
	}
	head := []string{"#"}
	widths := []int{len(strconv.Itoa(len(rows) - 1))}
	used := widths[0] + 4
	var hidden []string
	for _, k := range keys {
		w := runewidth.StringWidth(k)
		for _, c := range cells {
			w = max(w, runewidth.StringWidth(c[k]))
		}
		w = min(w, summaryCellMax)
		if len(head) > summaryMinCells && used+w+3 > summaryWidth {
			hidden = append(hidden, k)
			continue
		}
		head = append(head, k)
		widths = append(widths, w)
		used += w + 3
	}
	if len(keys) == 0 {
		head = append(head, "value")
		widths = append(widths, 0)
		for _, c := range cells {
			widths[1] = min(max(widths[1], runewidth.StringWidth(c[""]), 5), summaryCellMax)
		}
	}
	table := make([][]string, len(rows))
	for i, c := range cells {
		line := []string{strconv.Itoa(i)}
		for _, k := range head[1:] {
			if len(keys) == 0 {
				k = ""
			}
			line = append(line, c[k])
		}
		table[i] = line
	}
	out := drawTable(head, widths, table, color)
	if len(hidden) > 0 {
		var note strings.Builder
		wrapWords(&note, fmt.Sprintf("+ %d more field%s: ", len(hidden), plural(len(hidden))), hidden, ", ", summaryWidth)
		out += "\n" + style(color, ansiDim, strings.TrimSuffix(note.String(), "\n"))
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// cellText is a record value as one short line: strings as they are, an expanded
// relation by its title or name, arrays by their length.
func cellText(vm *goja.Runtime, v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return ""
	case goja.IsNull(v):
		return "null"
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return oneLine(v.String())
	}
	if o.ClassName() == "Array" {
		n := o.Get("length").ToInteger()
		if n == 0 {
			return "[]"
		}
		return "[" + strconv.FormatInt(n, 10) + "]"
	}
	for _, k := range []string{"title", "name"} {
		if t := o.Get(k); t != nil && goja.IsString(t) && t.String() != "" {
			return oneLine(t.String())
		}
	}
	if len(o.Keys()) == 0 {
		return "{}"
	}
	return "{…}"
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to w terminal columns, ending with "…" when it was cut.
func truncate(s string, w int) string {
	if runewidth.StringWidth(s) <= w {
		return s
	}
	return runewidth.Truncate(s, w, "…")
}

// drawTable draws a box table as console.table does.
func drawTable(head []string, widths []int, rows [][]string, color bool) string {
	var b strings.Builder
	rule := func(l, m, r string) {
		var s strings.Builder
		s.WriteString(l)
		for i, w := range widths {
			if i > 0 {
				s.WriteString(m)
			}
			s.WriteString(strings.Repeat("─", w+2))
		}
		s.WriteString(r)
		b.WriteString(style(color, ansiDim, s.String()))
		b.WriteByte('\n')
	}
	line := func(cells []string, bold bool) {
		bar := style(color, ansiDim, "│")
		b.WriteString(bar)
		for i, w := range widths {
			c := ""
			if i < len(cells) {
				c = truncate(cells[i], w)
			}
			pad := strings.Repeat(" ", w-runewidth.StringWidth(c))
			if bold {
				c = style(color, ansiBold, c)
			}
			b.WriteString(" " + c + pad + " " + bar)
		}
		b.WriteByte('\n')
	}
	rule("┌", "┬", "┐")
	line(head, true)
	rule("├", "┼", "┤")
	for _, r := range rows {
		line(r, false)
	}
	rule("└", "┴", "┘")
	return strings.TrimSuffix(b.String(), "\n")
}
