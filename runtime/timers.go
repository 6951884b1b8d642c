package runtime

import (
	"container/heap"
	"time"

	"github.com/dop251/goja"
)

// timer is a pending setTimeout, setInterval or setImmediate.
type timer struct {
	id        int
	when      time.Time
	seq       uint64 // order among timers due at the same instant
	delay     time.Duration
	interval  bool
	cancelled bool
	unref     bool // does not keep the run going (see setUnrefTimer)
	fire      func() error
	index     int
}

// timerHeap orders timers by due time, then by the order they were set.
type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].index = i; h[j].index = j }
func (h *timerHeap) Push(x any)   { t := x.(*timer); t.index = len(*h); *h = append(*h, t) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return t
}

// installTimers defines setTimeout, setInterval, setImmediate and their clear
// functions, and queueMicrotask. Timer ids are numbers, as in browsers.
func (r *Runtime) installTimers() {
	vm := r.vm
	set := func(kind string, interval, immediate bool) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(vm.NewTypeError("%s: the callback argument must be a function, got %s", kind, describeType(call.Argument(0))))
			}
			var delay time.Duration
			argStart := 1
			if !immediate {
				ms := call.Argument(1).ToFloat()
				if !(ms >= 1) || ms > 2147483647 { // NaN, negative, 0 and huge become 1 ms, as in Node
					ms = 1
				}
				delay = time.Duration(ms * float64(time.Millisecond))
				argStart = 2
			}
			var args []goja.Value
			if len(call.Arguments) > argStart {
				args = append(args, call.Arguments[argStart:]...)
			}
			l := r.loop
			l.nextID++
			l.seq++
			t := &timer{id: l.nextID, seq: l.seq, delay: delay, interval: interval}
			t.fire = func() error {
				_, err := fn(goja.Undefined(), args...)
				return err
			}
			l.active[t.id] = t
			if immediate {
				l.immediates = append(l.immediates, t)
			} else {
				t.when = l.taskTime().Add(delay)
				heap.Push(&l.timers, t)
			}
			return vm.ToValue(t.id)
		}
	}
	clearFn := func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			return goja.Undefined()
		}
		id := int(v.ToInteger())
		if t := r.loop.active[id]; t != nil && !t.unref {
			r.loop.drop(t)
		}
		return goja.Undefined()
	}
	g := vm.GlobalObject()
	r.setFunc(g, "setTimeout", set("setTimeout", false, false))
	r.setFunc(g, "setInterval", set("setInterval", true, false))
	r.setFunc(g, "setImmediate", set("setImmediate", false, true))
	r.setFunc(g, "clearTimeout", clearFn)
	r.setFunc(g, "clearInterval", clearFn)
	r.setFunc(g, "clearImmediate", clearFn)
	r.setFunc(g, "queueMicrotask", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(vm.NewTypeError("queueMicrotask: the callback argument must be a function, got %s", describeType(call.Argument(0))))
		}
		p, resolve, _ := vm.NewPromise()
		then, _ := goja.AssertFunction(vm.ToValue(p).ToObject(vm).Get("then"))
		if _, err := then(vm.ToValue(p), vm.ToValue(func(goja.FunctionCall) goja.Value {
			if _, err := fn(goja.Undefined()); err != nil {
				panic(err)
			}
			return goja.Undefined()
		})); err != nil {
			panic(err)
		}
		if err := resolve(goja.Undefined()); err != nil {
			panic(err)
		}
		return goja.Undefined()
	})
}

// setUnrefTimer runs fn after d on the loop unless stop is called first, without
// keeping the run going: the loop ends when only such timers are left, as Node's does
// for a timer.unref(). It is what AbortSignal.timeout uses (bindings.TimerHost).
func (r *Runtime) setUnrefTimer(d time.Duration, fn func() error) (stop func()) {
	l := r.loop
	l.nextID++
	l.seq++
	t := &timer{id: l.nextID, seq: l.seq, delay: d, unref: true, fire: fn}
	t.when = l.taskTime().Add(d)
	l.active[t.id] = t
	l.unref++
	heap.Push(&l.timers, t)
	return func() {
		if l.active[t.id] == t {
			l.drop(t)
		}
	}
}
