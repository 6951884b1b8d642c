package daktela

// DefaultTimezone is the time zone of a Daktela instance unless configured otherwise:
// Czech cloud instances run in it, and their date-times ("YYYY-MM-DD HH:MM:SS", no
// zone given) are local times there.
const DefaultTimezone = "Europe/Prague"
