package runtime

import "strings"

// goja looks a position up in a source map with its column counted from 1, where
// source maps count columns from 0 (and reports the original column it finds as if it
// counted from 1): it finds the mapping of the character after the position. That is
// right when a token starts there ("f(" + "x": the "(" is found through "x"), and one
// column left when the position is itself where a mapping starts and the next
// character starts none ("a.b" reported at the "." instead of at "b"). addNextColumns
// gives every mapping a twin one column to its right (unless one is there already),
// mapping to the original column one to the right, so both cases come out as goja
// reports them in a plain script.
//
// A mappings string is lines separated by ";", segments by ",", each segment base64
// VLQ fields: the generated column (relative to the previous segment of the line), then
// the source index, the original line and the original column, and a name index (each
// relative to the previous segment of the whole map that has it).
func addNextColumns(mappings string) string {
	type seg struct {
		gen, src, line, col, name int
		fields                    int
	}
	var b strings.Builder
	b.Grow(len(mappings) * 2)
	var prev seg // the previous segment's absolute values (gen resets on each line)
	prevName := 0
	write := func(s seg, first bool) {
		if !first {
			b.WriteByte(',')
		}
		encodeVLQ(&b, s.gen-prev.gen)
		if s.fields >= 4 {
			encodeVLQ(&b, s.src-prev.src)
			encodeVLQ(&b, s.line-prev.line)
			encodeVLQ(&b, s.col-prev.col)
			prev.src, prev.line, prev.col = s.src, s.line, s.col
		}
		if s.fields == 5 {
			encodeVLQ(&b, s.name-prevName)
			prevName = s.name
		}
		prev.gen = s.gen
	}
	var cur seg // absolute values while reading
	curName := 0
	for li, line := range strings.Split(mappings, ";") {
		if li > 0 {
			b.WriteByte(';')
		}
		cur.gen, prev.gen = 0, 0
		var segs []seg
		for _, text := range strings.Split(line, ",") {
			if text == "" {
				continue
			}
			f, ok := decodeVLQ(text)
			if !ok || (len(f) != 1 && len(f) != 4 && len(f) != 5) {
				return mappings
			}
			cur.gen += f[0]
			s := seg{gen: cur.gen, fields: len(f)}
			if len(f) >= 4 {
				cur.src += f[1]
				cur.line += f[2]
				cur.col += f[3]
				s.src, s.line, s.col = cur.src, cur.line, cur.col
			}
			if len(f) == 5 {
				curName += f[4]
				s.name = curName
			}
			segs = append(segs, s)
		}
		for i, s := range segs {
			write(s, i == 0)
			if s.fields >= 4 && (i == len(segs)-1 || segs[i+1].gen > s.gen+1) {
				write(seg{gen: s.gen + 1, src: s.src, line: s.line, col: s.col + 1, fields: 4}, false)
			}
		}
	}
	return b.String()
}

const vlqChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// decodeVLQ reads the fields of one segment.
func decodeVLQ(seg string) ([]int, bool) {
	var out []int
	shift, value := 0, 0
	for i := 0; i < len(seg); i++ {
		d := strings.IndexByte(vlqChars, seg[i])
		if d < 0 {
			return nil, false
		}
		value += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		if value&1 != 0 {
			out = append(out, -(value >> 1))
		} else {
			out = append(out, value>>1)
		}
		shift, value = 0, 0
	}
	return out, shift == 0
}

// encodeVLQ writes one field.
func encodeVLQ(b *strings.Builder, n int) {
	v := n << 1
	if n < 0 {
		v = (-n << 1) | 1
	}
	for {
		d := v & 31
		v >>= 5
		if v > 0 {
			d |= 32
		}
		b.WriteByte(vlqChars[d])
		if v == 0 {
			return
		}
	}
}
