package jsdaktela

import (
	"slices"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
)

// refuseLocked throws when c is locked by its host ([daktela.ApiCommunicator.Lock]) and
// the call a is about to make changes a setting (changes); setting the value already in
// force passes. The message names the method and the value, so the script's author
// sees which line tried what.
func refuseLocked(c *daktela.ApiCommunicator, a bindings.Args, changes bool) {
	if !changes || !c.Locked() {
		return
	}
	got := "no argument"
	if a.Len() > 0 {
		got = bindings.Describe(a.Value(0))
	}
	a.Throw("the program running this script has locked this client's settings (timeout, TLS verification, "+
		"authentication, retries, rate limits, concurrency, answer size limit, time zone, language, User-Agent, logger); "+
		"a script cannot change them, got %s", got)
}

// sameRetry reports whether two retry configurations behave alike.
func sameRetry(x, y daktela.RetryConfig) bool {
	return x.MaxRetries == y.MaxRetries && x.BaseDelay == y.BaseDelay && x.MaxDelay == y.MaxDelay &&
		x.Multiplier == y.Multiplier && x.RetryOnConnectionError == y.RetryOnConnectionError &&
		slices.Equal(x.RetryableStatusCodes, y.RetryableStatusCodes)
}
