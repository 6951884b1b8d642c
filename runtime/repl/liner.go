package repl

import (
	"errors"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/peterh/liner"
)

// linerPrompter reads lines with peterh/liner on the process's terminal (liner works
// on file descriptors 0 and 1 only). As go-ethereum's console does, the terminal is in
// liner's raw mode only while a prompt is showing: between prompts, while JavaScript
// runs, it is back in its normal mode, so output looks right and Ctrl-C raises SIGINT,
// which the loop turns into an interrupt of the running code.
type linerPrompter struct {
	state      *liner.State
	normalMode liner.ModeApplier
	rawMode    liner.ModeApplier
}

// terminalUsable reports whether stdin and stdout are the process's own terminal, as
// liner needs.
func terminalUsable(in, out any) bool {
	fi, ok := in.(*os.File)
	if !ok || fi.Fd() != os.Stdin.Fd() || !isatty.IsTerminal(fi.Fd()) {
		return false
	}
	fo, ok := out.(*os.File)
	if !ok || fo.Fd() != os.Stdout.Fd() || !isatty.IsTerminal(fo.Fd()) {
		return false
	}
	return liner.TerminalSupported()
}

// newLinerPrompter takes over the terminal. The history lines are loaded into liner's
// in-memory history.
func newLinerPrompter(historyLines []string) (*linerPrompter, error) {
	normal, err := liner.TerminalMode()
	if err != nil {
		return nil, err
	}
	st := liner.NewLiner()
	raw, err := liner.TerminalMode()
	if err != nil {
		st.Close()
		return nil, err
	}
	st.SetCtrlCAborts(true)
	st.SetTabCompletionStyle(liner.TabPrints)
	st.SetMultiLineMode(true)
	for _, l := range historyLines {
		st.AppendHistory(l)
	}
	p := &linerPrompter{state: st, normalMode: normal, rawMode: raw}
	_ = normal.ApplyMode()
	return p, nil
}

// Prompt shows prompt with line editing in raw mode, then restores the normal mode.
func (p *linerPrompter) Prompt(prompt string) (string, error) {
	_ = p.rawMode.ApplyMode()
	defer func() { _ = p.normalMode.ApplyMode() }()
	line, err := p.state.Prompt(prompt)
	if errors.Is(err, liner.ErrPromptAborted) {
		return "", errAborted
	}
	return line, err
}

// AppendHistory adds line to liner's history (it skips a repeat of the last line).
func (p *linerPrompter) AppendHistory(line string) { p.state.AppendHistory(line) }

// SetCompleter installs c as liner's word completer.
func (p *linerPrompter) SetCompleter(c wordCompleter) {
	p.state.SetWordCompleter(liner.WordCompleter(c))
}

// Interactive is true: a person types at a terminal.
func (p *linerPrompter) Interactive() bool { return true }

// Close restores the terminal.
func (p *linerPrompter) Close() error {
	err := p.state.Close()
	_ = p.normalMode.ApplyMode()
	return err
}
