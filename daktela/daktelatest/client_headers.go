package daktelatest

import (
	"bytes"
	"strings"
	"time"
)

// withClientZone makes an envelope's _timezone the zone an x-timezone-client header
// names, as the real server reports it; a header that names no known zone leaves the
// instance's zone. b is returned changed in place when it can be.
func withClientZone(b []byte, tz string) []byte {
	if tz == Timezone {
		return b
	}
	if _, err := time.LoadLocation(tz); err != nil || strings.ContainsAny(tz, `"\`) {
		return b
	}
	key := []byte(`,"_timezone":"`)
	i := bytes.LastIndex(b, key)
	if i < 0 || !bytes.HasSuffix(b, []byte(`"}`)) || bytes.IndexByte(b[i+len(key):len(b)-2], '"') >= 0 {
		return b // not an envelope that ends with _timezone
	}
	out := append(b[:i+len(key)], tz...)
	return append(out, '"', '}')
}

// primaryLanguage is the language an Accept-Language header asks first ("cs" for
// "cs-CZ,cs;q=0.9,en;q=0.8"), which the server keeps in a lang cookie; "" when the header
// names none.
func primaryLanguage(h string) string {
	tag, _, _ := strings.Cut(h, ",")
	tag, _, _ = strings.Cut(tag, ";")
	tag, _, _ = strings.Cut(strings.TrimSpace(tag), "-")
	if tag == "" || tag == "*" || len(tag) > 8 {
		return ""
	}
	for _, c := range tag {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return ""
		}
	}
	return strings.ToLower(tag)
}
