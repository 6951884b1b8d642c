package daktela

import (
	"context"
	"errors"
	"net/http"
)

// createOutcome adds to the error of a failed create whether it may have reached the
// server: creates are never sent twice, so a script must know whether the record may
// exist before it creates it again. A 5xx or 408 answer, or a request sent without an
// answer, may have made the record; a request that failed before it was sent made
// nothing. A 4xx answer (the server refused it, its messages say why) and a broken 2xx
// answer say so already, and a stopped run needs no note.
func createOutcome(err error) error {
	return writeOutcome(err,
		"creates are not retried; the record may exist: check before creating it again",
		"the create was not sent; no record was made")
}

// writeOutcome adds to the error of a failed write that is never sent twice (a create,
// a merge) whether it may have reached the server: maybe is the note for a write that
// may have taken effect, notSent the one for a write that failed before it was sent.
func writeOutcome(err error, maybe, notSent string) error {
	var re *RequestError
	if !errors.As(err, &re) || errors.Is(err, ErrBrokenAnswer) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var note string
	switch {
	case re.Status >= 500 || re.Status == http.StatusRequestTimeout || errors.Is(err, ErrOutcomeUnknown):
		note = maybe
	case re.Status == 0 && re.Response == nil:
		note = notSent
	default:
		return err
	}
	re.Err = &outcomeNote{err: re.Err, note: note}
	return err
}

// outcomeNote is a RequestError's Err with a note on what the failure means.
type outcomeNote struct {
	err  error
	note string
}

func (e *outcomeNote) Error() string {
	if e.err == nil {
		return e.note
	}
	return e.err.Error() + " (" + e.note + ")"
}

func (e *outcomeNote) Unwrap() error { return e.err }
