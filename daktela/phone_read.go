package daktela

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// How [NormalizePhone] reads a number, following libphonenumber's parsing rules:
//
//  1. The number is taken out of the text: an RFC 3966 URI ("tel:226211245;phone-context=
//     +420") gives its number (with the context's digits in front), other text loses what
//     comes before the first digit or plus sign and what follows a second number
//     ("... x302/x2303").
//  2. What is left must look like a phone number: at least three digits among
//     punctuation, or exactly two digits; letters (keypad letters) may follow the digits,
//     and an extension may end it. The extension is dropped.
//  3. The country code is read after a plus sign, or after the international call prefix
//     of the home region ("00", "011"); a number that starts with the home region's own
//     country code loses it when the rest is a better national number.
//  4. Otherwise the number is a national number of the home region. Either way the trunk
//     prefix (and carrier code) is dropped when what remains still has a possible length.
//  5. The national significant number must have 2 to 17 digits; the caller then checks
//     its length against its country's plan.

// phoneMaxInput is the longest text read as a phone number, in bytes.
const phoneMaxInput = 250

// The shortest and longest national significant number, and the longest country code.
const (
	phoneMinNSN      = 2
	phoneMaxNSN      = 17
	phoneMaxCodeSize = 3
)

// readPhoneNumber reads number, written in home or with a country code, and returns its
// country calling code and national significant number; or, for text that is no phone
// number, the reason (a [PhoneNumberError] Reason).
func readPhoneNumber(number string, home *phoneRegion) (code int, nsn, reason string) {
	if len(number) > phoneMaxInput {
		return 0, "", reasonTooLong
	}
	text, ok := phoneNumberText(number)
	if !ok || !looksLikePhoneNumber(text) {
		return 0, "", reasonNoDigits
	}
	text = dropPhoneExtension(text)

	code, national, reason := splitCountryCode(text, home)
	if reason == reasonUnknownCode {
		// "+" followed by something that is no country code: read what follows the plus
		// signs as if they were not there.
		start, end := plusRun(text)
		if start < 0 {
			return 0, "", reason
		}
		code, national, reason = splitCountryCode(text[end:], home)
		if reason == "" && code == 0 {
			reason = reasonUnknownCode
		}
	}
	if reason != "" {
		return 0, "", reason
	}

	plan := home
	if code != 0 {
		if regions := phoneCodeRegions(code); regions[0] != home.id {
			plan = phonePlanOf(code)
		}
	} else {
		national = phoneDigits(text)
		code = home.code
	}
	if len(national) < phoneMinNSN {
		return 0, "", reasonTooShort
	}
	// The trunk prefix goes only when what remains is of a possible length: otherwise the
	// number may be a short number that happens to start with the prefix's digits.
	if stripped := dropNationalPrefix(national, plan); stripped != national {
		if fit := plan.fitLength(len(stripped)); fit == lengthPossible || fit == lengthTooLong {
			national = stripped
		}
	}
	switch {
	case len(national) < phoneMinNSN:
		return 0, "", reasonTooShort
	case len(national) > phoneMaxNSN:
		return 0, "", reasonTooLong
	}
	return code, canonicalNSN(national), ""
}

// splitCountryCode reads the country code at the start of text: after plus signs or the
// international call prefix of home it must be there; without either, only home's own
// code is taken, when the number reads better without it. It returns code 0 and no
// national number when the number has no country code (it is a national number of home).
func splitCountryCode(text string, home *phoneRegion) (code int, national, reason string) {
	if text == "" {
		return 0, "", ""
	}
	var digits string
	international := false
	if start, end := plusRun(text); start == 0 {
		digits, international = phoneDigits(text[end:]), true
	} else {
		digits = phoneDigits(text)
		if rest, ok := afterIDD(digits, home); ok {
			digits, international = rest, true
		}
	}
	if international {
		if len(digits) <= phoneMinNSN {
			return 0, "", reasonTooShort
		}
		if digits[0] == '0' {
			return 0, "", reasonUnknownCode // no country code starts with 0
		}
		for n := 1; n <= phoneMaxCodeSize && n <= len(digits); n++ {
			if c, ok := asciiNumber(digits[:n]); ok && knownPhoneCode(c) {
				return c, digits[n:], ""
			}
		}
		return 0, "", reasonUnknownCode
	}
	// "420226211245" read in CZ: the home code goes when the rest is a number of home
	// and the whole is not, or when the whole is too long to be a national number.
	own := strconv.Itoa(home.code)
	if rest, ok := strings.CutPrefix(digits, own); ok {
		rest = dropNationalPrefix(rest, home)
		if (!home.fits(digits) && home.fits(rest)) || home.fitLength(len(digits)) == lengthTooLong {
			return home.code, rest, ""
		}
	}
	return 0, "", ""
}

