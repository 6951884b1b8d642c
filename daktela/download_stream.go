package daktela

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// download runs one file download: see [Client.DownloadRecording].
func (c *Client) download(ctx context.Context, f fileRequest, dst string, opts DownloadOptions) (*Download, error) {
	st := c.comm.snapshot()
	j := &downloadJob{c: c, st: &st, f: f, opts: opts}
	if err := j.target(dst); err != nil {
		return nil, &RequestError{Method: f.method, Path: f.shown(), Err: err}
	}
	if j.final != "" && opts.SkipExisting {
		if d, err := existingDownload(j.final); d != nil || err != nil {
			return d, j.wrap(0, err)
		}
	}
	d, err := j.run(ctx)
	if err != nil {
		j.discard()
		return nil, err
	}
	return d, nil
}

// downloadJob is the state of one download across its attempts.
type downloadJob struct {
	c    *Client
	st   *settings
	f    fileRequest
	opts DownloadOptions

	dir   string // a directory target: the file's name comes from the answer
	final string // the file's path, once known

	part      *os.File
	partPath  string
	sum       hash.Hash
	written   int64
	resumable bool // the server takes Range requests for this file
	relogged  bool // signed in again once already
}

// target sets the download's directory or final path from dst.
func (j *downloadJob) target(dst string) error {
	if strings.TrimSpace(dst) == "" {
		return errors.New("the target path is empty: give a file path or a directory")
	}
	if strings.HasSuffix(dst, "/") || strings.HasSuffix(dst, string(os.PathSeparator)) {
		if err := os.MkdirAll(dst, 0o755); err != nil {
			return err
		}
		j.dir = dst
		return nil
	}
	if fi, err := os.Stat(dst); err == nil && fi.IsDir() {
		j.dir = dst
		return nil
	}
	j.final = dst
	return nil
}

// wrap makes err a *RequestError of this download (nil stays nil).
func (j *downloadJob) wrap(status int, err error) error {
	if err == nil {
		return nil
	}
	var re *RequestError
	if errors.As(err, &re) {
		return err
	}
	return &RequestError{Method: j.f.method, Path: j.f.shown(), Status: status, Err: err}
}

// outcome is what one attempt ended with.
type outcome struct {
	done   *Download
	retry  string        // why the download is tried again ("" when it is not)
	wait   time.Duration // a 429's wait (retry is set too)
	is429  bool
	err    error // the download failed
	status int
}

// run sends attempts until one completes, fails for good, or the retries run out.
func (j *downloadJob) run(ctx context.Context) (*Download, error) {
	st := j.st
	retries, waits := 0, 0
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return nil, j.wrap(0, err)
		}
		if st.limiter != nil {
			if err := st.limiter.Wait(ctx); err != nil {
				if ctx.Err() != nil {
					err = ctx.Err()
				}
				return nil, j.wrap(0, fmt.Errorf("waiting for the rate cap: %w", err))
			}
		}
		if st.maxRequests > 0 && j.c.comm.sent.Add(1) > st.maxRequests {
			j.c.comm.sent.Add(-1)
			return nil, j.wrap(0, fmt.Errorf("%w (%d requests)", ErrRequestLimit, st.maxRequests))
		}
		out, rec, sec := j.attempt(ctx)
		rec.n = n
		t := target{wr: wireRequest{Method: j.f.method}, path: j.f.shown(), sec: sec}
		switch {
		case out.done != nil:
			j.c.logAttempt(st, t, rec, nil)
			return out.done, nil
		case out.err != nil:
			j.c.logAttempt(st, t, rec, out.err)
			return nil, j.wrap(out.status, out.err)
		}
		var d time.Duration
		switch {
		case out.is429:
			rl := st.rateLimit
			d = out.wait
			if !rl.AutoRetry || d > rl.MaxWait || waits >= rl.maxRetries() {
				j.c.logAttempt(st, t, rec, nil)
				re := &RequestError{Method: j.f.method, Path: j.f.shown(), Status: http.StatusTooManyRequests}
				return nil, &RateLimitError{RequestError: re, RetryAfter: d}
			}
			waits++
		case out.retry == "signed in again":
		default:
			if retries >= st.retry.MaxRetries {
				j.c.logAttempt(st, t, rec, nil)
				return nil, j.wrap(out.status, fmt.Errorf("%s, and the %d retries are used up", out.retry, st.retry.MaxRetries))
			}
			d = st.retry.jittered(retries)
			retries++
		}
		rec.retry, rec.retryIn = out.retry, d
		j.c.logAttempt(st, t, rec, nil)
		if err := sleepCtx(ctx, d); err != nil {
			return nil, j.wrap(0, err)
		}
	}
}

