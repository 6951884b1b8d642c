package daktela

import (
	"math"
	"strconv"
)

// phpPrecision is PHP's default "precision" ini setting, which http_build_query uses to
// format floats ("%.14G").
const phpPrecision = 14

// phpFloatString formats f as PHP's http_build_query does: printf "%.*G" with the
// default precision of 14 significant digits, through PHP's own php_gcvt. That gives the
// shortest fixed form ("0.1", "2.5", "3", "0.0001") while the decimal exponent stays
// within -4..13 and an exponent form with at least one fraction digit otherwise
// ("1.0E+14", "1.5E-5"). NaN and infinities come out as PHP prints them (NAN, INF, -INF),
// though request checks never let them through.
func phpFloatString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NAN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	var out []byte
	if math.Signbit(f) {
		out = append(out, '-')
		f = -f
	}
	if f == 0 {
		return string(append(out, '0'))
	}
	// 'e' with precision-1 fraction digits gives exactly "precision" significant
	// digits, correctly rounded, as zend_dtoa's mode 2 does.
	e := strconv.AppendFloat(nil, f, 'e', phpPrecision-1, 64)
	// e is "d.ddddddddddddde±XX".
	mant, exp := e[:phpPrecision+1], e[phpPrecision+2:]
	x, _ := strconv.Atoi(string(exp))
	digits := make([]byte, 0, phpPrecision)
	digits = append(digits, mant[0])
	digits = append(digits, mant[2:]...)
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	// decpt: the value is 0.DIGITS × 10^decpt, as php_gcvt counts it.
	decpt := x + 1
	switch {
	case decpt < -3 || decpt > phpPrecision:
		out = append(out, digits[0], '.')
		if len(digits) == 1 {
			out = append(out, '0')
		} else {
			out = append(out, digits[1:]...)
		}
		out = append(out, 'E')
		if decpt-1 < 0 {
			out = append(out, '-')
			out = strconv.AppendInt(out, int64(1-decpt), 10)
		} else {
			out = append(out, '+')
			out = strconv.AppendInt(out, int64(decpt-1), 10)
		}
	case decpt <= 0:
		out = append(out, '0', '.')
		for i := decpt; i < 0; i++ {
			out = append(out, '0')
		}
		out = append(out, digits...)
	default:
		for i := 0; i < decpt; i++ {
			if i < len(digits) {
				out = append(out, digits[i])
			} else {
				out = append(out, '0')
			}
		}
		if len(digits) > decpt {
			out = append(out, '.')
			out = append(out, digits[decpt:]...)
		}
	}
	return string(out)
}