// afterIDD returns digits without home's international call prefix when it starts with
// one that a country code follows (a country code never starts with 0).
func afterIDD(digits string, home *phoneRegion) (string, bool) {
	loc := home.patterns().idd.FindStringIndex(digits)
	if loc == nil {
		return digits, false
	}
	rest := digits[loc[1]:]
	if i := strings.IndexFunc(rest, unicode.IsDigit); i >= 0 {
		if r, _ := utf8.DecodeRuneInString(rest[i:]); asciiDigit(r) == '0' {
			return digits, false
		}
	}
	return rest, true
}

// dropNationalPrefix returns national without the plan's trunk prefix (and carrier
// code), or rewritten by the plan's transform rule, when it starts with one; unchanged
// when it does not, or when it is a number of the plan and would not be one without it.
func dropNationalPrefix(national string, plan *phoneRegion) string {
	if national == "" || plan.nationalPrefix == "" {
		return national
	}
	re := plan.patterns().nationalPrefix
	m := re.FindStringSubmatchIndex(national)
	if m == nil {
		return national
	}
	wasNumber := plan.fits(national)
	var out string
	if last := re.NumSubexp(); plan.transform == "" || m[2*last] < 0 {
		out = national[m[1]:]
	} else {
		out = re.ReplaceAllString(national, plan.transform)
	}
	if wasNumber && !plan.fits(out) {
		return national
	}
	return out
}

// canonicalNSN writes a national significant number as a number: its digits, with the
// leading zeros kept (Italian numbers start with 0); digits other than ASCII ones (which
// only keypad-free scripts such as Devanagari leave) make it 0.
func canonicalNSN(national string) string {
	zeros := 0
	if len(national) >= 2 && national[0] == '0' {
		zeros = 1
		for zeros < len(national)-1 && national[zeros] == '0' {
			zeros++
		}
	}
	v, _ := strconv.ParseUint(national, 10, 64)
	return strings.Repeat("0", zeros) + strconv.FormatUint(v, 10)
}

// asciiNumber parses s when it is all ASCII digits.
func asciiNumber(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != ""
}

// plusRun returns where the first run of plus signs (ASCII or full-width) in s starts and
// ends; -1 when there is none.
func plusRun(s string) (start, end int) {
	start = strings.IndexFunc(s, isPlusSign)
	if start < 0 {
		return -1, -1
	}
	end = start
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isPlusSign(r) {
			break
		}
		end += size
	}
	return start, end
}

// isPlusSign reports a plus sign: ASCII or full-width.
func isPlusSign(r rune) bool { return r == '+' || r == '\uFF0B' }

// asciiDigit returns the ASCII digit of a decimal digit from the scripts libphonenumber
// maps (ASCII, Arabic-Indic, Eastern Arabic-Indic, full-width); other runes unchanged.
func asciiDigit(r rune) rune {
	switch {
	case r >= '\u0660' && r <= '\u0669':
		return '0' + r - '\u0660'
	case r >= '\u06F0' && r <= '\u06F9':
		return '0' + r - '\u06F0'
	case r >= '\uFF10' && r <= '\uFF19':
		return '0' + r - '\uFF10'
	}
	return r
}

// phoneDigits keeps the digits of s. A number with three or more ASCII letters is a
// vanity number ("1-800-FLOWERS"): its letters become their keypad digits and all else
// but ASCII digits goes. Otherwise every decimal digit stays, Arabic-Indic and
// full-width ones as ASCII digits, and all else goes.
func phoneDigits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	if isVanityNumber(s) {
		for _, r := range s {
			switch u := unicode.ToUpper(r); {
			case u >= '0' && u <= '9':
				b.WriteRune(u)
			case u >= 'A' && u <= 'Z':
				b.WriteByte(keypadDigit(byte(u)))
			}
		}
		return b.String()
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			b.WriteRune(asciiDigit(r))
		}
	}
	return b.String()
}

