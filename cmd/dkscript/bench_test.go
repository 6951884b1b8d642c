package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"testing"
)

// BenchmarkRunEmptyScript measures "dkscript run empty.js" in-process: flags, env, a
// runtime with every module, and the run (DESIGN §7: an empty run starts in under 15 ms).
func BenchmarkRunEmptyScript(b *testing.B) {
	dir := b.TempDir()
	script := dir + "/empty.js"
	if err := os.WriteFile(script, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var errb bytes.Buffer
		st := &state{
			Stdin: bytes.NewReader(nil), Stdout: io.Discard, Stderr: &errb,
			Args: []string{"run", script}, Env: map[string]string{}, Dir: dir,
			SignalNotify: func(chan<- os.Signal, ...os.Signal) {},
			SignalStop:   func(chan<- os.Signal) {},
			Exit:         func(code int) { b.Fatalf("Exit(%d)", code) },
		}
		if code := runMain(st); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}

// BenchmarkBinaryEmptyScript measures the whole process: exec of the built binary
// running an empty script, as cron would ("run-empty"), next to "version" (the same
// process start without a JavaScript runtime) to tell process cost from runtime cost.
func BenchmarkBinaryEmptyScript(b *testing.B) {
	dir := b.TempDir()
	bin := dir + "/dkscript"
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	script := dir + "/empty.js"
	if err := os.WriteFile(script, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"version", []string{"version"}},
		{"run-empty", []string{"run", script}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command(bin, bc.args...).CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
			}
		})
	}
}
