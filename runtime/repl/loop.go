package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/dkscript/dkscript/runtime"
	"github.com/dop251/goja"
)

// completionTimeout bounds the property reads of one Tab press (a getter that loops
// must not hang the prompt).
const completionTimeout = 500 * time.Millisecond

// continuationPrompt is shown while an entry is unfinished.
const continuationPrompt = "... "

// exitHint is Node's answer to a first Ctrl-C on an empty line.
const exitHint = "(To exit, press Ctrl+C again or Ctrl+D or type .exit)"

// errInputInterrupted is a Ctrl-C that arrived while the loop waited for input that
// liner does not handle itself (piped input).
var errInputInterrupted = errors.New("interrupted while reading input")

// session is one REPL session: the loop's state between entries.
type session struct {
	rt      *runtime.Runtime
	cfg     Config
	p       prompter
	hist    *history
	comp    *completer
	color   bool
	prompt  string
	secrets []string

	buf     []string // the lines of an unfinished entry
	entries []string // evaluated entries, for .save
	failed  int      // entries that failed, for the exit code of piped input

	prompts chan string
	lines   chan readResult
}

type readResult struct {
	line string
	err  error
}

func newSession(rt *runtime.Runtime, cfg Config, p prompter, hist *history) *session {
	s := &session{
		rt:      rt,
		cfg:     cfg,
		p:       p,
		hist:    hist,
		comp:    newCompleter(cfg.Models),
		color:   cfg.Color && p.Interactive(),
		prompt:  cfg.Prompt,
		secrets: cfg.Secrets,
	}
	if s.prompt == "" {
		s.prompt = "> "
	}
	p.SetCompleter(s.completeLine)
	return s
}

// run is the loop: read a line, collect an entry until it parses, run a command or
// evaluate, print, again.
func (s *session) run(ctx context.Context) error {
	if s.p.Interactive() && s.cfg.Banner != "" {
		s.out(strings.TrimRight(s.cfg.Banner, "\n"))
	}
	if err := defineCommonJS(ctx, s.rt); err != nil {
		return err
	}
	// Lines are read on a goroutine of their own so that the loop can also watch ctx
	// and Ctrl-C while it waits; it evaluates only after a line arrived, so the
	// completion callback (on the reader goroutine) and evaluation never overlap.
	s.prompts = make(chan string)
	s.lines = make(chan readResult, 1)
	go func() {
		for pr := range s.prompts {
			l, err := s.p.Prompt(pr)
			s.lines <- readResult{l, err}
		}
	}()
	defer close(s.prompts)

	abortedOnce := false
	for {
		prompt := s.prompt
		if len(s.buf) > 0 {
			prompt = continuationPrompt
		}
		line, err := s.read(ctx, prompt)
		switch {
		case err == nil:
		case errors.Is(err, errAborted):
			if len(s.buf) > 0 {
				s.buf = nil
				abortedOnce = false
				continue
			}
			if abortedOnce {
				return nil
			}
			abortedOnce = true
			s.out(exitHint)
			continue
		case errors.Is(err, io.EOF):
			if s.p.Interactive() {
				s.out("")
			} else if len(s.buf) > 0 {
				// Piped input ended inside an entry: run it for its syntax error.
				src := strings.Join(s.buf, "\n")
				s.buf = nil
				if done, err := s.evaluate(ctx, src, ""); done {
					return err
				}
			}
			return s.endError()
		case errors.Is(err, errInputInterrupted):
			return &runtime.InterruptError{Code: runtime.ExitInterrupted}
		default:
			return err
		}
		abortedOnce = false
		s.remember(line)

		if cmd, arg, ok := parseCommand(line, len(s.buf) > 0); ok {
			done, err := s.command(ctx, cmd, arg)
			if done {
				return err
			}
			continue
		}
		if len(s.buf) == 0 && leadingDot(line) {
			fmt.Fprintf(s.cfg.Stderr, leadingDotHint+"\n", chainStart(line))
			s.failed++
			continue
		}
		s.buf = append(s.buf, line)
		src := strings.Join(s.buf, "\n")
		if Incomplete(src) {
			continue
		}
		s.buf = nil
		if strings.TrimSpace(src) == "" {
			continue
		}
		if done, err := s.evaluate(ctx, src, ""); done {
			return err
		}
	}
}