// isVanityNumber reports whether s, one line, has at least three ASCII letters.
func isVanityNumber(s string) bool {
	if strings.IndexByte(s, '\n') >= 0 {
		return false
	}
	n := 0
	for i := 0; i < len(s) && n < 3; i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
	}
	return n >= 3
}

// keypadDigit returns the digit of an upper-case letter on a phone keypad (ITU E.161).
func keypadDigit(c byte) byte {
	const keypad = "22233344455566677778889999"
	return keypad[c-'A']
}

// phoneNumberText takes the number out of text: from an RFC 3966 URI its number, with
// the phone-context's digits in front; from other text what starts at its first digit or
// plus sign, up to a second number. It fails for a URI whose phone-context is malformed.
func phoneNumberText(text string) (string, bool) {
	const contextParam = ";phone-context="
	var out string
	at := strings.Index(text, contextParam)
	if at >= 0 {
		context := text[at+len(contextParam):]
		if i := strings.IndexByte(context, ';'); i >= 0 {
			context = context[:i]
		}
		if !validPhoneContext(context) {
			return "", false
		}
		if at > 0 {
			if context[0] == '+' {
				out = context
			}
			start := 0
			if i := strings.Index(text, "tel:"); i >= 0 && i < at {
				start = i + len("tel:")
			}
			out += text[start:at]
		}
	}
	if at <= 0 {
		out = trimToNumber(text)
	}
	if i := strings.Index(out, ";isub="); i > 0 {
		out = out[:i] // an ISDN subaddress
	}
	return out, true
}

// validPhoneContext reports whether an RFC 3966 phone-context is a global number ("+"
// and digits among visual separators) or a domain name.
func validPhoneContext(context string) bool {
	if context == "" {
		return false
	}
	if context[0] == '+' {
		digits := 0
		for _, r := range context[1:] {
			switch {
			case unicode.IsDigit(r):
				digits++
			case r == '-' || r == '.' || r == '(' || r == ')':
			default:
				return false
			}
		}
		if digits > 0 {
			return true
		}
	}
	return isDomainName(context)
}

// isDomainName reports whether s is a domain name as RFC 3966 writes one: labels of
// letters, digits and inner hyphens, separated by dots, the last starting with a letter,
// with an optional final dot.
func isDomainName(s string) bool {
	s = strings.TrimSuffix(s, ".")
	labels := strings.Split(s, ".")
	for i, label := range labels {
		if label == "" {
			return false
		}
		first, _ := utf8.DecodeRuneInString(label)
		last, _ := utf8.DecodeLastRuneInString(label)
		if !isAlnumASCIILetter(first) || !isAlnumASCIILetter(last) {
			return false
		}
		if i == len(labels)-1 && !isASCIILetter(first) {
			return false
		}
		for _, r := range label {
			if r != '-' && !isAlnumASCIILetter(r) {
				return false
			}
		}
	}
	return true
}

// isASCIILetter reports an ASCII letter.
func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

// isAlnumASCIILetter reports an ASCII letter or a decimal digit of any script.
func isAlnumASCIILetter(r rune) bool { return isASCIILetter(r) || unicode.IsDigit(r) }

// trimToNumber drops what precedes the first digit or plus sign of text, and a second
// number ("/x2303", "\ x12") with what follows it; "" when text has neither.
func trimToNumber(text string) string {
	start := strings.IndexFunc(text, func(r rune) bool { return isPlusSign(r) || unicode.IsDigit(r) })
	if start < 0 {
		return ""
	}
	text = text[start:]
	if i := oddTrailer(text); i >= 0 {
		text = text[:i]
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '/' && text[i] != '\\' {
			continue
		}
		j := i + 1
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j < len(text) && text[j] == 'x' {
			return text[:i]
		}
	}
	return text
}

