package repl

import (
	"io"
	"sync"
)

// fakeInput is one thing the fake user does at a prompt: type a line, or press a key
// (errAborted for Ctrl-C, io.EOF for Ctrl-D). before, when set, runs first (e.g. to
// press Tab on a partial line through the completer).
type fakeInput struct {
	line   string
	err    error
	before func(p *fakePrompter)
	wait   <-chan struct{} // block until closed (a user who types nothing)
}

func typed(lines ...string) []fakeInput {
	in := make([]fakeInput, len(lines))
	for i, l := range lines {
		in[i] = fakeInput{line: l}
	}
	return in
}

var (
	ctrlC = fakeInput{err: errAborted}
	ctrlD = fakeInput{err: io.EOF}
)

// fakePrompter is a prompter for tests: it plays a script of inputs and records the
// prompts it was shown and the history it was given. After the script it returns
// io.EOF, as piped input does at its end.
type fakePrompter struct {
	mu          sync.Mutex
	inputs      []fakeInput
	prompts     []string
	history     []string
	completer   wordCompleter
	interactive bool
	closed      bool
}

func newFakePrompter(interactive bool, inputs ...fakeInput) *fakePrompter {
	return &fakePrompter{inputs: inputs, interactive: interactive}
}

func (p *fakePrompter) Prompt(prompt string) (string, error) {
	p.mu.Lock()
	p.prompts = append(p.prompts, prompt)
	if len(p.inputs) == 0 {
		p.mu.Unlock()
		return "", io.EOF
	}
	in := p.inputs[0]
	p.inputs = p.inputs[1:]
	p.mu.Unlock()
	if in.before != nil {
		in.before(p)
	}
	if in.wait != nil {
		<-in.wait
	}
	return in.line, in.err
}

func (p *fakePrompter) AppendHistory(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.history = append(p.history, line)
}

func (p *fakePrompter) SetCompleter(c wordCompleter) { p.completer = c }
func (p *fakePrompter) Interactive() bool            { return p.interactive }
func (p *fakePrompter) Close() error                 { p.closed = true; return nil }
