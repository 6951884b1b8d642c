package daktela

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptrace"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// UploadFile uploads the file at path (POST /file/upload.php?type=save, multipart field
// "files", streamed from disk) and returns the name the server stored it under: give it
// in a ticket write's comment_add_files, with a comment, to attach the file to that
// comment:
//
//	name, _ := c.UploadFile(ctx, "report.pdf")
//	c.Execute(ctx, daktela.BuildUpdateRequest("Tickets").SetObjectName("1001").
//		AddAttribute("comment", "The report").AddAttribute("comment_add_files", []string{name}))
//
// An upload is a write: it is sent once and never retried (a second attempt could store
// the file twice), and in dry-run mode it is shown, not sent, and answers the name
// "dryrun_upload_<n>" (n counting from 1). The token travels in the accessToken query
// parameter, as for downloads.
func (c *Client) UploadFile(ctx context.Context, path string) (string, error) {
	f := fileRequest{method: http.MethodPost, path: "file/upload.php", query: "type=save"}
	fail := func(status int, err error) error {
		return &RequestError{Method: f.method, Path: f.shown(), Status: status, Err: err}
	}
	file, err := os.Open(path)
	if err != nil {
		return "", fail(0, err)
	}
	defer file.Close()
	fi, err := file.Stat()
	if err != nil {
		return "", fail(0, err)
	}
	if !fi.Mode().IsRegular() {
		return "", fail(0, fmt.Errorf("%s is not a regular file", path))
	}
	base := filepath.Base(path)
	st := c.comm.snapshot()
	if d := st.dryRun; d != nil {
		if d.show != nil {
			d.show(WriteIntent{Method: f.method, Path: f.shown(),
				Body: []byte("files=" + strconv.Quote(base) + " (" + strconv.FormatInt(fi.Size(), 10) + " bytes)")})
		}
		d.count(uploadsModel, http.MethodPost)
		return d.newName(uploadsModel, "upload"), nil
	}
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		h := make(textproto.MIMEHeader)
		h.Set("Content-Disposition", `form-data; name="files"; filename="`+quoteEscaper.Replace(base)+`"`)
		h.Set("Content-Type", "application/octet-stream")
		w, err := mw.CreatePart(h)
		if err == nil {
			_, err = io.Copy(w, file)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	data, status, err := c.sendFileWrite(ctx, &st, f, pr, mw.FormDataContentType())
	pr.CloseWithError(errors.New("upload ended"))
	if err != nil {
		return "", err
	}
	var name string
	if jerr := json.Unmarshal(data, &name); jerr != nil || strings.TrimSpace(name) == "" {
		if notAFile(false, "", "", data) {
			return "", fail(status, fmt.Errorf("%w: HTTP %d with an HTML page; the file was not stored", ErrNotAFile, status))
		}
		return "", fail(status, fmt.Errorf("%w: the answer is not a stored file name (a JSON string): %s", ErrBrokenAnswer, clip(string(data))))
	}
	return name, nil
}

// uploadsModel is how uploads are counted in dry-run mode ([DryRun.Counts]).
const uploadsModel = "uploads"

// quoteEscaper escapes a file name for a multipart header, as mime/multipart does.
var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "%0D", "\n", "%0A")

// RemoveUploadedFile removes an upload that was not attached to anything
// (POST /file/upload.php?type=remove, multipart field "fileNames"). Like UploadFile it is
// sent once, and only shown in dry-run mode.
func (c *Client) RemoveUploadedFile(ctx context.Context, name string) error {
	f := fileRequest{method: http.MethodPost, path: "file/upload.php", query: "type=remove"}
	if strings.TrimSpace(name) == "" {
		return argError("removeUploadedFile", "name", name, "the name uploadFile returned")
	}
	st := c.comm.snapshot()
	if d := st.dryRun; d != nil {
		if d.show != nil {
			d.show(WriteIntent{Method: f.method, Path: f.shown(), Body: []byte("fileNames=" + strconv.Quote(name))})
		}
		d.count(uploadsModel, http.MethodDelete)
		return nil
	}
	var b strings.Builder
	mw := multipart.NewWriter(&b)
	if err := mw.WriteField("fileNames", name); err != nil {
		return err
	}
	mw.Close()
	data, status, err := c.sendFileWrite(ctx, &st, f, strings.NewReader(b.String()), mw.FormDataContentType())
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(data)) != "1" {
		return &RequestError{Method: f.method, Path: f.shown(), Status: status,
			Err: fmt.Errorf("the server did not remove %q (it answered %q)", name, clip(strings.TrimSpace(string(data))))}
	}
	return nil
}

