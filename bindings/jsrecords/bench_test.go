package jsrecords

import (
	"encoding/json"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/internal/samplepage"
	"github.com/dop251/goja"
)

// The data path benchmarks, side by side over one deterministic 1000-record page of
// campaign records (about 640 B each): how records get from the HTTP body to a script
// that touches three fields of each. Run them with
//
//	go test -run '^$' -bench DataPath -benchmem -count 5 ./bindings/jsrecords
//
// and read ns/rec (per record) next to B/op and allocs/op (per page).

const pageRecords = 1000

var benchPage = samplepage.Page(42, 0, pageRecords, 100000)

// loopJS touches three fields of every record: a nested number, a nested string and a
// string's length.
const loopJS = `(function (recs) {
	let sum = 0, n = 0, tl = 0;
	for (let i = 0; i < recs.length; i++) {
		const r = recs[i];
		sum += r.queue.name;
		if (r.user.name === "agent3") n++;
		tl += r.number.length;
	}
	return sum * 1e9 + n * 1e6 + tl;
})`

// threeFields is what the plain Go loop decodes from each record.
type threeFields struct {
	Number string `json:"number"`
	Queue  struct {
		Name int `json:"name"`
	} `json:"queue"`
	User struct {
		Name string `json:"name"`
	} `json:"user"`
}

func goLoop(recs []daktela.Record) (float64, error) {
	var sum, n, tl int
	for _, rec := range recs {
		var f threeFields
		if err := rec.Decode(&f); err != nil {
			return 0, err
		}
		sum += f.Queue.Name
		if f.User.Name == "agent3" {
			n++
		}
		tl += len(f.Number) // the numbers are ASCII: bytes = UTF-16 units
	}
	return float64(sum)*1e9 + float64(n)*1e6 + float64(tl), nil
}

func newLoop(tb testing.TB, vm *goja.Runtime) goja.Callable {
	v, err := vm.RunString(loopJS)
	if err != nil {
		tb.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v)
	return fn
}

// paths are the ways measured; each returns the loop's result for one page.
var paths = []struct {
	name string
	run  func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64
}{
	{"a_parseResponse", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		resp, err := daktela.ParsePage(200, benchPage)
		if err != nil {
			tb.Fatal(err)
		}
		return float64(len(resp.Records()))
	}},
	{"b_parse+views+JS", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		resp, err := daktela.ParsePage(200, benchPage)
		if err != nil {
			tb.Fatal(err)
		}
		v, err := loop(goja.Undefined(), NewResponseList(vm, resp))
		if err != nil {
			tb.Fatal(err)
		}
		return v.ToFloat()
	}},
	{"b1_views+JS_only(parsed_on_fetch_goroutine)", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		v, err := loop(goja.Undefined(), NewResponseList(vm, parsedPage))
		if err != nil {
			tb.Fatal(err)
		}
		return v.ToFloat()
	}},
	{"b2_parse+NewList(reindex)+JS", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		resp, err := daktela.ParsePage(200, benchPage)
		if err != nil {
			tb.Fatal(err)
		}
		v, err := loop(goja.Undefined(), NewList(vm, resp.Records()))
		if err != nil {
			tb.Fatal(err)
		}
		return v.ToFloat()
	}},
	{"c_gojaJSON.parse+JS", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
		env, err := parse(goja.Undefined(), vm.ToValue(string(benchPage)))
		if err != nil {
			tb.Fatal(err)
		}
		data := env.ToObject(vm).Get("result").ToObject(vm).Get("data")
		v, err := loop(goja.Undefined(), data)
		if err != nil {
			tb.Fatal(err)
		}
		return v.ToFloat()
	}},
	{"d_encoding/json+ToValue+JS", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		var env struct {
			Result struct {
				Data []any `json:"data"`
			} `json:"result"`
		}
		if err := json.Unmarshal(benchPage, &env); err != nil {
			tb.Fatal(err)
		}
		v, err := loop(goja.Undefined(), vm.ToValue(env.Result.Data))
		if err != nil {
			tb.Fatal(err)
		}
		return v.ToFloat()
	}},
	{"e_Go:parse+decode3fields", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		resp, err := daktela.ParsePage(200, benchPage)
		if err != nil {
			tb.Fatal(err)
		}
		v, err := goLoop(resp.Records())
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}},
	{"e2_Go:parse+index_lookups", func(tb testing.TB, vm *goja.Runtime, loop goja.Callable) float64 {
		resp, err := daktela.ParsePage(200, benchPage)
		if err != nil {
			tb.Fatal(err)
		}
		var sum, n, tl int
		for i := range resp.Records() {
			ix, rec, _ := resp.IndexedRecord(i)
			q, _ := ix.Lookup(rec, "queue")
			qn, _ := ix.Lookup(q, "name")
			v, _ := ix.Int(qn)
			sum += int(v)
			u, _ := ix.Lookup(rec, "user")
			un, _ := ix.Lookup(u, "name")
			if ix.String(un) == "agent3" {
				n++
			}
			num, _ := ix.Lookup(rec, "number")
			tl += len(ix.String(num))
		}
		return float64(sum)*1e9 + float64(n)*1e6 + float64(tl)
	}},
}

// parsedPage is the page parsed once, for the path that measures only the JS side.
var parsedPage = func() *daktela.Response {
	resp, err := daktela.ParsePage(200, benchPage)
	if err != nil {
		panic(err)
	}
	return resp
}()

// TestDataPathsAgree checks that every JS path and the Go loop compute the same result.
func TestDataPathsAgree(t *testing.T) {
	want := 0.0
	for _, p := range paths[1:] {
		vm := goja.New()
		got := p.run(t, vm, newLoop(t, vm))
		if want == 0 {
			want = got
		}
		if got != want || got == 0 {
			t.Errorf("%s = %v, want %v", p.name, got, want)
		}
	}
}

func BenchmarkDataPath(b *testing.B) {
	for _, p := range paths {
		b.Run(p.name, func(b *testing.B) {
			vm := goja.New()
			loop := newLoop(b, vm)
			b.SetBytes(int64(len(benchPage)))
			b.ReportAllocs()
			for b.Loop() {
				p.run(b, vm, loop)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/pageRecords, "ns/rec")
		})
	}
}
