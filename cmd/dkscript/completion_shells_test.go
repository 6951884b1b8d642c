package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ctrlX binds Ctrl-X, in each shell, to a function that appends the command line to
// the file $LINES_OUT and clears it, so the test reads what completion left on the line.
var ctrlX = map[string]string{
	"bash": `bind -x '"\C-x": printf "%s\n" "$READLINE_LINE" >> "$LINES_OUT"; READLINE_LINE='`,
	"zsh":  `show() { print -r -- "$BUFFER" >> "$LINES_OUT"; BUFFER= }; zle -N show; bindkey '^X' show`,
	"fish": `function show; commandline >> $LINES_OUT; commandline -r ''; end; bind \cx show`,
}

// shellInstalls are the ways docs/cli.md gives to install the completion script, for
// good (bash and zsh load it when needed, fish when it first completes dkscript) and
// in this shell only.
var shellInstalls = []struct {
	name, shell string
	setup       []string
}{
	{"bash", "bash", []string{
		`mkdir -p ~/.local/share/bash-completion/completions`,
		`dkscript completion bash > ~/.local/share/bash-completion/completions/dkscript`,
		// What an interactive bash's start-up does where the bash-completion package is
		// installed (~/.bashrc on Debian): dkscript's completion builds on it, as every
		// cobra program's does.
		`source /usr/share/bash-completion/bash_completion`,
	}},
	// The script loads bash-completion itself when it is installed but not loaded.
	{"bash source", "bash", []string{`source <(dkscript completion bash)`}},
	{"zsh", "zsh", []string{
		`mkdir -p ~/.zfunc && dkscript completion zsh > ~/.zfunc/_dkscript`,
		`fpath=(~/.zfunc $fpath)`,
		`autoload -U compinit && compinit -u -D`,
	}},
	{"zsh source", "zsh", []string{
		`autoload -U compinit && compinit -u -D`,
		`source <(dkscript completion zsh)`,
	}},
	{"fish", "fish", []string{
		`mkdir -p ~/.config/fish/completions`,
		`dkscript completion fish > ~/.config/fish/completions/dkscript.fish`,
	}},
	{"fish source", "fish", []string{`dkscript completion fish | source`}},
}

// shellArgs start each shell interactively without the user's start-up files (fish
// reads the system's, which hold nothing for dkscript).
var shellArgs = map[string][]string{
	"bash": {"--norc", "--noprofile", "-i"},
	"zsh":  {"-f", "-i"},
	"fish": {"-i"},
}

// TestCompletionInShells installs each completion script in its real shell, started
// interactively on a terminal, in each way docs/cli.md gives, types the start of a word, presses Tab and reads back
// the command line: a command, a flag, a profile from the config file, a script file
// (run offers report.js, not readme.txt) and a flag's fixed value. A shell that is not
// installed is skipped (.ci/run installs bash-completion, zsh and fish).
func TestCompletionInShells(t *testing.T) {
	cases := []struct{ typed, want string }{
		{"dkscript mo", "dkscript mock"},
		{"dkscript rep", "dkscript rep"}, // repl and report.js
		{"dkscript repo", "dkscript report.js"},
		{"dkscript run --dry-r", "dkscript run --dry-run"},
		{"dkscript run --profile pr", "dkscript run --profile prod"},
		{"dkscript run re", "dkscript run report.js"},
		{"dkscript eval --log-format j", "dkscript eval --log-format json"},
		{"dkscript help api models.Ticke", "dkscript help api models.Tickets"},
	}
	for _, install := range shellInstalls {
		shell := install.shell
		t.Run(install.name, func(t *testing.T) {
			path, err := exec.LookPath(shell)
			if err != nil {
				t.Skipf("%s is not installed", shell)
			}
			if shell == "bash" {
				if _, err := os.Stat("/usr/share/bash-completion/bash_completion"); err != nil {
					t.Skip("the bash-completion package is not installed")
				}
			}
			sh := startShell(t, path, shellArgs[shell])
			for _, line := range append([]string{ctrlX[shell]}, install.setup...) {
				sh.typeLine(line)
			}
			for _, c := range cases {
				got := sh.complete(c.typed)
				if strings.TrimRight(got, " ") != c.want {
					t.Errorf("%s: %q<Tab> left %q on the line, want %q", install.name, c.typed, got, c.want)
				}
			}
		})
	}
}

// interactiveShell is a shell on a pseudo-terminal.
type interactiveShell struct {
	t      *testing.T
	tty    *os.File
	out    string // the file the Ctrl-X binding appends the command line to
	screen *syncBuffer
	lines  int // lines of out read so far
}

// startShell starts the shell at path with args on a terminal, in a directory holding
// report.js, readme.txt and a config file with the profiles prod and test.
func startShell(t *testing.T, path string, args []string) *interactiveShell {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"work/report.js":                    "console.log(1)\n",
		"work/readme.txt":                   "not a script\n",
		"home/.config/dkscript/config.json": `{"profiles": {"prod": {"url": "https://acme.daktela.com"}, "test": {"url": "https://acme-test.daktela.com"}}}`,
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "lines.out")
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	pty.Setsize(ptmx, &pty.Winsize{Rows: 50, Cols: 200})
	cmd := exec.Command(path, args...)
	cmd.Dir = filepath.Join(dir, "work")
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), // with this test binary as dkscript (TestMain)
		"HOME=" + filepath.Join(dir, "home"),
		"TERM=xterm",
		"LINES_OUT=" + out,
		"GORACE=" + childGORACE(),
		"PS1=$ ",
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	screen := &syncBuffer{}
	go io.Copy(screen, ptmx)
	return &interactiveShell{t: t, tty: ptmx, out: out, screen: screen}
}

// typeLine types line and Enter, and waits until the shell has run it (an empty Ctrl-X
// line marks the moment).
func (s *interactiveShell) typeLine(line string) {
	s.t.Helper()
	io.WriteString(s.tty, line+"\r")
	if got := s.readLine(""); got != "" {
		s.t.Fatalf("after %q the command line holds %q", line, got)
	}
}

// complete types typed, Tab and Ctrl-X, and returns the command line the binding wrote.
func (s *interactiveShell) complete(typed string) string {
	s.t.Helper()
	io.WriteString(s.tty, typed+"\t")
	return s.readLine(typed + "<Tab>")
}

// readLine presses Ctrl-X and returns the command line the binding wrote.
func (s *interactiveShell) readLine(typed string) string {
	s.t.Helper()
	io.WriteString(s.tty, "\x18")
	deadline := time.Now().Add(20 * time.Second)
	for {
		data, _ := os.ReadFile(s.out)
		lines := strings.Split(string(data), "\n")
		if len(lines)-1 > s.lines {
			s.lines++
			return lines[s.lines-1]
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("no command line written after %q<Ctrl-X> in 20s; screen:\n%s", typed, s.screen.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
