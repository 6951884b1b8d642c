package main

import (
	"strings"

	"github.com/dkscript/dkscript/bindings/jsfetch"
	"github.com/dkscript/dkscript/runtime"
)

// allowNetFlag is --allow-net: the hosts fetch may reach. Unset or alone (as Deno's),
// any host; set to a comma-separated list (--allow-net=api.example.com,127.0.0.1:8080),
// only those (any port unless one is given); set to nothing (--allow-net=), none. Like
// a bool flag, it takes its value only after "=", so "--allow-net script.js" does not
// take the script for a host.
type allowNetFlag struct {
	hosts []string
	set   bool
}

func (a *allowNetFlag) String() string {
	if a == nil {
		return ""
	}
	return strings.Join(a.hosts, ",")
}

// IsBoolFlag lets --allow-net stand alone.
func (a *allowNetFlag) IsBoolFlag() bool { return true }

func (a *allowNetFlag) Set(s string) error {
	if s == "true" {
		a.hosts, a.set = nil, false
		return nil
	}
	var list []string
	for _, h := range strings.Split(s, ",") {
		if h = strings.TrimSpace(h); h != "" {
			list = append(list, h)
		}
	}
	hosts, err := jsfetch.ParseHosts(list)
	if err != nil {
		return err
	}
	a.hosts = append(a.hosts, hosts...)
	a.set = true
	return nil
}

// netOptions sets what fetch may do in a CLI run: network access unless --allow-net=
// names no host, only the hosts --allow-net names, the --max-response-size limit, and
// the --verbose log (with the configured token redacted, though fetch never sends it).
func netOptions(st *state, f *runFlags, sess *session, opts *runtime.Options) {
	opts.Capabilities.Net = !f.allowNet.set || len(f.allowNet.hosts) > 0
	opts.Capabilities.NetHosts = f.allowNet.hosts
	opts.NoNetHelp = "--allow-net= turned it off; name the hosts fetch may reach with --allow-net=host,host:port"
	if f.maxResponse.set {
		opts.MaxFetchBytes = f.maxResponse.n
		if f.maxResponse.n == 0 {
			opts.MaxFetchBytes = -1
		}
	}
	if f.verbose {
		token := ""
		if sess.conn != nil {
			token = sess.conn.Token
		}
		opts.NetLogger = newRequestLogger(st.Stderr, f.logFormat, token)
	}
}
