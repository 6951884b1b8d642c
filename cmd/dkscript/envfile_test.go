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

func TestParseEnvFileErrorsNameTheLineNotTheContent(t *testing.T) {
	cases := []struct{ src, want string }{
		{"OK=1\nDAKTELA_TOKEN s3cret-value\n", ".env:2: not a KEY=VALUE line"},
		{"1BAD=x\n", ".env:1: not a KEY=VALUE line"},
		{"A=\"s3cret-value\n", ".env:1: value of A: missing closing \""},
		{"A='s3cret-value\n", ".env:1: value of A: missing closing '"},
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
