package daktela

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
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
// The reading follows Google's libphonenumber (its Go port, github.com/nyaruka/phonenumbers),
// so two ways of writing one number give the same string: use it to compare, group or
// deduplicate numbers. It differs from [GetNormalizedPhoneNumber], which reproduces what
// the PHP connector's FormatHelper does, digit for digit.
func NormalizePhone(number, country string) (string, error) {
	region := strings.ToUpper(country)
	if region == "" {
		region = DefaultPhoneCountry
	}
	if !phonenumbers.GetSupportedRegions()[region] {
		return "", argError("normalize", "country", country, `an ISO 3166 region code such as "CZ"`)
	}
	if strings.TrimFunc(number, unicode.IsSpace) == "" {
		return "", nil
	}
	fail := func(reason string) (string, error) {
		return "", &PhoneNumberError{Number: number, Country: region, Reason: reason}
	}
	num, err := phonenumbers.Parse(number, region)
	switch {
	case errors.Is(err, phonenumbers.ErrNotANumber):
		return fail("it has no digits a phone number could be read from")
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return fail("no country has the code it starts with")
	case errors.Is(err, phonenumbers.ErrTooShortNSN), errors.Is(err, phonenumbers.ErrTooShortAfterIDD):
		return fail("too short")
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return fail("too long")
	case err != nil:
		return fail(err.Error())
	}
	switch phonenumbers.IsPossibleNumberWithReason(num) {
	case phonenumbers.IS_POSSIBLE:
	case phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
		return fail("too short for " + regionOf(num, region) + ": dialled without its area code")
	case phonenumbers.TOO_SHORT:
		return fail("too short for " + regionOf(num, region))
	case phonenumbers.TOO_LONG:
		return fail("too long for " + regionOf(num, region))
	case phonenumbers.INVALID_COUNTRY_CODE:
		return fail("no country has the code it starts with")
	default:
		return fail("its length fits no number of " + regionOf(num, region))
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}

// regionOf names the country a parsed number belongs to, for messages: its region code,
// or "+<code>" when it is not known: region when the number has region's country code.
func regionOf(num *phonenumbers.PhoneNumber, region string) string {
	if phonenumbers.GetCountryCodeForRegion(region) == int(num.GetCountryCode()) {
		return region
	}
	if r := phonenumbers.GetRegionCodeForNumber(num); r != "" && r != "ZZ" {
		return r
	}
	return "+" + strconv.Itoa(int(num.GetCountryCode()))
}
