package daktela

import (
	"encoding/json"
	"strconv"
	"testing"
)

// fuzzBytes hands out the fuzzer's bytes one decision at a time (0 once used up).
type fuzzBytes struct{ b []byte }

func (f *fuzzBytes) next() int {
	if len(f.b) == 0 {
		return 0
	}
	c := f.b[0]
	f.b = f.b[1:]
	return int(c)
}

// phpFilters is the PHP connector's filter array, kept with the same rules as its
// ReadRequest::appendFilterGroup, written here independently of the package's encoder:
// the oracle the round trip is checked against.
type phpFilters struct{ top *phpArray }

func phpList(items []any) *phpArray {
	a := newPHPArray()
	for i, it := range items {
		a.set(strconv.Itoa(i), it)
	}
	return a
}

func phpCondition(field, op string, value any) *phpArray {
	a := newPHPArray()
	a.set("field", field)
	a.set("operator", op)
	switch v := value.(type) {
	case string:
		a.set("value", v)
	case []string:
		items := make([]any, len(v))
		for i, s := range v {
			items[i] = s
		}
		a.set("value", phpList(items))
	}
	return a
}

func phpGroup(logic string, items []any) *phpArray {
	a := newPHPArray()
	a.set("logic", logic)
	a.set("filters", phpList(items))
	return a
}

func (p *phpFilters) appendGroup(logic string, items []any) {
	if len(items) == 0 {
		return
	}
	if p.top == nil {
		p.top = newPHPArray()
		p.top.set("filters", phpList(items))
		p.top.set("logic", logic)
		return
	}
	if p.top.get("logic") != "and" {
		p.top = phpGroup("and", []any{phpGroup(p.top.get("logic").(string), p.top.get("filters").(*phpArray).items())})
	}
	filters := p.top.get("filters").(*phpArray)
	if logic == "and" {
		for _, it := range items {
			filters.set(strconv.Itoa(len(filters.keys)), it)
		}
	} else {
		filters.set(strconv.Itoa(len(filters.keys)), phpGroup(logic, items))
	}
}

func (a *phpArray) items() []any {
	out := make([]any, len(a.keys))
	for i, k := range a.keys {
		out[i] = a.vals[k]
	}
	return out
}

