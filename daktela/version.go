package daktela

// Version is the dkscript version the client sends in its User-Agent header
// ("dkscript/<Version>"). The CLI sets it at build time with
// -ldflags "-X github.com/dkscript/dkscript/daktela.Version=1.2.3".
var Version = "0.1.0-dev"

// userAgent returns the User-Agent header: "dkscript/<version>", then the suffix after a
// space when one is set.
func userAgent(suffix string) string {
	ua := "dkscript/" + Version
	if suffix != "" {
		ua += " " + suffix
	}
	return ua
}
