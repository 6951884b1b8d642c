package runtime

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of a HandlerPool.
const (
	DefaultPoolSize       = 8
	DefaultPoolQueue      = 64
	DefaultHandlerTimeout = 30 * time.Second
)

// Errors of HandlerPool.Call (besides a *HandlerError).
var (
	// ErrNoHandler: the script exports no handler for the event.
	ErrNoHandler = errors.New("no handler for this event")
	// ErrPoolBusy: every runtime is busy and the queue is full.
	ErrPoolBusy = errors.New("every handler runtime is busy and the queue is full")
	// ErrPoolClosed: the pool is shutting down and takes no more calls.
	ErrPoolClosed = errors.New("the handler pool is shutting down")
)

// HandlerPoolOptions configure a HandlerPool.
type HandlerPoolOptions struct {
	// Script is the handlers' script: an OS path, or a path inside Runtime.ModuleFS.
	// Its exports are the handlers: functions named after events, called with the
	// parsed payload and a request object {event, headers, path}. CommonJS
	// (module.exports = {...}), ES module named exports and a default export object
	// all work; top-level await does not (the script is loaded with require).
	Script string
	// Runtime is every runtime's options. Its Stdout and Stderr are shared by the
	// runtimes and written a line at a time at most by one of them.
	Runtime Options
	// Size is how many runtimes there are, so how many handlers run at once (default
	// DefaultPoolSize). A runtime runs one handler at a time, its awaits included.
	Size int
	// Queue is how many calls may wait for a free runtime (default DefaultPoolQueue;
	// less than 0: none); past it Call returns ErrPoolBusy at once.
	Queue int
	// Timeout bounds one handler's run (default DefaultHandlerTimeout).
	Timeout time.Duration
}

// HandlerPool runs the handlers a script exports in a bounded set of runtimes (a goja
// runtime serves one goroutine at a time): a call takes a free runtime, waiting in a
// bounded queue when all are busy. Each runtime loaded the script itself, so state a
// script keeps in module scope is per runtime, not shared. It is safe for concurrent
// use.
type HandlerPool struct {
	opts   HandlerPoolOptions
	events []string
	has    map[string]bool

	idle  chan *pooled    // free runtimes (nil: one to make again)
	slots chan struct{}   // running and queued calls
	base  context.Context // every handler runs under it: cancelled to cut a shutdown short
	stop  context.CancelFunc
	calls sync.WaitGroup

	mu      sync.Mutex
	closing bool
	closed  bool

	running atomic.Int64
	waiting atomic.Int64
}

// pooled is one runtime of the pool with the handlers it loaded.
type pooled struct {
	rt    *Runtime
	hooks *hookSet
}

// NewHandlerPool starts opts.Size runtimes and loads the script in each; an error
// names the script's mistake (a syntax error, a throw at load, no handlers).
func NewHandlerPool(opts HandlerPoolOptions) (*HandlerPool, error) {
	if opts.Size <= 0 {
		opts.Size = DefaultPoolSize
	}
	if opts.Queue == 0 {
		opts.Queue = DefaultPoolQueue
	} else if opts.Queue < 0 {
		opts.Queue = 0
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultHandlerTimeout
	}
	opts.Runtime.Stdout = shareWriter(opts.Runtime.Stdout)
	opts.Runtime.Stderr = shareWriter(opts.Runtime.Stderr)
	p := &HandlerPool{
		opts:  opts,
		idle:  make(chan *pooled, opts.Size),
		slots: make(chan struct{}, opts.Size+opts.Queue),
		has:   map[string]bool{},
	}
	p.base, p.stop = context.WithCancel(context.Background())
	for i := 0; i < opts.Size; i++ {
		pr, err := p.newRuntime()
		if err != nil {
			p.closeIdle()
			return nil, err
		}
		if i == 0 {
			p.events = pr.hooks.names()
			for _, e := range p.events {
				p.has[e] = true
			}
		}
		p.idle <- pr
	}
	return p, nil
}

