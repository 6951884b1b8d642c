package daktela

import "testing"

// benchRequest is a typical export query: three conditions, an OR group, two sorts and a
// field projection.
func benchRequest() *ReadRequest {
	return BuildReadRequest("CampaignsRecords").
		AddFilter("created", "gte", "2020-11-01 00:00:00").
		AddFilter("queue", "in", []string{"3000", "3001", "3002"}).
		AddFilter("action", "eq", "0").
		AddFilterFromArray([]any{map[string]any{"logic": "or", "filters": []any{
			[]any{"user", "isnull"},
			[]any{"user", "eq", "john.doe"},
		}}}).
		AddSort("created", "asc").
		AddSort("name", "desc").
		SetFields([]string{"name", "created", "number", "user", "action"}).
		SetTake(1000)
}

// BenchmarkQueryEncoding measures encoding the query of benchRequest, what the transport
// does once per page.
func BenchmarkQueryEncoding(b *testing.B) {
	req := benchRequest()
	if req.Err() != nil {
		b.Fatal(req.Err())
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(readQuery(req, 5000, true))
	}
	if n == 0 {
		b.Fatal("empty query")
	}
}

// BenchmarkWirePage measures a whole page's wire form as the transport gets it for page
// n of a TypeAll read: clone, set skip and take, wire.
func BenchmarkWirePage(b *testing.B) {
	req := benchRequest().SetRequestType(TypeAll)
	b.ReportAllocs()
	skip := 0
	for b.Loop() {
		w, err := req.Clone().SetSkip(skip).SetTake(1000).wire()
		if err != nil || w.Query == "" {
			b.Fatal(err)
		}
		skip += 1000
	}
}

// BenchmarkBuilderCall measures one chained builder call that checks its arguments.
func BenchmarkBuilderCall(b *testing.B) {
	b.ReportAllocs()
	req := BuildReadRequest("Users")
	i := 0
	for b.Loop() {
		if i%64 == 0 {
			req = BuildReadRequest("Users")
		}
		req.AddFilter("username", "eq", "admin")
		i++
	}
}
