package daktela

import (
	"bytes"
	"strings"
	"testing"
)

func TestRedactTokens(t *testing.T) {
	const token = "tok+en/1"
	body := []byte(`{"a":"tok+en/1","b":"tok%2Ben%2F1","c":"tok+en%2F1"}`)
	got := string(newSecrets(token).redactTokens(body))
	if strings.Contains(got, "tok") {
		t.Fatalf("a form of the token is left: %s", got)
	}
	clean := []byte(`{"a":"b"}`)
	if out := newSecrets(token).redactTokens(clean); &out[0] != &clean[0] {
		t.Fatal("a body without the token was copied")
	}
	if out := newSecrets("").redactTokens(clean); !bytes.Equal(out, clean) {
		t.Fatal("no token changed the body")
	}
}

// BenchmarkRedactBody is the cost the token check adds to every answer: a 1 MB page
// without the token (the usual case) is scanned, not copied.
func BenchmarkRedactBody(b *testing.B) {
	body := bytes.Repeat([]byte(`{"name":"records_5fa299a48ab72834012563","title":"x"},`), 1<<20/54)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		newSecrets("demo-token-0123456789abcdef").redactTokens(body)
	}
}
