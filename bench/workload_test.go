package main

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// The harness's workloads in-process, for profiling what the child processes do:
//
//	go test -run '^$' -bench Workload -benchtime 3x -cpuprofile cpu.out ./bench
//	go tool pprof -top -focus 'dkscript|goja' bench.test cpu.out
//
// The fake server runs in the same process here (the harness gives it its own), so
// profiles show its page writer too.

const workloadRecords = 100_000

func BenchmarkWorkload(b *testing.B) {
	srv := daktelatest.NewServer(daktelatest.Options{Records: map[string]int{model: workloadRecords}})
	defer srv.Close()
	want := strconv.Itoa(workloadRecords) + " "
	for _, w := range []struct{ name, src string }{{"js-readall", jsReadAll}, {"js-iterate", jsIterate}} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var out bytes.Buffer
				rt, err := runtime.New(runtime.Options{Client: srv.Client(), Stdout: &out})
				if err != nil {
					b.Fatal(err)
				}
				if err := rt.RunString(context.Background(), w.name+".js", w.src); err != nil {
					b.Fatal(err)
				}
				rt.Close()
				if !strings.HasPrefix(out.String(), want) {
					b.Fatalf("output %q", out.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*workloadRecords), "ns/record")
		})
	}
	for _, how := range []string{"decode", "index"} {
		b.Run("go-"+how, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := goLoop(srv.URL, srv.Token, how, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*workloadRecords), "ns/record")
		})
	}
}
