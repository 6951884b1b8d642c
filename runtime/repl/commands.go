package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/dop251/goja"
	"github.com/mattn/go-runewidth"
)

// commands are the dot commands, as in Node's REPL.
var commands = []struct{ name, args, help string }{
	{"break", "", "Leave an unfinished multi-line entry"},
	{"editor", "", "Enter editor mode: paste or type several lines, Ctrl-D on an empty line runs them, Ctrl-C cancels"},
	{"exit", "", "Exit the REPL"},
	{"help", "", "Print this help: the commands, the keys and the daktela API"},
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
		return true, nil
	case "help":
		s.out(s.help(ctx))
	case "load":
		if arg == "" {
			fmt.Fprintln(s.cfg.Stderr, ".load: which file? (.load FILE)")
			return false, nil
		}
		src, err := os.ReadFile(arg)
		if err != nil {
			fmt.Fprintf(s.cfg.Stderr, ".load: cannot read %s: %v\n", arg, unwrapPathError(err))
			return false, nil
		}
		return s.evaluate(ctx, strings.TrimPrefix(string(src), "\ufeff"), arg)
	case "save":
		if arg == "" {
			fmt.Fprintln(s.cfg.Stderr, ".save: where to? (.save FILE)")
			return false, nil
		}
		var keptOut int
		var b strings.Builder
		for _, e := range s.entries {
			if containsSecret(e, s.secrets) {
				keptOut++
				continue
			}
			b.WriteString(e)
			b.WriteString("\n")
		}
		if err := os.WriteFile(arg, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintf(s.cfg.Stderr, ".save: cannot write %s: %v\n", arg, unwrapPathError(err))
			return false, nil
		}
		msg := fmt.Sprintf("Session saved to: %s", arg)
		if keptOut > 0 {
			msg += fmt.Sprintf(" (%d entr%s holding the access token left out)", keptOut, map[bool]string{true: "y", false: "ies"}[keptOut == 1])
		}
		s.out(msg)
	case "editor":
		return s.editor(ctx)
	default:
		fmt.Fprintf(s.cfg.Stderr, "Invalid REPL keyword .%s (.help lists the commands)\n", name)
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

// help is the text of .help: commands, keys, and the daktela API read from the
// daktela global (its functions, and its classes with their methods).
func (s *session) help(ctx context.Context) string {
	var b strings.Builder
	b.WriteString("Commands:\n")
	for _, c := range commands {
		name := "." + c.name
		if c.args != "" {
			name += " " + c.args
		}
		fmt.Fprintf(&b, "  %-12s %s\n", name, c.help)
	}
	b.WriteString(`
Keys: Tab completes names (also model names in buildReadRequest("...)); Up/Down and
Ctrl-R search the history; Ctrl-C stops running code or clears the line; Ctrl-C twice
on an empty line, or Ctrl-D, exits. An unfinished entry continues on the next line.
_ holds the last result, _error the last error; top-level await works.
`)
	var api string
	_ = s.rt.Do(ctx, func(vm *goja.Runtime) error {
		api = describeAPI(vm, "daktela")
		return nil
	})
	if api != "" {
		b.WriteString("\n")
		b.WriteString(api)
	}
	return strings.TrimRight(b.String(), "\n")
}

// describeAPI lists what the global named global holds: functions, classes with their
// prototype methods, and other values, wrapped to 88 columns.
func describeAPI(vm *goja.Runtime, global string) string {
	root, ok := vm.Get(global).(*goja.Object)
	if !ok {
		return ""
	}
	var funcs, values []string
	type class struct {
		name    string
		methods []string
	}
	var classes []class
	tryJS(vm, func() {
		names := root.GetOwnPropertyNames()
		sort.Strings(names)
		for _, n := range names {
			v := root.Get(n)
			o, isObj := v.(*goja.Object)
			if _, isFn := goja.AssertFunction(v); isFn && isObj {
				if p, ok := o.Get("prototype").(*goja.Object); ok && n != "" && n[0] >= 'A' && n[0] <= 'Z' {
					var ms []string
					for _, m := range p.GetOwnPropertyNames() {
						if _, isFn := goja.AssertFunction(p.Get(m)); isFn && m != "constructor" {
							ms = append(ms, m)
						}
					}
					sort.Strings(ms)
					classes = append(classes, class{n, ms})
					continue
				}
				funcs = append(funcs, n+"()")
				continue
			}
			values = append(values, n)
		}
	})
	var b strings.Builder
	fmt.Fprintf(&b, "The %s API (the global %s, also require(%q)):\n", global, global, global)
	wrapList(&b, "  functions: ", funcs)
	if len(classes) > 0 {
		b.WriteString("  classes:\n")
		for _, c := range classes {
			if len(c.methods) == 0 {
				fmt.Fprintf(&b, "    %s\n", c.name)
				continue
			}
			wrapList(&b, fmt.Sprintf("    %-16s ", c.name), c.methods)
		}
	}
	wrapList(&b, "  other: ", values)
	fmt.Fprintf(&b, "Type %s.<Tab>, or a variable's name and a dot and Tab, to see what it offers.\n", global)
	return b.String()
}

// wrapList writes words after prefix, wrapping at 88 columns under the first word.
func wrapList(b *strings.Builder, prefix string, words []string) {
	wrapWords(b, prefix, words, " ", 88)
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
