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
// (taken literally) or double quotes (Go escapes such as \n and \" understood). Unquoted
// values end at " #" (a trailing comment) and are trimmed.
func readEnvFile(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, configErrorf("--env-file: %v", err)
	}
	return parseEnvFile(path, data)
}

func parseEnvFile(name string, data []byte) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
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
		v, err := envValue(strings.TrimSpace(val))
		if err != nil {
			return nil, configErrorf("%s:%d: value of %s: %v", name, n, key, err)
		}
		out[key] = v
	}
	if err := sc.Err(); err != nil {
		return nil, configErrorf("--env-file %s: %v", name, err)
	}
	return out, nil
}

func envValue(v string) (string, error) {
	switch {
	case strings.HasPrefix(v, `"`):
		end := closingQuote(v)
		if end < 0 {
			return "", fmt.Errorf("missing closing \"")
		}
		s, err := strconv.Unquote(v[:end+1])
		if err != nil {
			return "", fmt.Errorf("bad escape in double-quoted value")
		}
		return s, nil
	case strings.HasPrefix(v, "'"):
		end := strings.IndexByte(v[1:], '\'')
		if end < 0 {
			return "", fmt.Errorf("missing closing '")
		}
		return v[1 : end+1], nil
	default:
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		return strings.TrimSpace(v), nil
	}
}

// closingQuote returns the index of the '"' closing the string v starts, or -1.
func closingQuote(v string) int {
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
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
