package jscsv

import (
	"io"
	"sort"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// charsets are the file encodings csv.parseFile and csv.reader can read besides UTF-8:
// what Excel and older systems in Central Europe write. "utf-16" follows the file's byte
// order mark (little-endian without one), as Excel's "Unicode text" files have it.
var charsets = map[string]encoding.Encoding{
	"windows-1250": charmap.Windows1250,
	"cp1250":       charmap.Windows1250,
	"windows-1252": charmap.Windows1252,
	"cp1252":       charmap.Windows1252,
	"iso-8859-1":   charmap.ISO8859_1,
	"latin1":       charmap.ISO8859_1,
	"iso-8859-2":   charmap.ISO8859_2,
	"latin2":       charmap.ISO8859_2,
	"utf-16":       unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
	"utf-16le":     unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
	"utf-16be":     unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
}

// charsetNames lists the accepted encoding names for error messages.
func charsetNames() string {
	names := []string{"utf8"}
	for n := range charsets {
		names = append(names, n)
	}
	sort.Strings(names[1:])
	return strings.Join(names, ", ")
}

// decoding returns r decoded from charset to UTF-8 ("" or "utf8" leave it as it is).
func decoding(r io.Reader, charset string) io.Reader {
	enc, ok := charsets[charset]
	if !ok {
		return r
	}
	return transform.NewReader(r, enc.NewDecoder())
}
