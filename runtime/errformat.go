package runtime

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// thrownError carries a JavaScript value that ended a run outside a thrown exception:
// an unhandled rejection, or the rejection of the top-level await wrapper.
type thrownError struct {
	value     goja.Value
	inPromise bool
}

func (e *thrownError) Error() string { return "uncaught JavaScript value" }

// exitRequest is the interrupt value process.exit uses.
type exitRequest struct{ code int }

// interruptRequest is the interrupt value of a cancelled run.
type interruptRequest struct{}

// convertError turns what a run ended with into the error the caller gets.
func (r *Runtime) convertError(ctx context.Context, err error) error {
	var (
		ie *goja.InterruptedError
		so *goja.StackOverflowError
		te *thrownError
		ee *ExitError
		ef *engineFault
	)
	if err == nil {
		return nil
	}
	if thrown := findException(err); thrown != nil {
		// goja's Exception.Unwrap runs the script's code (instanceof on the thrown value,
		// its value property): errors.As and errors.Is must not see it.
		return r.exceptionError(ctx, thrown)
	}
	switch {
	case errors.As(err, &ee):
		return err
	case errors.As(err, &ie):
		if req, ok := ie.Value().(exitRequest); ok {
			if req.code == 0 {
				return nil
			}
			return &ExitError{Code: req.code}
		}
		return r.interruptError(ctx, ie.Stack())
	case ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)):
		return r.interruptError(ctx, nil)
	case errors.As(err, &so):
		e := &ScriptError{Kind: "Uncaught", Name: "RangeError", Message: "Maximum call stack size exceeded"}
		r.fillPosition(e, withoutInternal(r.scriptFrames(so.Stack())), true)
		return e
	case errors.As(err, &ef):
		e := &ScriptError{Kind: "Uncaught", Name: "InternalError", Message: ef.message(), cause: ef.err}
		r.fillPosition(e, withoutInternal(r.scriptFrames(ef.stack)), true)
		return e
	case errors.As(err, &te):
		kind := "Uncaught"
		if te.inPromise {
			kind = "Uncaught (in promise)"
		}
		return r.scriptError(te.value, kind, nil)
	}
	if se := r.syntaxError(err); se != nil {
		return se
	}
	return err
}

func (r *Runtime) interruptError(ctx context.Context, stack []goja.StackFrame) error {
	cause := context.Cause(ctx)
	e := &InterruptError{Code: ExitInterrupted, cause: cause, InFlight: writesInFlight(ctx)}
	r.classifyStop(e, cause)
	if fr := r.scriptFrames(stack); len(fr) > 0 {
		// Name the script's own line rather than a module's internals (<daktela>/...)
		// when the script is on the stack.
		at := fr[0]
		for _, f := range fr {
			if !strings.HasPrefix(f.File, "<") {
				at = f
				break
			}
		}
		e.File, e.Line = at.File, at.Line
	}
	return e
}

// scriptError describes a thrown value. frames are the exception's stack; without them
// the stack of an Error value is used.
func (r *Runtime) scriptError(v goja.Value, kind string, frames []goja.StackFrame) *ScriptError {
	e := &ScriptError{Kind: kind, Value: v}
	obj, isObj := v.(*goja.Object)
	var stack []Frame
	if frames != nil {
		stack = r.scriptFrames(frames)
	}
	// Reading the value may run the script's code (getters, Proxy traps, toString):
	// each read is guarded and bounded in time, and a value that cannot be read is
	// described without it.
	defer r.formatWatch()()
	isError := false
	if _, isProxy := proxyTarget(v); isObj && !isProxy {
		r.guarded(func() { isError = obj.ClassName() == "Error" })
	}
	if isError {
		e.Name, e.Message = "Error", unreadableMessage
		r.guarded(func() { e.Name = errorName(obj) })
		r.guarded(func() { e.Message = errorMessage(obj) })
		e.cause = r.goCause(obj)
		if stack == nil {
			r.guarded(func() { stack = r.framesFromStack(obj) })
		}
		r.guarded(func() { e.Extra = r.errorExtra(obj) })
		if pos, ok := r.syntaxPos[obj]; ok {
			e.File, e.Line, e.Column = pos.File, pos.Line, pos.Column
			e.SourceLine = r.sourceLine(pos.File, pos.Line)
			e.Stack = stack
			return e
		}
	} else if !r.guarded(func() { e.Message = r.inspect(v, inspectOptions{depth: 2}) }) {
		e.Message = uninspectableValue
	}
	r.fillPosition(e, withoutInternal(stack), true)
	if isError && e.Name == "TypeError" {
		e.Message = r.nullishAccess(e.Message, e.File, e.Line, e.Column)
	}
	return e
}

// What a report says in place of what the script's code did not let it read.
const (
	unreadableMessage  = "<the message could not be read>"
	uninspectableValue = "<a value that could not be described>"
)

// fillPosition sets the stack and takes the position from its first frame.
func (r *Runtime) fillPosition(e *ScriptError, stack []Frame, withSource bool) {
	e.Stack = stack
	if len(stack) > 0 {
		e.File, e.Line, e.Column = stack[0].File, stack[0].Line, stack[0].Column
		if withSource {
			e.SourceLine = r.sourceLine(e.File, e.Line)
		}
	}
}

