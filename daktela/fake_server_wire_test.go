package daktela_test

import (
	"context"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// The fake Daktela accepts what the encoder sends: every operator, in-lists, nested
// groups, sorts and fields, over loopback HTTP.
func TestFakeServerAcceptsEveryOperator(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	client := srv.Client()
	ctx := context.Background()
	for _, op := range daktela.Operators() {
		var value any = "a"
		switch op {
		case "in", "notin":
			value = []string{"admin", "supervisor"}
		case "isnull", "isnotnull":
			value = nil
		}
		req := daktela.BuildReadRequest("Users").AddFilter("name", op, value).AddSort("name", "desc").
			SetFields([]string{"name", "title"}).SetTake(5)
		if _, err := client.Execute(ctx, req); err != nil {
			t.Errorf("%s: %v", op, err)
		}
	}
	req := daktela.BuildReadRequest("Users").
		AddFilterFromArray(map[string]any{"logic": "or", "filters": []any{
			[]any{"name", "eq", "admin"},
			map[string]any{"logic": "and", "filters": []any{[]any{"name", "startswith", "a"}, []any{"title", "isnotnull"}}},
		}}).
		AddFilter("name", "neq", "nobody")
	resp, err := client.Execute(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Total() < 1 {
		t.Errorf("the OR group matched %d users, want the admin at least", resp.Total())
	}
}
