package daktela

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// filterItemWant is what one item of a filter array may be, for messages.
const filterItemWant = "a [field, operator, value] triplet, a {field, operator, value} map or a {logic, filters} group"

// ParseFilterArray parses filters given in any of the PHP connector's array forms (see
// [ReadRequest.AddFilterFromArray]) and returns them checked and normalised, as
// [ReadRequest.AddFilters] would take them. A top-level group whose logic is "or" comes
// back as a single group; the items of a list, or of an "and" group, come back one by one.
//
// Errors are [*ArgumentError] values that say which item is wrong, by its index path in
// the argument (e.g. "filter [1][filters][0] operator"), and why.
func ParseFilterArray(v any) ([]Filter, error) {
	logic, filters, err := parseFilterArray(v)
	if err != nil {
		return nil, err
	}
	if logic != "and" && len(filters) > 0 {
		return []Filter{{Logic: logic, Filters: filters}}, nil
	}
	return filters, nil
}

// ParseFilterGroup parses filters given in any of the PHP connector's array forms (see
// [ReadRequest.AddFilterFromArray]) into the one group PHP's normalizeFilterGroup makes of
// them: its Logic ("and" for a list, a condition or an "and" group; "or" for an "or"
// group) and its checked, normalised Filters. [ReadRequest.AddFilterGroup] adds it as
// addFilterFromArray would. Errors are as [ParseFilterArray]'s.
func ParseFilterGroup(v any) (Filter, error) {
	logic, filters, err := parseFilterArray(v)
	if err != nil {
		return Filter{}, err
	}
	return Filter{Logic: logic, Filters: filters}, nil
}

// parseFilterArray parses the argument of addFilterFromArray into the logic that combines
// its filters ("and" or "or") and the filters themselves, as PHP's normalizeFilterGroup:
//
//   - a list: each item is a condition or a nested group; logic "and";
//   - a map with "field": one condition;
//   - a map with "filters": a group, its logic from "logic" (default "and");
//   - a map with "logic" and integer keys ("0", "1", ...): a list with a logic, the form
//     PHP's ['logic' => 'or', [...], [...]] takes when it comes from JavaScript.
//
// Filter values (Go) are accepted as items too.
func parseFilterArray(v any) (logic string, filters []Filter, err error) {
	const method = "addFilterFromArray"
	switch x := v.(type) {
	case Filter:
		f := x
		if err := validateFilter(method, "", &f); err != nil {
			return "", nil, err
		}
		return "and", []Filter{f}, nil
	case []Filter:
		out := make([]Filter, len(x))
		copy(out, x)
		for i := range out {
			if err := validateFilter(method, "["+strconv.Itoa(i)+"]", &out[i]); err != nil {
				return "", nil, err
			}
		}
		return "and", out, nil
	}
	if m, ok := stringMap(v); ok {
		if _, has := m["field"]; has {
			f, err := parseFilterItem(method, "", m, 0)
			if err != nil {
				return "", nil, err
			}
			return "and", []Filter{f}, nil
		}
		return parseGroupMap(method, "", m, 0)
	}
	items, ok := listItems(v)
	if !ok {
		return "", nil, argError(method, "filters", v, "a list of filters or a {logic, filters} group")
	}
	out, err := parseFilterItems(method, "", items, 0)
	return "and", out, err
}

