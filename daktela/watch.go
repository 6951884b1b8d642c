package daktela

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"time"

	"github.com/dkscript/dkscript/daktela/catalog"
	"github.com/dkscript/dkscript/daktela/rawjson"
)

// DefaultWatchEvery is how often [Client.Watch] polls unless WatchOptions.Every says.
const DefaultWatchEvery = 30 * time.Second

// DefaultWatchOverlap is how far behind its cursor [Client.Watch] reads again unless
// WatchOptions.Overlap says: a write stamped this much before the newest change
// delivered, and committed after it, is still seen.
const DefaultWatchOverlap = 10 * time.Second

// WatchOptions configure [Client.Watch]. The zero value polls every 30 seconds by the
// model's edited field, from the server's current time, without a checkpoint.
type WatchOptions struct {
	// Every is the poll interval (default DefaultWatchEvery).
	Every time.Duration
	// Field is the change timestamp, a datetime field of the model. Default: "edited"
	// where the catalogue's model has it; a model without it (activities) needs one,
	// e.g. "time_close".
	Field string
	// Since is where a first run starts: changes stamped at or after it, as
	// "YYYY-MM-DD HH:MM:SS" in the instance's time zone. Default: the server's time
	// when the watch starts (the _time of its answer). A checkpoint, once saved, wins.
	Since string
	// Checkpoint is a file that keeps the position between runs. It is saved, atomically
	// (a new file renamed over the old one), after the loop body has finished with each
	// record: a run that crashes re-delivers at most the record it was working on, one
	// that stops (the body breaks, or ctx ends) re-delivers none. Empty: no checkpoint.
	Checkpoint string
	// Overlap is how far behind the cursor each poll reads again (default
	// DefaultWatchOverlap): timestamps have one-second resolution and writes can be
	// committed out of order, so a strict cursor would miss changes. What was already
	// delivered (the same record with the same timestamp) is left out.
	Overlap time.Duration
	// OnError, when set, is told about each failed poll the watch will retry, and how
	// long it waits first.
	OnError func(err error, retryIn time.Duration)
	// Unfinished, when set, is asked when the loop body stops the watch (the range
	// loop ends, or an iter.Pull stop is called) whether the body gave up on the record
	// it had rather than finished with it. When it says true that record is not
	// acknowledged, and the next run delivers it again. A caller that pulls records and
	// stops on a failure (a JavaScript binding whose loop body threw) uses it; a range
	// loop whose body panics needs nothing: the record is not acknowledged then.
	Unfinished func() bool

	pageSize int // records per request (0: MaxTake); tests lower it
}

// Watch yields the records req reads that are created or changed from now on (or from
// opts.Since, or from where opts.Checkpoint says the last run stopped), each in its
// latest state: a record edited several times between two polls arrives once. It polls
// every opts.Every for the records whose opts.Field is at or after its cursor less
// opts.Overlap, in the order of that field, and leaves out those already delivered. A
// poll that finds nothing costs one request.
//
// A record is delivered only once the second it is stamped with has passed on the
// server (its stamp is before the _time of the poll's answer): a later edit in the
// same second would carry the same stamp, and would otherwise look already delivered.
// When the server's time is behind the cursor (summer time ended: stamps are local
// times), polls read from the server's time less the overlap instead.
//
// The loop body's return is the record's acknowledgement: the checkpoint is saved after
// it, and also when the body breaks out of the loop (it was done with the record). A
// poll that fails with what the client's retry configuration retries (its statuses,
// 429, connection errors, broken answers) is retried after the configuration's backoff,
// growing up to its MaxDelay, without moving the cursor, so no change is skipped; other
// failures (a 400 for a bad filter, 401, 404) end the loop with the error. When ctx ends
// the loop ends with ctx's error, the checkpoint saved.
//
// req's filters narrow what is watched; its sort, take and skip are the watch's own (a
// request that sorts is refused). Mistakes (a model without the field, a checkpoint of
// another watch) are yielded as the first error before anything is sent.
func (c *Client) Watch(ctx context.Context, req *ReadRequest, opts WatchOptions) iter.Seq2[Record, error] {
	if ctx == nil {
		ctx = context.Background()
	}
	return func(yield func(Record, error) bool) {
		w, err := c.newWatcher(req, opts)
		if err != nil {
			yield(nil, err)
			return
		}
		if err := w.run(ctx, yield); err != nil {
			yield(nil, err)
		}
	}
}

