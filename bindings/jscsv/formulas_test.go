package jscsv_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// {escapeFormulas: true} puts "'" in front of every cell a spreadsheet would run as a
// formula, in csv.stringify and csv.writer alike, and leaves numbers and phone numbers
// (Daktela's exports are full of them) as they are. Without the option nothing changes.
func TestEscapeFormulas(t *testing.T) {
	h, dir := newCSV(t, "")
	cells := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"\rcmd", "'\rcmd"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"+A1", "'+A1"},
		{"-", "'-"},
		{"+", "'+"},
		{"+420 226 211 245", "+420 226 211 245"},
		{"+1 (650) 253-0000", "+1 (650) 253-0000"},
		{"+420.226.211.245", "+420.226.211.245"},
		{"-12.5", "-12.5"},
		{"+5", "+5"},
		{"-0,5", "-0,5"},
		{"-1e-3", "-1e-3"},
		{"-1e", "'-1e"},
		{"+420 226 211 24a", "'+420 226 211 24a"},
		{"Jan =1", "Jan =1"},
		{"00420226211245", "00420226211245"},
		{"", ""},
	}
	rows := make([]any, len(cells))
	want := "cell\n"
	for i, c := range cells {
		rows[i] = map[string]any{"cell": c.in}
		want += csvField(c.want) + "\n"
	}
	h.VM().Set("rows", rows)
	if got := h.Run(t, `csv.stringify(rows, {columns: ["cell"], escapeFormulas: true})`).String(); got != want {
		t.Errorf("stringify:\n got  %q\n want %q", got, want)
	}
	plain := "cell\n"
	for _, c := range cells {
		plain += csvField(c.in) + "\n"
	}
	if got := h.Run(t, `csv.stringify(rows, {columns: ["cell"]})`).String(); got != plain {
		t.Errorf("without the option:\n got  %q\n want %q", got, plain)
	}
	// The writer, arrays as rows, numbers and the header row too.
	h.Run(t, `var w = csv.writer("out.csv", {columns: ["=x", "n"], escapeFormulas: true});
		w.write(["=1+1", -3]).write(["@a", "+420 601 037 113"]); w.close();`)
	b, err := os.ReadFile(filepath.Join(dir, "out.csv"))
	if err != nil || string(b) != "'=x,n\n'=1+1,-3\n'@a,+420 601 037 113\n" {
		t.Errorf("writer wrote %q (%v)", b, err)
	}
	e := h.Throws(t, `csv.stringify([], {escapeFormulas: "yes"})`)
	if !strings.Contains(e.String(), "csv.stringify: option escapeFormulas must be a boolean, got \"yes\"") {
		t.Errorf("bad option: %s", e)
	}
}

// csvField quotes s as encoding/csv does.
func csvField(s string) string {
	if s == "" || !strings.ContainsAny(s, "\",\r\n") && s[0] != ' ' && s[0] != '\t' {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