// downloadBuffers are the copy buffers of downloads in flight.
var downloadBuffers = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// attempt sends the request once and streams a 2xx answer to the ".part" file.
func (j *downloadJob) attempt(ctx context.Context) (out outcome, rec attemptRecord, sec *secrets) {
	c, st := j.c, j.st
	if err := c.renewIfDue(ctx, st); err != nil {
		return outcome{err: err}, rec, nil
	}
	tok := c.currentToken()
	sec = c.secretsFor(tok)
	full, safe := c.fileURL(j.f, tok)
	rec.start = time.Now()

	actx, cancel := context.WithCancel(ctx)
	defer cancel()
	idle := newIdleTimer(st.timeout, cancel)
	defer idle.stop()

	req, err := http.NewRequestWithContext(actx, j.f.method, full, nil)
	if err != nil {
		return outcome{err: redactError(err, sec, safe)}, rec, sec
	}
	req.Header["User-Agent"] = []string{userAgent(st.uaSuffix)}
	req.Header["Accept"] = []string{"*/*"}
	if j.written > 0 && j.resumable {
		req.Header["Range"] = []string{"bytes=" + strconv.FormatInt(j.written, 10) + "-"}
	}
	policy := redirectPolicy{rule: redirectStorage, auth: AuthQuery, secrets: sec}
	resp, err := policy.httpClient(st.client(), req.URL).Do(req)
	if err != nil {
		if rerr := (*redirectError)(nil); errors.As(err, &rerr) {
			rec.status = rerr.status
			return outcome{err: rerr, status: rerr.status}, rec, sec
		}
		err = redactError(idle.explain(ctx, err), sec, safe)
		if ctx.Err() != nil || !retryableTransportError(err) || !st.retry.RetryOnConnectionError {
			return outcome{err: err}, rec, sec
		}
		return outcome{retry: "no answer: " + err.Error()}, rec, sec
	}
	defer resp.Body.Close()
	rec.status, rec.sent = resp.StatusCode, true
	switch status := resp.StatusCode; {
	case status == http.StatusTooManyRequests:
		wait, said := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
		if !said {
			wait = st.rateLimit.DefaultWait
		}
		return outcome{retry: "HTTP 429: waiting as the server asks", wait: wait, is429: true, status: status}, rec, sec
	case status == http.StatusUnauthorized && c.creds.Load() != nil && !j.relogged:
		return j.signInAgain(ctx, tok, status), rec, sec
	case st.retry.IsRetryableStatus(status):
		return outcome{retry: fmt.Sprintf("HTTP %d is retryable", status), status: status}, rec, sec
	case !isSuccess(status):
		return outcome{err: errorAnswer(j.f, resp, sec), status: status}, rec, sec
	}

	body := bufio.NewReaderSize(idle.reader(resp.Body), 32<<10)
	head, _ := body.Peek(512)
	ctype := resp.Header.Get("Content-Type")
	if notAFile(j.f.audio, ctype, resp.Header.Get("Content-Disposition"), head) {
		if c.creds.Load() != nil && !j.relogged {
			return j.signInAgain(ctx, tok, resp.StatusCode), rec, sec
		}
		shown := ctype
		if shown == "" {
			shown = "no Content-Type, " + http.DetectContentType(head)
		}
		return outcome{err: fmt.Errorf("%w: HTTP %d with %s; nothing was saved", ErrNotAFile, resp.StatusCode, shown), status: resp.StatusCode}, rec, sec
	}
	if err := j.place(resp, ctype, sec); err != nil {
		return outcome{err: err, status: resp.StatusCode}, rec, sec
	}
	if j.final != "" && j.part == nil && j.opts.SkipExisting {
		if d, err := existingDownload(j.final); d != nil || err != nil {
			return outcome{done: d, err: err}, rec, sec
		}
	}
	if err := j.resumeOrRestart(resp); err != nil {
		return outcome{err: err}, rec, sec
	}
	buf := downloadBuffers.Get().(*[]byte)
	n, err := io.CopyBuffer(diskWriter{j.part, j.sum}, body, *buf)
	downloadBuffers.Put(buf)
	j.written += n
	rec.size = int(min(n, 1<<31-1))
	if err == nil && resp.ContentLength >= 0 && n != resp.ContentLength {
		err = fmt.Errorf("%d of %d bytes arrived: %w", n, resp.ContentLength, io.ErrUnexpectedEOF)
	}
	if err != nil {
		var de diskError
		if errors.As(err, &de) || ctx.Err() != nil {
			return outcome{err: redactError(err, sec, safe), status: resp.StatusCode}, rec, sec
		}
		err = redactError(idle.explain(ctx, err), sec, safe)
		return outcome{retry: fmt.Sprintf("the answer (HTTP %d) broke off after %d bytes: %v", resp.StatusCode, j.written, err), status: resp.StatusCode}, rec, sec
	}
	d, err := j.finish(ctype)
	return outcome{done: d, err: err}, rec, sec
}

