package daktela

import (
	"errors"
	"strings"
	"testing"
)

// Every way of writing one number gives the one E.164 string; national numbers are read
// in the country given; a number with its own country code keeps it.
func TestNormalizePhone(t *testing.T) {
	cases := []struct{ number, country, want string }{
		{"+420 226 211 245", "", "+420226211245"},
		{"00420 226 211 245", "", "+420226211245"},
		{"226 211 245", "", "+420226211245"},
		{"226211245", "CZ", "+420226211245"},
		{"(773) 794-604", "", "+420773794604"},
		{"773.794.604", "cz", "+420773794604"},
		{"+420 601 037 113", "SK", "+420601037113"},
		{"0905 123 456", "SK", "+421905123456"},
		{"00421 905 123 456", "SK", "+421905123456"},
		{"030 1234567", "DE", "+49301234567"},
		{"+1 (650) 253-0000", "CZ", "+16502530000"},
		{"(650) 253-0000", "US", "+16502530000"},
		{"+420 226 211 245 ext. 12", "", "+420226211245"},
		{"\u00a0+420\u00a0226\u00a0211\u00a0245", "", "+420226211245"},
		{"", "", ""},
		{" \t\n", "", ""},
	}
	for _, tc := range cases {
		got, err := NormalizePhone(tc.number, tc.country)
		if err != nil || got != tc.want {
			t.Errorf("NormalizePhone(%q, %q) = %q, %v; want %q", tc.number, tc.country, got, err, tc.want)
		}
	}
}

// Text that is no phone number is a *PhoneNumberError that names it and says why; an
// unknown country is an *ArgumentError.
func TestNormalizePhoneErrors(t *testing.T) {
	cases := []struct{ number, country, want string }{
		{"abc", "", `"abc" is not a phone number (it has no digits a phone number could be read from)`},
		{"-", "", `"-" is not a phone number`},
		{"12", "", `"12" is not a phone number (too short`},
		{"+420 12", "", `"+420 12" is not a phone number (too short`},
		{"+420 226 211 245 999 999", "", `is not a phone number (too long`},
		{"+999 123 456 789", "", `no country has the code it starts with`},
		{"253-0000", "US", `too short for US: dialled without its area code`},
		{strings.Repeat("1", 300), "", `(300 bytes) is not a phone number (too long)`},
	}
	for _, tc := range cases {
		got, err := NormalizePhone(tc.number, tc.country)
		var pe *PhoneNumberError
		if !errors.As(err, &pe) || got != "" || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("NormalizePhone(%q, %q) = %q, %v; want a PhoneNumberError containing %q", tc.number, tc.country, got, err, tc.want)
		}
	}
	for _, country := range []string{"XX", "CZE", "420", "C"} {
		_, err := NormalizePhone("226 211 245", country)
		var ae *ArgumentError
		if !errors.As(err, &ae) || !strings.Contains(err.Error(), `normalize: country must be an ISO 3166 region code such as "CZ", got "`+country+`"`) {
			t.Errorf("country %q: %v", country, err)
		}
	}
}
