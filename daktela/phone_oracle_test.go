package daktela

import (
	"errors"
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// oracleNormalizePhone is NormalizePhone as it was written over libphonenumber's Go port
// (github.com/nyaruka/phonenumbers), before the product stopped importing the port (its
// package init decodes all of its metadata, which every start of dkscript paid for). It is
// the reference the oracle test compares NormalizePhone with.
func oracleNormalizePhone(number, country string) (string, error) {
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
		return fail("too short for " + oracleRegionOf(num, region) + ": dialled without its area code")
	case phonenumbers.TOO_SHORT:
		return fail("too short for " + oracleRegionOf(num, region))
	case phonenumbers.TOO_LONG:
		return fail("too long for " + oracleRegionOf(num, region))
	case phonenumbers.INVALID_COUNTRY_CODE:
		return fail("no country has the code it starts with")
	default:
		return fail("its length fits no number of " + oracleRegionOf(num, region))
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}

// regionOf names the country a parsed number belongs to, for messages: its region code,
// or "+<code>" when it is not known: region when the number has region's country code.
func oracleRegionOf(num *phonenumbers.PhoneNumber, region string) string {
	if phonenumbers.GetCountryCodeForRegion(region) == int(num.GetCountryCode()) {
		return region
	}
	if r := phonenumbers.GetRegionCodeForNumber(num); r != "" && r != "ZZ" {
		return r
	}
	return "+" + strconv.Itoa(int(num.GetCountryCode()))
}

// oracleReadings are the default regions every corpus number is read with, besides the
// number's own region.
var oracleReadings = []string{"CZ", "US", "DE", "GB"}

// phoneOracleCorpus builds the numbers NormalizePhone is compared on, each with the
// regions it is read in: for every region (and non-geographical code) the example number
// of every type, written in every format and many ways, one digit longer and shorter.
func phoneOracleCorpus() map[string][]string {
	corpus := map[string]map[string]bool{}
	add := func(number string, regions ...string) {
		if corpus[number] == nil {
			corpus[number] = map[string]bool{}
		}
		for _, r := range regions {
			corpus[number][r] = true
		}
		for _, r := range oracleReadings {
			corpus[number][r] = true
		}
	}
	types := []phonenumbers.PhoneNumberType{
		phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
		phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP,
		phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER, phonenumbers.UAN,
		phonenumbers.VOICEMAIL,
	}
	var regions []string
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	sort.Strings(regions)
	type example struct {
		region string
		num    *phonenumbers.PhoneNumber
	}
	var examples []example
	for _, r := range regions {
		for _, t := range types {
			if num := phonenumbers.GetExampleNumberForType(r, t); num != nil {
				examples = append(examples, example{r, num})
			}
		}
	}
	for code := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		if num := phonenumbers.GetExampleNumberForNonGeoEntity(code); num != nil {
			examples = append(examples, example{"CZ", num})
		}
	}
	callers := []string{"US", "DE", "AU", "BR", "RU", "JP"}
	for _, ex := range examples {
		r, num := ex.region, ex.num
		nsn := phonenumbers.GetNationalSignificantNumber(num)
		cc := strconv.Itoa(int(num.GetCountryCode()))
		// The usual ways of writing it, in every spelling.
		for _, w := range []string{
			phonenumbers.Format(num, phonenumbers.INTERNATIONAL),
			phonenumbers.Format(num, phonenumbers.NATIONAL),
			phonenumbers.FormatOutOfCountryCallingNumber(num, "CZ"),
		} {
			for _, v := range phoneSpellings(w) {
				add(v, r)
			}
		}
		// Other ways, as they are.
		written := []string{
			phonenumbers.Format(num, phonenumbers.E164),
			phonenumbers.Format(num, phonenumbers.RFC3966),
			nsn,
			cc + nsn,
			"00" + cc + nsn,
			"011" + cc + nsn,
			"00 " + cc + " " + nsn,
			"+" + cc + " (0)" + nsn,
			"+" + cc + "0" + nsn,
			phonenumbers.GetNddPrefixForRegion(r, true) + nsn,
			"tel:" + nsn + ";phone-context=+" + cc,
		}
		for _, from := range callers {
			written = append(written, phonenumbers.FormatOutOfCountryCallingNumber(num, from))
		}
		for _, w := range written {
			add(w, r)
			add(strings.ReplaceAll(w, " ", ""), r)
		}
		// One digit more and one digit fewer, as national and international numbers.
		for _, n := range []string{nsn + "7", nsn[:len(nsn)-1], nsn + "00", nsn[:len(nsn)/2]} {
			add(n, r)
			add("+"+cc+" "+n, r)
			add("00"+cc+n, r)
			add(phonenumbers.GetNddPrefixForRegion(r, true)+n, r)
		}
		add(phonenumbers.Format(num, phonenumbers.INTERNATIONAL)+" ext. 12", r)
		add(phonenumbers.Format(num, phonenumbers.NATIONAL)+" x 345", r)
		add(phonenumbers.Format(num, phonenumbers.RFC3966)+";ext=9", r)
		add(phonenumbers.Format(num, phonenumbers.E164)+"#", r)
		add(phonenumbers.Format(num, phonenumbers.NATIONAL)+" - 503#", r)
	}
	for _, s := range phoneOddInputs() {
		add(s, "CZ", "SK", "IT", "AR", "BR", "MX", "RU", "KZ", "CA", "AU", "CN", "CO", "BY", "IN", "JP")
	}
	for _, s := range phoneRandomInputs(10000) {
		add(s, "CZ")
	}
	out := make(map[string][]string, len(corpus))
	for n, rs := range corpus {
		for r := range rs {
			out[n] = append(out[n], r)
		}
		sort.Strings(out[n])
	}
	return out
}

