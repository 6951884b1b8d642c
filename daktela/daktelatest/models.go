package daktelatest

import (
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/daktela/catalog"
)

// kind is the type of a model field, as the API treats it.
type kind uint8

const (
	kStr    kind = iota // string (or null)
	kInt                // integer (or null)
	kIntStr             // a number the API sends as a string, e.g. campaignsRecords.action "5"
	kFloat              // number (or null)
	kBool               // true/false
	kDate               // "YYYY-MM-DD HH:MM:SS" in the instance's time zone (or null)
	kFK                 // foreign key: written as the related record's name, read as the expanded record
	kMN                 // many-to-many: written and read as an array of names
	kCF                 // customFields: {key: [values...]}, every value an array
	kJSON               // free JSON (options, ...)
	kItem               // activities.item: the channel record (an itemRef), or JSON a client wrote
)

// kinds maps the catalogue's field types to the fake's.
var kinds = map[catalog.Type]kind{
	catalog.String: kStr, catalog.Integer: kInt, catalog.NumericString: kIntStr, catalog.Number: kFloat,
	catalog.Boolean: kBool, catalog.Datetime: kDate, catalog.Link: kFK, catalog.Links: kMN,
	catalog.CustomFields: kCF, catalog.JSON: kJSON, catalog.Item: kItem,
}

// field is one field of a model.
type field struct {
	name     string
	kind     kind
	ref      string   // related model for kFK and kMN
	required bool     // create fails with "Item is mandatory" without it
	enum     []string // allowed values (for kStr/kIntStr), nil = any
	readOnly bool     // set by the server; ignored on write
	hidden   bool     // kept for relations, never rendered
	topOnly  bool     // rendered only in the answer's own records (a channel record's activities)
	def      any      // default on create
}

// relation is a "model/{name}/{relation}" read: the records of child whose field fk
// names the parent.
type relation struct {
	child string
	fk    string
}

// model describes one endpoint (its lcfirst name) and how its records look: the
// catalogue's model (cat) with what only the fake needs.
type model struct {
	cat         *catalog.Model
	name        string
	prefix      string // auto-generated names: prefix + uniqid-like suffix
	intNames    bool   // auto-increment integer names (tickets, queues, attachments)
	nameField   string // the primary key field ("name", "file" for attachments)
	clientNames bool   // a create may choose the name
	fields      []*field
	index       map[string]int
	search      []string // fields the "q" full-text search looks in
	cfKeys      []string // custom field keys (every record lists them all)
	relations   map[string]relation
	hidden      bool   // not routable on its own (attachments)
	listOnly    bool   // lists only, no single read (realtimeSessions)
	partial     bool   // the catalogue lists only some fields: unknown filter fields are null, not errors
	sysModel    string // _sys.model
	hashNull    bool   // _sys.hash is null
	sysExtra    string // extra JSON members of _sys (precomputed, e.g. cfScheme)
	title       func(r *record) string
}

func (m *model) field(name string) (*field, int) {
	if i, ok := m.index[name]; ok {
		return m.fields[i], i
	}
	return nil, -1
}

// fakeDefaults are the values a record gets when a create or the demo data leaves a
// field out (booleans are false unless listed).
var fakeDefaults = map[string]map[string]any{
	"profiles": {"type": "CC"},
	"users": {"extension_state": "offline", "timezone": "_AUTOMATIC_", "type": "user", "recordAtCallStart": "disabled",
		"alias": "", "description": "", "call_steering_description": "", "clid": "", "email": "", "emailAuth": "",
		"icon": "", "emoji": "", "forwarding_number": "", "nps_score": float64(0)},
	"queues":            {"direction": "in", "call_steering_description": ""},
	"statuses":          {"color": ""},
	"ticketsSla":        {"unit": "HOURS"},
	"ticketsCategories": {"status_required": "", "autofocused_tab": ""},
	"crmDatabases":      {"description": "", "autofocused_contacts_tab": "", "autofocused_accounts_tab": ""},
	"accounts":          {"database": "default"},
	"contacts":          {"database": "default", "nps_score": float64(0)},
	"databases":         {"stage": "OPEN"},
	"campaignsTypes":    {"color": ""},
	"campaignsRecords":  {"action": "0"},
	"crmRecords":        {"stage": "OPEN"},
	"tickets": {"email": "", "stage": "OPEN", "priority": "MEDIUM", "sla_overdue": int64(0), "sla_duration": int64(0),
		"first_answer_duration": int64(0), "first_answer_overdue": int64(0), "interaction_activity_count": int64(0),
		"_access": true},
	"activities": {"action": "", "type": "", "priority": int64(0), "baw": int64(0), "aaw": int64(0),
		"duration": int64(0), "focus_time": int64(0), "focus_disruptions": int64(0), "ringing_time": int64(0)},
	"activitiesAttachments": {"inline": "0", "cid": ""},
	"activitiesEmailFiles":  {"inline": "0", "cid": ""},
}

