package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dkscript/dkscript/bindings/jstypes"
	"github.com/mattn/go-runewidth"
)

// commands are the dot commands, as in Node's REPL.
var commands = []struct{ name, args, help string }{
	{"break", "", "Leave an unfinished multi-line entry"},
	{"editor", "", "Enter editor mode: paste or type several lines, Ctrl-D on an empty line runs them, Ctrl-C cancels"},
	{"exit", "", "Exit the REPL"},
	{"help", "[NAME]", "Print this help: the commands, the keys and the API; with a NAME, its signature and description"},
	{"load", "FILE", "Run a JavaScript file in this session (its declarations stay visible)"},
	{"save", "FILE", "Save the entries of this session that ran without error (loaded files included) to a file"},
}

// commandNames lists the dot commands without the dot.
func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// parseCommand recognises a dot command: ".name" or ".name argument". In the middle of
// an unfinished entry only .break and .exit are commands (other lines starting with a
// dot continue the entry: a chained method call on a new line).
func parseCommand(line string, inEntry bool) (name, arg string, ok bool) {
	t := strings.TrimSpace(line)
	if !strings.HasPrefix(t, ".") || len(t) < 2 {
		return "", "", false
	}
	r := t[1]
	if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
		return "", "", false // .5 is a number
	}
	name, arg, _ = strings.Cut(t[1:], " ")
	arg = strings.TrimSpace(arg)
	if inEntry {
		return name, arg, name == "break" || name == "exit"
	}
	if isIdentifier(name) && arg == "" || known(name) {
		return name, arg, true
	}
	return "", "", false
}

func known(name string) bool {
	for _, c := range commands {
		if c.name == name {
			return true
		}
	}
	return false
}

// command runs a dot command; done ends the session with err.
func (s *session) command(ctx context.Context, name, arg string) (done bool, err error) {
	switch name {
	case "break":
		s.buf = nil
	case "exit":
		return true, s.endError()
	case "help":
		if arg == "" {
			s.out(s.help())
			return false, nil
		}
		text, err := jstypes.Describe(arg)
		if model, ok := jstypes.DescribeModel(arg); err != nil && ok {
			text, err = model, nil
		}
		if err != nil {
			fmt.Fprintf(s.cfg.Stderr, ".help: %v\n", err)
			s.failed++
			return false, nil
		}
		s.out(strings.TrimRight(text, "\n"))
	case "load":
		if arg == "" {
			fmt.Fprintln(s.cfg.Stderr, ".load: which file? (.load FILE)")
			s.failed++
			return false, nil
		}
		src, err := os.ReadFile(arg)
		if err != nil {
			fmt.Fprintf(s.cfg.Stderr, ".load: cannot read %s: %v\n", arg, unwrapPathError(err))
			s.failed++
			return false, nil
		}
		return s.evaluate(ctx, strings.TrimPrefix(string(src), "\ufeff"), arg)
	case "save":
		if arg == "" {
			fmt.Fprintln(s.cfg.Stderr, ".save: where to? (.save FILE)")
			s.failed++
			return false, nil
		}
		var keptOut int
		var b strings.Builder
		for _, e := range s.entries {
			if holdsCredential(e, s.secrets) {
				keptOut++
				continue
			}
			b.WriteString(e)
			b.WriteString("\n")
		}
		if err := writePrivateFile(arg, b.String()); err != nil {
			fmt.Fprintf(s.cfg.Stderr, ".save: cannot write %s: %v\n", arg, unwrapPathError(err))
			s.failed++
			return false, nil
		}
		msg := fmt.Sprintf("Session saved to: %s", arg)
		if keptOut > 0 {
			msg += fmt.Sprintf(" (%d entr%s holding a credential left out)", keptOut, map[bool]string{true: "y", false: "ies"}[keptOut == 1])
		}
		s.out(msg)
	case "editor":
		return s.editor(ctx)
	default:
		fmt.Fprintf(s.cfg.Stderr, "Invalid REPL keyword .%s (.help lists the commands)\n", name)
		s.failed++
	}
	return false, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// editor is paste mode: lines are collected as they are, without the "..." prompt and
// without evaluating, until Ctrl-D (on an empty line) runs them or Ctrl-C drops them.
func (s *session) editor(ctx context.Context) (done bool, err error) {
	if s.p.Interactive() {
		s.out("// Entering editor mode (Ctrl-D on an empty line runs it, Ctrl-C cancels)")
	}
	var lines []string
	for {
		line, err := s.read(ctx, "")
		switch {
		case err == nil:
			lines = append(lines, line)
			continue
		case errors.Is(err, errAborted):
			return false, nil
		case errors.Is(err, io.EOF):
		case errors.Is(err, errInputInterrupted):
			return false, nil
		default:
			return true, err
		}
		break
	}
	src := strings.Join(lines, "\n")
	if strings.TrimSpace(src) == "" {
		return false, nil
	}
	return s.evaluate(ctx, src, "")
}

// help is the text of .help: commands, keys, and the API overview read from the
// declarations (daktela.d.ts) that .help NAME describes name by name.
func (s *session) help() string {
	var b strings.Builder
	b.WriteString("Commands:\n")
	for _, c := range commands {
		name := "." + c.name
		if c.args != "" {
			name += " " + c.args
		}
		fmt.Fprintf(&b, "  %-13s %s\n", name, c.help)
	}
	b.WriteString(`
Keys: Tab completes names (also model names in buildReadRequest("...), and field
names in addFilter("...), addSort and setFields); Up/Down and
Ctrl-R search the history; Ctrl-C stops running code or clears the line; Ctrl-C twice
on an empty line, or Ctrl-D, exits. An unfinished entry continues on the next line.
_ holds the last result, _error the last error; top-level await works.

API: .help NAME prints a name's signature and description, as in .help Client,
.help ReadRequest.addFilter or .help csv.writer; .help Tickets prints a model's fields
and relations.
`)
	b.WriteString(jstypes.Overview())
	return strings.TrimRight(b.String(), "\n")
}

// wrapWords writes words joined by sep after prefix, wrapping lines at width columns
// with the continuation lines indented as far as the prefix.
func wrapWords(b *strings.Builder, prefix string, words []string, sep string, width int) {
	if len(words) == 0 {
		return
	}
	indent := strings.Repeat(" ", runewidth.StringWidth(prefix))
	col := len(indent)
	b.WriteString(prefix)
	trimmed := strings.TrimRight(sep, " ")
	for i, w := range words {
		wl := runewidth.StringWidth(w)
		if i > 0 && col+len(sep)+wl > width {
			b.WriteString(trimmed + "\n" + indent)
			col = len(indent)
		} else if i > 0 {
			b.WriteString(sep)
			col += len(sep)
		}
		b.WriteString(w)
		col += wl
	}
	b.WriteString("\n")
}
