package rawjson

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestValidateAgreesWithEncodingJSON(t *testing.T) {
	cases := []string{
		`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e3`, `"x"`, ` {"a" : [1, 2, {"b": null}] } `,
		`{"a":1,}`, `[1,]`, `[1 2]`, `{"a" 1}`, `{a:1}`, `01`, `1.`, `.5`, `-`, `1e`, `1e+`, `+1`,
		`"\x"`, `"\u12"`, `"\u12g4"`, "\"a\x01\"", `"abc`, `[`, `{`, `{"a":`, `tru`, `nul`, `falsy`,
		`"\ud800"`, `"é"`, "\"\xff\xfe\"", `[1]]`, `{} {}`, ``, `   `, `"\/\b\f\n\r\t\"\\"`,
		`{"a":{"b":{"c":[[[]]]}}}`, `1E-7`, `-12.5E+10`, "\"\x7f\"", `[-]`, `{"a":-}`,
		strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
		strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
	}
	for _, c := range cases {
		want := json.Valid([]byte(c))
		err := Validate([]byte(c))
		if (err == nil) != want {
			t.Errorf("Validate(%.40q) = %v, encoding/json valid = %v", c, err, want)
		}
		_, perr := Parse([]byte(c))
		if (perr == nil) != want {
			t.Errorf("Parse(%.40q) = %v, encoding/json valid = %v", c, perr, want)
		}
	}
}

