package rawjson

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
)

// MaxDepth is the deepest nesting of arrays and objects accepted, the same limit as
// encoding/json.
const MaxDepth = 10000

// MaxSize is the largest document Parse accepts (offsets are 32-bit).
const MaxSize = math.MaxUint32 - 1

// SyntaxError describes why a document is not valid JSON and where.
type SyntaxError struct {
	Offset int    // byte offset of the problem
	Msg    string // what is wrong
}

// Error returns the message with the offset.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s at offset %d", e.Msg, e.Offset)
}

// Validate reports whether data is one valid JSON value (with optional surrounding
// whitespace), and if not, where it goes wrong.
func Validate(data []byte) error {
	p := parser{data: data, validateOnly: true}
	return p.run()
}

// Parse validates data and indexes every value and key in it.
func Parse(data []byte) (*Index, error) {
	if len(data) > MaxSize {
		return nil, &SyntaxError{Offset: 0, Msg: "document too large"}
	}
	return parse(data, farSpan)
}

// parse is Parse with the span from which a container's next node goes to Index.far
// (lowered by tests to reach that path without a document of 16 million values).
func parse(data []byte, farAt uint32) (*Index, error) {
	p := parser{data: data, nodes: make([]node, 0, nodeBound(data)), farAt: farAt}
	if err := p.run(); err != nil {
		return nil, err
	}
	return &Index{data: data, nodes: p.nodes, far: p.far}, nil
}

// nodeBound is an upper bound on the nodes of a document: every key follows '{' or ',',
// every other value follows '[', ',', ':' or is the root. Bytes inside strings only make
// the bound looser.
func nodeBound(data []byte) int {
	return 1 + bytes.Count(data, []byte{','}) + bytes.Count(data, []byte{':'}) +
		bytes.Count(data, []byte{'['}) + bytes.Count(data, []byte{'{'})
}

type parser struct {
	data         []byte
	nodes        []node
	stack        []int32 // open containers: node index, or kind when validating only
	kinds        []Kind  // kind of each open container (validateOnly)
	validateOnly bool
	lastFlags    uint8
	far          map[uint32]uint32 // Index.far
	farAt        uint32            // spans from which a container goes to far
}

func (p *parser) errAt(off int, msg string) error {
	if off >= len(p.data) {
		return &SyntaxError{Offset: len(p.data), Msg: "unexpected end of JSON input"}
	}
	return &SyntaxError{Offset: off, Msg: fmt.Sprintf("invalid character %s %s", quoteChar(p.data[off]), msg)}
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < 0x20 || c >= 0x7f:
		return fmt.Sprintf("%#02x", c)
	}
	return "'" + string(rune(c)) + "'"
}

