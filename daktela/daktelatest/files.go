package daktelatest

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The file endpoints live outside /api/v6/, as on a real instance (reference §1.11):
//
//	GET  /file/recording/{activity}[?download=true]        the call's recording (audio/wav)
//	POST /file/download.php?mapper=M&name=ID&download=1    an attachment's bytes
//	POST /file/upload.php?type=save                       multipart field "files": the stored name as a JSON string
//	POST /file/upload.php?type=remove                     multipart field "fileNames": "1" when removed
//
// The token travels as the accessToken query parameter (or any way the API accepts
// it). Without a valid one the fake answers as a real instance does: 200 with the HTML
// of its sign-in page, not an error status.

// filePrefix is the path prefix of the file endpoints.
const filePrefix = "/file/"

// fileMappers are the mapper values download.php knows (reference §1.11).
var fileMappers = []string{"activitiesEmail", "activitiesComment", "activitiesWeb", "activitiesFbm", "activitiesWap", "activitiesVbr"}

// fileBody is a file answer: its headers and a generator of its bytes, so that a large
// recording is never held in memory.
type fileBody struct {
	contentType string
	disposition string
	size        int64
	// fill writes the bytes from offset off into p.
	fill func(off int64, p []byte)
}

// loginPage is what a real instance answers a file request without a valid token: its
// sign-in page, with status 200.
const loginPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Daktela - Login</title></head>
<body><form method="post" action="/login"><input name="username"><input name="password" type="password">
<button type="submit">Log in</button></form></body></html>
`

// serveFile answers a request below /file/ (faults that replace the answer were
// applied before; those that damage it are applied here).
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, entry int, in *incoming, fault *FaultRule) {
	now := h.now()
	if _, ok := h.auth.user(in.token, now); !ok || (fault != nil && fault.Kind == FaultMalformed) {
		h.deliverLoginPage(w, r, entry)
		return
	}
	rest := strings.TrimPrefix(in.path, filePrefix)
	var (
		fb  *fileBody
		rep reply
	)
	switch {
	case strings.HasPrefix(rest, "recording/"):
		name, err := url.PathUnescape(strings.TrimPrefix(rest, "recording/"))
		if err != nil || name == "" || strings.Contains(name, "/") {
			h.deliver(w, r, entry, errorReply(404, now, "Not found"))
			return
		}
		fb, rep = h.recording(name, in, now)
	case rest == "download.php":
		fb, rep = h.downloadAttachment(in, now)
	case rest == "upload.php":
		rep = h.upload(in, now)
	default:
		rep = errorReply(404, now, "Not found: "+clip(in.path, 100))
	}
	if fb == nil {
		h.deliver(w, r, entry, rep)
		return
	}
	h.sendFile(w, r, entry, fb, fault)
}

// deliverLoginPage answers the sign-in page with status 200.
func (h *Handler) deliverLoginPage(w http.ResponseWriter, r *http.Request, entry int) {
	bp := getBuf()
	*bp = append((*bp)[:0], loginPage...)
	h.deliver(w, r, entry, reply{status: 200, body: bp, html: true})
}

// sendFile writes a file answer: the whole file, or the range a "Range: bytes=N-" header
// asks for (206). A reset-body or truncated fault cuts the body off mid-file: the
// headers promise every byte, half of them arrive, and the connection is dropped.
func (h *Handler) sendFile(w http.ResponseWriter, r *http.Request, entry int, fb *fileBody, fault *FaultRule) {
	hd := w.Header()
	hd.Set("Content-Type", fb.contentType)
	if fb.disposition != "" {
		hd.Set("Content-Disposition", fb.disposition)
	}
	hd.Set("Accept-Ranges", "bytes")
	start, status := int64(0), http.StatusOK
	if from, ok := rangeStart(r.Header.Get("Range"), fb.size); ok {
		start, status = from, http.StatusPartialContent
		hd.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", from, fb.size-1, fb.size))
	}
	length := fb.size - start
	hd.Set("Content-Length", strconv.FormatInt(length, 10))
	h.setLogStatus(entry, status)
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	send := length
	cut := fault != nil && (fault.Kind == FaultResetBody || fault.Kind == FaultTruncated)
	if cut {
		send = length / 2
	}
	buf := make([]byte, 32<<10)
	for off := start; off < start+send; {
		n := min(int64(len(buf)), start+send-off)
		fb.fill(off, buf[:n])
		if _, err := w.Write(buf[:n]); err != nil {
			return
		}
		off += n
	}
	if cut {
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		panic(http.ErrAbortHandler) // the connection is dropped mid-file
	}
}

// rangeStart reads a "bytes=N-" or "bytes=N-M" Range header (M is ignored: the rest of
// the file is sent); ok is false for none, another form, or N past the end.
func rangeStart(h string, size int64) (int64, bool) {
	spec, ok := strings.CutPrefix(strings.TrimSpace(h), "bytes=")
	if !ok || strings.Contains(spec, ",") {
		return 0, false
	}
	lo, _, _ := strings.Cut(spec, "-")
	n, err := strconv.ParseInt(strings.TrimSpace(lo), 10, 64)
	if err != nil || n < 0 || n >= size {
		return 0, false
	}
	return n, true
}

// recording returns the recording of the call activity name: a WAV file whose length
// follows the call's duration (or Options.RecordingSize), or 404 for an activity
// without one (no call, or a call nobody answered).
func (h *Handler) recording(name string, in *incoming, now time.Time) (*fileBody, reply) {
	s := h.st
	s.mu.RLock()
	defer s.mu.RUnlock()
	am := s.models["activities"]
	a := s.lookup(am, name)
	if a == nil || a.str(am, "type") != "CALL" {
		return nil, errorReply(404, now, "Recording not found")
	}
	ref, _ := a.get(am, "item").(itemRef)
	cm := s.models["activitiesCall"]
	if ref.model != "activitiesCall" {
		return nil, errorReply(404, now, "Recording not found")
	}
	call := s.lookup(cm, ref.name)
	if call == nil {
		return nil, errorReply(404, now, "Recording not found")
	}
	if answered, _ := call.get(cm, "answered").(bool); !answered {
		return nil, errorReply(404, now, "Recording not found")
	}
	secs, _ := call.get(cm, "duration").(int64)
	size := wavHeaderSize + max(secs, 1)*wavRate
	if h.recordingSize > 0 {
		size = h.recordingSize
	}
	disp := "inline"
	if v, _ := in.query.str("download"); v == "true" || v == "1" {
		disp = "attachment"
	}
	file := name + ".wav"
	return &fileBody{
		contentType: "audio/wav",
		disposition: mime.FormatMediaType(disp, map[string]string{"filename": file}),
		size:        size,
		fill:        wavFill(size, mix(uint64(h.seed), hashString(name))),
	}, reply{}
}

// hashString is a deterministic hash of s (FNV-1a).
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