// CheckWatch reports the mistakes [Client.Watch] would yield first: a request it cannot
// watch (nil, a single read, one that sorts), a model without the timestamp field, a
// bad option, a checkpoint file that is not one or is of another watch. Bindings call it
// to report them where the watch is made.
func (c *Client) CheckWatch(req *ReadRequest, opts WatchOptions) error {
	_, err := c.newWatcher(req, opts)
	return err
}

// watcher is one use of a Watch.
type watcher struct {
	c        *Client
	base     *ReadRequest
	key      string
	field    string
	every    time.Duration
	overlap  time.Duration
	pageSize int
	onError  func(error, time.Duration)
	// unfinished is WatchOptions.Unfinished.
	unfinished func() bool
	since      string
	cp         *checkpoint
	// behind is the server's time at the last poll when it was before the cursor (its
	// clock went back), else "".
	behind string
}

func (c *Client) newWatcher(req *ReadRequest, opts WatchOptions) (*watcher, error) {
	switch {
	case req == nil:
		return nil, errors.New("daktela: Watch: the request is nil")
	case req.Err() != nil:
		return nil, req.Err()
	case req.ObjectName() != "" && req.Relation() == "":
		return nil, fmt.Errorf("daktela: Watch reads lists: the %s request names one record (%q)", req.Model(), req.ObjectName())
	case len(req.Sorts()) > 0:
		return nil, fmt.Errorf("daktela: Watch orders by the change timestamp itself: remove the sort (by %s) from the %s request",
			req.Sorts()[0].Field, req.Model())
	case opts.Every < 0:
		return nil, fmt.Errorf("daktela: Watch: Every must be positive, got %v", opts.Every)
	case opts.Overlap < 0:
		return nil, fmt.Errorf("daktela: Watch: Overlap must not be negative, got %v", opts.Overlap)
	}
	field, err := watchField(iteratedModel(req), opts.Field)
	if err != nil {
		return nil, err
	}
	if opts.Since != "" {
		if _, err := parseStamp(opts.Since); err != nil {
			return nil, fmt.Errorf("daktela: Watch: Since %q is not a date in the API's format (YYYY-MM-DD HH:MM:SS)", opts.Since)
		}
		opts.Since = normalStamp(opts.Since)
	}
	w := &watcher{c: c, base: req.Clone(), key: keyFieldOf(req), field: field, every: opts.Every,
		overlap: opts.Overlap, pageSize: opts.pageSize, onError: opts.OnError, unfinished: opts.Unfinished, since: opts.Since}
	if w.every == 0 {
		w.every = DefaultWatchEvery
	}
	if opts.Overlap == 0 {
		w.overlap = DefaultWatchOverlap
	}
	if w.pageSize <= 0 || w.pageSize > MaxTake {
		w.pageSize = MaxTake
	}
	w.base.SetRequestType(TypeMultiple)
	if fs := w.base.Fields(); len(fs) > 0 {
		// A projection keeps the fields the watch reads.
		for _, f := range []string{w.key, field} {
			if !containsString(fs, f) {
				fs = append(fs, f)
			}
		}
		w.base.SetFields(fs)
	}
	model := iteratedModel(req)
	if m, ok := catalog.Lookup(model); ok {
		model = m.Name // "Tickets" and "tickets" are one model
	}
	w.cp, err = loadCheckpoint(opts.Checkpoint, model, field)
	if err != nil {
		return nil, err
	}
	return w, nil
}

