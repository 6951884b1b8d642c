package runtime

import (
	"strings"

	"github.com/dop251/goja"
)

// formatArgs joins console arguments as Node's util.format does: a first string may
// hold %s %d %i %f %j %o %O %c and %% placeholders; the other arguments follow,
// strings as they are, other values inspected.
func (r *Runtime) formatArgs(args []goja.Value, opts inspectOptions) string {
	if len(args) == 0 {
		return ""
	}
	var b strings.Builder
	rest := args
	if goja.IsString(args[0]) {
		f := args[0].String()
		if len(args) == 1 {
			return f
		}
		a := 1
		last := 0
		for i := 0; i < len(f)-1; i++ {
			if f[i] != '%' {
				continue
			}
			c := f[i+1]
			if c == '%' {
				b.WriteString(f[last:i])
				b.WriteByte('%')
				last = i + 2
				i++
				continue
			}
			if a >= len(args) || !strings.ContainsRune("sdifjoOc", rune(c)) {
				continue
			}
			b.WriteString(f[last:i])
			b.WriteString(r.formatPlaceholder(c, args[a], opts))
			a++
			last = i + 2
			i++
		}
		b.WriteString(f[last:])
		rest = args[a:]
		if len(rest) > 0 {
			b.WriteByte(' ')
		}
	}
	for i, v := range rest {
		if i > 0 {
			b.WriteByte(' ')
		}
		if goja.IsString(v) {
			b.WriteString(v.String())
		} else {
			b.WriteString(r.inspect(v, opts))
		}
	}
	return b.String()
}

func (r *Runtime) formatPlaceholder(c byte, v goja.Value, opts inspectOptions) string {
	switch c {
	case 's':
		switch {
		case goja.IsString(v):
			return v.String()
		case goja.IsBigInt(v):
			return v.String() + "n"
		case goja.IsNumber(v):
			return formatNumber(v)
		}
		if o, ok := v.(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(o); !isFn {
				return r.inspect(v, inspectOptions{depth: 0, breakLength: opts.breakLength})
			}
		}
		if sym, ok := v.(*goja.Symbol); ok {
			return symbolString(sym)
		}
		return v.String()
	case 'd', 'i', 'f':
		if goja.IsBigInt(v) {
			if c == 'f' {
				return r.callGlobal("parseFloat", v)
			}
			return v.String() + "n"
		}
		if _, ok := v.(*goja.Symbol); ok {
			return "NaN"
		}
		switch c {
		case 'd':
			if o, ok := v.(*goja.Object); ok && o != nil {
				return "NaN"
			}
			return formatNumber(v.ToNumber())
		case 'i':
			return r.callGlobal("parseInt", v)
		default:
			return r.callGlobal("parseFloat", v)
		}
	case 'j':
		s, err := jsonStringify(r.vm, v)
		if err != nil {
			if strings.Contains(err.Error(), "circular") || strings.Contains(err.Error(), "Circular") {
				return "[Circular]"
			}
			return "[" + err.Error() + "]"
		}
		return s
	case 'o':
		return r.inspect(v, inspectOptions{depth: 4, colors: opts.colors, breakLength: opts.breakLength})
	case 'O':
		return r.inspect(v, opts)
	case 'c':
		return ""
	}
	return ""
}

func (r *Runtime) callGlobal(name string, v goja.Value) string {
	fn, ok := goja.AssertFunction(r.vm.Get(name))
	if !ok {
		return "NaN"
	}
	res, err := fn(goja.Undefined(), v)
	if err != nil {
		return "NaN"
	}
	return formatNumber(res)
}

// jsonStringify runs JSON.stringify(v); undefined gives "undefined".
func jsonStringify(vm *goja.Runtime, v goja.Value) (string, error) {
	j := vm.Get("JSON").ToObject(vm)
	fn, ok := goja.AssertFunction(j.Get("stringify"))
	if !ok {
		return "", nil
	}
	res, err := fn(j, v)
	if err != nil {
		var ex *goja.Exception
		if e, ok := err.(*goja.Exception); ok {
			ex = e
			if o, ok := ex.Value().(*goja.Object); ok {
				return "", errString(o.Get("message").String())
			}
		}
		return "", err
	}
	if goja.IsUndefined(res) {
		return "undefined", nil
	}
	return res.String(), nil
}

type errString string

func (e errString) Error() string { return string(e) }
