package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The config file holds named connection profiles. It is JSON, at
// <user config dir>/dkscript/config.json (DKSCRIPT_CONFIG names another file):
//
//	{
//	  "default": "prod",
//	  "profiles": {
//	    "prod": {"url": "https://acme.daktela.com", "tokenFile": "prod.token"},
//	    "test": {"url": "https://acme-test.daktela.com", "token": "...", "auth": "query"},
//	    "us": {"url": "https://acme-us.daktela.com", "tokenFile": "us.token", "timezone": "America/New_York"}
//	  }
//	}
//
// tokenFile is relative to the config file's directory ("~/" means the home directory).
// A token written in the file itself is allowed when the file is readable only by you.

// configFile is the parsed config file.
type configFile struct {
	Default  string             `json:"default"`
	Profiles map[string]profile `json:"profiles"`

	path string // where it was read from
}

// profile is one named connection.
type profile struct {
	URL       string `json:"url"`
	Token     string `json:"token"`
	TokenFile string `json:"tokenFile"`
	Auth      string `json:"auth"`
	Timezone  string `json:"timezone"` // the instance's IANA time zone (default Europe/Prague)
}

// configPath returns where the config file is: DKSCRIPT_CONFIG, else
// <config dir>/dkscript/config.json ("" when there is no config dir).
func configPath(st *state, env map[string]string) string {
	if p := env["DKSCRIPT_CONFIG"]; p != "" {
		return absPath(st, p)
	}
	if st.ConfigDir == "" {
		return ""
	}
	return filepath.Join(st.ConfigDir, "dkscript", "config.json")
}

// loadConfig reads the config file; a missing file gives an empty config.
func loadConfig(st *state, path string) (*configFile, error) {
	cfg := &configFile{path: path}
	if path == "" {
		return cfg, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return nil, configErrorf("config file: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cfg); err != nil {
		return nil, configErrorf("config file %s: %v", path, jsonErrorText(data, err))
	}
	for name, p := range cfg.Profiles {
		switch p.Auth {
		case "", "header", "query":
		default:
			return nil, configErrorf("config file %s: profile %q: auth %q: want header or query", path, name, p.Auth)
		}
		if p.Token != "" {
			warnIfShared(st, path, "config file")
		}
	}
	return cfg, nil
}

// jsonErrorText adds the line number to a JSON syntax error.
func jsonErrorText(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return "line " + strconv.Itoa(line) + ": " + err.Error()
	}
	return err.Error()
}

// pick returns the profile to use: the one named (by --profile or DKSCRIPT_PROFILE),
// else the file's default, else none. Asking for a profile that does not exist is an
// error that lists the ones that do.
func (c *configFile) pick(name, source string) (*profile, string, error) {
	if name == "" {
		name = c.Default
		source = `"default" in ` + c.displayPath()
		if name == "" {
			return nil, "", nil
		}
	}
	p, ok := c.Profiles[name]
	if !ok {
		names := make([]string, 0, len(c.Profiles))
		for n := range c.Profiles {
			names = append(names, n)
		}
		slices.Sort(names)
		known := "it has none"
		if len(names) > 0 {
			known = "it has " + strings.Join(names, ", ")
		}
		return nil, "", configErrorf("profile %q (from %s) is not in the config file %s: %s", name, source, c.displayPath(), known)
	}
	return &p, name, nil
}

func (c *configFile) displayPath() string {
	if c.path == "" {
		return "(no config directory)"
	}
	return c.path
}

// expandHome turns a leading "~/" into the home directory.
func expandHome(env map[string]string, p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home := env["HOME"]; home != "" {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// absPath resolves p against the working directory.
func absPath(st *state, p string) string {
	if filepath.IsAbs(p) || st.Dir == "" {
		return p
	}
	return filepath.Join(st.Dir, p)
}
