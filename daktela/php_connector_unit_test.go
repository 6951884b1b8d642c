package daktela

import (
	"strings"
	"testing"
)

// Ports of the PHP connector's request-building tests (tests/DaktelaV6/Request/
// ReadRequestTest) and FormatHelperTest: the same builder calls, with PHP's expected
// values. PHP asserts on getFilters(), the array http_build_query sends as filter[...];
// here the same array is read back from the query the client sends.

// phpFilter is one expected condition of getFilters()["filters"].
type phpFilter struct {
	field, operator string
	value           any // string, or []string for a list
}

// sentFilter decodes the filter array the request puts on the wire.
func sentFilter(t *testing.T, r *ReadRequest) *phpArray {
	t.Helper()
	if err := r.Err(); err != nil {
		t.Fatalf("building: %v", err)
	}
	w, err := r.wire()
	if err != nil {
		t.Fatalf("wire: %v", err)
	}
	q, err := decodePHPQuery(w.Query)
	if err != nil {
		t.Fatalf("decoding %q: %v", w.Query, err)
	}
	f, ok := q.get("filter").(*phpArray)
	if !ok {
		t.Fatalf("no filter array in %s", q)
	}
	return f
}

// checkFilters asserts what the PHP test asserts: the logic, the count and each
// condition's field, operator and value.
func checkFilters(t *testing.T, f *phpArray, logic string, want []phpFilter) {
	t.Helper()
	if got := f.get("logic"); got != logic {
		t.Errorf("logic %v, want %q (filter %s)", got, logic, f)
	}
	list, ok := f.get("filters").(*phpArray)
	if !ok {
		t.Fatalf("no filters in %s", f)
	}
	if len(list.keys) != len(want) {
		t.Fatalf("%d filters, want %d: %s", len(list.keys), len(want), f)
	}
	for i, w := range want {
		c, ok := list.vals[list.keys[i]].(*phpArray)
		if !ok {
			t.Fatalf("filters[%d] is not an array: %s", i, f)
		}
		if c.get("field") != w.field || c.get("operator") != w.operator {
			t.Errorf("filters[%d] = %s, want field %q operator %q", i, c, w.field, w.operator)
		}
		switch v := w.value.(type) {
		case string:
			if c.get("value") != v {
				t.Errorf("filters[%d].value = %v, want %q", i, c.get("value"), v)
			}
		case []string:
			got, ok := c.get("value").(*phpArray)
			if !ok || len(got.keys) != len(v) {
				t.Fatalf("filters[%d].value = %v, want %q", i, c.get("value"), v)
			}
			for j, s := range v {
				if got.vals[got.keys[j]] != s {
					t.Errorf("filters[%d].value[%d] = %v, want %q", i, j, got.vals[got.keys[j]], s)
				}
			}
		}
	}
}

func TestPHPReadRequestTestAddFilter(t *testing.T) {
	r := NewReadRequest("Users").
		AddFilter("edited", "lte", "2020-11-30 23:59:59").
		AddFilter("action", "eq", "0")
	checkFilters(t, sentFilter(t, r), "and", []phpFilter{
		{"edited", "lte", "2020-11-30 23:59:59"}, {"action", "eq", "0"}})
}

func TestPHPReadRequestTestAddSingleFilterWithArrayAsValue(t *testing.T) {
	r := NewReadRequest("Tickets").AddFilter("stage", "in", []string{"OPEN", "WAIT"})
	checkFilters(t, sentFilter(t, r), "and", []phpFilter{{"stage", "in", []string{"OPEN", "WAIT"}}})
}

func TestPHPReadRequestTestAddFilterFromArray(t *testing.T) {
	r := NewReadRequest("Users").AddFilterFromArray([]any{
		map[string]any{"field": "edited", "operator": "lte", "value": "2020-11-30 23:59:59"},
		[]any{"action", "eq", "0"},
	})
	checkFilters(t, sentFilter(t, r), "and", []phpFilter{
		{"edited", "lte", "2020-11-30 23:59:59"}, {"action", "eq", "0"}})
}

