package runtime

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// utilModule is require("util"): format and inspect as console uses them, parseArgs
// (parse_args.go) and promisify (promisify.go).
type utilModule struct{ r *Runtime }

var _ bindings.Module = utilModule{}

// Name returns "util".
func (m utilModule) Name() string { return "util" }

// Instantiate builds util.format, util.inspect, util.formatWithOptions,
// util.parseArgs and util.promisify (promisify.go).
func (m utilModule) Instantiate(h bindings.Host) (goja.Value, error) {
	r := m.r
	o := r.vm.NewObject()
	r.setFunc(o, "format", func(call goja.FunctionCall) goja.Value {
		return r.vm.ToValue(r.formatArgs(call.Arguments, inspectOptions{depth: 2}))
	})
	r.setFunc(o, "formatWithOptions", func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		if len(args) > 0 {
			args = args[1:]
		}
		return r.vm.ToValue(r.formatArgs(args, r.inspectOptionsFrom(call.Argument(0))))
	})
	r.setFunc(o, "inspect", func(call goja.FunctionCall) goja.Value {
		return r.vm.ToValue(r.inspect(call.Argument(0), r.inspectOptionsFrom(call.Argument(1))))
	})
	r.setFunc(o, "parseArgs", r.parseArgs)
	_ = o.Set("promisify", r.promisify())
	return o, nil
}

// inspectOptionsFrom reads {depth, colors, breakLength, maxArrayLength, compact}.
func (r *Runtime) inspectOptionsFrom(v goja.Value) inspectOptions {
	opts := inspectOptions{depth: 2}
	o, ok := v.(*goja.Object)
	if !ok {
		return opts
	}
	num := func(name string, dst *int) {
		if x := o.Get(name); x != nil && !goja.IsUndefined(x) {
			if goja.IsNull(x) || goja.IsInfinity(x) {
				*dst = -1
			} else {
				*dst = int(x.ToInteger())
			}
		}
	}
	num("depth", &opts.depth)
	num("breakLength", &opts.breakLength)
	if opts.breakLength < 0 {
		opts.breakLength = 1 << 30
	}
	num("maxArrayLength", &opts.maxArrayLength)
	num("compact", &opts.compact)
	if c := o.Get("colors"); c != nil {
		opts.colors = c.ToBoolean()
	}
	return opts
}
