package repl

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// errAborted is what a prompter returns when the user pressed Ctrl-C at the prompt.
var errAborted = errors.New("prompt aborted")

// wordCompleter is liner's completion callback: the line and the cursor position in
// runes give back the text before the completed word, the candidates for the word,
// and the text after the cursor.
type wordCompleter func(line string, pos int) (head string, completions []string, tail string)

// prompter reads the user's input one line at a time. The loop calls it from one
// goroutine at a time.
type prompter interface {
	// Prompt shows prompt and returns the line the user entered, without the newline;
	// io.EOF on Ctrl-D (or the end of piped input), errAborted on Ctrl-C.
	Prompt(prompt string) (string, error)
	// AppendHistory adds an entered line to the in-memory history (arrow keys).
	AppendHistory(line string)
	// SetCompleter installs the tab completion callback.
	SetCompleter(c wordCompleter)
	// Interactive reports whether a person is typing at a terminal: prompts, colour,
	// the banner and Ctrl-C hints are shown only then.
	Interactive() bool
	// Close gives the terminal back as it was.
	Close() error
}

// linePrompter reads piped (non-terminal) input: no prompts, no editing.
type linePrompter struct {
	r *bufio.Reader
}

func newLinePrompter(r io.Reader) *linePrompter {
	return &linePrompter{r: bufio.NewReaderSize(r, 64*1024)}
}

// Prompt returns the next line; prompt is not shown.
func (p *linePrompter) Prompt(string) (string, error) {
	line, err := p.r.ReadString('\n')
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		return "", err
	}
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

func (p *linePrompter) AppendHistory(string)       {}
func (p *linePrompter) SetCompleter(wordCompleter) {}
func (p *linePrompter) Interactive() bool          { return false }
func (p *linePrompter) Close() error               { return nil }
