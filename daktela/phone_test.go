package daktela

import "testing"

// The expected outputs are derived by hand from FormatHelper::getNormalizedPhoneNumber in
// the PHP connector, step by step (numbers refer to the steps in GetNormalizedPhoneNumber's
// doc): 1 strip separators, 2 add "+"/"00" to a long number starting with the prefix,
// 3 add "+"/"00" and the prefix when neither "+" nor "00" leads, 4 rewrite the lead.
// PHP 8's loose == makes "0" == "00" and "+0" == "00" (both sides numeric, both 0).
func TestGetNormalizedPhoneNumber(t *testing.T) {
	cases := []struct {
		in     string
		plus   bool
		prefix string
		length int
		want   string
	}{
		// Empty, or empty once stripped: returned as it is (step 1).
		{"", false, "420", 12, ""},
		{" \t-()./", false, "420", 12, ""},
		// A national number: step 3 adds 00 and 420.
		{"773794604", false, "420", 12, "00420773794604"},
		{"773 794 604", false, "420", 12, "00420773794604"},
		// \s is space, \t, \n, \v, \f, \r: all removed.
		{"773\t794\n604\v\f\r", false, "420", 12, "00420773794604"},
		// A no-break space is not \s without the /u flag: it stays.
		{"773\u00a0794", false, "420", 12, "00420773\u00a0794"},
		// Starts with 420 and has 12 characters: step 2 adds 00 only.
		{"420773794604", false, "420", 12, "00420773794604"},
		// Starts with 420 but has 11 characters: step 2 does not apply, step 3 adds 00420.
		{"42077379460", false, "420", 12, "0042042077379460"},
		// "+42" == "420" is false (42 != 420); the "+" lead becomes "00" (step 4).
		{"+420 773 794 604", false, "420", 12, "00420773794604"},
		{"00420773794604", false, "420", 12, "00420773794604"},
		// Separators of every kind; another country's number keeps its own prefix.
		{"(+421) 905-123.456/7", false, "420", 12, "004219051234567"},
		// With plusSign: "+" instead of "00" everywhere.
		{"773794604", true, "420", 12, "+420773794604"},
		{"00420773794604", true, "420", 12, "+420773794604"},
		{"+ 420 (773) 794-604", true, "420", 12, "+420773794604"},
		// Slovakia as the default country.
		{"905123456", true, "421", 12, "+421905123456"},
		{"421905123456", true, "421", 12, "+421905123456"},
		// A leading 0 is kept: "07" == "00" is false (7 != 0).
		{"0773794604", false, "420", 12, "004200773794604"},
		// Loose ==: "0" == "00" (0 == 0), so step 3 does not apply and step 4 replaces
		// the "0" by "00" + mb_substr("0", 2), i.e. "00".
		{"0", false, "420", 12, "00"},
		{"0", true, "420", 12, "+"},
		// Loose ==: with plusSign, step 4 sees "+0" == "00" and drops two characters.
		{"+0123", true, "420", 12, "+123"},
		// Without plusSign the "+" became "00" in step 3 first: nothing is lost.
		{"+0123", false, "420", 12, "000123"},
		// Only a "+": step 3 turns it into "00", step 4 keeps "00".
		{"+", false, "420", 12, "00"},
		{"00", true, "420", 12, "+"},
		// Letters are not removed.
		{"abc", false, "420", 12, "00420abc"},
		// Lengths are characters (mb_strlen): "420ěěěěě" is 8 characters (13 bytes), so
		// step 2 does not apply.
		{"420ěěěěě", false, "420", 12, "00420420ěěěěě"},
		{"☎ 773794604", false, "420", 12, "00420☎773794604"},
		// An empty prefix matches every number: long ones get only "00", short ones "00"
		// and the (empty) prefix.
		{"12345", false, "", 5, "0012345"},
		{"1234", false, "", 5, "001234"},
	}
	for _, tc := range cases {
		got := GetNormalizedPhoneNumber(tc.in, tc.plus, tc.prefix, tc.length)
		if got != tc.want {
			t.Errorf("GetNormalizedPhoneNumber(%q, %v, %q, %d) = %q, want %q", tc.in, tc.plus, tc.prefix, tc.length, got, tc.want)
		}
	}
}

func TestPHPLooseEqual(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"0", "00", true}, {"+0", "00", true}, {"07", "00", false}, {"1e3", "1000", true},
		{"+", "+", true}, {"+4", "00", false}, {"abc", "abc", true}, {"0x1", "1", false},
		{" 1", "1", true}, {"1 ", "1", true}, {"1.0", "1", true}, {".5", "0.5", true},
		{"99999999999999999999", "99999999999999999998", false}, {"1e", "1", false},
	}
	for _, tc := range cases {
		if got := phpLooseEqual(tc.a, tc.b); got != tc.want {
			t.Errorf("%q == %q: %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
