package daktela

// Lock marks the communicator's settings as the host program's: the JavaScript bindings
// then refuse, with a TypeError, every script call that would change one of them
// (setRequestTimeout, setVerifySsl, setAuthenticationMethod, setRetryConfig,
// setRateLimitConfig, setRateCap, setConcurrency, setMaxResponseBytes, setTimezone,
// setLanguage, setUserAgentSuffix, setLogger), so the limits a host sets hold for every script and
// every runtime sharing the client. A
// call that sets the value already in force is allowed (a script written for an
// unlocked client still runs). The Go setters are not affected: the program that owns
// the client keeps configuring it. There is no Unlock: give scripts another client
// instead. The dkscript CLI does not lock its client (the script is the user's own).
func (a *ApiCommunicator) Lock() { a.locked.Store(true) }

// Locked reports whether [ApiCommunicator.Lock] has been called.
func (a *ApiCommunicator) Locked() bool { return a.locked.Load() }

// VerifySsl reports whether TLS certificates are verified (see SetVerifySsl).
func (a *ApiCommunicator) VerifySsl() bool { return a.snapshot().verifySSL }

// UserAgentSuffix returns the suffix SetUserAgentSuffix set ("" for none).
func (a *ApiCommunicator) UserAgentSuffix() string { return a.snapshot().uaSuffix }

// RateCap returns the requests per second SetRateCap allows (0 = no cap).
func (a *ApiCommunicator) RateCap() float64 {
	if l := a.snapshot().limiter; l != nil {
		return float64(l.Limit())
	}
	return 0
}
