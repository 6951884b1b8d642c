package daktela

import (
	"strconv"
	"unicode/utf8"
)

// maxShownBytes is how much of a URL, a path or a list of messages an error message or
// a log entry shows: a read filtered on thousands of values has a URL of megabytes.
const maxShownBytes = 1024

// clip returns s when it is at most maxShownBytes long, otherwise its start (cut on a
// character boundary) followed by how long s is in all.
func clip(s string) string {
	if len(s) <= maxShownBytes {
		return s
	}
	n := maxShownBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "… (" + strconv.Itoa(len(s)) + " bytes in all)"
}

// maxMessageBytes bounds a whole error message or log value: longer ones keep their
// start (what failed) and their end (why), with how much was cut between.
const maxMessageBytes = 4096

// clipMiddle returns s when it is at most maxMessageBytes long, otherwise its start and
// its end around a note of the full size.
func clipMiddle(s string) string {
	if len(s) <= maxMessageBytes {
		return s
	}
	head, tail := maxMessageBytes*2/3, len(s)-maxMessageBytes/3
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + " … (" + strconv.Itoa(len(s)) + " bytes in all) … " + s[tail:]
}
