package main

import (
	"errors"
	"maps"
	"strings"
	"testing"
)

func TestParseEnvFile(t *testing.T) {
	src := "\ufeff# comment\n" +
		"\n" +
		"PLAIN=value\n" +
		"export EXPORTED=yes\n" +
		"SPACED = padded value  \n" +
		"TRAILING=abc # a comment\n" +
		"HASH=a#b\n" +
		`DOUBLE="line1\nline2 \"q\""` + "\n" +
		"SINGLE='$NOT \\n expanded'\n" +
		"EMPTY=\n" +
		"WITH_EQ=a=b=c\n"
	got, err := parseEnvFile(".env", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"PLAIN":    "value",
		"EXPORTED": "yes",
		"SPACED":   "padded value",
		"TRAILING": "abc",
		"HASH":     "a#b",
		"DOUBLE":   "line1\nline2 \"q\"",
		"SINGLE":   `$NOT \n expanded`,
		"EMPTY":    "",
		"WITH_EQ":  "a=b=c",
	}
	if !maps.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestParseEnvFileWhereGodotenvDiffers pins what dkscript reads where
// github.com/joho/godotenv v1.5.1 reads otherwise (see readEnvFile): values are taken
// as written, never expanded, and escapes are Go's; quoted values may span lines as
// in godotenv and Node's --env-file.
func TestParseEnvFileWhereGodotenvDiffers(t *testing.T) {
	src := "PASS=pa$$W0RD\n" + // godotenv: "pa$"
		"URL=https://$HOST/x\n" + // godotenv: "https:///x"
		`BRACED="${HOME}/x"` + "\n" + // godotenv: "/x"
		`TAB="a\tb"` + "\n" + // godotenv: "atb"
		`QUOTED="say \"hi\""` + "\n" + // godotenv: `say "hi\`
		"MULTI=\"line1\n  line2 \\\"q\\\"\n\"\n" +
		"SINGLE_MULTI='a\nb $X'\r\n" +
		"AFTER=still read\n"
	got, err := parseEnvFile(".env", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"PASS":         "pa$$W0RD",
		"URL":          "https://$HOST/x",
		"BRACED":       "${HOME}/x",
		"TAB":          "a\tb",
		"QUOTED":       `say "hi"`,
		"MULTI":        "line1\n  line2 \"q\"\n",
		"SINGLE_MULTI": "a\nb $X",
		"AFTER":        "still read",
	}
	if !maps.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestParseEnvFileErrorsNameTheLineNotTheContent(t *testing.T) {
	cases := []struct{ src, want string }{
		{"OK=1\nDAKTELA_TOKEN s3cret-value\n", ".env:2: not a KEY=VALUE line"},
		{"1BAD=x\n", ".env:1: not a KEY=VALUE line"},
		{"A=\"s3cret-value\n", ".env:1: value of A: missing closing \""},
		{"A='s3cret-value\n", ".env:1: value of A: missing closing '"},
		// godotenv takes "FOO BAR" as a key, and quotes the content in its errors.
		{"FOO BAR=s3cret-value\n", ".env:1: not a KEY=VALUE line"},
		// A quoted value may span lines; one never closed is reported at its start.
		{"OK=1\nA=\"s3cret\n-value\nB=2\n", ".env:2: value of A: missing closing \""},
	}
	for _, c := range cases {
		_, err := parseEnvFile(".env", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.src, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "s3cret") {
			t.Errorf("%q: error quotes the file's content: %v", c.src, err)
		}
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("%q: %T is not a usage error (exit 2)", c.src, err)
		}
	}
}

func TestScriptEnvOrder(t *testing.T) {
	st, _, errb := testState(t)
	st.Env["A"], st.Env["B"], st.Env["C"] = "process", "process", "process"
	writeFile(t, st, "one.env", "B=file1\nC=file1\n", 0o600)
	writeFile(t, st, "two.env", "C=file2\n", 0o600)
	f := &runFlags{envFiles: listFlag{"one.env", "two.env"}, env: listFlag{"D=flag", "A=flag=x"}}
	env, err := scriptEnv(st, f)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"HOME": st.Env["HOME"], "A": "flag=x", "B": "file1", "C": "file2", "D": "flag"}
	if !maps.Equal(env, want) {
		t.Errorf("got %v, want %v", env, want)
	}
	if st.Env["A"] != "process" {
		t.Error("scriptEnv changed the process environment")
	}
	if errb.Len() != 0 {
		t.Errorf("unexpected stderr %q", errb)
	}
}
