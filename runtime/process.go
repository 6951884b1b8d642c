package runtime

import (
	"io"
	"math"
	"os"
	goruntime "runtime"
	"sort"
	"strconv"
	"time"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// installProcess defines the process global (argv, env, exit, exitCode, stdout,
// stderr, platform, cwd) and the global sleep(ms).
func (r *Runtime) installProcess() {
	vm := r.vm
	p := vm.NewObject()
	r.process = p
	r.setScriptName("")
	env := vm.NewObject()
	if r.opts.Capabilities.Env {
		keys := make([]string, 0, len(r.opts.Env))
		for k := range r.opts.Env {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			_ = env.Set(k, r.opts.Env[k])
		}
	}
	_ = p.Set("env", env)
	_ = p.Set("platform", goruntime.GOOS)
	_ = p.Set("exitCode", goja.Undefined())
	r.setFunc(p, "exit", func(call goja.FunctionCall) goja.Value {
		code := 0
		if a := call.Argument(0); !goja.IsUndefined(a) {
			code = r.exitCodeOf(a, "process.exit("+describeCode(a)+")")
		} else {
			code = r.processExitCode()
		}
		r.vm.Interrupt(exitRequest{code: code})
		return goja.Undefined()
	})
	r.setFunc(p, "cwd", func(goja.FunctionCall) goja.Value {
		if !r.opts.Capabilities.FileAccess {
			panic(r.newError("Error", "process.cwd() needs the FileAccess capability"))
		}
		wd, err := os.Getwd()
		if err != nil {
			panic(r.vm.NewGoError(err))
		}
		return vm.ToValue(wd)
	})
	_ = p.Set("stdout", r.stream(func() io.Writer { return r.stdout }))
	_ = p.Set("stderr", r.stream(func() io.Writer { return r.stderr }))
	vm.Set("process", p)
	r.setFunc(vm.GlobalObject(), "sleep", r.sleep)
}

// stream is a process.stdout-like object with write(text).
func (r *Runtime) stream(w func() io.Writer) *goja.Object {
	o := r.vm.NewObject()
	r.setFunc(o, "write", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0)
		var b []byte
		if ab, ok := bindings.GoValue(s).([]byte); ok {
			b = ab
		} else {
			b = []byte(s.String())
		}
		if _, err := w().Write(b); err != nil {
			panic(r.vm.NewGoError(err))
		}
		return r.vm.ToValue(true)
	})
	_ = o.Set("isTTY", false)
	return o
}

// setScriptName sets process.argv to ["dkscript", name made absolute, ...Options.Args].
func (r *Runtime) setScriptName(name string) {
	if name == r.scriptNm && r.process.Get("argv") != nil {
		return
	}
	r.scriptNm = name
	argv := make([]any, 0, 2+len(r.opts.Args))
	argv = append(argv, "dkscript", r.absName(name))
	for _, a := range r.opts.Args {
		argv = append(argv, a)
	}
	_ = r.process.Set("argv", r.vm.NewArray(argv...))
}

// processExitCode reads process.exitCode (0 when unset; see exitCodeOf).
func (r *Runtime) processExitCode() int {
	v := r.process.Get("exitCode")
	if bindings.IsNullish(v) {
		return 0
	}
	return r.exitCodeOf(v, "process.exitCode = "+describeCode(v))
}

// exitCodeOf returns the exit code v asks for: an integer from 0 to 255, or a string
// holding one. Anything else (1e10, -1, 2.5, "abc", true) ends the run with 1 and a
// warning on stderr naming what, so that a cron job never reads success from a code the
// system would cut to 0 or that is no code at all.
func (r *Runtime) exitCodeOf(v goja.Value, what string) int {
	var f float64
	ok := true
	switch {
	case goja.IsString(v):
		n, err := strconv.Atoi(v.String())
		f, ok = float64(n), err == nil
	case goja.IsNumber(v):
		f = v.ToFloat()
	default:
		ok = false
	}
	if ok && f >= 0 && f <= 255 && f == math.Trunc(f) {
		return int(f)
	}
	_, _ = io.WriteString(r.stderr, "Warning: "+what+": an exit code is an integer from 0 to 255; exiting with 1\n")
	return 1
}

// describeCode renders an exit code value for the warning: strings quoted, the rest as
// JavaScript prints it.
func describeCode(v goja.Value) string {
	if goja.IsString(v) {
		return strconv.Quote(v.String())
	}
	return bindings.Describe(v)
}

// exitCodeError is the ending of a script that finished normally: an ExitError when
// it set process.exitCode.
func (r *Runtime) exitCodeError() error {
	if c := r.processExitCode(); c != 0 {
		return &ExitError{Code: c}
	}
	return nil
}

// sleep(ms) blocks the script; cancelling the run ends it early.
func (r *Runtime) sleep(call goja.FunctionCall) goja.Value {
	ms := call.Argument(0).ToFloat()
	if !(ms > 0) {
		return goja.Undefined()
	}
	d := time.Duration(ms * float64(time.Millisecond))
	t := time.NewTimer(d)
	defer t.Stop()
	ctx := r.runCtx
	if ctx == nil {
		<-t.C
		return goja.Undefined()
	}
	select {
	case <-t.C:
	case <-ctx.Done():
		// The run's interrupt stops the script at its next instruction.
	}
	return goja.Undefined()
}

// describeType names a value's type for argument errors: "a string", "a number", and
// "an object" for any object that is neither an array nor a function. undefined, null,
// functions and arrays are worded by bindings.Describe, so these messages and those of
// the bindings say "got null" or "got an array" alike.
func describeType(v goja.Value) string {
	switch {
	case bindings.IsNullish(v):
		return bindings.Describe(v)
	case goja.IsString(v):
		return "a string"
	case goja.IsNumber(v):
		return "a number"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn || o.ClassName() == "Array" {
			return bindings.Describe(o)
		}
		return "an object"
	}
	switch {
	case goja.IsBigInt(v):
		return "a bigint"
	case isSymbol(v):
		return "a symbol"
	}
	if _, ok := bindings.BoolOf(v); ok {
		return "a boolean"
	}
	return "a value of type " + v.ExportType().String()
}

// isSymbol reports whether v is a JS Symbol.
func isSymbol(v goja.Value) bool {
	_, ok := v.(*goja.Symbol)
	return ok
}

func itoa(n int) string { return strconv.Itoa(n) }
