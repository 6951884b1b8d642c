package daktelatest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Validation messages, in the API's English wording.
const (
	msgMandatory  = "Item is mandatory"
	msgForeignKey = "Foreign key error"
	msgExists     = "Object already exists"
	msgBadEmail   = "E-mail is not in the correct format"
)

// formErrors collects 400 messages per field; custom field messages nest under
// customFields as {key: [messages]}.
type formErrors struct {
	keys []string
	msgs map[string]string
	cf   *cfValues
}

func (e *formErrors) add(field, msg string) {
	if e.msgs == nil {
		e.msgs = map[string]string{}
	}
	if _, dup := e.msgs[field]; !dup {
		e.keys = append(e.keys, field)
	}
	e.msgs[field] = msg
}

func (e *formErrors) addCF(key, msg string) {
	if e.cf == nil {
		e.cf = &cfValues{}
	}
	v, _ := e.cf.get(key)
	e.cf.set(key, append(v, msg))
}

func (e *formErrors) empty() bool { return len(e.keys) == 0 && e.cf == nil }

func (e *formErrors) appendJSON(b []byte) []byte {
	b = append(b, `{"form":{`...)
	for i, k := range e.keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendString(b, e.msgs[k])
	}
	if e.cf != nil {
		if len(e.keys) > 0 {
			b = append(b, ',')
		}
		b = append(b, `"customFields":{`...)
		for i, k := range e.cf.keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendStrings(b, e.cf.vals[i])
		}
		b = append(b, '}')
	}
	return append(b, `}}`...)
}

