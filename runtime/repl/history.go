package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
)

// HistoryLimit is how many lines the history file keeps (as liner's in-memory
// history).
const HistoryLimit = 1000

// DefaultHistoryPath returns where the REPL keeps its history: the user's state
// directory ($XDG_STATE_HOME, else ~/.local/state on Unix-like systems; the user
// configuration directory on macOS and Windows), under dkscript/repl_history.
func DefaultHistoryPath() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "dkscript", "repl_history"), nil
	}
	switch goruntime.GOOS {
	case "darwin", "windows", "ios", "plan9":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "dkscript", "repl_history"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "state", "dkscript", "repl_history"), nil
}

// history is the REPL's history file: lines are appended as they are entered, the
// file is private to the user (mode 0600 in a 0700 directory), and lines that start
// with a space or hold a secret are never written.
type history struct {
	path    string
	secrets []string
	f       *os.File
}

// keep reports whether line may go into the history: not blank, not starting with a
// space (the shell convention for "do not remember this"), holding no credential (see
// holdsCredential).
func keep(line string, secrets []string) bool {
	if strings.TrimSpace(line) == "" || strings.HasPrefix(line, " ") {
		return false
	}
	return !holdsCredential(line, secrets)
}

// containsSecret reports whether s holds one of the (non-empty) secrets.
func containsSecret(s string, secrets []string) bool {
	for _, sec := range secrets {
		if sec != "" && strings.Contains(s, sec) {
			return true
		}
	}
	return false
}

// openHistory reads the history at path (the last HistoryLimit lines, leaving out any
// that hold a secret, in case an older file has one) and opens it for appending. The
// directory is made with mode 0700 and the file with 0600; an existing file readable
// by others is narrowed to 0600.
func openHistory(path string, secrets []string) (*history, []string, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, fmt.Errorf("history: %w", err)
	}
	var lines []string
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			if keep(sc.Text(), secrets) {
				lines = append(lines, sc.Text())
			}
		}
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, nil, fmt.Errorf("history: %w", err)
	}
	rewrite := len(lines) > HistoryLimit || err == nil && len(lines) != strings.Count(string(data), "\n")
	if len(lines) > HistoryLimit {
		lines = lines[len(lines)-HistoryLimit:]
	}
	if rewrite {
		text := ""
		if len(lines) > 0 {
			text = strings.Join(lines, "\n") + "\n"
		}
		if err := writeFileAtomic(path, text); err != nil {
			return nil, nil, fmt.Errorf("history: %w", err)
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("history: %w", err)
	}
	if fi, err := f.Stat(); err == nil && fi.Mode().Perm()&0o077 != 0 {
		_ = f.Chmod(0o600)
	}
	return &history{path: path, secrets: secrets, f: f}, lines, nil
}

// add appends line to the file when keep allows it, and reports whether it did.
func (h *history) add(line string) bool {
	if h == nil || !keep(line, h.secrets) || strings.ContainsAny(line, "\r\n") {
		return false
	}
	_, err := h.f.WriteString(line + "\n")
	return err == nil
}

// close closes the file.
func (h *history) close() error {
	if h == nil {
		return nil
	}
	return h.f.Close()
}

// writeFileAtomic replaces path with data (mode 0600) through a temporary file.
func writeFileAtomic(path, data string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".repl_history-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.WriteString(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