// signInAgain renews a Login client's sign-in after an answer that says its token is no
// longer good (a 401, or the sign-in page a file endpoint answers); the attempt is then
// made again, once.
func (j *downloadJob) signInAgain(ctx context.Context, staleToken string, status int) outcome {
	j.relogged = true
	if err := j.c.renew(ctx, j.st, staleToken, false); err != nil {
		return outcome{err: fmt.Errorf("signing in again: %w", err), status: status}
	}
	return outcome{retry: "signed in again", status: status}
}

// errorAnswer is the error of a non-2xx answer: its status and the API's messages, if
// its body is the API's envelope.
func errorAnswer(f fileRequest, resp *http.Response, sec *secrets) error {
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	data = sec.redactBytes(data)
	re := &RequestError{Method: f.method, Path: f.shown(), Status: resp.StatusCode}
	if r, err := parseResponse(resp.StatusCode, data, kindSingle); err == nil && r != nil {
		re.Errors = r.Errors()
		re.Response = r
	}
	if resp.StatusCode == http.StatusNotFound {
		return &NotFoundError{RequestError: re}
	}
	return re
}

// notAFile reports whether a 2xx answer is a web page instead of the file: for a
// recording, anything said or seen to be HTML, text or JSON; for an attachment, an HTML
// page that is not offered as a download (an attachment may be an HTML file, sent with
// Content-Disposition: attachment).
func notAFile(audio bool, ctype, disposition string, head []byte) bool {
	mt := strings.ToLower(strings.TrimSpace(strings.Split(ctype, ";")[0]))
	if mt == "" {
		mt = strings.Split(http.DetectContentType(head), ";")[0]
	}
	page := mt == "text/html" || mt == "application/xhtml+xml"
	if audio {
		return page || strings.HasPrefix(mt, "text/") || mt == "application/json"
	}
	return page && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(disposition)), "attachment")
}