// bodyValues decodes a JSON or form-encoded write body into field values.
func bodyValues(in *incoming) (map[string]any, error) {
	if in.form != nil {
		if m, ok := in.form.toAny().(map[string]any); ok {
			delete(m, "accessToken")
			return m, nil
		}
		return map[string]any{}, nil
	}
	if len(bytes.TrimSpace(in.body)) == 0 {
		return map[string]any{}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(in.body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("request body is not valid JSON: %v", err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("request body must be a JSON object of field values")
	}
	return m, nil
}

// invalidReply is a 400 with error.form and the entity the server tried to save.
func (s *store) invalidReply(m *model, r *record, fe *formErrors, now time.Time) reply {
	bp := getBuf()
	b := append((*bp)[:0], `{"error":`...)
	b = fe.appendJSON(b)
	b = append(b, `,"result":`...)
	b = s.newRenderCtx().appendRecord(b, m, r, expandDepth, nil)
	b = envelopeEnd(b, now)
	*bp = b
	return reply{status: 400, body: bp}
}

func (h *Handler) create(m *model, in *incoming, user string, now time.Time) reply {
	vals, err := bodyValues(in)
	if err != nil {
		return errorReply(400, now, err.Error())
	}
	s := h.st
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tables[m.name]
	r := newCreatedRecord(m)
	fe := &formErrors{}
	nameIx := m.index[m.nameField]
	if v, ok := vals[m.nameField]; ok && chosenNames(m) && v != nil && fmt.Sprint(v) != "" {
		name := fmt.Sprint(v)
		if s.lookup(m, name) != nil {
			fe.add(m.nameField, msgExists)
		}
		r.vals[nameIx] = name
	}
	s.legacyQueue(m, vals)
	files := s.ticketCommentFiles(m, vals, fe)
	s.applyValues(m, r, vals, fe)
	s.stamp(m, r, user, now, true)
	s.checkRequired(m, r, fe)
	if !fe.empty() {
		return s.invalidReply(m, r, fe, now)
	}
	if r.vals[nameIx] == nil {
		r.vals[nameIx] = s.newName(t, now)
	}
	s.insert(t, r)
	if comment, ok := vals["comment"].(string); ok && m.name == "tickets" && comment != "" {
		s.addComment(m, r, comment, user, now, files)
	}
	return s.recordReply(201, m, r, nil, now)
}

func (h *Handler) update(m *model, name string, in *incoming, user string, now time.Time) reply {
	vals, err := bodyValues(in)
	if err != nil {
		return errorReply(400, now, err.Error())
	}
	s := h.st
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tables[m.name]
	old := s.lookup(m, name)
	if old == nil {
		return notFound(now)
	}
	r := old.clone()
	fe := &formErrors{}
	delete(vals, m.nameField) // a name never changes
	s.legacyQueue(m, vals)
	comment, hasComment := vals["comment"].(string)
	files := s.ticketCommentFiles(m, vals, fe)
	s.applyValues(m, r, vals, fe)
	s.stamp(m, r, user, now, false)
	s.checkRequired(m, r, fe)
	if !fe.empty() {
		return s.invalidReply(m, r, fe, now)
	}
	copy(old.vals, r.vals)
	if t.synth != nil {
		t.synth.keep(name, old)
	}
	if m.name == "tickets" && hasComment && comment != "" {
		s.addComment(m, old, comment, user, now, files)
	}
	return s.recordReply(200, m, old, nil, now)
}

func (h *Handler) remove(m *model, name string, now time.Time) reply {
	s := h.st
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tables[m.name]
	removed := false
	if t.synth != nil {
		removed = t.synth.remove(name)
	} else {
		removed = t.remove(name)
	}
	if !removed {
		return notFound(now)
	}
	return reply{status: 204}
}

// ticketCommentFiles reads a ticket write's comment_add_files (other models ignore it).
func (s *store) ticketCommentFiles(m *model, vals map[string]any, fe *formErrors) []string {
	if m.name != "tickets" {
		return nil
	}
	return s.commentFiles(vals, fe)
}

// addComment adds the comment activity a ticket's write-only "comment" makes, on create
// as on update; the uploads "comment_add_files" names become its attachments.
func (s *store) addComment(m *model, ticket *record, comment, user string, now time.Time, files []string) {
	am := s.models["activities"]
	a := newRecord(am)
	for i, fd := range am.fields {
		a.vals[i] = fd.def
	}
	a.set(am, "ticket", ticket.vals[m.index["name"]])
	a.set(am, "type", "")
	a.set(am, "title", "Comment")
	a.set(am, "description", comment)
	a.set(am, "action", ticket.str(m, "stage"))
	a.set(am, "statuses", []string{})
	a.set(am, "time", now.In(prague()).Format(dateLayout))
	if user != "" {
		a.set(am, "user", user)
		a.set(am, "created_by", user)
	}
	a.set(am, "name", s.uniqid(am.prefix, now))
	s.attachUploads(a, files, now)
	s.insert(s.tables["activities"], a)
}

// chosenNames reports whether a create may choose the record's name: every model whose
// key is a string does (the server keeps a name the client sends and generates one
// otherwise); models whose names are counters (tickets, queues) always assign them.
func chosenNames(m *model) bool {
	fd, _ := m.field(m.nameField)
	return fd != nil && fd.kind == kStr && !m.intNames
}

// stamp sets the server-maintained fields: created/edited (and their _by users), the
// contact title.
func (s *store) stamp(m *model, r *record, user string, now time.Time, create bool) {
	ts := now.In(prague()).Format(dateLayout)
	setIf := func(name string, v any) {
		if _, ok := m.index[name]; ok {
			r.set(m, name, v)
		}
	}
	if create {
		setIf("created", ts)
		if user != "" {
			setIf("created_by", user)
		}
	}
	setIf("edited", ts)
	if user != "" {
		setIf("edited_by", user)
	}
	if m.title != nil {
		r.set(m, "title", m.title(r))
	}
}

func (s *store) checkRequired(m *model, r *record, fe *formErrors) {
	for i, fd := range m.fields {
		if !fd.required {
			continue
		}
		if v := r.vals[i]; v == nil || v == "" {
			fe.add(fd.name, msgMandatory)
		}
	}
}

// legacyQueue reads the deprecated campaignsRecords.queue as the API does: a record type's
// name there is the legacy alias of record_type (the PHP connector's own tests send
// "queue" => $recordType), and the record takes that type and the type's queue; a queue's
// name there gives a record without record_type the type of that queue.
func (s *store) legacyQueue(m *model, vals map[string]any) {
	if m.name != "campaignsRecords" || vals["queue"] == nil {
		return
	}
	q := fmt.Sprint(vals["queue"])
	ct := s.models["campaignsTypes"]
	if typ := s.lookup(ct, q); typ != nil {
		if vals["record_type"] == nil {
			vals["record_type"] = q
		}
		if tq := typ.get(ct, "queue"); tq != nil {
			vals["queue"] = nameKey(tq)
		} else {
			delete(vals, "queue")
		}
		return
	}
	if vals["record_type"] == nil {
		if typ := s.typeForQueue(q); typ != "" {
			vals["record_type"] = typ
		}
	}
}

func (s *store) typeForQueue(queue string) string {
	ct := s.models["campaignsTypes"]
	for _, r := range s.tables["campaignsTypes"].rows {
		if nameKey(r.get(ct, "queue")) == queue {
			return r.name(ct)
		}
	}
	return ""
}

// applyValues coerces and validates the written values into r; unknown and read-only
// fields are ignored, as the API does.
func (s *store) applyValues(m *model, r *record, vals map[string]any, fe *formErrors) {
	for i, fd := range m.fields {
		v, ok := vals[fd.name]
		if !ok || fd.readOnly || fd.name == m.nameField {
			continue
		}
		switch fd.kind {
		case kCF:
			s.applyCF(m, r, i, v, fe)
			continue
		case kJSON, kItem:
			if v == nil {
				r.vals[i] = nil
				continue
			}
			js, err := json.Marshal(v)
			if err != nil {
				fe.add(fd.name, "Value is not valid JSON")
				continue
			}
			r.vals[i] = rawJSON(js)
			continue
		case kMN:
			names, ok := toStrings(v)
			if !ok {
				fe.add(fd.name, "Value must be a list of names")
				continue
			}
			refM := s.models[fd.ref]
			for _, n := range names {
				if s.lookup(refM, n) == nil {
					fe.add(fd.name, msgForeignKey)
				}
			}
			r.vals[i] = names
			continue
		}
		cv, msg := coerce(fd, v)
		if msg != "" {
			fe.add(fd.name, msg)
			continue
		}
		if fd.kind == kFK && cv != nil {
			refM := s.models[fd.ref]
			if s.lookup(refM, nameKey(cv)) == nil {
				fe.add(fd.name, msgForeignKey)
				r.vals[i] = cv
				continue
			}
			if refM.intNames {
				if n, err := strconv.ParseInt(nameKey(cv), 10, 64); err == nil {
					cv = n
				}
			}
		}
		if str, isStr := cv.(string); isStr && fd.enum != nil && !slices.Contains(fd.enum, str) {
			fe.add(fd.name, fmt.Sprintf("Value %q is not allowed (allowed: %s)", str, strings.Join(quoteAll(fd.enum), ", ")))
			continue
		}
		r.vals[i] = cv
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// coerce converts a decoded JSON or form value to a field's stored type.
func coerce(fd *field, v any) (any, string) {
	if v == nil {
		return nil, ""
	}
	scalar := ""
	switch x := v.(type) {
	case string:
		scalar = x
	case json.Number:
		scalar = x.String()
	case bool:
		if fd.kind == kBool {
			return x, ""
		}
		scalar = map[bool]string{true: "1", false: "0"}[x]
	case map[string]any:
		if fd.kind == kFK { // an expanded object written back: take its name
			if n, ok := x["name"]; ok {
				return coerce(fd, n)
			}
		}
		return nil, "Value must be a single value, not an object"
	default:
		return nil, "Value must be a single value, not a list"
	}
	switch fd.kind {
	case kStr, kIntStr:
		return scalar, ""
	case kFK:
		if scalar == "" {
			return nil, ""
		}
		return scalar, ""
	case kInt:
		if scalar == "" {
			return nil, ""
		}
		n, err := strconv.ParseInt(scalar, 10, 64)
		if err != nil {
			return nil, fmt.Sprintf("Value %q is not a whole number", scalar)
		}
		return n, ""
	case kFloat:
		if scalar == "" {
			return nil, ""
		}
		f, err := strconv.ParseFloat(scalar, 64)
		if err != nil {
			return nil, fmt.Sprintf("Value %q is not a number", scalar)
		}
		return f, ""
	case kBool:
		switch strings.ToLower(scalar) {
		case "1", "true", "yes":
			return true, ""
		case "0", "false", "no", "":
			return false, ""
		}
		return nil, fmt.Sprintf("Value %q is not a boolean (use 1 or 0)", scalar)
	case kDate:
		if scalar == "" {
			return nil, ""
		}
		if len(scalar) == 10 {
			scalar += " 00:00:00"
		}
		if _, err := time.Parse(dateLayout, scalar); err != nil {
			return nil, fmt.Sprintf("Value %q is not a date (YYYY-MM-DD HH:MM:SS)", scalar)
		}
		return scalar, ""
	}
	return scalar, ""
}

// toStrings reads a list of names (or one name) from a decoded value.
func toStrings(v any) ([]string, bool) {
	switch x := v.(type) {
	case nil:
		return []string{}, true
	case string:
		if x == "" {
			return []string{}, true
		}
		return []string{x}, true
	case json.Number:
		return []string{x.String()}, true
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			switch y := e.(type) {
			case string:
				out = append(out, y)
			case json.Number:
				out = append(out, y.String())
			case map[string]any:
				if n, ok := y["name"]; ok {
					out = append(out, fmt.Sprint(n))
					continue
				}
				return nil, false
			default:
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// applyCF merges written custom fields: every value becomes an array; "email" keys must
// hold e-mail addresses.
func (s *store) applyCF(m *model, r *record, i int, v any, fe *formErrors) {
	cf, _ := r.vals[i].(*cfValues)
	if cf == nil {
		cf = &cfValues{}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		if list, isList := v.([]any); isList && len(list) == 0 {
			return // PHP's empty array
		}
		fe.add("customFields", "Value must be an object of custom fields")
		return
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		vals, ok := toStrings(obj[k])
		if !ok {
			fe.addCF(k, "Value must be a string or a list of strings")
			continue
		}
		if obj[k] == nil {
			vals = []string{}
		}
		if strings.Contains(strings.ToLower(k), "email") {
			for _, e := range vals {
				if _, err := mail.ParseAddress(e); err != nil && e != "" {
					fe.addCF(k, msgBadEmail)
					break
				}
			}
		}
		cf.set(k, vals)
	}
	r.vals[i] = cf
}
