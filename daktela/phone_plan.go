package daktela

import (
	"math/bits"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// phoneRegion is one region's numbering plan as [NormalizePhone] reads it: the data
// libphonenumber's metadata holds for the region, reduced to what reading a number needs.
// The table (phone_regions.go) is generated; its patterns are compiled on first use, so
// a program that never reads a phone number pays nothing for it.
type phoneRegion struct {
	id   string // ISO 3166 region code, or "001" for a non-geographical code
	code int    // country calling code
	// idd is the pattern of the international call prefix dialled in the region ("00",
	// "011", "8~10").
	idd string
	// nationalPrefix is the pattern of the trunk prefix (and carrier code) that a
	// national number may start with; transform, when set, rewrites the number instead
	// of dropping the prefix ("$1" style references to nationalPrefix's groups).
	nationalPrefix, transform string
	// pattern matches every national significant number of the region.
	pattern string
	// lengths is the set of possible lengths of a national significant number (bit n for
	// length n; 0 when there is none); localLengths those of a number dialled without
	// its area code, possible only inside the area.
	lengths, localLengths uint32
	// leadingDigits, for a region that shares its country code, matches the start of the
	// region's national numbers.
	leadingDigits string
	// types, for a region that shares its country code and has no leadingDigits, lists
	// the number types (fixed line, mobile, ...) a number the code's main region rejects
	// can still be in this region.
	types []phoneDesc
}

// phoneDesc is one number type: the lengths and the pattern of its numbers.
type phoneDesc struct {
	lengths uint32
	pattern string
}

// phoneCode is a country calling code and its regions, separated by spaces, the main
// region first.
type phoneCode struct {
	code    int
	regions string
}

// phoneRegionByID returns the plan of a region (an upper-case ISO 3166 code), or nil.
func phoneRegionByID(id string) *phoneRegion {
	i := sort.Search(len(phoneRegions), func(i int) bool { return phoneRegions[i].id >= id })
	if i < len(phoneRegions) && phoneRegions[i].id == id {
		return &phoneRegions[i]
	}
	return nil
}

// phoneCodeRegions returns the regions of a country calling code, the main region first;
// none when no country has the code.
func phoneCodeRegions(code int) []string {
	i := sort.Search(len(phoneCodes), func(i int) bool { return phoneCodes[i].code >= code })
	if i < len(phoneCodes) && phoneCodes[i].code == code {
		return strings.Fields(phoneCodes[i].regions)
	}
	return nil
}

// knownPhoneCode reports whether some region has the country calling code.
func knownPhoneCode(code int) bool {
	i := sort.Search(len(phoneCodes), func(i int) bool { return phoneCodes[i].code >= code })
	return i < len(phoneCodes) && phoneCodes[i].code == code
}

// phonePlanOf returns the plan that a number with country calling code code follows: its
// main region's, or the non-geographical plan of the code.
func phonePlanOf(code int) *phoneRegion {
	regions := phoneCodeRegions(code)
	if len(regions) == 0 {
		return nil
	}
	if regions[0] == phoneNonGeoRegion {
		i := sort.Search(len(phoneNonGeo), func(i int) bool { return phoneNonGeo[i].code >= code })
		if i < len(phoneNonGeo) && phoneNonGeo[i].code == code {
			return &phoneNonGeo[i]
		}
		return nil
	}
	return phoneRegionByID(regions[0])
}

// phoneNonGeoRegion is the region code of the country codes that belong to no country.
const phoneNonGeoRegion = "001"

// phoneLength is how a number's length fits a plan.
type phoneLength int

const (
	lengthPossible phoneLength = iota
	lengthLocalOnly
	lengthTooShort
	lengthTooLong
	lengthInvalid
)

// fitLength says how a national significant number of n digits fits the plan: possible,
// possible only dialled inside its area, shorter than the shortest or longer than the
// longest number, or of a length between that no number has.
func (p *phoneRegion) fitLength(n int) phoneLength {
	if p.lengths == 0 {
		return lengthInvalid
	}
	if n < 32 && p.localLengths&(1<<n) != 0 {
		return lengthLocalOnly
	}
	shortest, longest := bits.TrailingZeros32(p.lengths), 31-bits.LeadingZeros32(p.lengths)
	switch {
	case n < shortest:
		return lengthTooShort
	case n > longest:
		return lengthTooLong
	case p.lengths&(1<<n) != 0:
		return lengthPossible
	}
	return lengthInvalid
}

// phonePatterns are a plan's compiled patterns.
type phonePatterns struct {
	once           sync.Once
	idd            *regexp.Regexp // anchored at the start
	nationalPrefix *regexp.Regexp // anchored at the start
	number         *regexp.Regexp // the whole string
	leadingDigits  *regexp.Regexp // anchored at the start; nil when the plan has none
	types          []*regexp.Regexp
}

// phoneCompiled holds the compiled patterns of the plans used so far, by plan.
var phoneCompiled sync.Map // *phoneRegion -> *phonePatterns

// patterns returns the plan's compiled patterns, compiling them on first use.
func (p *phoneRegion) patterns() *phonePatterns {
	v, ok := phoneCompiled.Load(p)
	if !ok {
		v, _ = phoneCompiled.LoadOrStore(p, new(phonePatterns))
	}
	c := v.(*phonePatterns)
	c.once.Do(func() {
		c.idd = regexp.MustCompile(`^(?:` + p.idd + `)`)
		c.nationalPrefix = regexp.MustCompile(`^(?:` + p.nationalPrefix + `)`)
		c.number = regexp.MustCompile(`^(?:` + p.pattern + `)$`)
		if p.leadingDigits != "" {
			c.leadingDigits = regexp.MustCompile(`^(?:` + p.leadingDigits + `)`)
		}
		for _, t := range p.types {
			c.types = append(c.types, regexp.MustCompile(`^(?:`+t.pattern+`)$`))
		}
	})
	return c
}

// fits reports whether nsn is a national significant number of the plan by its pattern
// (libphonenumber's general description), whatever its length.
func (p *phoneRegion) fits(nsn string) bool {
	return p.patterns().number.MatchString(nsn)
}

// hasType reports whether nsn, a number the main region of the plan's code rejects, is
// one of the plan's number types (see phoneRegion.types).
func (p *phoneRegion) hasType(nsn string) bool {
	n := len(nsn)
	if len(p.types) == 0 || n >= 32 || p.lengths&(1<<n) == 0 || !p.fits(nsn) {
		return false
	}
	c := p.patterns()
	for i, t := range p.types {
		if t.lengths&(1<<n) != 0 && c.types[i].MatchString(nsn) {
			return true
		}
	}
	return false
}
