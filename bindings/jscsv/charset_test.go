package jscsv_test

import (
	"github.com/dkscript/dkscript/bindings/bindingstest"
	"strings"
	"testing"
)

func TestEncodings(t *testing.T) {
	h, dir := newCSV(t, "")
	// "Jméno;Město\nŽofie Šťastná;Brno\n" as Excel writes it in Windows-1250.
	writeFile(t, dir, "cp1250.csv", "Jm\xe9no;M\xecsto\r\n\x8eofie \x8a\x9dastn\xe1;Brno\r\n")
	// Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated.
	utf16 := "\xff\xfe"
	for _, r := range "a\tb\r\nč\t2\r\n" {
		utf16 += string([]byte{byte(r), byte(r >> 8)})
	}
	writeFile(t, dir, "utf16.txt", utf16)
	cases := []struct{ src, want string }{
		{`csv.parseFile("cp1250.csv", {delimiter: ";", encoding: "windows-1250"})`, `[{"Jméno":"Žofie Šťastná","Město":"Brno"}]`},
		{`csv.parseFile("cp1250.csv", {delimiter: ";", encoding: "CP1250"})`, `[{"Jméno":"Žofie Šťastná","Město":"Brno"}]`},
		{`Array.from(csv.reader("utf16.txt", {delimiter: "\t", encoding: "utf-16"}))`, `[{"line":2,"record":{"a":"č","b":"2"}}]`},
	}
	for _, c := range cases {
		if got := h.Run(t, `JSON.stringify(`+c.src+`)`).String(); got != c.want {
			t.Errorf("%s\n got  %s\n want %s", c.src, got, c.want)
		}
	}
	// Read as UTF-8, the same file is refused with its line, not imported garbled.
	e := h.Throws(t, `csv.parseFile("cp1250.csv", {delimiter: ";"})`)
	if !strings.HasPrefix(bindingstest.Prop(e, "message"), `cp1250.csv:1: field is not valid UTF-8 (if the file is in another encoding, pass it, e.g. {encoding: "windows-1250"}`) {
		t.Fatalf("got %s", bindingstest.Prop(e, "message"))
	}
	e = h.Throws(t, `csv.parseFile("cp1250.csv", {delimiter: ";", encoding: "ebcdic"})`)
	if !strings.Contains(bindingstest.Prop(e, "message"), `csv.parseFile: option encoding must be one of utf8, cp1250, cp1252, iso-8859-1`) {
		t.Fatalf("got %s", bindingstest.Prop(e, "message"))
	}
	e = h.Throws(t, `csv.parse("a", {encoding: "windows-1250"})`)
	if bindingstest.Prop(e, "message") != "csv.parse: option encoding applies to files (parseFile, reader); text is already decoded" {
		t.Fatalf("got %s", bindingstest.Prop(e, "message"))
	}
}