// parseGroupMap parses a map that is a group ({logic, filters}) or a list with a logic
// ({logic, 0: ..., 1: ...}). at is its index path, e.g. "[2]".
func parseGroupMap(method, at string, m map[string]any, depth int) (string, []Filter, error) {
	if depth >= maxFilterDepth {
		return "", nil, argError(method, place(at, "group"), "a group nested "+strconv.Itoa(depth+1)+" deep",
			"nested at most "+strconv.Itoa(maxFilterDepth)+" groups deep")
	}
	logic := "and"
	if raw, has := m["logic"]; has {
		s, ok := raw.(string)
		if !ok {
			return "", nil, argError(method, place(at, "logic"), raw, `"and" or "or"`)
		}
		switch strings.ToLower(s) {
		case "and":
		case "or":
			logic = "or"
		default:
			return "", nil, argError(method, place(at, "logic"), raw, `"and" or "or"`)
		}
	}
	var items []any
	if raw, has := m["filters"]; has {
		for k := range m {
			if k != "logic" && k != "filters" {
				return "", nil, argError(method, place(at, "key "+strconv.Quote(k)), m[k],
					`absent: a group has only "logic" and "filters"`)
			}
		}
		list, ok := listItems(raw)
		if !ok {
			return "", nil, argError(method, place(at, "filters"), raw, "a list of filters")
		}
		items = list
		at += "[filters]"
	} else {
		// A list given as a map: integer keys in order, plus the logic.
		keys := make([]int, 0, len(m))
		for k := range m {
			if k == "logic" {
				continue
			}
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || strconv.Itoa(n) != k {
				return "", nil, argError(method, place(at, "key "+strconv.Quote(k)), m[k],
					`"field", "filters", "logic" or a list index (the map is neither a condition nor a group)`)
			}
			keys = append(keys, n)
		}
		sort.Ints(keys)
		items = make([]any, len(keys))
		for i, n := range keys {
			items[i] = m[strconv.Itoa(n)]
		}
	}
	out, err := parseFilterItems(method, at, items, depth)
	return logic, out, err
}