// fakeSearch lists the fields the "q" full-text search looks in, per model.
var fakeSearch = map[string][]string{
	"users":      {"name", "title", "email"},
	"queues":     {"title", "alias"},
	"accounts":   {"name", "title", "description"},
	"contacts":   {"name", "title", "firstname", "lastname", "customFields.email", "customFields.number"},
	"tickets":    {"name", "title", "description", "email"},
	"activities": {"title", "description"},
}

// schema returns the models the fake server knows, keyed by lcfirst endpoint name:
// the catalogue's (package daktela/catalog), with the fake's defaults and search fields.
func schema() map[string]*model {
	out := map[string]*model{}
	for _, cm := range catalog.Models() {
		m := &model{cat: cm, name: cm.Name, prefix: cm.NamePrefix, intNames: cm.Counter, nameField: cm.Key,
			clientNames: !cm.Counter, hidden: cm.Nested, listOnly: cm.ListOnly, partial: cm.Partial,
			sysModel: cm.SysModel, hashNull: cm.HashNull, search: fakeSearch[cm.Name],
			index: make(map[string]int, len(cm.Fields))}
		if m.prefix == "" && !m.intNames {
			m.prefix = cm.Name + "_"
		}
		if m.sysModel == "" {
			m.sysModel = cm.Name
		}
		defs := fakeDefaults[cm.Name]
		for i, cf := range cm.Fields {
			fd := &field{name: cf.Name, kind: kinds[cf.Type], ref: cf.Ref, required: cf.Required, enum: cf.Enum,
				readOnly: cf.ReadOnly, hidden: cf.Hidden, def: defs[cf.Name]}
			if fd.def == nil && fd.kind == kBool {
				fd.def = false
			}
			// A channel record lists its activities when it is the record read, not
			// when it is an activity's item (as in the captures).
			fd.topOnly = cf.Name == "activities" && cf.Type == catalog.Links && cf.Ref == "activities"
			m.fields = append(m.fields, fd)
			m.index[cf.Name] = i
		}
		for k := range defs {
			if _, ok := m.index[k]; !ok {
				panic("daktelatest: default for unknown field " + cm.Name + "." + k)
			}
		}
		for _, c := range cm.CustomFields {
			m.cfKeys = append(m.cfKeys, c.Key)
		}
		if cm.SchemeInSys {
			m.sysExtra = cfScheme(cm.CustomFields)
		}
		if len(cm.Relations) > 0 {
			m.relations = map[string]relation{}
			for _, r := range cm.Relations {
				m.relations[r.Name] = relation{r.Model, r.Field}
			}
		}
		out[m.name] = m
	}
	for name := range fakeSearch {
		if out[name] == nil {
			panic("daktelatest: search fields for unknown model " + name)
		}
	}
	out["contacts"].title = func(r *record) string {
		m := out["contacts"]
		return strings.TrimSpace(r.str(m, "firstname") + " " + r.str(m, "lastname"))
	}
	return out
}

// cfScheme renders _sys.cfScheme, the description of a model's custom fields.
func cfScheme(cfs []catalog.CustomField) string {
	if len(cfs) == 0 {
		return ""
	}
	var b []byte
	b = append(b, `"cfScheme":{`...)
	for i, c := range cfs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendKey(b, c.Key)
		b = append(b, `{"type":`...)
		b = appendString(b, c.Type)
		b = append(b, `,"title":`...)
		b = appendString(b, c.Title)
		b = append(b, `,"hidden":false,"readonly":false,"readonly_in_activity":false,"readonly_in_update":false,"multiple":`...)
		b = strconv.AppendBool(b, c.Multiple)
		b = append(b, `,"show_in_incoming":false}`...)
	}
	return string(append(b, '}'))
}

// lookupModel resolves a URL segment to a model: the API matches the first letter
// case-insensitively ("CampaignsRecords" and "campaignsRecords" are the same).
func lookupModel(models map[string]*model, seg string) *model {
	if seg == "" {
		return nil
	}
	m := models[strings.ToLower(seg[:1])+seg[1:]]
	if m == nil || m.hidden {
		return nil
	}
	return m
}
