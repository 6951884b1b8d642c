package rawjson

import (
	"strconv"
	"unsafe"
)

// ParseNumber parses the text of a JSON number exactly as strconv.ParseFloat(text, 64)
// does (same rounding, ±Inf and a range error when too large, -0 kept), taking a fast
// path for short integers.
func ParseNumber(b []byte) (float64, error) {
	if len(b) <= 16 {
		if v, ok := parseSmallInt(b); ok && v > -(1<<53) && v < 1<<53 {
			return float64(v), nil
		}
	}
	return strconv.ParseFloat(unsafe.String(unsafe.SliceData(b), len(b)), 64)
}

// parseSmallInt parses an optionally negative run of at most 18 digits; "-0" and
// anything else is not ok.
func parseSmallInt(b []byte) (int64, bool) {
	neg := false
	if len(b) > 0 && b[0] == '-' {
		neg = true
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		if v == 0 {
			return 0, false
		}
		v = -v
	}
	return v, true
}
