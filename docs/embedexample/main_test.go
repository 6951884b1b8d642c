package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	t.Setenv("DAKTELA_URL", "")
	dir := t.TempDir()
	script := filepath.Join(dir, "report.js")
	os.WriteFile(script, []byte(`
const users = daktela.client().iterate(daktela.buildReadRequest("Users").addSort("name")).toArray();
console.log(users.length, "users;", process.env.REPORT_DAYS, "days;", process.argv.slice(2).join(","));
if (process.argv[2] === "fail") throw new Error("asked to fail");
`), 0o644)
	var out, errOut bytes.Buffer
	if code := run(context.Background(), script, []string{"a", "b"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if got := out.String(); got != "8 users; 7 days; a,b\n" {
		t.Errorf("stdout %q", got)
	}
	out.Reset()
	code := run(context.Background(), script, []string{"fail"}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "report.js:4") || !strings.Contains(errOut.String(), "asked to fail") {
		t.Errorf("a thrown error: exit %d, stderr %q", code, errOut.String())
	}
}