// phoneSpellings writes one formatted number in the ways people write it: as it is,
// with dashes, dots or nothing between the groups, the first or second group in
// brackets, in full-width digits, with a label in front.
func phoneSpellings(s string) []string {
	out := []string{
		s,
		strings.ReplaceAll(s, " ", "-"),
		strings.ReplaceAll(s, " ", "."),
		strings.ReplaceAll(s, " ", ""),
		"Tel.:\u00a0" + s + " ",
		strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '\uFF10' + r - '0'
			}
			return r
		}, s),
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		if j := strings.IndexByte(s[i+1:], ' '); j > 0 {
			out = append(out, s[:i+1]+"("+s[i+1:i+1+j]+")"+s[i+1+j:])
		}
		out = append(out, "("+s[:i]+")"+s[i:])
	}
	return out
}

// phoneOddInputs are hand-picked inputs: the existing test cases, letters, extensions,
// URIs, blanks and garbage.
func phoneOddInputs() []string {
	return []string{
		"+420 226 211 245", "00420 226 211 245", "226 211 245", "226211245",
		"(773) 794-604", "773.794.604", "+420 601 037 113", "0905 123 456",
		"00421 905 123 456", "030 1234567", "+1 (650) 253-0000", "(650) 253-0000",
		"+420 226 211 245 ext. 12", "\u00a0+420\u00a0226\u00a0211\u00a0245", "", " \t\n",
		"abc", "-", "12", "+420 12", "+420 226 211 245 999 999", "+999 123 456 789",
		"253-0000", strings.Repeat("1", 300), strings.Repeat("1", 250), strings.Repeat("1", 251),
		"1-800-FLOWERS", "1 800 MICROSOFT", "0800 FLOWERS", "+44 800 FLOWERS", "ABC 123",
		"+1 800 six-flags", "+1-800-GOT-JUNK", "+420 ABC DEF GHI",
		"tel:+420-226-211-245", "tel:226211245;phone-context=+420", "tel:226211245;phone-context=example.com",
		"tel:226211245;phone-context=", "tel:226211245;phone-context=+", "tel:226211245;phone-context=a..b",
		"tel:253-0000;phone-context=+1-650", ";phone-context=+420", "tel:226211245;isub=12;phone-context=+420",
		"226211245;isub=12", "tel:226 211 245;ext=12", "tel:1234;phone-context=1-example.com.",
		"+420 226 211 245 x302/x2303", "(530) 583-6985 x302/x2303", "+420 226 211 245 / x2",
		"+420 226 211 245 доб 12", "+420 226 211 245 anexo 3", "+420 226 211 245 extensión 4",
		"+420 226 211 245 ,,55", "+420 226 211 245;55", "+420 226 211 245,5", "+420 226 211 245 #12",
		"+420 226 211 245 int 12", "+420 226 211 245 ext 12345678901234567890123",
		"++420 226 211 245", "+\uFF0B420 226 211 245", "\uFF0B420 226 211 245", "+0420 226 211 245",
		"+00420 226 211 245", "0 0420 226 211 245", "00 0 420 226211245", "000420226211245",
		"420226211245", "420 226 211", "4200226211245", "+420 0226 211 245",
		"\u0660\u0662\u0662\u0666\u0662\u0661\u0661\u0662\u0664\u0665", "\u06F2\u06F2\u06F6\u06F2\u06F1\u06F1\u06F2\u06F4\u06F5",
		"\u0968\u0968\u096C\u0968\u0967\u0967\u0968\u0966\u096B", "+\u0968\u0968\u096C 211 245",
		"+1", "+12", "+123", "00", "001", "0012", "1", "11", "111", "0000000", "00000000000",
		"+39 06 698 12345", "06 698 12345", "+39 0000000", "+39 00 12 34", "3312345678",
		"+7 701 123 4567", "8 701 123 4567", "+7 495 123 45 67", "8 (495) 123-45-67",
		"+1 310 1234", "+1 268 1234", "+44 1481 123", "+47 79 12", "+358 18 1", "+599 7 123",
		"+262 269 12", "+290 8 123", "+212 5 1234", "+61 8 9162", "+800 1234 5678", "+800 123",
		"+979 123 456 789", "+882 123", "+883 1234 5678 9012 3456", "+870 301 234 567",
		"0 11 2345 6789", "011 15 2345 6789", "15 2345 6789", "+54 9 11 2345 6789",
		"0xx11 2345 6789", "0 15 11 2345 6789", "(0xx21) 2345-6789", "0 21 2345 6789 12",
		"01 55 1234 5678", "044 55 1234 5678", "+52 1 55 1234 5678", "8 029 123 45 67",
		"8 10 420 226 211 245", "810 420 226 211 245", "0011 420 226 211 245",
		"1 650 253 0000", "16502530000", "6502530000", "011 420 226 211 245",
		"x", "xx 12", "[12]", "(12)", "12-", "1-2", "1 2 3", "12 345", "*12#", "#31#12345",
		"+420 226 211 245 ]", "+420 226 211 245 a&&b]", "12345 &&x]]", "1234\n5678", "1234 5678\n",
		"Call 226 211 245 now", "phone: +420-226-211-245.", "+420.226.211.245.", "226/211/245",
		"+420 ſſſ 226 211 245", "+420 KKK", "1-800-ıııı", "(+420) 226 211 245",
		"+420 (0) 226 211 245", "++", "+ 420", "+-420 226 211 245", "\u2212420 226 211 245",
		"\xff\xfe 226 211 245", "226 211 245 \xff",
	}
}

