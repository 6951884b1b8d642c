package daktela

//go:generate go run ./internal/phonetable/gen -o phone_regions.go

import (
	"strconv"
	"strings"
	"unicode"
)

// DefaultPhoneCountry is the region [NormalizePhone] reads a number written without its
// country code in, when none is given: "CZ", the Czech Republic (the PHP connector's
// FormatHelper assumes 420 in the same way).
const DefaultPhoneCountry = "CZ"

// PhoneNumberError is what [NormalizePhone] returns for text that cannot be read as a
// phone number: Number is the text given, Reason says what is wrong with it.
type PhoneNumberError struct {
	Number  string
	Country string
	Reason  string
}

// Error returns e.g. `"12" is not a phone number (too short for CZ)`.
func (e *PhoneNumberError) Error() string {
	return describeValue(e.Number) + " is not a phone number (" + e.Reason + ")"
}

// NormalizePhone returns number in the E.164 form ("+420226211245"), whatever way it is
// written: with spaces, dashes, dots or brackets, with "+" or the international call
// prefix of country ("00" in most of Europe), or as a national number of country
// ("226 211 245", "0226 211 245" in a country whose trunk prefix is 0). country is an
// ISO 3166 region code ("CZ", "SK", "DE"; any case); "" means [DefaultPhoneCountry].
// Numbers that start with a country code are read in their own country whatever country
// says. An extension ("... ext. 12") is left out.
//
// A blank number (empty or only white space) gives "" and no error: there is nothing to
// normalise. Text that is no phone number of any country (no digits, too short or too
// long for the country it belongs to) gives a [*PhoneNumberError]; an unknown country an
// [*ArgumentError].
//
// The reading follows Google's libphonenumber: its parsing rules and its numbering plans
// (a table generated from its metadata), so two ways of writing one number give the same
// string: use it to compare, group or deduplicate numbers. It differs from
// [GetNormalizedPhoneNumber], which reproduces what the PHP connector's FormatHelper does,
// digit for digit.
func NormalizePhone(number, country string) (string, error) {
	region := strings.ToUpper(country)
	if region == "" {
		region = DefaultPhoneCountry
	}
	home := phoneRegionByID(region)
	if home == nil {
		return "", argError("normalize", "country", country, `an ISO 3166 region code such as "CZ"`)
	}
	if strings.TrimFunc(number, unicode.IsSpace) == "" {
		return "", nil
	}
	fail := func(reason string) (string, error) {
		return "", &PhoneNumberError{Number: number, Country: region, Reason: reason}
	}
	code, nsn, reason := readPhoneNumber(number, home)
	if reason != "" {
		return fail(reason)
	}
	plan := phonePlanOf(code)
	if plan == nil {
		return fail(reasonUnknownCode)
	}
	switch plan.fitLength(len(nsn)) {
	case lengthPossible:
		return "+" + strconv.Itoa(code) + nsn, nil
	case lengthLocalOnly:
		return fail("too short for " + phoneRegionOf(code, nsn, home) + ": dialled without its area code")
	case lengthTooShort:
		return fail("too short for " + phoneRegionOf(code, nsn, home))
	case lengthTooLong:
		return fail("too long for " + phoneRegionOf(code, nsn, home))
	}
	return fail("its length fits no number of " + phoneRegionOf(code, nsn, home))
}

// The reasons of a [PhoneNumberError] that do not name a region.
const (
	reasonNoDigits    = "it has no digits a phone number could be read from"
	reasonUnknownCode = "no country has the code it starts with"
	reasonTooShort    = "too short"
	reasonTooLong     = "too long"
)

// phoneRegionOf names the region a number belongs to, for messages: home's code when the
// number has home's country code; else the region of the code that the number's leading
// digits (or number type) point to; else "+<code>".
func phoneRegionOf(code int, nsn string, home *phoneRegion) string {
	if home.code == code {
		return home.id
	}
	regions := phoneCodeRegions(code)
	if len(regions) == 1 {
		return regions[0]
	}
	for _, id := range regions {
		p := phoneRegionByID(id)
		if p == nil {
			continue
		}
		if p.leadingDigits != "" {
			if p.patterns().leadingDigits.MatchString(nsn) {
				return id
			}
		} else if p.hasType(nsn) {
			return id
		}
	}
	return "+" + strconv.Itoa(code)
}
