package daktelatest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Uploads are kept in memory, bounded: a fake that a test or a script fills with files
// must not grow without end.
const (
	maxUploads     = 1000     // files stored at once
	maxUploadBytes = 64 << 20 // bytes stored at once
)

// upload is one uploaded file.
type upload struct {
	title       string // the file name the client gave
	contentType string
	data        []byte
}

// uploadStore holds the uploaded files, by stored name, and the bytes of the
// attachments a ticket comment made of them, by attachment file id. The store's mutex
// guards it.
type uploadStore struct {
	n      int // uploads so far, for the stored names
	total  int64
	names  map[string]*upload
	byFile map[int64]*upload
}

func (u *uploadStore) init() {
	if u.names == nil {
		u.names = map[string]*upload{}
		u.byFile = map[int64]*upload{}
	}
}

// downloadAttachment answers download.php: the bytes of the attachment named by the
// mapper and name parameters (an upload's own bytes, or deterministic bytes of the
// attachment's size).
func (h *Handler) downloadAttachment(in *incoming, now time.Time) (*fileBody, reply) {
	param := func(k string) string {
		if v, ok := in.query.str(k); ok && v != "" {
			return v
		}
		if in.form != nil {
			v, _ := in.form.str(k)
			return v
		}
		return ""
	}
	mapper, name := param("mapper"), param("name")
	if !slices.Contains(fileMappers, mapper) {
		return nil, errorReply(400, now, "Unknown mapper \""+clip(mapper, 60)+"\" (known: "+strings.Join(fileMappers, ", ")+")")
	}
	if name == "" {
		return nil, errorReply(400, now, "Missing file name")
	}
	s := h.st
	s.mu.RLock()
	defer s.mu.RUnlock()
	m := s.models["activitiesAttachments"]
	att := s.lookup(m, name)
	if att == nil {
		return nil, errorReply(404, now, "File not found")
	}
	id, _ := att.get(m, "file").(int64)
	title := att.str(m, "title")
	ct := att.str(m, "type")
	if ct == "" {
		ct = "application/octet-stream"
	}
	disp := mime.FormatMediaType("attachment", map[string]string{"filename": title})
	if up := s.uploads.byFile[id]; up != nil {
		data := up.data
		return &fileBody{contentType: ct, disposition: disp, size: int64(len(data)),
			fill: func(off int64, p []byte) { copy(p, data[off:]) }}, reply{}
	}
	size, _ := att.get(m, "size").(int64)
	return &fileBody{contentType: ct, disposition: disp, size: size, fill: documentFill(size, mix(uint64(h.seed), uint64(id)))}, reply{}
}

// documentFill returns the generator of a demo attachment: a PDF-like header and then
// seeded filler, the same bytes every time.
func documentFill(size int64, seed uint64) func(off int64, p []byte) {
	head := []byte("%PDF-1.4\n% dkscript demo attachment\n")
	period := make([]byte, 1024)
	for i := range period {
		period[i] = byte(' ' + mix(seed, uint64(i))%95)
	}
	return func(off int64, p []byte) {
		for len(p) > 0 {
			if off < int64(len(head)) {
				n := copy(p, head[off:])
				p, off = p[n:], off+int64(n)
				continue
			}
			n := copy(p, period[(off-int64(len(head)))%int64(len(period)):])
			p, off = p[n:], off+int64(n)
		}
	}
}

