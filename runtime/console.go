package runtime

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// consoleState is what console methods remember between calls.
type consoleState struct {
	indent string
	counts map[string]int
	timers map[string]time.Time
}

// installConsole defines our own console: log/info/debug to stdout, warn/error/trace
// to stderr, Node-like formatting of values, table, time/timeEnd, count, group,
// assert and dir.
func (r *Runtime) installConsole() {
	r.console = &consoleState{counts: map[string]int{}, timers: map[string]time.Time{}}
	c := r.vm.NewObject()
	out := func() io.Writer { return r.stdout }
	errw := func() io.Writer { return r.stderr }
	printer := func(w func() io.Writer) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			r.writeConsole(w(), r.formatArgs(call.Arguments, r.consoleInspect()))
			return goja.Undefined()
		}
	}
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { r.setFunc(c, name, fn) }
	set("log", printer(out))
	set("info", printer(out))
	set("debug", printer(out))
	set("warn", printer(errw))
	set("error", printer(errw))
	set("dir", func(call goja.FunctionCall) goja.Value {
		opts := r.consoleInspect()
		if o, ok := call.Argument(1).(*goja.Object); ok {
			if d := o.Get("depth"); d != nil && !goja.IsUndefined(d) {
				if goja.IsNull(d) || goja.IsInfinity(d) {
					opts.depth = -1
				} else {
					opts.depth = int(d.ToInteger())
				}
			}
		}
		r.writeConsole(r.stdout, r.inspect(call.Argument(0), opts))
		return goja.Undefined()
	})
	set("table", func(call goja.FunctionCall) goja.Value {
		r.writeConsole(r.stdout, r.consoleTable(call.Argument(0), call.Argument(1)))
		return goja.Undefined()
	})
	set("trace", func(call goja.FunctionCall) goja.Value {
		var b strings.Builder
		b.WriteString("Trace")
		if len(call.Arguments) > 0 {
			b.WriteString(": ")
			b.WriteString(r.formatArgs(call.Arguments, r.consoleInspect()))
		}
		for _, f := range r.scriptFrames(r.vm.CaptureCallStack(0, nil)) {
			b.WriteString("\n    at ")
			b.WriteString(f.String())
		}
		r.writeConsole(r.stderr, b.String())
		return goja.Undefined()
	})
	set("assert", func(call goja.FunctionCall) goja.Value {
		if call.Argument(0).ToBoolean() {
			return goja.Undefined()
		}
		data := call.Arguments
		if len(data) > 0 {
			data = data[1:]
		}
		msg := "Assertion failed"
		if len(data) > 0 {
			msg += ": " + r.formatArgs(data, r.consoleInspect())
		}
		r.writeConsole(r.stderr, msg)
		return goja.Undefined()
	})
	set("count", func(call goja.FunctionCall) goja.Value {
		label := consoleLabel(call.Argument(0))
		r.console.counts[label]++
		r.writeConsole(r.stdout, fmt.Sprintf("%s: %d", label, r.console.counts[label]))
		return goja.Undefined()
	})
	set("countReset", func(call goja.FunctionCall) goja.Value {
		delete(r.console.counts, consoleLabel(call.Argument(0)))
		return goja.Undefined()
	})
	group := func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) > 0 {
			r.writeConsole(r.stdout, r.formatArgs(call.Arguments, r.consoleInspect()))
		}
		r.console.indent += "  "
		return goja.Undefined()
	}
	set("group", group)
	set("groupCollapsed", group)
	set("groupEnd", func(goja.FunctionCall) goja.Value {
		if len(r.console.indent) >= 2 {
			r.console.indent = r.console.indent[2:]
		}
		return goja.Undefined()
	})
	set("time", func(call goja.FunctionCall) goja.Value {
		label := consoleLabel(call.Argument(0))
		if _, ok := r.console.timers[label]; ok {
			r.writeConsole(r.stderr, fmt.Sprintf("Warning: Label '%s' already exists for console.time()", label))
			return goja.Undefined()
		}
		r.console.timers[label] = time.Now()
		return goja.Undefined()
	})
	timeLog := func(name string, end bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			label := consoleLabel(call.Argument(0))
			start, ok := r.console.timers[label]
			if !ok {
				r.writeConsole(r.stderr, fmt.Sprintf("Warning: No such label '%s' for console.%s()", label, name))
				return goja.Undefined()
			}
			if end {
				delete(r.console.timers, label)
			}
			line := label + ": " + formatDuration(time.Since(start))
			if !end && len(call.Arguments) > 1 {
				line += " " + r.formatArgs(call.Arguments[1:], r.consoleInspect())
			}
			r.writeConsole(r.stdout, line)
			return goja.Undefined()
		}
	}
	set("timeEnd", timeLog("timeEnd", true))
	set("timeLog", timeLog("timeLog", false))
	r.vm.Set("console", c)
}

func (r *Runtime) consoleInspect() inspectOptions {
	return inspectOptions{depth: 2, colors: r.opts.Color, breakLength: 80}
}

func consoleLabel(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "default"
	}
	return v.String()
}

// formatDuration prints a console.time duration as Node does: "1.234ms", "2.5s".
func formatDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case ms >= 60000:
		return fmt.Sprintf("%.3fmin", ms/60000)
	case ms >= 1000:
		return fmt.Sprintf("%.3fs", ms/1000)
	}
	return fmt.Sprintf("%.3fms", ms)
}

// writeConsole writes one console entry, indented by console.group, with a newline.
func (r *Runtime) writeConsole(w io.Writer, s string) {
	if ind := r.console.indent; ind != "" {
		s = ind + strings.ReplaceAll(s, "\n", "\n"+ind)
	}
	if _, err := io.WriteString(w, s+"\n"); err != nil {
		panic(r.vm.NewGoError(fmt.Errorf("console: %w", err)))
	}
}
