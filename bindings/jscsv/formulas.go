package jscsv

// escapeFormula returns s with a "'" in front when a spreadsheet opening the CSV file
// would take it for a formula (CSV injection): a cell starting with "=", "@", a tab or a
// carriage return, or with "+" or "-" unless the whole cell is a number ("-12.5",
// "+5", "1e3") or a phone number ("+420 226 211 245", "+1 (650) 253-0000"): Daktela's
// exports are full of both, and neither can call a function or read another cell. The
// quote is OWASP's advice against CSV injection: the spreadsheet then shows the cell as
// text (some show the quote too).
func escapeFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if isPlainNumber(s) || isPhoneNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// isPlainNumber reports whether s is a decimal number: a sign, digits with an optional
// fraction (after "." or ","), and an optional exponent.
func isPlainNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && isDigit(s[i]) {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// isPhoneNumber reports whether s is an international phone number as people write
// them: "+", then digits with spaces, dots, dashes, slashes and brackets between them,
// ending with a digit, at least five digits in all. It holds no letter, so no function
// name or cell reference a formula could use.
func isPhoneNumber(s string) bool {
	if len(s) < 2 || s[0] != '+' || !isDigit(s[len(s)-1]) {
		return false
	}
	digits := 0
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case isDigit(c):
			digits++
		case c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')':
		default:
			return false
		}
	}
	return digits >= 5
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