// upload answers upload.php: type=save stores the multipart field "files" and answers
// its stored name as a JSON string; type=remove forgets the file the multipart field
// "fileNames" names and answers "1" (or "0" when there was none).
func (h *Handler) upload(in *incoming, now time.Time) reply {
	kind, _ := in.query.str("type")
	if in.method != "POST" {
		return errorReply(405, now, "upload.php takes POST")
	}
	parts, err := multipartParts(in)
	if err != nil {
		return errorReply(400, now, err.Error())
	}
	s := h.st
	s.mu.Lock()
	defer s.mu.Unlock()
	s.uploads.init()
	switch kind {
	case "save":
		var f *multipartPart
		for i := range parts {
			if parts[i].field == "files" && parts[i].file != "" {
				f = &parts[i]
				break
			}
		}
		if f == nil {
			return errorReply(400, now, "No file: send it as the multipart field \"files\"")
		}
		if len(s.uploads.names) >= maxUploads || s.uploads.total+int64(len(f.data)) > maxUploadBytes {
			return errorReply(413, now, "Upload storage is full ("+strconv.Itoa(maxUploads)+" files or "+strconv.Itoa(maxUploadBytes>>20)+" MiB)")
		}
		s.uploads.n++
		name := "upload_" + strconv.Itoa(s.uploads.n) + "_" + safeFileName(f.file)
		ct := f.contentType
		if ct == "" || ct == "application/octet-stream" {
			if byExt := mime.TypeByExtension(path.Ext(f.file)); byExt != "" {
				ct = byExt
			}
		}
		s.uploads.names[name] = &upload{title: f.file, contentType: ct, data: f.data}
		s.uploads.total += int64(len(f.data))
		b, _ := json.Marshal(name)
		bp := getBuf()
		*bp = append((*bp)[:0], b...)
		return reply{status: 200, body: bp}
	case "remove":
		removed := "0"
		for _, p := range parts {
			name := p.value
			if p.field != "fileNames" && p.value == "fileNames" {
				name = p.field // as one published client sends it
			}
			if up := s.uploads.names[name]; up != nil && (p.field == "fileNames" || p.value == "fileNames") {
				delete(s.uploads.names, name)
				s.uploads.total -= int64(len(up.data))
				removed = "1"
			}
		}
		bp := getBuf()
		*bp = append((*bp)[:0], removed...)
		return reply{status: 200, body: bp}
	}
	return errorReply(400, now, "Unknown type \""+clip(kind, 40)+"\": save or remove")
}

// multipartPart is one part of a multipart body.
type multipartPart struct {
	field, file, contentType, value string
	data                            []byte
}

// multipartParts reads a multipart/form-data body.
func multipartParts(in *incoming) ([]multipartPart, error) {
	_, params, err := mime.ParseMediaType(in.contentType)
	if err != nil || params["boundary"] == "" {
		return nil, errString("upload.php takes a multipart/form-data body")
	}
	mr := multipart.NewReader(bytes.NewReader(in.body), params["boundary"])
	var out []multipartPart
	for len(out) < 100 {
		p, err := mr.NextPart()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, errString("the multipart body is broken: " + err.Error())
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, errString("the multipart body is broken: " + err.Error())
		}
		mp := multipartPart{field: p.FormName(), file: p.FileName(), contentType: p.Header.Get("Content-Type"), data: data}
		if mp.file == "" {
			mp.value = string(data)
			mp.data = nil
		}
		out = append(out, mp)
	}
	return out, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// safeFileName keeps the letters, digits, dots, dashes and underscores of a file's base
// name (at most 80 of them).
func safeFileName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 80 {
			break
		}
	}
	if s := strings.Trim(b.String(), "."); s != "" {
		return s
	}
	return "file"
}

// commentFiles reads a ticket write's comment_add_files: the stored names of uploads
// (a list, or one name). A name that was never uploaded is a form error.
func (s *store) commentFiles(vals map[string]any, fe *formErrors) []string {
	v, ok := vals["comment_add_files"]
	if !ok || v == nil {
		return nil
	}
	var names []string
	switch x := v.(type) {
	case string:
		if x != "" {
			names = []string{x}
		}
	case []any:
		for _, e := range x {
			str, ok := e.(string)
			if !ok {
				fe.add("comment_add_files", "Expected the names upload.php answered")
				return nil
			}
			names = append(names, str)
		}
	default:
		fe.add("comment_add_files", "Expected the names upload.php answered")
		return nil
	}
	s.uploads.init()
	for _, n := range names {
		if s.uploads.names[n] == nil {
			fe.add("comment_add_files", "File \""+clip(n, 80)+"\" was not uploaded")
			return nil
		}
	}
	return names
}

// attachUploads makes each upload named in files an attachment of the comment
// activity a (its bytes served by download.php with mapper activitiesComment); the
// uploads themselves are used up.
func (s *store) attachUploads(a *record, files []string, now time.Time) {
	if len(files) == 0 {
		return
	}
	am := s.models["activities"]
	m := s.models["activitiesAttachments"]
	next := int64(0)
	for _, r := range s.tables["activitiesAttachments"].rows {
		if id, _ := r.get(m, "file").(int64); id > next {
			next = id
		}
	}
	var names []string
	for _, n := range files {
		up := s.uploads.names[n]
		if up == nil {
			continue
		}
		next++
		s.put("activitiesAttachments", map[string]any{"file": next, "title": up.title, "type": up.contentType,
			"size": int64(len(up.data)), "time": now.In(prague()).Format(dateLayout), "activity": a.name(am)})
		s.uploads.byFile[next] = up
		delete(s.uploads.names, n)
		names = append(names, nameKey(next))
	}
	a.set(am, "attachments", names)
}