// watchField returns the change timestamp of model: field when given (a datetime field
// of the model where the catalogue knows it), else edited where the model has it.
func watchField(model, field string) (string, error) {
	m, known := catalog.Lookup(model)
	if known {
		model = m.Name
	}
	if field == "" {
		if known {
			if _, ok := m.Field("edited"); ok {
				return "edited", nil
			}
			return "", fmt.Errorf("daktela: Watch: %s have no edited field to watch by; name the change timestamp with the field option, "+
				"a datetime field of the model such as %s", model, datetimeFields(m))
		}
		return "", fmt.Errorf("daktela: Watch: the model catalogue does not know %s; name its change timestamp with the field option (e.g. edited)", model)
	}
	if known && !m.Partial {
		f, ok := m.Field(field)
		if !ok {
			return "", fmt.Errorf("daktela: Watch: %s have no field %q; watch by a datetime field such as %s", model, field, datetimeFields(m))
		}
		if f.Type != catalog.Datetime {
			return "", fmt.Errorf("daktela: Watch: %s.%s is a %s, not a datetime; watch by a datetime field such as %s", model, field, f.Type, datetimeFields(m))
		}
	}
	return field, nil
}

// datetimeFields lists a model's datetime fields for a message, the ones that
// usually stamp changes first.
func datetimeFields(m *catalog.Model) string {
	var fields []string
	for _, name := range []string{"edited", "time_close", "call_time", "time", "created"} {
		if f, ok := m.Field(name); ok && f.Type == catalog.Datetime {
			fields = append(fields, name)
		}
	}
	for _, f := range m.Fields {
		if f.Type == catalog.Datetime && !containsString(fields, f.Name) {
			fields = append(fields, f.Name)
		}
	}
	out := ""
	for n, f := range fields {
		if n == 4 {
			return out + ", ..."
		}
		if n > 0 {
			out += ", "
		}
		out += f
	}
	if out == "" {
		return "(none: this model cannot be watched)"
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// run polls until ctx ends, the loop body breaks, or a poll fails for good.
func (w *watcher) run(ctx context.Context, yield func(Record, error) bool) error {
	if w.cp.st.Cursor == "" {
		since := w.since
		if since == "" {
			now, err := w.serverNow(ctx)
			if err != nil {
				return err
			}
			since = now
		}
		w.cp.st.Floor, w.cp.st.Cursor = since, since
		// Saved at once: a run stopped before its first change resumes from here.
		if err := w.cp.save(); err != nil {
			return err
		}
	}
	failures := 0
	for {
		more, err := w.poll(ctx, yield)
		if !more {
			return nil
		}
		if err != nil {
			if ctx.Err() != nil {
				return w.stopped(ctx)
			}
			if !w.retryable(err) {
				return err
			}
			d := w.c.comm.RetryConfig().DelayForAttempt(failures)
			if d < time.Second {
				d = time.Second
			}
			failures++
			if w.onError != nil {
				w.onError(err, d)
			}
			if sleepCtx(ctx, d) != nil {
				return w.stopped(ctx)
			}
			continue
		}
		failures = 0
		if sleepCtx(ctx, w.every) != nil {
			return w.stopped(ctx)
		}
	}
}

// stopped is the end of a watch whose ctx ended: the checkpoint is current (it is saved
// after every record), the error says why it stopped.
func (w *watcher) stopped(ctx context.Context) error {
	return fmt.Errorf("daktela: watching %s: %w", iteratedModel(w.base), context.Cause(ctx))
}

// retryable reports whether a failed poll is worth trying again.
func (w *watcher) retryable(err error) bool {
	if errors.Is(err, ErrBrokenAnswer) {
		return true
	}
	var rl *RateLimitError
	if errors.As(err, &rl) {
		return true
	}
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return false
	}
	var re *RequestError
	if !errors.As(err, &re) {
		return false
	}
	if re.Status == 0 {
		return re.Err != nil && !errors.Is(re.Err, ErrRequestLimit) && !errors.Is(re.Err, ErrResponseTooLarge)
	}
	return re.Status == http.StatusTooManyRequests || w.c.comm.RetryConfig().IsRetryableStatus(re.Status)
}

// serverNow asks the server for its time with one small request.
func (w *watcher) serverNow(ctx context.Context) (string, error) {
	r := w.base.Clone().SetFields([]string{w.key}).SetTake(1)
	resp, err := w.c.Execute(ctx, r)
	if err != nil {
		return "", err
	}
	if resp.Time() == "" {
		return "", fmt.Errorf("daktela: Watch: the server's answer has no _time to start from; set Since")
	}
	return normalStamp(resp.Time()), nil
}

// poll reads the records changed since the cursor less the overlap and yields those not
// delivered yet. more is false when the loop body broke out.
func (w *watcher) poll(ctx context.Context, yield func(Record, error) bool) (more bool, err error) {
	st := &w.cp.st
	from := st.Cursor
	if at, err := parseStamp(from); err == nil {
		from = at.Add(-w.overlap).Format(stampLayout)
	}
	if from < st.Floor {
		from = st.Floor
	}
	if w.behind != "" {
		// The server's clock is behind the cursor (summer time ended, or it was set
		// back): changes made now carry older stamps, so read from its time instead.
		if at, err := parseStamp(w.behind); err == nil {
			if b := at.Add(-w.overlap).Format(stampLayout); b < from {
				from = b
			}
		}
	}
	start, skip := from, 0
	serverNow := ""
	for {
		r := w.base.Clone().AddFilter(w.field, "gte", start).AddSort(w.field, "asc").AddSort(w.key, "asc").
			SetTake(w.pageSize).SetSkip(skip)
		resp, err := w.c.Execute(ctx, r)
		if err != nil {
			return true, err
		}
		if serverNow == "" {
			serverNow = normalStamp(resp.Time())
			w.behind = ""
			if serverNow != "" && serverNow < st.Cursor {
				w.behind = serverNow
			}
		}
		recs := resp.Records()
		last := ""
		for i, rec := range recs {
			name, stamp, ok := recordKeyStamp(resp, i, rec, w.key, w.field)
			if !ok {
				continue
			}
			last = stamp
			if serverNow != "" && stamp >= serverNow {
				// Its second is not over on the server: another edit may still come in
				// it. The next poll delivers it.
				return true, nil
			}
			if prev, seen := st.Seen[name]; seen && prev == stamp {
				continue
			}
			if ctx.Err() != nil {
				return true, ctx.Err()
			}
			goOn := yield(rec, nil)
			if !goOn && w.unfinished != nil && w.unfinished() {
				return false, nil // the body gave up on rec: the next run gets it again
			}
			// The body is done with rec (it returned, or broke out): it is delivered.
			w.cp.delivered(name, stamp, w.overlap)
			if err := w.cp.save(); err != nil {
				yield(nil, err)
				return false, nil
			}
			if !goOn {
				return false, nil
			}
		}
		if len(recs) < w.pageSize || last == "" {
			return true, nil
		}
		if last == start {
			skip += len(recs) // a whole page stamped in one second: page on within it
		} else {
			start, skip = last, 0
		}
	}
}

// recordKeyStamp returns a record's name and change timestamp as strings; ok is false
// when either is missing (a record without a stamp cannot be placed).
func recordKeyStamp(resp *Response, i int, rec Record, key, field string) (name, stamp string, ok bool) {
	ix, node, indexed := resp.IndexedRecord(i)
	if !indexed {
		m, err := rec.Map()
		if err != nil {
			return "", "", false
		}
		s, _ := m[field].(string)
		if m[key] == nil || s == "" {
			return "", "", false
		}
		return fmt.Sprint(m[key]), normalStamp(s), true
	}
	kn, ok1 := ix.Lookup(node, key)
	fn, ok2 := ix.Lookup(node, field)
	if !ok1 || !ok2 {
		return "", "", false
	}
	switch ix.Kind(kn) {
	case rawjson.KindString:
		name = ix.String(kn)
	case rawjson.KindNumber:
		name = string(ix.Raw(kn))
	default:
		return "", "", false
	}
	if ix.Kind(fn) != rawjson.KindString {
		return "", "", false
	}
	stamp = normalStamp(ix.String(fn))
	return name, stamp, name != "" && stamp != ""
}

// stampLayout is how the API writes datetimes.
const stampLayout = "2006-01-02 15:04:05"

// parseStamp reads an API datetime (a bare date is midnight) as a wall-clock time; the
// watch only compares and shifts them, so the zone does not matter.
func parseStamp(s string) (time.Time, error) {
	if t, err := time.Parse(stampLayout, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}

// normalStamp writes a parsable stamp in the full layout, so stamps compare as strings.
func normalStamp(s string) string {
	if t, err := parseStamp(s); err == nil {
		return t.Format(stampLayout)
	}
	return s
}