func TestPHPReadRequestTestAddShortHandFilterWithArrayFromArray(t *testing.T) {
	r := NewReadRequest("Users").AddFilterFromArray([]any{
		[]any{"type", "in", []any{"SMS", "EMAIL", "CALL"}},
	})
	checkFilters(t, sentFilter(t, r), "and", []phpFilter{{"type", "in", []string{"SMS", "EMAIL", "CALL"}}})
}

func TestPHPReadRequestTestAddOrFilterFromArray(t *testing.T) {
	r := NewReadRequest("Users").AddFilterFromArray(map[string]any{
		"logic": "or",
		"filters": []any{
			map[string]any{"field": "edited", "operator": "lte", "value": "2020-11-30 23:59:59"},
			[]any{"action", "eq", "0"},
		},
	})
	checkFilters(t, sentFilter(t, r), "or", []phpFilter{
		{"edited", "lte", "2020-11-30 23:59:59"}, {"action", "eq", "0"}})
}

func TestPHPReadRequestTestAddCombinedFilters(t *testing.T) {
	r := NewReadRequest("Users").
		AddFilter("edited", "lte", "2020-11-30 23:59:59").
		AddFilter("action", "eq", "0").
		AddFilterFromArray([]any{
			map[string]any{"field": "created", "operator": "lte", "value": "2020-11-30 23:59:59"},
			[]any{"user", "isnull", ""},
		})
	checkFilters(t, sentFilter(t, r), "and", []phpFilter{
		{"edited", "lte", "2020-11-30 23:59:59"}, {"action", "eq", "0"},
		{"created", "lte", "2020-11-30 23:59:59"}, {"user", "isnull", ""}})
}

// TestPHPFormatHelperTest ports FormatHelperTest's cases as of the connector's 2.6.0
// (PHP's null in, null out is the JavaScript binding's: Go takes a string).
func TestPHPFormatHelperTest(t *testing.T) {
	cases := []struct {
		in     string
		plus   bool
		prefix string
		length int
		want   string
	}{
		// testFormatCzechNumber
		{"00420773794604", false, "420", 12, "00420773794604"},
		{"+420773794604", false, "420", 12, "00420773794604"},
		{"773794604", false, "420", 12, "00420773794604"},
		{"420773794604", false, "420", 12, "00420773794604"},
		{"773 794 604", false, "420", 12, "00420773794604"},
		{"00420773794604", true, "420", 12, "+420773794604"},
		{"+420773794604", true, "420", 12, "+420773794604"},
		{"773794604", true, "420", 12, "+420773794604"},
		{"420773794604", true, "420", 12, "+420773794604"},
		// testFormatSlovakNumber
		{"+421123456789", false, "420", 12, "00421123456789"},
		{"00421123456789", false, "420", 12, "00421123456789"},
		{"421123456789", false, "421", 12, "00421123456789"},
		{"00421123456789", true, "421", 12, "+421123456789"},
		{"+421123456789", true, "421", 12, "+421123456789"},
		// testStripsCommonSeparators
		{"+420 (773) 794-604", false, "420", 12, "00420773794604"},
		{"773.794.604", false, "420", 12, "00420773794604"},
		// testEmptyNumberStaysEmpty
		{" ", false, "420", 12, ""},
	}
	for _, c := range cases {
		if got := GetNormalizedPhoneNumber(c.in, c.plus, c.prefix, c.length); got != c.want {
			t.Errorf("getNormalizedPhoneNumber(%q, %v, %q, %d) = %q, want %q", c.in, c.plus, c.prefix, c.length, got, c.want)
		}
	}
	// testInvalidUtf8DoesNotFail
	if got := GetNormalizedPhoneNumber("773\xff794", false, "420", 12); !strings.HasPrefix(got, "00420773") {
		t.Errorf("invalid UTF-8: %q, want it to start with 00420773", got)
	}
}