func (p *parser) ws(i int) int {
	d := p.data
	for i < len(d) {
		switch d[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func (p *parser) add(k Kind, start, end int, flags uint8) {
	if p.validateOnly {
		return
	}
	p.nodes = append(p.nodes, node{start: uint32(start), end: uint32(end), meta: packMeta(k, flags, 1)})
}

func (p *parser) push(k Kind, start int) error {
	if len(p.kinds) >= MaxDepth {
		return &SyntaxError{Offset: start, Msg: "exceeded max depth"}
	}
	p.kinds = append(p.kinds, k)
	if !p.validateOnly {
		p.stack = append(p.stack, int32(len(p.nodes)))
		p.nodes = append(p.nodes, node{start: uint32(start), meta: packMeta(k, 0, 0)})
	}
	return nil
}

func (p *parser) pop(end int) {
	p.kinds = p.kinds[:len(p.kinds)-1]
	if p.validateOnly {
		return
	}
	idx := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	n := &p.nodes[idx]
	n.end = uint32(end)
	span := uint32(len(p.nodes)) - uint32(idx)
	if span >= p.farAt {
		if p.far == nil {
			p.far = make(map[uint32]uint32)
		}
		p.far[uint32(idx)] = uint32(len(p.nodes))
		span = farSpan
	}
	n.meta |= span
}

// key parses an object key and the colon after it; i is at the key's quote.
func (p *parser) key(i int) (int, error) {
	if i >= len(p.data) || p.data[i] != '"' {
		return i, p.errAt(i, "looking for beginning of object key string")
	}
	end, err := p.str(i)
	if err != nil {
		return end, err
	}
	p.add(KindKey, i, end, p.lastFlags)
	i = p.ws(end)
	if i >= len(p.data) || p.data[i] != ':' {
		return i, p.errAt(i, "after object key")
	}
	return p.ws(i + 1), nil
}

func (p *parser) run() error {
	d := p.data
	n := len(d)
	i := p.ws(0)
	for {
		// A value starts at i.
		if i >= n {
			return p.errAt(i, "")
		}
		switch c := d[i]; c {
		case '{':
			if err := p.push(KindObject, i); err != nil {
				return err
			}
			i = p.ws(i + 1)
			if i < n && d[i] == '}' {
				p.pop(i + 1)
				i++
				break
			}
			var err error
			if i, err = p.key(i); err != nil {
				return err
			}
			continue
		case '[':
			if err := p.push(KindArray, i); err != nil {
				return err
			}
			i = p.ws(i + 1)
			if i < n && d[i] == ']' {
				p.pop(i + 1)
				i++
				break
			}
			continue
		case '"':
			end, err := p.str(i)
			if err != nil {
				return err
			}
			p.add(KindString, i, end, p.lastFlags)
			i = end
		case 't':
			if err := p.lit(i, "true"); err != nil {
				return err
			}
			p.add(KindTrue, i, i+4, 0)
			i += 4
		case 'f':
			if err := p.lit(i, "false"); err != nil {
				return err
			}
			p.add(KindFalse, i, i+5, 0)
			i += 5
		case 'n':
			if err := p.lit(i, "null"); err != nil {
				return err
			}
			p.add(KindNull, i, i+4, 0)
			i += 4
		default:
			if c == '-' || (c >= '0' && c <= '9') {
				end, flags, err := p.num(i)
				if err != nil {
					return err
				}
				p.add(KindNumber, i, end, flags)
				i = end
				break
			}
			return p.errAt(i, "looking for beginning of value")
		}
		// A value ended at i: close containers until the next value starts.
	after:
		for {
			if len(p.kinds) == 0 {
				i = p.ws(i)
				if i < n {
					return p.errAt(i, "after top-level value")
				}
				return nil
			}
			i = p.ws(i)
			if i >= n {
				return p.errAt(i, "")
			}
			if p.kinds[len(p.kinds)-1] == KindObject {
				switch d[i] {
				case ',':
					var err error
					if i, err = p.key(p.ws(i + 1)); err != nil {
						return err
					}
					break after
				case '}':
					p.pop(i + 1)
					i++
				default:
					return p.errAt(i, "after object key:value pair")
				}
			} else {
				switch d[i] {
				case ',':
					i = p.ws(i + 1)
					break after
				case ']':
					p.pop(i + 1)
					i++
				default:
					return p.errAt(i, "after array element")
				}
			}
		}
	}
}

func (p *parser) lit(i int, word string) error {
	for j := 1; j < len(word); j++ {
		if i+j >= len(p.data) {
			return p.errAt(i+j, "")
		}
		if p.data[i+j] != word[j] {
			return p.errAt(i+j, "in literal "+word+" (expecting '"+word[j:j+1]+"')")
		}
	}
	return nil
}

// num validates a number starting at i and returns where it ends.
func (p *parser) num(i int) (int, uint8, error) {
	d := p.data
	n := len(d)
	flags := uint8(0)
	if d[i] == '-' {
		i++
		if i >= n {
			return i, 0, p.errAt(i, "")
		}
		flags |= flagNeg
	}
	switch {
	case d[i] == '0':
		i++
	case d[i] >= '1' && d[i] <= '9':
		i++
		for i < n && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		return i, 0, p.errAt(i, "in numeric literal")
	}
	if i < n && d[i] == '.' {
		flags |= flagFloat
		i++
		if i >= n {
			return i, 0, p.errAt(i, "")
		}
		if d[i] < '0' || d[i] > '9' {
			return i, 0, p.errAt(i, "after decimal point in numeric literal")
		}
		for i < n && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < n && (d[i] == 'e' || d[i] == 'E') {
		flags |= flagFloat
		i++
		if i < n && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= n {
			return i, 0, p.errAt(i, "")
		}
		if d[i] < '0' || d[i] > '9' {
			return i, 0, p.errAt(i, "in exponent of numeric literal")
		}
		for i < n && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	return i, flags, nil
}

const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// str validates a string starting at the quote at i and returns the offset after its
// closing quote. It sets p.lastFlags.
func (p *parser) str(i int) (int, error) {
	d := p.data
	n := len(d)
	flags := uint8(0)
	i++
	for {
		// Eight bytes at a time while none is a quote, a backslash or a control byte; at
		// the first such byte, jump straight to it. The lowest flagged byte is exact (a
		// borrow can only flag bytes above it), and only the bytes before it count toward
		// the non-ASCII flag, so the bytes after the closing quote do not.
		for i+8 <= n {
			x := binary.LittleEndian.Uint64(d[i:])
			q := x ^ (lo8 * '"')
			b := x ^ (lo8 * '\\')
			special := (((q - lo8) &^ q) | ((b - lo8) &^ b) | ((x - lo8*0x20) &^ x)) & hi8
			if special != 0 {
				k := bits.TrailingZeros64(special) &^ 7 // bit offset of the special byte
				if x&hi8&(1<<k-1) != 0 {
					flags |= flagNonASCII
				}
				i += k / 8
				break
			}
			if x&hi8 != 0 {
				flags |= flagNonASCII
			}
			i += 8
		}
		if i >= n {
			return i, p.errAt(i, "")
		}
		c := d[i]
		switch {
		case c == '"':
			p.lastFlags = flags
			return i + 1, nil
		case c == '\\':
			flags |= flagEscape
			i++
			if i >= n {
				return i, p.errAt(i, "")
			}
			switch d[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i++
			case 'u':
				i++
				for j := 0; j < 4; j++ {
					if i >= n {
						return i, p.errAt(i, "")
					}
					if !isHex(d[i]) {
						return i, p.errAt(i, "in \\u hexadecimal character escape")
					}
					i++
				}
			default:
				return i, p.errAt(i, "in string escape code")
			}
		case c < 0x20:
			return i, p.errAt(i, "in string literal")
		default:
			if c >= 0x80 {
				flags |= flagNonASCII
			}
			i++
		}
	}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
