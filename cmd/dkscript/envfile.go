package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// readEnvFile reads a dotenv file: one KEY=VALUE a line, blank lines and lines starting
// with '#' ignored, an optional "export " prefix, values optionally in single quotes
// (taken literally) or double quotes (Go escapes such as \n and \" understood), which
// may span lines. Unquoted values end at " #" (a trailing comment) and are trimmed.
// Nothing is expanded: a "$" is a "$", as in the file.
//
// This is the format of github.com/joho/godotenv and Node's --env-file where they
// agree, read by a parser of our own because godotenv v1.5.1 differs where it matters
// for files that hold secrets: it expands $NAME in unquoted and double-quoted values
// from the file alone (a password "pa$$W0RD" becomes "pa$", "https://$HOST/x"
// "https:///x"), keeps a backslash of "\"q\"" and drops the one of "\t" ("a\tb" is
// "atb"), accepts "FOO BAR=1" as the key "FOO BAR", fails on a byte order mark, and its
// errors quote the file's text (the secret) without a line number.
func readEnvFile(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, configErrorf("--env-file: %v", err)
	}
	return parseEnvFile(path, data)
}

func parseEnvFile(name string, data []byte) (map[string]string, error) {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, configErrorf("--env-file %s: %v", name, err)
	}
	out := map[string]string{}
	for i := 0; i < len(lines); i++ {
		n := i + 1
		line := strings.TrimSpace(lines[i])
		if i == 0 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		key, val, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || !validEnvKey(key) {
			// The line is not echoed: it may hold a secret.
			return nil, configErrorf("%s:%d: not a KEY=VALUE line", name, n)
		}
		val = strings.TrimSpace(val)
		// A quoted value that does not close on its line goes on over the next ones,
		// as it is, line ends included.
		if q := quoteOf(val); q != 0 {
			for closingQuote(val, q) < 0 && i+1 < len(lines) {
				i++
				val += "\n" + lines[i]
			}
		}
		v, err := envValue(val)
		if err != nil {
			return nil, configErrorf("%s:%d: value of %s: %v", name, n, key, err)
		}
		out[key] = v
	}
	return out, nil
}

// quoteOf returns the quote v starts with, or 0.
func quoteOf(v string) byte {
	if v != "" && (v[0] == '"' || v[0] == '\'') {
		return v[0]
	}
	return 0
}

func envValue(v string) (string, error) {
	switch quoteOf(v) {
	case '"':
		end := closingQuote(v, '"')
		if end < 0 {
			return "", fmt.Errorf("missing closing \"")
		}
		// A line end inside the quotes is one in the value.
		s, err := strconv.Unquote(strings.ReplaceAll(v[:end+1], "\n", `\n`))
		if err != nil {
			return "", fmt.Errorf("bad escape in double-quoted value")
		}
		return s, nil
	case '\'':
		end := closingQuote(v, '\'')
		if end < 0 {
			return "", fmt.Errorf("missing closing '")
		}
		return v[1:end], nil
	default:
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		return strings.TrimSpace(v), nil
	}
}

// closingQuote returns the index of the quote q closing the string v starts, or -1. In
// double quotes a backslash escapes the next character; single quotes have no escapes.
func closingQuote(v string, q byte) int {
	for i := 1; i < len(v); i++ {
		switch {
		case v[i] == '\\' && q == '"':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}

func validEnvKey(k string) bool {
	if k == "" {
		return false
	}
	for i, r := range k {
		if r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9' || i > 0 && r == '.' {
			continue
		}
		return false
	}
	return true
}