func TestSyntaxErrorOffset(t *testing.T) {
	cases := []struct {
		in   string
		off  int
		text string
	}{
		{`{"a":1,}`, 7, "invalid character '}'"},
		{`{"a":[1,2`, 9, "unexpected end of JSON input"},
		{`<html>`, 0, "invalid character '<' looking for beginning of value"},
		{`{"a":1} x`, 8, "after top-level value"},
	}
	for _, c := range cases {
		err := Validate([]byte(c.in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("Validate(%q) = %v, want a *SyntaxError", c.in, err)
		}
		if se.Offset != c.off || !strings.Contains(se.Error(), c.text) {
			t.Errorf("Validate(%q) = %q (offset %d), want offset %d and %q", c.in, se, se.Offset, c.off, c.text)
		}
	}
}

func TestIndexWalk(t *testing.T) {
	doc := `{"b":1,"a":[true,false,null,"s"],"c":{"x":"y"},"b":2,"e\u00e9":"\u017elu\u0165"}`
	ix, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if ix.Kind(0) != KindObject || ix.Count(0) != 5 {
		t.Fatalf("root kind %v count %d", ix.Kind(0), ix.Count(0))
	}
	var keys []string
	ix.Members(0, func(k, v int) bool {
		keys = append(keys, ix.String(k))
		return true
	})
	if got := strings.Join(keys, ","); got != "b,a,c,b,eé" {
		t.Errorf("keys = %q", got)
	}
	v, ok := ix.Lookup(0, "b")
	if !ok || string(ix.Raw(v)) != "2" {
		t.Errorf("Lookup(b) = %q, %v; want the last duplicate 2", ix.Raw(v), ok)
	}
	v, _ = ix.Lookup(0, "eé")
	if got := ix.String(v); got != "žluť" {
		t.Errorf("escaped value = %q", got)
	}
	a, _ := ix.Lookup(0, "a")
	var kinds []string
	ix.Elements(a, func(i, e int) bool {
		kinds = append(kinds, ix.Kind(e).String())
		return true
	})
	if got := strings.Join(kinds, ","); got != "true,false,null,string" {
		t.Errorf("element kinds = %q", got)
	}
	c, _ := ix.Lookup(0, "c")
	if string(ix.Raw(c)) != `{"x":"y"}` {
		t.Errorf("Raw(c) = %q", ix.Raw(c))
	}
	if _, ok := ix.Lookup(0, "missing"); ok {
		t.Error("Lookup(missing) found something")
	}
	if _, ok := ix.First(c + 2); ok && ix.Kind(c+2) != KindString {
		t.Error("First on a scalar")
	}
}

func TestNumbersMatchParseFloat(t *testing.T) {
	nums := []string{"0", "-0", "1", "-1", "9007199254740993", "-9007199254740993", "1e23", "5e-324",
		"1.7976931348623157e308", "1e400", "-1e400", "12345678901234567890123", "0.1", "2.5e-3",
		"123456789012345678", "999999999999999999", "4.9406564584124654e-324", "1E2", "1e-400"}
	for _, s := range nums {
		ix, err := Parse([]byte(s))
		if err != nil {
			t.Fatalf("Parse(%s): %v", s, err)
		}
		got, gerr := ix.Float(0)
		want, werr := strconv.ParseFloat(s, 64)
		if math.Float64bits(got) != math.Float64bits(want) || (gerr == nil) != (werr == nil) {
			t.Errorf("Float(%s) = %v, %v; strconv: %v, %v", s, got, gerr, want, werr)
		}
		if iv, ok := ix.Int(0); ok && float64(iv) != want && len(s) < 16 {
			t.Errorf("Int(%s) = %d, want %v", s, iv, want)
		}
	}
	if _, ok := mustParse(t, "-0").Int(0); ok {
		t.Error("Int(-0) must not be ok: -0 is not an integer in JavaScript")
	}
}

func mustParse(t *testing.T, s string) *Index {
	t.Helper()
	ix, err := Parse([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestUnquoteMatchesEncodingJSON(t *testing.T) {
	strs := []string{`"plain"`, `"Příliš žluťoučký kůň"`, `"\ud83d\ude00 emoji"`, `"\ud800"`, `"\udc00x"`,
		`"\ud800\u0041"`, `"a\"b\\c\/d\b\f\n\r\t"`, "\"\xff bad utf8\"", "\"\xed\xa0\x80\"", `"\u0000"`}
	for _, s := range strs {
		var want string
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatalf("encoding/json rejects %q: %v", s, err)
		}
		ix := mustParse(t, s)
		if got := ix.String(0); got != want {
			t.Errorf("String(%s) = %q, want %q", s, got, want)
		}
	}
}

func TestAppendUTF16KeepsLoneSurrogates(t *testing.T) {
	cases := map[string][]uint16{
		`"\ud800"`:             {0xd800},
		`"a\udc00"`:            {'a', 0xdc00},
		`"\ud83d\ude00"`:       {0xd83d, 0xde00},
		`"😀"`:                  utf16.Encode([]rune("😀")),
		`"ž\n"`:                {'ž', '\n'},
		"\"\xff\"":             {0xfffd},
		`"\\u0041"`:            {'\\', 'u', '0', '0', '4', '1'},
		`"\ud800\u0041\udc00"`: {0xd800, 'A', 0xdc00},
	}
	for in, want := range cases {
		got, ok := AppendUTF16(nil, []byte(in))
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("AppendUTF16(%s) = %x, %v; want %x", in, got, ok, want)
		}
		lone := false
		for i, c := range want {
			if utf16.IsSurrogate(rune(c)) && !(c < 0xdc00 && i+1 < len(want) && want[i+1] >= 0xdc00 && want[i+1] <= 0xdfff) &&
				!(c >= 0xdc00 && i > 0 && want[i-1] >= 0xd800 && want[i-1] < 0xdc00) {
				lone = true
			}
		}
		if HasLoneSurrogate([]byte(in)) != lone {
			t.Errorf("HasLoneSurrogate(%s) = %v, want %v", in, !lone, lone)
		}
	}
}

func TestValueMatchesEncodingJSON(t *testing.T) {
	doc := `{"a":[1,2.5,"x",null,true,{"b":{}}],"c":"ž","a":{"dup":1},"n":-0,"big":1e23}`
	var want any
	if err := json.Unmarshal([]byte(doc), &want); err != nil {
		t.Fatal(err)
	}
	got := mustParse(t, doc).Value(0)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Value = %#v\nwant %#v", got, want)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":"c\u00e9"}],"d":-1.5e3}`, `[]`, `"\ud800"`, `{"a":1,}`,
		`[1e400]`, "\"\xff\"", `{"x":{"y":[true,false,null]}}`, `  7  `, `{"a":1,"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want := json.Valid(data)
		ix, err := Parse(data)
		if (err == nil) != want {
			t.Fatalf("Parse(%q) error %v, encoding/json valid %v", data, err, want)
		}
		if verr := Validate(data); (verr == nil) != want {
			t.Fatalf("Validate(%q) error %v, encoding/json valid %v", data, verr, want)
		}
		if err != nil {
			return
		}
		var v any
		if json.Unmarshal(data, &v) != nil {
			return // numbers out of float64 range: encoding/json refuses, we give ±Inf
		}
		if got := ix.Value(0); !reflect.DeepEqual(got, v) {
			t.Fatalf("Value(%q) = %#v, encoding/json %#v", data, got, v)
		}
		if ix.Next(0) != ix.Len() {
			t.Fatalf("root subtree ends at %d of %d nodes", ix.Next(0), ix.Len())
		}
	})
}
