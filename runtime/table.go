package runtime

import (
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// consoleTable renders data as Node's console.table does (left-aligned cells, as in
// current Node): an "(index)" column, one column per property of the rows, and a
// "Values" column for rows that are not objects. columns, when an array, picks the
// property columns.
func (r *Runtime) consoleTable(data, columns goja.Value) string {
	obj, ok := data.(*goja.Object)
	if !ok {
		return r.formatArgs([]goja.Value{data}, r.consoleInspect())
	}
	cell := func(v goja.Value) string {
		depth := 0
		if o, ok := v.(*goja.Object); ok && o.ClassName() != "Array" && len(o.Keys()) > 2 {
			depth = -1
		}
		opts := inspectOptions{depth: depth, breakLength: 1 << 30, maxArrayLength: 3, colors: false}
		if depth < 0 {
			// Node's depth -1: the object itself collapses to [Object].
			return r.inspectCollapsed(v, opts)
		}
		return r.inspect(v, opts)
	}

	type row struct {
		index  string
		values map[string]string
		value  *string
	}
	var (
		rows     []row
		keys     []string
		seenKey  = map[string]bool{}
		hasValue bool
	)
	var filter []string
	if co, ok := columns.(*goja.Object); ok && co.ClassName() == "Array" {
		for _, v := range firstValues(co, bindings.ArrayLength(r.vm, co, "console.table: columns")) {
			filter = append(filter, v.String())
		}
	}
	addRow := func(index string, v goja.Value) {
		rw := row{index: index, values: map[string]string{}}
		if o, ok := v.(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(o); !isFn {
				for _, k := range o.Keys() {
					if !seenKey[k] {
						seenKey[k] = true
						keys = append(keys, k)
					}
					rw.values[k] = cell(o.Get(k))
				}
				rows = append(rows, rw)
				return
			}
		}
		s := cell(v)
		rw.value = &s
		hasValue = true
		rows = append(rows, rw)
	}
	indexHeader := "(index)"
	tag, _, _, size, _ := (&inspector{r: r}).describe(obj)
	switch {
	case obj.ClassName() == "Array":
		for i, v := range firstValues(obj, bindings.ArrayLength(r.vm, obj, "console.table: data")) {
			addRow(strconv.Itoa(i), v)
		}
	case tag == "Map" || tag == "Set":
		indexHeader = "(iteration index)"
		in := &inspector{r: r}
		vals := arrayValues(in.call(in.helpers().entries, obj, r.vm.ToValue(tag == "Map"), r.vm.ToValue(size)).(*goja.Object))
		if tag == "Map" {
			keys = []string{"Key"}
			seenKey["Key"] = true
			for i := 0; i+1 < len(vals); i += 2 {
				rows = append(rows, row{index: strconv.Itoa(i / 2), values: map[string]string{"Key": cell(vals[i])}})
				s := cell(vals[i+1])
				rows[len(rows)-1].value = &s
				hasValue = true
			}
		} else {
			for i, v := range vals {
				s := cell(v)
				rows = append(rows, row{index: strconv.Itoa(i), values: map[string]string{}, value: &s})
				hasValue = true
			}
		}
	default:
		for _, k := range obj.Keys() {
			addRow(k, obj.Get(k))
		}
	}
	if filter != nil {
		keys = filter
	}
	head := append([]string{indexHeader}, keys...)
	if hasValue {
		head = append(head, "Values")
	}
	table := make([][]string, len(rows))
	for i, rw := range rows {
		line := []string{rw.index}
		for _, k := range keys {
			line = append(line, rw.values[k])
		}
		if hasValue {
			v := ""
			if rw.value != nil {
				v = *rw.value
			}
			line = append(line, v)
		}
		table[i] = line
	}
	return renderTable(head, table)
}

// inspectCollapsed prints an object as Node does at depth -1: [Object], [Array], ...
func (r *Runtime) inspectCollapsed(v goja.Value, opts inspectOptions) string {
	in := &inspector{r: r, opts: opts.withDefaults()}
	in.opts.depth = 0
	return in.formatRaw(v.(*goja.Object), 1)
}

func renderTable(head []string, rows [][]string) string {
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = visibleLen(h)
	}
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], visibleLen(c))
		}
	}
	var b strings.Builder
	rule := func(l, m, r string) {
		b.WriteString(l)
		for i, w := range widths {
			if i > 0 {
				b.WriteString(m)
			}
			b.WriteString(strings.Repeat("─", w+2))
		}
		b.WriteString(r)
		b.WriteByte('\n')
	}
	line := func(cells []string) {
		b.WriteString("│")
		for i, w := range widths {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			b.WriteString(" ")
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", w-visibleLen(c)))
			b.WriteString(" │")
		}
		b.WriteByte('\n')
	}
	rule("┌", "┬", "┐")
	line(head)
	rule("├", "┼", "┤")
	for _, row := range rows {
		line(row)
	}
	rule("└", "┴", "┘")
	return strings.TrimSuffix(b.String(), "\n")
}
