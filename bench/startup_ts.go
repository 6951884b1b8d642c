package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The start-up of a TypeScript script (issue 16.5): a 500-line .ts script importing
// two local .ts modules, run with nothing in the transform cache and run again (its
// transforms cached), and the same script as plain CommonJS .js for comparison (a
// plain script must pay nothing for the transform).

// tsStartupLines is the length of the generated entry script.
const tsStartupLines = 500

// tsStartupFiles returns the generated scripts by file name: ts-main.ts (which
// imports ts-lib-a.ts and ts-lib-b.ts) and js-main.js, the same code without types.
func tsStartupFiles() map[string]string {
	var ts, js strings.Builder
	ts.WriteString("import { scale, type Point } from \"./ts-lib-a.ts\";\nimport describe from \"./ts-lib-b\";\n")
	js.WriteString("const scale = (p, k) => ({ x: p.x * k, y: p.y * k });\nconst describe = (p) => `(${p.x}, ${p.y})`;\n")
	lines := 2
	for i := 0; lines+5 <= tsStartupLines-1; i++ {
		fmt.Fprintf(&ts, "interface Shape%d {\n  origin: Point;\n  size: number;\n}\nfunction area%d(s: Shape%d): number { return s.size * s.size + %d; }\n", i, i, i, i)
		fmt.Fprintf(&js, "// Shape%d\n//\n//\n//\nfunction area%d(s) { return s.size * s.size + %d; }\n", i, i, i)
		lines += 5
	}
	for ; lines < tsStartupLines-1; lines++ {
		ts.WriteString("\n")
		js.WriteString("\n")
	}
	ts.WriteString("console.log(describe(scale({ x: 1, y: 2 }, area0({ origin: { x: 0, y: 0 }, size: 1 }))));\n")
	js.WriteString("console.log(describe(scale({ x: 1, y: 2 }, area0({ origin: { x: 0, y: 0 }, size: 1 }))));\n")
	return map[string]string{
		"ts-main.ts":  ts.String(),
		"js-main.js":  js.String(),
		"ts-lib-a.ts": "export interface Point { x: number; y: number }\nexport function scale(p: Point, k: number): Point {\n  return { x: p.x * k, y: p.y * k };\n}\n",
		"ts-lib-b.ts": "import type { Point } from \"./ts-lib-a.ts\";\nexport default function describe(p: Point): string {\n  return `(${p.x}, ${p.y})`;\n}\n",
	}
}

// tsStartup is what the start-up runs of the generated scripts measured.
type tsStartup struct {
	runs                 int
	tsMean, tsMedian     time.Duration // the .ts run again: its transforms cached
	coldMean, coldMedian time.Duration // the .ts run with nothing cached
	jsMean, jsMedian     time.Duration
	emptyMean, emptyMed  time.Duration
	measured             bool
}

// measureTSStartup writes the generated scripts into dir and runs each n times with dk.
func measureTSStartup(ctx context.Context, dk, dir string, n int, empty string) (tsStartup, error) {
	res := tsStartup{runs: n}
	for name, src := range tsStartupFiles() {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			return res, err
		}
	}
	// Each run of the .ts gets its own cache directory (XDG_CACHE_HOME): the first
	// measurement starts every run with none, the second shares one that the first of
	// its runs fills, as running a script again does.
	cacheRoot := filepath.Join(dir, "cache")
	runs := 0
	withCache := func(shared bool) func() []string {
		return func() []string {
			runs++
			sub := "shared"
			if !shared {
				sub = fmt.Sprint("cold", runs)
			}
			return append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(cacheRoot, sub))
		}
	}
	ts := []string{"run", filepath.Join(dir, "ts-main.ts")}
	var err error
	if res.coldMean, res.coldMedian, err = repeatRunEnv(ctx, n, dk, ts, withCache(false)); err != nil {
		return res, fmt.Errorf("ts-main.ts: %w", err)
	}
	if res.tsMean, res.tsMedian, err = repeatRunEnv(ctx, n, dk, ts, withCache(true)); err != nil {
		return res, fmt.Errorf("ts-main.ts: %w", err)
	}
	if res.jsMean, res.jsMedian, err = repeatRun(ctx, n, dk, []string{"run", filepath.Join(dir, "js-main.js")}); err != nil {
		return res, fmt.Errorf("js-main.js: %w", err)
	}
	if res.emptyMean, res.emptyMed, err = repeatRun(ctx, n, dk, []string{"run", empty}); err != nil {
		return res, err
	}
	res.measured = true
	return res, nil
}

// report writes the start-up section.
func (t tsStartup) report(w io.Writer) {
	if !t.measured {
		return
	}
	fmt.Fprintf(w, "\nStart-up of TypeScript (issue 16.5): dkscript run, %d runs each, interleaved with nothing else\n", t.runs)
	fmt.Fprintf(w, "  %-44s %6.1f ms (< 30 ms) %s; median %.1f ms\n", fmt.Sprintf("%d-line .ts, two local .ts imports", tsStartupLines), ms(t.coldMean), passFail(t.coldMean < 30*time.Millisecond), ms(t.coldMedian))
	fmt.Fprintf(w, "  %-44s %6.1f ms (< 30 ms) %s; median %.1f ms\n", "the same .ts run again (transforms cached)", ms(t.tsMean), passFail(t.tsMean < 30*time.Millisecond), ms(t.tsMedian))
	fmt.Fprintf(w, "  %-44s %6.1f ms; median %.1f ms\n", fmt.Sprintf("the same %d lines as plain .js", tsStartupLines), ms(t.jsMean), ms(t.jsMedian))
	fmt.Fprintf(w, "  %-44s %6.1f ms; median %.1f ms\n", "empty .js", ms(t.emptyMean), ms(t.emptyMed))
}

// passFail names the outcome of a bar.
func passFail(ok bool) string {
	if ok {
		return "PASS"
	}
	return "FAIL"
}