// errorExtra inspects the error's own enumerable properties (status, errors, ...).
func (r *Runtime) errorExtra(obj *goja.Object) string {
	keys := obj.Keys()
	if len(keys) == 0 {
		return ""
	}
	copyObj := r.vm.NewObject()
	for _, k := range keys {
		if k == "stack" || k == "message" {
			continue
		}
		_ = copyObj.Set(k, obj.Get(k))
	}
	if len(copyObj.Keys()) == 0 {
		return ""
	}
	return r.inspect(copyObj, inspectOptions{depth: 2})
}

// scriptFrames converts goja frames, leaving out native ones and undoing the columns
// a wrapper added to line 1.
func (r *Runtime) scriptFrames(frames []goja.StackFrame) []Frame {
	var out []Frame
	for i := range frames {
		f := &frames[i]
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		if p.Filename == "<inspect>" {
			continue
		}
		fr := Frame{Func: f.FuncName(), File: p.Filename, Line: p.Line, Column: p.Column}
		if fr.Func == "<anonymous>" {
			fr.Func = ""
		}
		if r.wrapperCall(fr) || r.transformedFrame(&fr) {
			continue
		}
		out = append(out, r.unwrapFrame(fr))
	}
	return out
}

// wrapperCall reports whether fr is the call of the top-level await wrapper, on a
// line the script does not have.
func (r *Runtime) wrapperCall(fr Frame) bool {
	end, ok := r.wrapEnd[fr.File]
	return ok && fr.Line >= end
}

func (r *Runtime) unwrapFrame(fr Frame) Frame {
	if fr.Line == 1 {
		if n := r.wrapCols[fr.File]; n > 0 && fr.Column > n {
			fr.Column -= n
		}
	}
	return r.mapEvalFrame(fr)
}

// goja writes stack lines as "\tat name (file:1:2(34))", "\tat file:1:2(34)" or
// "\tat name (native)".
var stackLineRe = regexp.MustCompile(`^\s*at (?:(.*) \()?(.*?):(\d+):(\d+)(?:\(\d+\))?\)?$`)

// framesFromStack parses an Error's stack property into script frames.
func (r *Runtime) framesFromStack(obj *goja.Object) []Frame {
	sv := obj.Get("stack")
	if sv == nil || goja.IsUndefined(sv) {
		return nil
	}
	var out []Frame
	for _, line := range strings.Split(sv.String(), "\n") {
		m := stackLineRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ln, _ := strconv.Atoi(m[3])
		col, _ := strconv.Atoi(m[4])
		if m[2] == "<inspect>" {
			continue
		}
		fr := Frame{Func: m[1], File: m[2], Line: ln, Column: col}
		if r.wrapperCall(fr) || r.transformedFrame(&fr) {
			continue
		}
		out = append(out, r.unwrapFrame(fr))
	}
	return out
}

// sourceLine returns line n (1-based) of a script or module the runtime ran.
func (r *Runtime) sourceLine(file string, n int) string {
	src, ok := r.sources[file]
	if !ok || n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(src, "\r")
}

// requireSyntaxRe matches the message of a syntax error goja_nodejs reports for a
// module: "file: Line 3:7 Unexpected token (and 2 more errors)".
var requireSyntaxRe = regexp.MustCompile(`^(?:SyntaxError: )?(.*): Line (\d+):(\d+) (.*?)(?: \(and \d+ more errors?\))?$`)

// syntaxError describes a script or module that does not compile; nil if err is not
// a syntax error.
func (r *Runtime) syntaxError(err error) *ScriptError {
	pos, msg, ok := r.syntaxPosition(err)
	if !ok {
		return nil
	}
	e := &ScriptError{Kind: "SyntaxError", Name: "SyntaxError", Message: msg, File: pos.File, Line: pos.Line, Column: pos.Column}
	e.SourceLine = r.sourceLine(pos.File, pos.Line)
	return e
}

func (r *Runtime) syntaxPosition(err error) (Frame, string, bool) {
	var (
		el  parser.ErrorList
		pe  *parser.Error
		cse *goja.CompilerSyntaxError
		je  *jsonModuleError
		te  *transformError
	)
	switch {
	case errors.As(err, &el) && len(el) > 0:
		p := el[0].Position
		return r.unwrapFrame(Frame{File: p.Filename, Line: p.Line, Column: p.Column}), el[0].Message, true
	case errors.As(err, &pe):
		p := pe.Position
		return r.unwrapFrame(Frame{File: p.Filename, Line: p.Line, Column: p.Column}), pe.Message, true
	case errors.As(err, &je):
		return Frame{File: je.file, Line: je.line, Column: je.col}, je.msg, true
	case errors.As(err, &te):
		return Frame{File: te.file, Line: te.line, Column: te.col}, te.msg, true
	case errors.As(err, &cse):
		if cse.File != nil {
			p := cse.File.Position(cse.Offset)
			return r.unwrapFrame(Frame{File: p.Filename, Line: p.Line, Column: p.Column}), cse.Message, true
		}
		if m := requireSyntaxRe.FindStringSubmatch(cse.Message); m != nil {
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			return r.unwrapFrame(Frame{File: m[1], Line: ln, Column: col}), m[4], true
		}
		return Frame{}, cse.Message, true
	}
	return Frame{}, "", false
}

// jsonModuleError is a .json module that is not valid JSON.
type jsonModuleError struct {
	file      string
	line, col int
	msg       string
}

func (e *jsonModuleError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
}