// FuzzQueryEncoding builds read requests with random filters (conditions, in-lists,
// nested and/or groups, added one by one or from arrays), sorts, fields, extra
// parameters, skip and take, whose strings come from the fuzzer; encodes them; decodes
// the query PHP-style; and checks the result is the PHP array the PHP connector would
// have built.
func FuzzQueryEncoding(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 1, 1, 2, 3}, "username", "admin", "a b+c&d=e[f]")
	f.Add([]byte{3, 3, 1, 2, 7, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, "created", "2020-11-01 00:00:00", "ěšč%00\x00")
	f.Fuzz(func(t *testing.T, data []byte, s1, s2, s3 string) {
		fb := &fuzzBytes{b: data}
		pool := []string{s1, s2, s3, "x", "", "a b", "%5B", "+", "ž"}
		str := func() string { return pool[fb.next()%len(pool)] }
		field := func() string {
			if s := str(); s != "" {
				return s
			}
			return "f"
		}
		ops := Operators()
		req := BuildReadRequest("CampaignsRecords")
		var want phpFilters

		// condition returns the JS-style item, the Filter and the PHP array for one
		// random condition.
		condition := func() (any, *phpArray) {
			fl, op := field(), ops[fb.next()%len(ops)]
			switch operatorKinds[op] {
			case opList:
				n := 1 + fb.next()%3
				vals, items := make([]string, n), make([]any, n)
				for i := range vals {
					if fb.next()%2 == 0 {
						vals[i] = str()
						items[i] = vals[i]
					} else {
						k := int64(fb.next()) - 100
						vals[i] = strconv.FormatInt(k, 10)
						items[i] = k
					}
				}
				return []any{fl, op, items}, phpCondition(fl, op, vals)
			case opNoValue:
				return map[string]any{"field": fl, "operator": op}, phpCondition(fl, op, nil)
			}
			switch fb.next() % 3 {
			case 0:
				v := str()
				return map[string]any{"field": fl, "operator": op, "value": v}, phpCondition(fl, op, v)
			case 1:
				b := fb.next()%2 == 0
				v := "0"
				if b {
					v = "1"
				}
				return []any{fl, op, b}, phpCondition(fl, op, v)
			default:
				x := float64(fb.next()-128) / 8
				return []any{fl, op, x}, phpCondition(fl, op, phpFloatString(x))
			}
		}
		var group func(depth int) (any, *phpArray)
		group = func(depth int) (any, *phpArray) {
			logic := []string{"and", "or"}[fb.next()%2]
			n := 1 + fb.next()%3
			items, arrs := make([]any, n), make([]any, n)
			for i := 0; i < n; i++ {
				if depth < 3 && fb.next()%4 == 0 {
					items[i], arrs[i] = group(depth + 1)
				} else {
					var a *phpArray
					items[i], a = condition()
					arrs[i] = a
				}
			}
			return map[string]any{"logic": logic, "filters": items}, phpGroup(logic, arrs)
		}

		for n := fb.next() % 5; n > 0; n-- {
			switch fb.next() % 3 {
			case 0: // addFilter
				item, arr := condition()
				var fl, op string
				var v any
				switch x := item.(type) {
				case []any:
					fl, op, v = x[0].(string), x[1].(string), x[2]
				case map[string]any:
					fl, op, v = x["field"].(string), x["operator"].(string), x["value"]
				}
				req.AddFilter(fl, op, v)
				want.appendGroup("and", []any{arr})
			case 1: // addFilterFromArray with a list
				k := 1 + fb.next()%3
				items, arrs := make([]any, k), make([]any, k)
				for i := range items {
					if fb.next()%3 == 0 {
						items[i], arrs[i] = group(1)
					} else {
						var a *phpArray
						items[i], a = condition()
						arrs[i] = a
					}
				}
				req.AddFilterFromArray(items)
				want.appendGroup("and", arrs)
			default: // addFilterFromArray with a top-level group
				item, arr := group(1)
				req.AddFilterFromArray(item)
				want.appendGroup(arr.get("logic").(string), arr.get("filters").(*phpArray).items())
			}
		}
		var sorts []any
		for n := fb.next() % 3; n > 0; n-- {
			s := newPHPArray()
			fl, dir := field(), []string{"asc", "desc"}[fb.next()%2]
			s.set("field", fl)
			s.set("dir", dir)
			sorts = append(sorts, s)
			req.AddSort(fl, dir)
		}
		var fields []string
		var fieldItems []any
		for n := fb.next() % 4; n > 0; n-- {
			fl := str()
			fields = append(fields, fl)
			fieldItems = append(fieldItems, fl)
		}
		req.SetFields(fields)
		skip, take := fb.next()*7, 1+fb.next()*3
		req.SetSkip(skip).SetTake(take)

		exp := newPHPArray()
		for n := fb.next() % 3; n > 0; n-- {
			k, v := []string{"q", "search", "take"}[fb.next()%3], str()
			req.AddAdditionalQueryParameter(k, v)
			exp.set(k, v)
		}
		if err := req.Err(); err != nil {
			t.Fatalf("building: %v", err)
		}
		exp.set("skip", strconv.Itoa(skip))
		exp.set("take", strconv.Itoa(take))
		if want.top != nil {
			exp.set("filter", want.top)
		}
		if len(sorts) > 0 {
			exp.set("sort", phpList(sorts))
		}
		if len(fieldItems) > 0 {
			exp.set("fields", phpList(fieldItems))
		}

		w, err := req.wire()
		if err != nil {
			t.Fatalf("wire: %v", err)
		}
		got, err := decodePHPQuery(w.Query)
		if err != nil {
			t.Fatalf("decoding %q: %v", w.Query, err)
		}
		if got.String() != exp.String() {
			t.Fatalf("query %s\n got: %s\nwant: %s", w.Query, got, exp)
		}
	})
}

// FuzzParseFilterArray feeds any JSON to ParseFilterArray: it must never panic, and
// whatever it accepts must encode into a query the PHP-style decoder reads back.
func FuzzParseFilterArray(f *testing.F) {
	f.Add([]byte(`[["a","eq","1"],{"field":"b","operator":"in","value":[1,2]}]`))
	f.Add([]byte(`{"logic":"or","filters":[{"logic":"and","filters":[["a","isnull"]]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		filters, err := ParseFilterArray(v)
		req := BuildReadRequest("X").AddFilterFromArray(v)
		if (err == nil) != (req.Err() == nil) {
			t.Fatalf("ParseFilterArray error %v, AddFilterFromArray error %v", err, req.Err())
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if err := BuildReadRequest("X").AddFilters(filters...).Err(); err != nil {
			t.Fatalf("parsed filters do not check again: %v", err)
		}
		w, err := req.wire()
		if err != nil {
			t.Fatalf("wire: %v", err)
		}
		if _, err := decodePHPQuery(w.Query); err != nil {
			t.Fatalf("decoding %q: %v", w.Query, err)
		}
	})
}
