package jsintl

// dateData are the CLDR date and time forms of one locale that Node 20 (ICU 73-74)
// prints, for dateStyle, timeStyle, the defaults of toLocaleDateString,
// toLocaleTimeString and toLocaleString, and a few option sets (see skeletons).
//
// Patterns use CLDR letters: d dd (day), M MM MMM MMMM (month; MMMM in the form a
// date uses, LLLL on its own), y yy (year), EEEE (weekday), H HH h hh (hour), mm, ss,
// a (AM/PM). Any other character is printed as it is.
type dateData struct {
	months           [12]string // MMMM: the month in a date ("ledna")
	monthsStandalone [12]string // LLLL: the month on its own ("leden")
	monthsShort      [12]string // MMM
	weekdays         [7]string  // EEEE, Sunday first
	am, pm           string

	date      map[string]string // by dateStyle, and "default" (toLocaleDateString())
	time      map[string]string // by timeStyle, and "default"
	join      map[string]string // between date and time, by dateStyle, and "default"
	skeletons map[string]string // option sets (see skeleton) to their patterns
}

var csDates = dateData{
	months:           [12]string{"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"},
	monthsStandalone: [12]string{"leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen", "září", "říjen", "listopad", "prosinec"},
	monthsShort:      [12]string{"led", "úno", "bře", "dub", "kvě", "čvn", "čvc", "srp", "zář", "říj", "lis", "pro"},
	weekdays:         [7]string{"neděle", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota"},
	am:               "dop.", pm: "odp.",
	date:      map[string]string{"default": "d. M. y", "short": "dd.MM.yy", "medium": "d. M. y", "long": "d. MMMM y", "full": "EEEE d. MMMM y"},
	time:      map[string]string{"default": "H:mm:ss", "short": "H:mm", "medium": "H:mm:ss"},
	join:      map[string]string{"default": " ", "short": " ", "medium": " ", "long": " v ", "full": " v "},
	skeletons: map[string]string{"yMMdd": "dd. MM. y", "yMMMd": "d. M. y", "yMMMM": "LLLL y", "MMMM": "LLLL", "HHmm": "HH:mm"},
}

var skDates = dateData{
	months:           [12]string{"januára", "februára", "marca", "apríla", "mája", "júna", "júla", "augusta", "septembra", "októbra", "novembra", "decembra"},
	monthsStandalone: [12]string{"január", "február", "marec", "apríl", "máj", "jún", "júl", "august", "september", "október", "november", "december"},
	monthsShort:      [12]string{"jan", "feb", "mar", "apr", "máj", "jún", "júl", "aug", "sep", "okt", "nov", "dec"},
	weekdays:         [7]string{"nedeľa", "pondelok", "utorok", "streda", "štvrtok", "piatok", "sobota"},
	am:               "AM", pm: "PM",
	date:      map[string]string{"default": "d. M. y", "short": "d. M. y", "medium": "d. M. y", "long": "d. MMMM y", "full": "EEEE d. MMMM y"},
	time:      map[string]string{"default": "H:mm:ss", "short": "H:mm", "medium": "H:mm:ss"},
	join:      map[string]string{"default": " ", "short": " ", "medium": ", ", "long": " o ", "full": " o "},
	skeletons: map[string]string{"yMMdd": "dd. MM. y", "yMMMd": "d. M. y", "yMMMM": "LLLL y", "MMMM": "LLLL", "HHmm": "HH:mm"},
}

var enMonths = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var enWeekdays = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

var enUSDates = dateData{
	months:           enMonths,
	monthsStandalone: enMonths,
	monthsShort:      [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	weekdays:         enWeekdays,
	am:               "AM", pm: "PM",
	date:      map[string]string{"default": "M/d/y", "short": "M/d/yy", "medium": "MMM d, y", "long": "MMMM d, y", "full": "EEEE, MMMM d, y"},
	time:      map[string]string{"default": "h:mm:ss a", "short": "h:mm a", "medium": "h:mm:ss a"},
	join:      map[string]string{"default": ", ", "short": ", ", "medium": ", ", "long": " at ", "full": " at "},
	skeletons: map[string]string{"yMMdd": "MM/dd/y", "yMMMd": "MMM d, y", "yMMMM": "MMMM y", "MMMM": "LLLL", "HHmm": "hh:mm a"},
}

var enGBDates = dateData{
	months:           enMonths,
	monthsStandalone: enMonths,
	monthsShort:      [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"},
	weekdays:         enWeekdays,
	am:               "am", pm: "pm",
	date:      map[string]string{"default": "dd/MM/y", "short": "dd/MM/y", "medium": "d MMM y", "long": "d MMMM y", "full": "EEEE, d MMMM y"},
	time:      map[string]string{"default": "HH:mm:ss", "short": "HH:mm", "medium": "HH:mm:ss"},
	join:      map[string]string{"default": ", ", "short": ", ", "medium": ", ", "long": " at ", "full": " at "},
	skeletons: map[string]string{"yMMdd": "dd/MM/y", "yMMMd": "d MMM y", "yMMMM": "MMMM y", "MMMM": "LLLL", "HHmm": "HH:mm"},
}

var deMonths = [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

var deDates = dateData{
	months:           deMonths,
	monthsStandalone: deMonths,
	monthsShort:      [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
	weekdays:         [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
	am:               "AM", pm: "PM",
	date:      map[string]string{"default": "d.M.y", "short": "dd.MM.yy", "medium": "dd.MM.y", "long": "d. MMMM y", "full": "EEEE, d. MMMM y"},
	time:      map[string]string{"default": "HH:mm:ss", "short": "HH:mm", "medium": "HH:mm:ss"},
	join:      map[string]string{"default": ", ", "short": ", ", "medium": ", ", "long": " um ", "full": " um "},
	skeletons: map[string]string{"yMMdd": "dd.MM.y", "yMMMd": "d. MMM y", "yMMMM": "MMMM y", "MMMM": "LLLL", "HHmm": "HH:mm"},
}

var plDates = dateData{
	months:           [12]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	monthsStandalone: [12]string{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"},
	monthsShort:      [12]string{"sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"},
	weekdays:         [7]string{"niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"},
	am:               "AM", pm: "PM",
	date:      map[string]string{"default": "d.MM.y", "short": "d.MM.y", "medium": "d MMM y", "long": "d MMMM y", "full": "EEEE, d MMMM y"},
	time:      map[string]string{"default": "HH:mm:ss", "short": "HH:mm", "medium": "HH:mm:ss"},
	join:      map[string]string{"default": ", ", "short": ", ", "medium": ", ", "long": " ", "full": " "},
	skeletons: map[string]string{"yMMdd": "dd.MM.y", "yMMMd": "d MMM y", "yMMMM": "LLLL y", "MMMM": "LLLL", "HHmm": "HH:mm"},
}

var huMonths = [12]string{"január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"}

var huDates = dateData{
	months:           huMonths,
	monthsStandalone: huMonths,
	monthsShort:      [12]string{"jan.", "febr.", "márc.", "ápr.", "máj.", "jún.", "júl.", "aug.", "szept.", "okt.", "nov.", "dec."},
	weekdays:         [7]string{"vasárnap", "hétfő", "kedd", "szerda", "csütörtök", "péntek", "szombat"},
	am:               "de.", pm: "du.",
	date:      map[string]string{"default": "y. MM. dd.", "short": "y. MM. dd.", "medium": "y. MMM d.", "long": "y. MMMM d.", "full": "y. MMMM d., EEEE"},
	time:      map[string]string{"default": "H:mm:ss", "short": "H:mm", "medium": "H:mm:ss"},
	join:      map[string]string{"default": " ", "short": " ", "medium": " ", "long": " ", "full": " "},
	skeletons: map[string]string{"yMMdd": "y. MM. dd.", "yMMMd": "y. MMM d.", "yMMMM": "y. MMMM", "MMMM": "LLLL", "HHmm": "HH:mm"},
}
