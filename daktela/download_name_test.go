package daktela

import "testing"

// TestCleanFileName: a server's file name cannot leave the target directory, hide
// itself or carry control characters.
func TestCleanFileName(t *testing.T) {
	cases := map[string]string{
		"rec.wav":               "rec.wav",
		"../../etc/passwd":      "passwd",
		`..\..\windows\win.ini`: "win.ini",
		"..":                    "",
		"/":                     "",
		".bashrc":               "bashrc",
		"a\x00b\nc.pdf":         "a_b_c.pdf",
		"what?.txt":             "what_.txt",
		"  spaced .":            "spaced",
		"Příloha č. 1.pdf":      "Příloha č. 1.pdf",
		"dir/sub/..":            "",
		"x/y/report<2024>.csv":  "report_2024_.csv",
	}
	for in, want := range cases {
		if got := cleanFileName(in); got != want {
			t.Errorf("cleanFileName(%q) = %q, want %q", in, got, want)
		}
	}
	long := ""
	for range 300 {
		long += "é"
	}
	if got := cleanFileName(long + ".wav"); len(got) > maxFileName || got[len(got)-4:] != ".wav" {
		t.Errorf("a long name: %d bytes, %q", len(got), got[len(got)-8:])
	}
	if got := serverFileName(`attachment; filename*=UTF-8''%2E%2E%2Fsecret.txt`); got != "secret.txt" {
		t.Errorf("RFC 5987 name: %q", got)
	}
	if got, want := extensionFor("audio/wav"), ".wav"; got != want {
		t.Errorf("extensionFor: %q", got)
	}
}
