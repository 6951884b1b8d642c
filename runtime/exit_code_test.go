package runtime_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

// An exit code outside 0-255, or no integer at all, ends the run with 1 and a warning
// naming it, from process.exit and from process.exitCode alike: the system would cut
// 1e10 or 256 to a code a cron job reads as success.
func TestExitCodeOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		src, warning string
		code         int
	}{
		{"process.exit(1e10)", "process.exit(10000000000)", 1},
		{"process.exit(256)", "process.exit(256)", 1},
		{"process.exit(-1)", "process.exit(-1)", 1},
		{"process.exit(2.5)", "process.exit(2.5)", 1},
		{"process.exit(NaN)", "process.exit(NaN)", 1},
		{"process.exit(true)", "process.exit(true)", 1},
		{`process.exitCode = "abc"`, `process.exitCode = "abc"`, 1},
		{`process.exitCode = 1e10`, `process.exitCode = 10000000000`, 1},
		{`process.exitCode = {}; process.exit()`, `process.exitCode = an object`, 1},
		{"process.exit(255)", "", 255},
		{`process.exit("4")`, "", 4},
		{`process.exitCode = "3"`, "", 3},
		{"process.exitCode = 2", "", 2},
		{"process.exit(0)", "", 0},
		{"process.exitCode = null", "", 0},
	} {
		var stderr strings.Builder
		rt, err := runtime.New(runtime.Options{Stderr: &stderr})
		if err != nil {
			t.Fatal(err)
		}
		err = rt.RunString(context.Background(), "exit.js", tc.src)
		rt.Close()
		if got := runtime.ExitCode(err); got != tc.code {
			t.Errorf("%s: exit code %d (%v), want %d", tc.src, got, err, tc.code)
		}
		want := ""
		if tc.warning != "" {
			want = "Warning: " + tc.warning + ": an exit code is an integer from 0 to 255; exiting with 1\n"
		}
		if stderr.String() != want {
			t.Errorf("%s: stderr %q, want %q", tc.src, stderr.String(), want)
		}
	}
}
