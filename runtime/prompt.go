package runtime

import (
	"context"
	"io"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// prompt(message, default) and confirm(message) ask the person at the terminal, as
// Deno's globals do: the question goes to stderr (so it shows when stdout goes to a
// file) and the answer is a line of stdin. Without a terminal (Options.Interactive
// false) they return at once, confirm false and prompt its default or null, and never
// wait for input; Options.AssumeYes (dkscript --yes) makes every confirm true and every
// prompt its default without asking.

// installPrompts defines the prompt and confirm globals.
func (r *Runtime) installPrompts() {
	g := r.vm.GlobalObject()
	r.setFunc(g, "prompt", r.prompt)
	r.setFunc(g, "confirm", r.confirm)
}

// prompt is prompt(message = "Prompt", default): the line typed, default (or "") for an
// empty line, default (or null) at the end of input or without a terminal.
func (r *Runtime) prompt(call goja.FunctionCall) goja.Value {
	msg := questionText(call.Argument(0), "Prompt")
	def := call.Argument(1)
	fallback, hasDef := goja.Null(), !bindings.IsNullish(def)
	q := msg + " "
	if hasDef {
		fallback = r.vm.ToValue(def.String())
		q = msg + " [" + def.String() + "] "
	}
	if r.opts.AssumeYes || !r.opts.Interactive {
		return fallback
	}
	line, ok := r.ask(q)
	switch {
	case !ok:
		return fallback
	case line == "" && hasDef:
		return fallback
	}
	return r.vm.ToValue(line)
}

// confirm is confirm(message = "Confirm"): true when the answer is y or yes (any case).
func (r *Runtime) confirm(call goja.FunctionCall) goja.Value {
	msg := questionText(call.Argument(0), "Confirm")
	if r.opts.AssumeYes {
		return r.vm.ToValue(true)
	}
	if !r.opts.Interactive {
		return r.vm.ToValue(false)
	}
	line, ok := r.ask(msg + " [y/N] ")
	a := strings.ToLower(strings.TrimSpace(line))
	return r.vm.ToValue(ok && (a == "y" || a == "yes"))
}

// questionText is the message argument as text, def when it is undefined.
func questionText(v goja.Value, def string) string {
	if goja.IsUndefined(v) {
		return def
	}
	return v.String()
}

// lineResult is one line read from stdin.
type lineResult struct {
	line string
	ok   bool // false at the end of input or on a read error
}

// ask writes q to stderr and returns the next line of stdin without its line end. It
// gives up, with ok false, when the run is stopped (Ctrl-C, --timeout): the read goes
// on in the background and its line answers the next question.
func (r *Runtime) ask(q string) (string, bool) {
	_, _ = io.WriteString(r.stderr, q)
	if r.pendingLine == nil {
		ch := make(chan lineResult, 1)
		r.pendingLine = ch
		go func(in io.Reader) { ch <- readLine(in) }(r.stdin)
	}
	ctx := r.runCtx
	if ctx == nil {
		ctx = context.Background()
	}
	select {
	case res := <-r.pendingLine:
		r.pendingLine = nil
		if !res.ok {
			_, _ = io.WriteString(r.stderr, "\n") // the person ended the input: end the question's line
		}
		return res.line, res.ok
	case <-ctx.Done():
		// Stop the script at its next instruction: the run's own interrupt comes from
		// another goroutine and may come later.
		r.vm.Interrupt(interruptRequest{})
		_, _ = io.WriteString(r.stderr, "\n")
		return "", false
	}
}

// readLine reads up to a newline one byte at a time, so that nothing after the line is
// taken from in (the script may read the rest of stdin itself).
func readLine(in io.Reader) lineResult {
	var b strings.Builder
	buf := make([]byte, 1)
	for {
		n, err := in.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				return lineResult{line: strings.TrimSuffix(b.String(), "\r"), ok: true}
			}
			b.WriteByte(buf[0])
			continue
		}
		if err != nil {
			return lineResult{line: b.String(), ok: b.Len() > 0}
		}
	}
}