// read asks the reader goroutine for a line and waits for it, for ctx, or (with piped
// input) for Ctrl-C.
func (s *session) read(ctx context.Context, prompt string) (string, error) {
	if !s.p.Interactive() {
		prompt = ""
	}
	select {
	case s.prompts <- prompt:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	for {
		select {
		case r := <-s.lines:
			return r.line, r.err
		case <-ctx.Done():
			return "", ctx.Err()
		case <-s.cfg.Interrupt:
			if !s.p.Interactive() {
				return "", errInputInterrupted
			}
			// liner handles Ctrl-C itself while it prompts; a signal that slipped in
			// between prompts is dropped.
		}
	}
}

// remember puts an entered line into the history (file and arrow keys).
func (s *session) remember(line string) {
	if !s.p.Interactive() || !keep(line, s.secrets) {
		return
	}
	s.p.AppendHistory(line)
	s.hist.add(line)
}

// evaluate runs src, prints its value or its error, and sets _ or _error; an entry
// that ran without error is kept for .save. file names the source in error reports
// instead of the REPL's own name (.load). done is true when the session must end:
// err is then what Run returns.
func (s *session) evaluate(ctx context.Context, src, file string) (done bool, err error) {
	var v goja.Value
	err = s.interruptible(ctx, func(ctx context.Context) error {
		var err error
		v, err = s.rt.EvalNamed(ctx, file, src)
		return err
	})
	if ctx.Err() != nil {
		return true, ctx.Err()
	}
	var exit *runtime.ExitError
	switch {
	case errors.As(err, &exit):
		if exit.Code == 0 {
			return true, nil // process.exit(0): the session just ends
		}
		return true, err
	case err != nil:
		s.printError(err)
		s.failed++
		return false, nil
	}
	s.entries = append(s.entries, src)
	for _, n := range declaredNames(src) {
		s.comp.declared[n] = true
	}
	var text string
	perr := s.interruptible(ctx, func(ctx context.Context) error {
		return s.rt.Do(ctx, func(vm *goja.Runtime) error {
			_ = vm.Set("_", v)
			text = s.formatValue(vm, v)
			return nil
		})
	})
	if perr != nil {
		s.printError(perr)
		s.failed++
		return false, nil
	}
	s.out(text)
	return false, nil
}

// formatValue is how a result is printed: a Response as a summary, anything else as
// console.log would show it.
func (s *session) formatValue(vm *goja.Runtime, v goja.Value) string {
	if IsResponse(v) {
		return FormatResponse(vm, v.(*goja.Object), s.color, "_")
	}
	if goja.IsUndefined(v) && s.color {
		return ansiDim + "undefined" + ansiReset
	}
	text := s.rt.Inspect(v)
	if !s.color {
		// The runtime colours inspect output when it was made with Color; piped input
		// gets none. (Inspect escapes control characters inside strings, so only its
		// own styles are removed.)
		text = sgrSeq.ReplaceAllString(text, "")
	}
	return text
}

// sgrSeq matches an ANSI colour or style sequence.
var sgrSeq = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// interruptible runs fn with a context that Ctrl-C cancels.
func (s *session) interruptible(ctx context.Context, fn func(context.Context) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := make(chan struct{})
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		select {
		case <-s.cfg.Interrupt:
			cancel(runtime.ErrInterrupted)
		case <-stop:
		}
	}()
	err := fn(ctx)
	close(stop)
	<-watching
	return err
}

// printError reports an entry's error as `dkscript run` does and keeps the thrown
// value in _error.
func (s *session) printError(err error) {
	var se *runtime.ScriptError
	if errors.As(err, &se) && se.Value != nil {
		_ = s.rt.Do(context.Background(), func(vm *goja.Runtime) error {
			return vm.Set("_error", se.Value)
		})
	}
	msg := err.Error()
	if s.color {
		msg = ansiRed + msg + ansiReset
	}
	fmt.Fprintln(s.cfg.Stderr, s.redact(msg))
}

// completeLine is the prompter's completion callback.
func (s *session) completeLine(line string, pos int) (head string, completions []string, tail string) {
	runes := []rune(line)
	if pos < 0 || pos > len(runes) {
		pos = len(runes)
	}
	head, tail = string(runes[:pos]), string(runes[pos:])
	ctx, cancel := context.WithTimeout(context.Background(), completionTimeout)
	defer cancel()
	_ = s.rt.Do(ctx, func(vm *goja.Runtime) error {
		head, completions, tail = s.comp.complete(vm, line, pos)
		return nil
	})
	return head, completions, tail
}

// out writes a line of the REPL's own output, secrets masked.
func (s *session) out(line string) {
	writeString(s.cfg.Stdout, s.redact(line)+"\n")
}

// redact replaces every secret in text with "***".
func (s *session) redact(text string) string {
	for _, sec := range s.secrets {
		if sec != "" {
			text = strings.ReplaceAll(text, sec, "***")
		}
	}
	return text
}
