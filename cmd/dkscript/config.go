package main

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
)

// connection is where the client goes, once flags, environment and profile are resolved.
type connection struct {
	URL   string
	Token string
	Auth  string // "header" or "query"
	// Where each came from, for --verbose and error messages (never the token itself).
	URLFrom, TokenFrom string
	// Timezone is the profile's instance time zone ("" when it names none).
	Timezone, TimezoneFrom string
}

// scriptEnv builds the script's process.env: the whole process environment, then each
// --env-file in order, then each -e KEY=VALUE (later wins). The connection settings
// (DAKTELA_URL, DAKTELA_TOKEN, DKSCRIPT_PROFILE) are read from this merged environment
// too, so they can live in a .env file.
func scriptEnv(st *state, f *runFlags) (map[string]string, error) {
	env := maps.Clone(st.Env)
	if env == nil {
		env = map[string]string{}
	}
	for _, p := range f.envFiles {
		m, err := readEnvFile(absPath(st, p))
		if err != nil {
			return nil, err
		}
		maps.Copy(env, m)
	}
	for _, kv := range f.env {
		k, v, _ := strings.Cut(kv, "=")
		if k == "DAKTELA_TOKEN" {
			fmt.Fprintln(st.Stderr, "dkscript: warning: -e DAKTELA_TOKEN=... puts the token on the command line, where other users can see it (ps); use --token-file or the environment")
		}
		env[k] = v
	}
	return env, nil
}

// resolveConnection applies the precedence flag > environment > profile to the URL, the
// token and the auth method. It returns a nil connection when no URL is configured
// anywhere (scripts that make no requests need none); a URL without a token is an error.
func resolveConnection(st *state, f *runFlags, env map[string]string) (*connection, error) {
	cfg, err := loadConfig(st, configPath(st, env))
	if err != nil {
		return nil, err
	}
	profName, profFrom := f.profile, "--profile"
	if profName == "" && env["DKSCRIPT_PROFILE"] != "" {
		profName, profFrom = env["DKSCRIPT_PROFILE"], "DKSCRIPT_PROFILE"
	}
	prof, profName, err := cfg.pick(profName, profFrom)
	if err != nil {
		return nil, err
	}
	if prof == nil {
		prof = &profile{}
	}
	c := &connection{Auth: "header"}

	switch {
	case f.url != "":
		c.URL, c.URLFrom = f.url, "--url"
	case env["DAKTELA_URL"] != "":
		c.URL, c.URLFrom = env["DAKTELA_URL"], "DAKTELA_URL"
	case prof.URL != "":
		c.URL, c.URLFrom = prof.URL, "profile "+profName
	}

	switch {
	case f.tokenFile != "":
		c.Token, err = readTokenFile(st, absPath(st, f.tokenFile), "--token-file")
		c.TokenFrom = "--token-file"
	case env["DAKTELA_TOKEN"] != "":
		c.Token, c.TokenFrom = strings.TrimSpace(env["DAKTELA_TOKEN"]), "DAKTELA_TOKEN"
	case prof.TokenFile != "":
		p := expandHome(env, prof.TokenFile)
		if !filepath.IsAbs(p) && cfg.path != "" {
			p = filepath.Join(filepath.Dir(cfg.path), p)
		}
		c.Token, err = readTokenFile(st, p, fmt.Sprintf("profile %s tokenFile", profName))
		c.TokenFrom = "profile " + profName
	case prof.Token != "":
		c.Token, c.TokenFrom = prof.Token, "profile "+profName
	}
	if err != nil {
		return nil, err
	}

	switch {
	case f.auth != "":
		c.Auth = f.auth
	case env["DAKTELA_AUTH"] != "":
		c.Auth = env["DAKTELA_AUTH"]
		if c.Auth != "header" && c.Auth != "query" {
			return nil, configErrorf("DAKTELA_AUTH=%q: want header or query", c.Auth)
		}
	case prof.Auth != "":
		c.Auth = prof.Auth
	}

	if prof.Timezone != "" {
		c.Timezone, c.TimezoneFrom = prof.Timezone, "profile "+profName
	}

	if c.URL == "" {
		if c.Token != "" {
			return nil, configErrorf("an access token is given (%s) but no instance URL: set DAKTELA_URL, use --url URL, or add url to a profile in %s", c.TokenFrom, cfg.displayPath())
		}
		return nil, nil
	}
	if c.Token == "" {
		return nil, configErrorf("no access token for %s (from %s): set DAKTELA_TOKEN, use --token-file FILE, or add token/tokenFile to a profile in %s", c.URL, c.URLFrom, cfg.displayPath())
	}
	return c, nil
}

// readTokenFile reads a token file (surrounding white space dropped), warning when the
// file is readable by group or others. Errors never quote the file's content.
func readTokenFile(st *state, path, what string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", configErrorf("%s: %v", what, err)
	}
	warnIfShared(st, path, "token file")
	tok := strings.TrimSpace(string(data))
	if tok == "" {
		return "", configErrorf("%s: %s is empty", what, path)
	}
	if strings.ContainsAny(tok, "\r\n") {
		return "", configErrorf("%s: %s holds more than one line; it must hold only the token", what, path)
	}
	return tok, nil
}

// warnIfShared warns on stderr when the file at path can be read by group or others.
func warnIfShared(st *state, path, what string) {
	info, err := os.Stat(path)
	if err != nil {
		return
	}
	if mode := info.Mode().Perm(); mode&0o044 != 0 {
		fmt.Fprintf(st.Stderr, "dkscript: warning: %s %s is readable by group or others (mode %04o); run: chmod 600 %s\n", what, path, uint32(mode), path)
	}
}
