package runtime_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

// With a person at the terminal (Interactive), the questions go to stderr and the
// answers are lines of stdin: y or yes (any case) confirms, an empty line takes the
// default, the end of input gives the default or null (confirm false), and what follows
// the answers is left for the script.
func TestPromptReadsAnswers(t *testing.T) {
	rt, out, errb := newRT(t, runtime.Options{
		Interactive:  true,
		Stdin:        strings.NewReader("YES\r\n\nBen\nno\n"),
		Capabilities: runtime.Capabilities{FileAccess: true},
	})
	err := rt.RunString(context.Background(), "ask.js", `
console.log(confirm("Delete?"), prompt("Queue?", 3000), prompt("Name?"), confirm(), prompt(), prompt("Last?", "d"), confirm("More?"))`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "true 3000 Ben false null d false\n"; got != want {
		t.Errorf("answers %q, want %q", got, want)
	}
	if got, want := errb.String(), "Delete? [y/N] Queue? [3000] Name? Confirm [y/N] Prompt \nLast? [d] \nMore? [y/N] \n"; got != want {
		t.Errorf("questions %q, want %q", got, want)
	}
}

// Without a terminal they return at once and write nothing; AssumeYes answers yes and
// the default.
func TestPromptWithoutTerminal(t *testing.T) {
	for _, tc := range []struct {
		yes  bool
		want string
	}{{false, "false null 7\n"}, {true, "true null 7\n"}} {
		rt, out, errb := newRT(t, runtime.Options{AssumeYes: tc.yes, Stdin: strings.NewReader("y\n")})
		if err := rt.RunString(context.Background(), "ask.js", `console.log(confirm("Go?"), prompt("Name?"), prompt("N?", "7"))`); err != nil {
			t.Fatal(err)
		}
		if out.String() != tc.want || errb.Len() != 0 {
			t.Errorf("yes=%v: stdout %q stderr %q, want %q and nothing", tc.yes, out.String(), errb.String(), tc.want)
		}
	}
}
