package rawjson

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStringScanEveryOffset puts each kind of byte the string scanner stops at (quote,
// backslash escape, control byte) and a non-ASCII letter at every offset of strings
// around the 8-byte word size, with non-ASCII text right after the closing quote, and
// checks validity against encoding/json, the decoded text, and that IsASCII looks only at
// the string's own bytes.
func TestStringScanEveryOffset(t *testing.T) {
	specials := []string{`\"`, `\\`, `\n`, `\u00e9`, "é", "\x01", ""}
	for n := 0; n <= 20; n++ {
		for pos := 0; pos <= n; pos++ {
			for _, sp := range specials {
				body := strings.Repeat("a", pos) + sp + strings.Repeat("b", n-pos)
				doc := `["` + body + `","ž ščř"]`
				ix, err := Parse([]byte(doc))
				if valid := json.Valid([]byte(doc)); valid != (err == nil) {
					t.Fatalf("%q: Parse error %v, encoding/json valid %v", doc, err, valid)
				}
				if err != nil {
					continue
				}
				var want []string
				if err := json.Unmarshal([]byte(doc), &want); err != nil {
					t.Fatal(err)
				}
				first, _ := ix.First(ix.Root())
				if got := ix.String(first); got != want[0] {
					t.Errorf("%q: String = %q, want %q", doc, got, want[0])
				}
				ascii := !strings.ContainsFunc(body, func(r rune) bool { return r >= 0x80 })
				if ix.IsASCII(first) != ascii {
					t.Errorf("%q: IsASCII = %v, want %v", doc, ix.IsASCII(first), ascii)
				}
			}
		}
	}
}
