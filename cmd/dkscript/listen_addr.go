package main

import (
	"net"
	"strings"
)

// checkListenAddr refuses an --addr that is not a loopback address unless anywhere
// (--listen-anywhere) says so: a server of dkscript's (the fake Daktela, and any other
// command that listens) answers whoever reaches it, with a token that is printed on the
// console, so it stays on this machine unless asked otherwise. cmd names the command for
// the usage error.
func checkListenAddr(cmd, addr string, anywhere bool) error {
	if anywhere || isLoopbackAddr(addr) {
		return nil
	}
	return usagef(cmd, "--addr %s is reachable from other machines: it must be a loopback address "+
		"(127.0.0.1, [::1] or localhost), or add --listen-anywhere to serve on it anyway", addr)
}

// isLoopbackAddr reports whether a HOST:PORT listens on loopback only: an empty host
// (every interface) or a name other than localhost does not.
func isLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