// newRuntime makes a runtime and loads the script in it.
func (p *HandlerPool) newRuntime() (*pooled, error) {
	rt, err := New(p.opts.Runtime)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), p.opts.Timeout)
	defer cancel()
	hs, err := rt.loadHooks(ctx, p.opts.Script)
	if err != nil {
		rt.Close()
		return nil, err
	}
	return &pooled{rt: rt, hooks: hs}, nil
}

// Events lists the events the script has a handler for, sorted.
func (p *HandlerPool) Events() []string { return append([]string(nil), p.events...) }

// Has reports whether the script has a handler for event.
func (p *HandlerPool) Has(event string) bool { return p.has[event] }

// Running is how many handlers are running now.
func (p *HandlerPool) Running() int { return int(p.running.Load()) }

// Waiting is how many calls wait for a free runtime now.
func (p *HandlerPool) Waiting() int { return int(p.waiting.Load()) }

// Size is the number of runtimes.
func (p *HandlerPool) Size() int { return p.opts.Size }

// Call runs the handler of req.Event and returns what it gave back, or a
// *HandlerError when it threw, rejected or was stopped (Timeout, a shutdown cut
// short). ctx bounds only the wait for a free runtime: once the handler runs, it runs
// under the pool's own context and Timeout, so a sender that hangs up does not stop a
// handler half-way through its writes. Call returns ErrNoHandler, ErrPoolBusy or
// ErrPoolClosed without running anything.
func (p *HandlerPool) Call(ctx context.Context, req *HookRequest) (*HookResult, error) {
	if !p.has[req.Event] {
		return nil, ErrNoHandler
	}
	p.mu.Lock()
	if p.closing {
		p.mu.Unlock()
		return nil, ErrPoolClosed
	}
	select {
	case p.slots <- struct{}{}:
	default:
		p.mu.Unlock()
		return nil, ErrPoolBusy
	}
	p.calls.Add(1)
	p.mu.Unlock()
	defer func() {
		<-p.slots
		p.calls.Done()
	}()

	p.waiting.Add(1)
	var pr *pooled
	select {
	case pr = <-p.idle:
	case <-ctx.Done():
	case <-p.base.Done():
	}
	p.waiting.Add(-1)
	if pr == nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if pr == nil && p.base.Err() != nil {
		return nil, ErrPoolClosed
	}
	p.running.Add(1)
	defer p.running.Add(-1)
	defer func() { p.idle <- pr }()
	if pr == nil {
		var err error
		if pr, err = p.newRuntime(); err != nil {
			return nil, &HandlerError{Event: req.Event, Err: err}
		}
	}
	callCtx, cancel := context.WithTimeout(p.base, p.opts.Timeout)
	defer cancel()
	res, err := pr.rt.callHook(callCtx, pr.hooks, req)
	if errors.Is(err, ErrAbandoned) || errors.Is(err, ErrClosed) {
		// The runtime is stuck in a built-in (or gone): the next call makes a new one.
		pr.rt.Close()
		pr = nil
	}
	return res, err
}

// Shutdown stops taking calls (Call returns ErrPoolClosed) and waits for the calls
// under way, the queued ones included, to finish. When ctx ends first, the running
// handlers are stopped (they end with a *HandlerError) and Shutdown returns ctx's error
// once they have. The runtimes are closed at the end.
func (p *HandlerPool) Shutdown(ctx context.Context) error {
	p.mu.Lock()
	p.closing = true
	p.mu.Unlock()
	done := make(chan struct{})
	go func() {
		p.calls.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
		p.stop()
		<-done
	}
	p.stop()
	p.closeIdle()
	return err
}

// Close is Shutdown without a deadline.
func (p *HandlerPool) Close() { _ = p.Shutdown(context.Background()) }

// closeIdle closes the free runtimes (all of them, once no call runs).
func (p *HandlerPool) closeIdle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	for {
		select {
		case pr := <-p.idle:
			if pr != nil {
				pr.rt.Close()
			}
		default:
			return
		}
	}
}
