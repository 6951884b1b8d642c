package main

import (
	"bytes"
	"os"
	"testing"
)

// testState returns a state with buffers for streams, an empty environment, t's temp
// dir as working directory and dir/config as the config dir, no signals and an Exit
// that records the code.
func testState(t *testing.T) (*state, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	var out, errb bytes.Buffer
	st := &state{
		Stdin:        bytes.NewReader(nil),
		Stdout:       &out,
		Stderr:       &errb,
		Env:          map[string]string{"HOME": dir},
		Dir:          dir,
		ConfigDir:    dir + "/config",
		SignalNotify: func(chan<- os.Signal, ...os.Signal) {},
		SignalStop:   func(chan<- os.Signal) {},
		Exit:         func(code int) { t.Fatalf("unexpected Exit(%d)", code) },
	}
	return st, &out, &errb
}

// writeFile writes a file under st.Dir with the given mode.
func writeFile(t *testing.T, st *state, name, content string, mode os.FileMode) string {
	t.Helper()
	p := absPath(st, name)
	if err := os.MkdirAll(p[:len(p)-len(baseName(p))], 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	return p
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}