// oddTrailer returns where text ends in any character, "&&", a character other than "#"
// and one or more "]", or -1. This is what libphonenumber's Go port cuts from the end of a
// number: its pattern of trailing non-alphanumeric characters, written for Java's class
// intersection, reads that way in Go's regular expressions.
func oddTrailer(text string) int {
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		rest := text[i+size:]
		if strings.HasPrefix(rest, "&&") {
			rest = rest[2:]
			r, n := utf8.DecodeRuneInString(rest)
			if n > 0 && r != '#' {
				tail := rest[n:]
				if tail != "" && strings.Trim(tail, "]") == "" {
					return i
				}
			}
		}
		i += size
	}
	return -1
}

// phoneGrammar holds the patterns of a phone number's shape, compiled on first use.
var phoneGrammar struct {
	once      sync.Once
	number    *regexp.Regexp // a whole number, with an optional extension
	extension *regexp.Regexp // an extension at the end
}

// phoneGrammarPatterns compiles phoneGrammar.
func phoneGrammarPatterns() *regexp.Regexp {
	phoneGrammar.once.Do(func() {
		// Punctuation found between the digits of phone numbers: dashes, spaces, dots,
		// slashes, brackets, tildes (full-width forms too), and "x", which stands for a
		// carrier code's digits in some countries.
		const punct = `\-x\x{2010}-\x{2015}\x{2212}\x{30FC}\x{FF0D}-\x{FF0F} \x{A0}\x{AD}\x{200B}\x{2060}\x{3000}()\x{FF08}\x{FF09}\x{FF3B}\x{FF3D}.\[\]/~\x{2053}\x{223C}\x{FF5E}`
		digits := func(most int) string { return `\p{Nd}{1,` + strconv.Itoa(most) + `}` }
		const (
			gap       = `[ \x{A0}\t,]*`               // between the number and the label
			gapNoComa = `[ \x{A0}\t]*`                // the same, before a comma label
			afterTag  = `[:.\x{FF0E}]?[ \x{A0}\t,-]*` // between the label and the digits
			// "ext", "extn", "extension", "xtn", full-width forms, Russian "доб",
			// Spanish "anexo"; "extensión" with a precomposed or combining accent.
			labels = `(?:e?xt(?:ensi(?:o\x{301}?|\x{F3}))?n?|\x{FF45}?\x{FF58}\x{FF54}\x{FF4E}?|\x{434}\x{43E}\x{431}|anexo)`
			// One-character and ambiguous labels: "x", "#", "~", "int".
			short = `(?:[x\x{FF58}#\x{FF03}~\x{FF5E}]|int|\x{FF49}\x{FF4E}\x{FF54})`
		)
		ext := strings.Join([]string{
			`;ext=` + digits(20), // RFC 3966
			gap + labels + afterTag + digits(20) + `#?`,
			gap + short + afterTag + digits(9) + `#?`,
			`[- ]+` + digits(6) + `#`,                             // "- 503#"
			gapNoComa + `(?:,,|;)` + afterTag + digits(15) + `#?`, // auto-dialled
			gapNoComa + `,+` + afterTag + digits(9) + `#?`,
		}, "|")
		shape := `\p{Nd}{2}|[+\x{FF0B}]*(?:[` + punct + `*]*\p{Nd}){3,}[` + punct + `*A-Za-z\p{Nd}]*(?:` + ext + `)?`
		phoneGrammar.number = regexp.MustCompile(`(?i)^(?:` + shape + `)$`)
		phoneGrammar.extension = regexp.MustCompile(`(?i)(?:` + ext + `)$`)
	})
	return phoneGrammar.number
}

// looksLikePhoneNumber reports whether text has a phone number's shape: two digits, or
// three or more among punctuation, after optional plus signs, with keypad letters and an
// extension allowed at the end.
func looksLikePhoneNumber(text string) bool {
	return len(text) >= phoneMinNSN && phoneGrammarPatterns().MatchString(text)
}

// dropPhoneExtension returns text without the extension it ends with, when what precedes
// the extension is a phone number.
func dropPhoneExtension(text string) string {
	phoneGrammarPatterns()
	if loc := phoneGrammar.extension.FindStringIndex(text); loc != nil && looksLikePhoneNumber(text[:loc[0]]) {
		return text[:loc[0]]
	}
	return text
}