// parseFilterItems parses the items of a filter list; prefix is the list's index path.
func parseFilterItems(method, prefix string, items []any, depth int) ([]Filter, error) {
	if len(items) == 0 {
		return nil, nil
	}
	out := make([]Filter, 0, len(items))
	for i, item := range items {
		f, err := parseFilterItem(method, prefix+"["+strconv.Itoa(i)+"]", item, depth)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// parseFilterItem parses one item of a filter list: a positional triplet, a condition
// map (its value under "value", or positionally under "0" or "2"), a nested group map,
// or a Filter. The result is checked and normalised.
func parseFilterItem(method, at string, item any, depth int) (Filter, error) {
	if f, ok := item.(Filter); ok {
		if err := checkFilter(method, at, &f, depth); err != nil {
			return Filter{}, err
		}
		return f, nil
	}
	if m, ok := stringMap(item); ok {
		if _, has := m["filters"]; has {
			logic, filters, err := parseGroupMap(method, at, m, depth+1)
			if err != nil {
				return Filter{}, err
			}
			g := Filter{Logic: logic, Filters: filters}
			if len(filters) == 0 {
				return Filter{}, argError(method, place(at, "filters"), m["filters"], "a non-empty list of filters")
			}
			return g, nil
		}
		f, err := conditionFromMap(method, at, m)
		if err != nil {
			return Filter{}, err
		}
		return f, checkCondition(method, at, &f)
	}
	if list, ok := listItems(item); ok {
		f, err := conditionFromList(method, at, list)
		if err != nil {
			return Filter{}, err
		}
		return f, checkCondition(method, at, &f)
	}
	want := filterItemWant
	if _, isString := item.(string); isString {
		want += " (to add one condition, wrap it: [[field, operator, value]], or use addFilter)"
	}
	return Filter{}, argError(method, loc(at), item, want)
}

// conditionFromList reads a positional [field, operator, value] triplet; for isnull and
// isnotnull the value may be left out.
func conditionFromList(method, at string, list []any) (Filter, error) {
	if len(list) != 2 && len(list) != 3 {
		return Filter{}, argError(method, loc(at), list, filterItemWant)
	}
	field, ok := list[0].(string)
	if !ok {
		return Filter{}, argError(method, loc(at+"[0]"), list[0], "a field name (string)")
	}
	op, ok := list[1].(string)
	if !ok {
		return Filter{}, argError(method, loc(at+"[1]"), list[1], "an operator (string)")
	}
	f := Filter{Field: field, Operator: op}
	if len(list) == 3 {
		f.Value = list[2]
	} else if operatorKinds[op] != opNoValue {
		return Filter{}, argError(method, loc(at), list, "a [field, operator, value] triplet (only isnull and isnotnull may leave the value out)")
	}
	return f, nil
}

// conditionFromMap reads a {field, operator, value, ignoreCase} map. The value may be
// given positionally, as in the PHP README's ["field" => "edited", "operator" => "lte",
// "2020-11-30 23:59:59"], where it lands under key 0 ("0" from JavaScript, or "2"); a map
// with exactly the keys "0", "1" and "2" is a triplet.
func conditionFromMap(method, at string, m map[string]any) (Filter, error) {
	if len(m) == 3 {
		f0, ok0 := m["0"]
		f1, ok1 := m["1"]
		f2, ok2 := m["2"]
		if ok0 && ok1 && ok2 {
			return conditionFromList(method, at, []any{f0, f1, f2})
		}
	}
	var f Filter
	valueKey := ""
	for k, v := range m {
		switch k {
		case "field":
			s, ok := v.(string)
			if !ok {
				return Filter{}, argError(method, place(at, "field"), v, "a field name (string)")
			}
			f.Field = s
		case "operator":
			s, ok := v.(string)
			if !ok {
				return Filter{}, argError(method, place(at, "operator"), v, "an operator (string)")
			}
			f.Operator = s
		case "value", "0", "2":
			if valueKey != "" {
				a, b := valueKey, k
				if a > b {
					a, b = b, a
				}
				return Filter{}, argError(method, place(at, "value"), m[b],
					"given once (under \"value\" or positionally, not under both "+strconv.Quote(a)+" and "+strconv.Quote(b)+")")
			}
			valueKey = k
			f.Value = v
		case "ignoreCase":
			b, ok := boolish(v)
			if !ok {
				return Filter{}, argError(method, place(at, "ignoreCase"), v, "a bool")
			}
			f.IgnoreCase = b
		default:
			return Filter{}, argError(method, place(at, "key "+strconv.Quote(k)), v,
				`absent: a condition has "field", "operator", "value" and optionally "ignoreCase"`)
		}
	}
	if _, has := m["field"]; !has {
		return Filter{}, argError(method, place(at, "field"), nil, "a field name (the map has no \"field\")")
	}
	if _, has := m["operator"]; !has {
		return Filter{}, argError(method, place(at, "operator"), nil, "one of "+operatorsText+" (the map has no \"operator\")")
	}
	return f, nil
}

// boolish reads a bool given as a bool, 0/1 or "true"/"false"/"1"/"0".
func boolish(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(x) {
		case "true", "1":
			return true, true
		case "false", "0", "":
			return false, true
		}
		return false, false
	}
	if s, ok := scalarString(v); ok {
		switch s {
		case "1":
			return true, true
		case "0":
			return false, true
		}
	}
	return false, false
}

// stringMap returns v as a map with string keys, for map[string]any and other maps
// keyed by strings.
func stringMap(v any) (map[string]any, bool) {
	if m, ok := v.(map[string]any); ok {
		return m, true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Map || rv.Type().Key().Kind() != reflect.String {
		return nil, false
	}
	m := make(map[string]any, rv.Len())
	iter := rv.MapRange()
	for iter.Next() {
		m[iter.Key().String()] = iter.Value().Interface()
	}
	return m, true
}

// listItems returns v's items when it is a slice or array ([]any, [][]any, []string,
// []map[string]any, ...).
func listItems(v any) ([]any, bool) {
	if l, ok := v.([]any); ok {
		return l, true
	}
	rv := reflect.ValueOf(v)
	if k := rv.Kind(); k != reflect.Slice && k != reflect.Array {
		return nil, false
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, true
}
