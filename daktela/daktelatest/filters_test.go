package daktelatest

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// kendo encodes one Kendo condition as the PHP connector does.
func kendo(field, op string, vals ...string) string {
	q := url.Values{}
	q.Set("filter[logic]", "and")
	q.Set("filter[filters][0][field]", field)
	q.Set("filter[filters][0][operator]", op)
	switch {
	case op == "in" || op == "notin":
		for i, v := range vals {
			q.Set(fmt.Sprintf("filter[filters][0][value][%d]", i), v)
		}
	case len(vals) > 0:
		q.Set("filter[filters][0][value]", vals[0])
	}
	return q.Encode()
}

func TestFilterOperators(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	// Every condition is checked against the same rule computed on the full list.
	all := list(t, srv, "tickets.json?take=1000")
	str := func(r map[string]any, f string) string {
		if v, ok := r[f].(map[string]any); ok {
			return fmt.Sprint(v["name"])
		}
		if r[f] == nil {
			return "<nil>"
		}
		return fmt.Sprint(normalizeNum(r[f]))
	}
	tests := []struct {
		query string
		want  func(r map[string]any) bool
	}{
		{kendo("stage", "eq", "OPEN"), func(r map[string]any) bool { return r["stage"] == "OPEN" }},
		{kendo("stage", "neq", "OPEN"), func(r map[string]any) bool { return r["stage"] != "OPEN" }},
		{kendo("name", "gt", "1030"), func(r map[string]any) bool { return r["name"].(float64) > 1030 }},
		{kendo("name", "gte", "1030"), func(r map[string]any) bool { return r["name"].(float64) >= 1030 }},
		{kendo("name", "lt", "1005"), func(r map[string]any) bool { return r["name"].(float64) < 1005 }},
		{kendo("name", "lte", "1005"), func(r map[string]any) bool { return r["name"].(float64) <= 1005 }},
		{kendo("title", "like", "%invoice%"), func(r map[string]any) bool { return strings.Contains(strings.ToLower(str(r, "title")), "invoice") }},
		{kendo("title", "like", "Cannot log in to the portal"), func(r map[string]any) bool { return str(r, "title") == "Cannot log in to the portal" }},
		{kendo("title", "notlike", "%A%"), func(r map[string]any) bool { return !strings.ContainsAny(str(r, "title"), "aA") }},
		{kendo("title", "like", "_elivery%"), func(r map[string]any) bool { return strings.HasPrefix(str(r, "title"), "Delivery") }},
		{kendo("title", "contains", "pay"), func(r map[string]any) bool { return strings.Contains(str(r, "title"), "pay") }},
		{kendo("title", "doesnotcontain", "e"), func(r map[string]any) bool { return !strings.Contains(str(r, "title"), "e") }},
		{kendo("title", "startswith", "Re"), func(r map[string]any) bool { return strings.HasPrefix(str(r, "title"), "Re") }},
		{kendo("title", "begins", "Re"), func(r map[string]any) bool { return strings.HasPrefix(str(r, "title"), "Re") }},
		{kendo("title", "notbegins", "Re"), func(r map[string]any) bool { return !strings.HasPrefix(str(r, "title"), "Re") }},
		{kendo("title", "endswith", "late"), func(r map[string]any) bool { return strings.HasSuffix(str(r, "title"), "late") }},
		{kendo("title", "ends", "late"), func(r map[string]any) bool { return strings.HasSuffix(str(r, "title"), "late") }},
		{kendo("title", "notends", "late"), func(r map[string]any) bool { return !strings.HasSuffix(str(r, "title"), "late") }},
		{kendo("first_answer", "isnull"), func(r map[string]any) bool { return r["first_answer"] == nil }},
		{kendo("first_answer", "isnotnull"), func(r map[string]any) bool { return r["first_answer"] != nil }},
		{kendo("stage", "in", "OPEN", "WAIT"), func(r map[string]any) bool { return r["stage"] == "OPEN" || r["stage"] == "WAIT" }},
		{kendo("stage", "notin", "OPEN", "WAIT"), func(r map[string]any) bool { return r["stage"] != "OPEN" && r["stage"] != "WAIT" }},
		{kendo("user", "eq", "john.doe"), func(r map[string]any) bool { return str(r, "user") == "john.doe" }},
		{kendo("user.title", "eq", "John Doe"), func(r map[string]any) bool { return str(r, "user") == "john.doe" }},
		{kendo("unread", "eq", "1"), func(r map[string]any) bool { return r["unread"] == true }},
		{kendo("unread", "eq", "false"), func(r map[string]any) bool { return r["unread"] == false }},
		{kendo("customFields.product", "eq", "TV"), func(r map[string]any) bool {
			return fmt.Sprint(r["customFields"].(map[string]any)["product"]) == "[TV]"
		}},
		{kendo("statuses", "isnotnull"), func(r map[string]any) bool { return true }},
		// dates compare as strings; a bare date is midnight
		{kendo("created", "gte", "2025-12-01"), func(r map[string]any) bool { return str(r, "created") >= "2025-12-01 00:00:00" }},
		{kendo("created", "lte", "2025-12-01"), func(r map[string]any) bool { return str(r, "created") <= "2025-12-01 00:00:00" }},
		{kendo("created", "lt", "2025-11-15 12:00:00"), func(r map[string]any) bool { return str(r, "created") < "2025-11-15 12:00:00" }},
		// ignoreCase
		{kendo("stage", "eq", "open") + "&filter[filters][0][ignoreCase]=true", func(r map[string]any) bool { return r["stage"] == "OPEN" }},
		{kendo("stage", "eq", "open"), func(r map[string]any) bool { return false }},
		// nested groups: stage=OPEN and (priority=HIGH or user isnull)
		{"filter[logic]=and&filter[filters][0][field]=stage&filter[filters][0][operator]=eq&filter[filters][0][value]=OPEN" +
			"&filter[filters][1][logic]=or&filter[filters][1][filters][0][field]=priority&filter[filters][1][filters][0][operator]=eq&filter[filters][1][filters][0][value]=HIGH" +
			"&filter[filters][1][filters][1][field]=priority&filter[filters][1][filters][1][operator]=eq&filter[filters][1][filters][1][value]=LOW",
			func(r map[string]any) bool {
				return r["stage"] == "OPEN" && (r["priority"] == "HIGH" || r["priority"] == "LOW")
			}},
		// legacy single filter and flat list
		{"filter[field]=stage&filter[operator]=eq&filter[value]=WAIT", func(r map[string]any) bool { return r["stage"] == "WAIT" }},
		{"filter[0][field]=stage&filter[0][operator]=eq&filter[0][value]=CLOSE&filter[1][field]=priority&filter[1][operator]=neq&filter[1][value]=LOW",
			func(r map[string]any) bool { return r["stage"] == "CLOSE" && r["priority"] != "LOW" }},
		// PHP README's positional value inside a keyed condition
		{"filter[filters][0][field]=name&filter[filters][0][operator]=lte&filter[filters][0][0]=1003", func(r map[string]any) bool { return r["name"].(float64) <= 1003 }},
		// in with [] appends (fields[] style)
		{"filter[filters][0][field]=name&filter[filters][0][operator]=in&filter[filters][0][value][]=1001&filter[filters][0][value][]=1040",
			func(r map[string]any) bool { n := r["name"].(float64); return n == 1001 || n == 1040 }},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got := list(t, srv, "tickets.json?take=1000&"+tc.query)
			var want []string
			for _, r := range all.Data {
				if tc.want(r) {
					want = append(want, nameKey(normalizeNum(r["name"])))
				}
			}
			if fmt.Sprint(names(got)) != fmt.Sprint(want) || got.Total != len(want) {
				t.Fatalf("got %d %v\nwant %d %v", got.Total, names(got), len(want), want)
			}
		})
	}
	// Sanity: the table is not vacuous.
	if n := list(t, srv, "tickets.json?"+kendo("stage", "eq", "OPEN")).Total; n == 0 || n == all.Total {
		t.Fatalf("demo data gives a useless stage filter: %d of %d", n, all.Total)
	}
}

func TestFilterErrors(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	for _, q := range []string{
		kendo("nope", "eq", "1"),
		kendo("stage", "nin", "1"),
		kendo("stage", "ne", "1"),
		kendo("stage", "gt"),
		"filter[logic]=xor&filter[filters][0][field]=stage&filter[filters][0][value]=OPEN",
		"filter[filters][0][field]=stage&filter[filters][0][operator]=eq&filter[filters][0][value][0]=a&filter[filters][0][value][1]=b",
		"filter[filters][0][field]=user.nope&filter[filters][0][operator]=eq&filter[filters][0][value]=1",
		"sort[0][field]=name&sort[0][dir]=up",
		"skip=-1",
	} {
		st, e := api(t, srv, "GET", "tickets.json?"+q, "")
		if st != 400 || !strings.HasPrefix(string(e.Error), `["`) {
			t.Errorf("%s: %d %s", q, st, e.Error)
		}
	}
}