// maxFileWriteAnswer bounds the answer of an upload (a file name, or "1").
const maxFileWriteAnswer = 1 << 20

// sendFileWrite sends a write to a file endpoint once, with the token in the query, and
// returns its 2xx answer's body. A non-2xx answer is a [*RequestError] (404
// [*NotFoundError]); a failure after the request went out wraps [ErrOutcomeUnknown].
func (c *Client) sendFileWrite(ctx context.Context, st *settings, f fileRequest, body io.Reader, ctype string) ([]byte, int, error) {
	if err := c.renewIfDue(ctx, st); err != nil {
		return nil, 0, &RequestError{Method: f.method, Path: f.shown(), Err: err}
	}
	tok := c.currentToken()
	sec := c.secretsFor(tok)
	full, safe := c.fileURL(f, tok)
	t := target{wr: wireRequest{Method: f.method}, path: f.shown(), sec: sec}
	rec := attemptRecord{n: 1, start: time.Now()}
	fail := func(status int, err error) error {
		c.logAttempt(st, t, rec, err)
		return &RequestError{Method: f.method, Path: f.shown(), Status: status, Err: err}
	}
	if st.limiter != nil {
		if err := st.limiter.Wait(ctx); err != nil {
			return nil, 0, fail(0, fmt.Errorf("waiting for the rate cap: %w", err))
		}
	}
	if st.maxRequests > 0 && c.comm.sent.Add(1) > st.maxRequests {
		c.comm.sent.Add(-1)
		return nil, 0, fail(0, fmt.Errorf("%w (%d requests)", ErrRequestLimit, st.maxRequests))
	}
	actx := ctx
	if st.timeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, st.timeout)
		defer cancel()
	}
	inFlight := trackWrite(ctx, f.method, f.shown())
	var wrote atomic.Bool
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
		WroteHeaders: func() { wrote.Store(true); inFlight.sent() },
	})
	req, err := http.NewRequestWithContext(actx, f.method, full, body)
	if err != nil {
		return nil, 0, fail(0, redactError(err, sec, safe))
	}
	req.Header["User-Agent"] = []string{userAgent(st.uaSuffix)}
	req.Header["Accept"] = []string{"application/json"}
	req.Header["Content-Type"] = []string{ctype}
	policy := redirectPolicy{rule: redirectSameOrigin, auth: AuthQuery, secrets: sec}
	resp, err := policy.httpClient(st.client(), req.URL).Do(req)
	inFlight.done(ctx, resp != nil)
	if err != nil {
		err = redactError(err, sec, safe)
		if rec.sent = wrote.Load(); rec.sent {
			err = fmt.Errorf("%w: %w", ErrOutcomeUnknown, err)
		}
		return nil, 0, fail(0, err)
	}
	defer resp.Body.Close()
	rec.status, rec.sent = resp.StatusCode, true
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxFileWriteAnswer))
	data = sec.redactBytes(data)
	rec.size = len(data)
	if err != nil {
		return nil, resp.StatusCode, fail(resp.StatusCode, fmt.Errorf("%w: reading the answer: %w", ErrOutcomeUnknown, redactError(err, sec, safe)))
	}
	if !isSuccess(resp.StatusCode) {
		c.logAttempt(st, t, rec, nil)
		re := &RequestError{Method: f.method, Path: f.shown(), Status: resp.StatusCode}
		if r, perr := parseResponse(resp.StatusCode, data, kindSingle); perr == nil && r != nil {
			re.Errors, re.Response = r.Errors(), r
		}
		if resp.StatusCode == http.StatusNotFound {
			return nil, resp.StatusCode, &NotFoundError{RequestError: re}
		}
		return nil, resp.StatusCode, re
	}
	c.logAttempt(st, t, rec, nil)
	return data, resp.StatusCode, nil
}