// place names the file of a directory target from the answer: the server's file name,
// cleaned, or the fallback name with an extension for the content type.
func (j *downloadJob) place(resp *http.Response, ctype string, sec *secrets) error {
	if j.final != "" {
		return nil
	}
	name := serverFileName(resp.Header.Get("Content-Disposition"))
	if name == "" || sec.in(name) {
		name = cleanFileName(j.f.fallback) + extensionFor(ctype)
	}
	if name == "" || sec.in(name) {
		return errors.New("the answer gives no usable file name: give a file path instead of a directory")
	}
	j.final = filepath.Join(j.dir, name)
	return nil
}

// resumeOrRestart prepares the ".part" file for the answer: appended to when it is the
// rest of what arrived before (206 from where the last attempt stopped), written from
// the start otherwise.
func (j *downloadJob) resumeOrRestart(resp *http.Response) error {
	if j.part == nil {
		j.partPath = j.final + ".part"
		f, err := os.OpenFile(j.partPath, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
		if err != nil {
			return diskError{err}
		}
		j.part, j.sum, j.written = f, sha256.New(), 0
	}
	if resp.StatusCode == http.StatusPartialContent && j.written > 0 && rangeFrom(resp.Header.Get("Content-Range")) == j.written {
		return nil
	}
	j.resumable = resp.StatusCode == http.StatusOK && strings.EqualFold(resp.Header.Get("Accept-Ranges"), "bytes")
	if resp.StatusCode == http.StatusPartialContent {
		// A range the download did not ask for: not something to append to.
		return fmt.Errorf("the server answered a part of the file (%s) that does not follow the %d bytes received", resp.Header.Get("Content-Range"), j.written)
	}
	if j.written == 0 {
		return nil
	}
	if _, err := j.part.Seek(0, io.SeekStart); err != nil {
		return diskError{err}
	}
	if err := j.part.Truncate(0); err != nil {
		return diskError{err}
	}
	j.sum.Reset()
	j.written = 0
	return nil
}

// rangeFrom returns the first byte of a "bytes N-M/T" Content-Range (-1 when unreadable).
func rangeFrom(cr string) int64 {
	spec, ok := strings.CutPrefix(strings.TrimSpace(cr), "bytes ")
	if !ok {
		return -1
	}
	lo, _, _ := strings.Cut(spec, "-")
	n, err := strconv.ParseInt(lo, 10, 64)
	if err != nil {
		return -1
	}
	return n
}

// finish syncs the ".part" file to disk and renames it to the final name.
func (j *downloadJob) finish(ctype string) (*Download, error) {
	if err := j.part.Sync(); err != nil {
		return nil, diskError{err}
	}
	if err := j.part.Close(); err != nil {
		j.part = nil
		return nil, diskError{err}
	}
	j.part = nil
	if err := os.Rename(j.partPath, j.final); err != nil {
		return nil, diskError{err}
	}
	j.partPath = ""
	syncDir(filepath.Dir(j.final))
	return &Download{Path: j.final, Bytes: j.written, SHA256: hex.EncodeToString(j.sum.Sum(nil)), ContentType: ctype}, nil
}

// discard removes what a failed download left: the ".part" file.
func (j *downloadJob) discard() {
	if j.part != nil {
		j.part.Close()
		j.part = nil
	}
	if j.partPath != "" {
		os.Remove(j.partPath)
		j.partPath = ""
	}
}

// syncDir makes a rename in dir durable (best effort: not every system can sync a
// directory).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// existingDownload returns the Download of a complete file already at path, or nil when
// there is none.
func existingDownload(path string) (*Download, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return nil, err
	}
	return &Download{Path: path, Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil)), Skipped: true}, nil
}

// diskWriter writes to the ".part" file and the running checksum; its errors are
// diskErrors (not retried: a full disk stays full).
type diskWriter struct {
	f   *os.File
	sum hash.Hash
}

func (w diskWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.sum.Write(p[:n])
	if err != nil {
		return n, diskError{err}
	}
	return n, nil
}

// diskError is a failure to write the downloaded file.
type diskError struct{ err error }

func (e diskError) Error() string { return "writing the file: " + e.err.Error() }

func (e diskError) Unwrap() error { return e.err }