// phoneRandomInputs returns n pseudo-random strings (the same every run) made of digits,
// plus signs, punctuation, letters and extension labels.
func phoneRandomInputs(n int) []string {
	pieces := []string{
		"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "00", "420", "1", "44", "49", "7",
		"39", "0", "226", "211", "245", "800", "+", "+", "\uFF0B", " ", " ", "-", ".", "(", ")",
		"/", "x", "X", "ext", " ext. ", ";ext=", "#", "*", "~", "a", "B", "c", "tel:",
		";phone-context=", "+420", "example.com", ";isub=", ",", ",,", ";", "\u00a0", "\u0661",
		"\uFF12", "\u0968", "\t", "[", "]", "&&", "\u2010", "\u30FC", "int", "доб", "anexo",
	}
	rng := rand.New(rand.NewSource(16))
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		for k := 1 + rng.Intn(14); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// phoneOutcome is what NormalizePhone gives, comparable: the E.164 string, or the error's
// kind and reason.
func phoneOutcome(got string, err error) string {
	var pe *PhoneNumberError
	var ae *ArgumentError
	switch {
	case err == nil:
		return "ok " + got
	case errors.As(err, &pe):
		return "error " + pe.Reason
	case errors.As(err, &ae):
		return "argument " + ae.Error()
	}
	return "other " + err.Error()
}

// NormalizePhone gives exactly what the library-based implementation gives, the E.164
// string or the error's reason, for every region's example numbers written every way and
// read in several regions, and for odd and pseudo-random text.
func TestNormalizePhoneMatchesLibphonenumber(t *testing.T) {
	corpus := phoneOracleCorpus()
	numbers := make([]string, 0, len(corpus))
	for n := range corpus {
		numbers = append(numbers, n)
	}
	sort.Strings(numbers)
	cases, diffs := 0, 0
	outcomes := map[string]int{}
	for i, n := range numbers {
		if i%phoneOracleStride != 0 {
			continue
		}
		for _, r := range corpus[n] {
			cases++
			want := phoneOutcome(oracleNormalizePhone(n, r))
			got := phoneOutcome(NormalizePhone(n, r))
			outcomes[strings.SplitN(want, " ", 2)[0]]++
			if got != want {
				diffs++
				if diffs <= 40 {
					t.Errorf("NormalizePhone(%q, %q) = %s; libphonenumber: %s", n, r, got, want)
				}
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d readings differ", diffs, cases)
	}
	// The corpus must exercise both sides: numbers read and numbers refused.
	if outcomes["ok"] < cases/3 || outcomes["error"] < cases/10 {
		t.Errorf("corpus outcomes %v of %d cases: too few of a kind", outcomes, cases)
	}
	t.Logf("%d readings of %d numbers compared: %v", cases, len(numbers), outcomes)
}

// Every region libphonenumber supports is a country NormalizePhone accepts, and no other.
func TestNormalizePhoneRegionsMatchLibphonenumber(t *testing.T) {
	supported := phonenumbers.GetSupportedRegions()
	for r := range supported {
		if phoneRegionByID(r) == nil {
			t.Errorf("region %s missing", r)
		}
	}
	for _, p := range phoneRegions {
		if !supported[p.id] {
			t.Errorf("region %s is not in libphonenumber", p.id)
		}
	}
	for _, c := range []string{"", "cz", "Sk", "XX", "ZZ", "001", "UK", "EU", "CZE", "C"} {
		if got, want := phoneOutcome(NormalizePhone("226 211 245", c)), phoneOutcome(oracleNormalizePhone("226 211 245", c)); got != want {
			t.Errorf("country %q: %s; libphonenumber: %s", c, got, want)
		}
	}
}

// Numbers read at once from many goroutines, in regions whose patterns are compiled on
// first use, come out as read one by one.
func TestNormalizePhoneConcurrent(t *testing.T) {
	inputs := []struct{ number, country string }{
		{"0905 123 456", "SK"}, {"030 1234567", "DE"}, {"(650) 253-0000", "US"},
		{"06 698 12345", "VA"}, {"8 701 123 4567", "KZ"}, {"+1 310 1234", "FR"},
		{"020 7031 3000", "GB"}, {"abc", "PL"}, {"12", "AT"}, {"+800 1234 5678", "JP"},
	}
	want := make([]string, len(inputs))
	for i, in := range inputs {
		want[i] = phoneOutcome(oracleNormalizePhone(in.number, in.country))
	}
	errs := make(chan string, 8*len(inputs))
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range inputs {
				in := inputs[(i+g)%len(inputs)]
				if got := phoneOutcome(NormalizePhone(in.number, in.country)); got != want[(i+g)%len(inputs)] {
					errs <- in.number + " in " + in.country + ": " + got
				}
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
