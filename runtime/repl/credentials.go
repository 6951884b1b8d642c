package repl

import (
	"os"

	"github.com/dkscript/dkscript/runtime"
)

// holdsCredential reports whether an entered line or entry must stay out of the history
// and .save files: it holds one of the configured secrets, calls something that takes
// credentials (whatever its arguments: the token or password may be typed in them), or
// gives a credential-named variable or property a string literal.
func holdsCredential(s string, secrets []string) bool {
	return containsSecret(s, secrets) || runtime.MentionsCredential(s)
}

// writePrivateFile writes data to path readable by the user alone (mode 0600), also when
// path exists with a wider mode: a session may hold what others should not read.
func writePrivateFile(path, data string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.WriteString(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
