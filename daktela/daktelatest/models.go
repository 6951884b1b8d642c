package daktelatest

import (
	"strings"
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
	kJSON               // free JSON (options, item)
)

// field is one field of a model.
type field struct {
	name     string
	kind     kind
	ref      string   // related model for kFK and kMN
	required bool     // create fails with "Item is mandatory" without it
	enum     []string // allowed values (for kStr/kIntStr), nil = any
	readOnly bool     // set by the server; ignored on write
	hidden   bool     // kept for relations, never rendered
	def      any      // default on create
}

// relation is a "model/{name}/{relation}" read: the records of child whose field fk
// names the parent.
type relation struct {
	child string
	fk    string
}

// model describes one endpoint (its lcfirst name) and how its records look.
type model struct {
	name        string
	prefix      string // auto-generated names: prefix + uniqid-like suffix
	intNames    bool   // auto-increment integer names (tickets, queues, attachments)
	nameField   string // the primary key field ("name", "file" for attachments)
	clientNames bool   // a create may choose the name
	fields      []*field
	index       map[string]int
	search      []string // fields the "q" full-text search looks in
	cfKeys      []string // custom field keys the demo data uses
	relations   map[string]relation
	hidden      bool            // not routable on its own (attachments)
	sysExtra    string          // extra JSON members of _sys (precomputed, e.g. cfScheme)
	brief       map[string]bool // when set, an expanded (nested) record shows only these fields
	title       func(r *record) string
}

func (m *model) field(name string) (*field, int) {
	if i, ok := m.index[name]; ok {
		return m.fields[i], i
	}
	return nil, -1
}

// f builds a field; options are applied by the helpers below.
func f(name string, k kind, opts ...func(*field)) *field {
	fd := &field{name: name, kind: k}
	for _, o := range opts {
		o(fd)
	}
	return fd
}

func ref(m string) func(*field)      { return func(fd *field) { fd.ref = m } }
func req(fd *field)                  { fd.required = true }
func ro(fd *field)                   { fd.readOnly = true }
func hid(fd *field)                  { fd.hidden = true }
func enum(v ...string) func(*field)  { return func(fd *field) { fd.enum = v } }
func def(v any) func(*field)         { return func(fd *field) { fd.def = v } }
func fk(name, m string) *field       { return f(name, kFK, ref(m)) }
func mn(name, m string) *field       { return f(name, kMN, ref(m)) }
func dt(name string) *field          { return f(name, kDate) }
func str(name string) *field         { return f(name, kStr) }
func boolean(name string) *field     { return f(name, kBool, def(false)) }
func integer(name string) *field     { return f(name, kInt) }
func created() []*field              { return []*field{f("created", kDate, ro), f("edited", kDate, ro)} }
func cat(parts ...[]*field) []*field { return concatFields(parts...) }

func concatFields(parts ...[]*field) []*field {
	var out []*field
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// schema returns the models the fake server knows, keyed by lcfirst endpoint name.
// Field lists follow the reference notes (§2.1): the fields seen in real captures and
// documented by the API help, enough for the official connectors and example scripts.
func schema() map[string]*model {
	ms := []*model{
		{name: "profiles", prefix: "profiles_", clientNames: true, fields: []*field{
			str("name"), f("title", kStr, req), f("type", kStr, enum("CC", "BO", "none"), def("CC")),
			integer("maxActivities"), str("canTransferCall"),
		}},
		{name: "roles", prefix: "roles_", clientNames: true, fields: []*field{
			str("name"), f("title", kStr, req), str("description"),
		}},
		{name: "users", clientNames: true, search: []string{"name", "title", "email"}, fields: []*field{
			f("name", kStr, req), f("title", kStr, req), str("alias"), str("firstname"), str("lastname"),
			f("username", kStr, ro), str("email"), str("description"), str("extension"),
			f("extension_state", kStr, enum("online", "offline", "busy"), def("offline")),
			str("clid"), boolean("static"), f("timezone", kStr, def("_AUTOMATIC_")),
			f("type", kStr, enum("admin", "user", "api", "BO"), def("user")),
			boolean("backoffice_user"), boolean("deactivated"), boolean("deleted"),
			fk("profile", "profiles"), fk("role", "roles"), f("options", kJSON),
		}},
		{name: "queues", intNames: true, search: []string{"title", "alias"}, fields: []*field{
			integer("name"), f("title", kStr, req), str("alias"), str("description"),
			f("type", kStr, req, enum("in", "ctc", "out", "outbounder", "progressive", "dialer", "interviewer",
				"email", "sms", "chat", "fbm", "wap", "vbr", "igdm", "custom")),
			f("direction", kStr, enum("in", "out"), def("in")), boolean("deactivated"), f("options", kJSON),
		}},
		{name: "statuses", prefix: "statuses_", fields: []*field{
			str("name"), f("title", kStr, req), str("description"), boolean("validation"), boolean("nextcall"),
			f("color", kStr, def("")),
		}},
		{name: "ticketsSla", prefix: "sla_", fields: []*field{
			str("name"), f("title", kStr, req), f("unit", kStr, enum("HOURS", "MINUTES"), def("HOURS")),
			integer("response_normal"), integer("solution_normal"),
		}},
		{name: "ticketsCategories", prefix: "categories_", fields: []*field{
			str("name"), f("title", kStr, req), str("description"), fk("sla", "ticketsSla"),
			fk("email_queue", "queues"), fk("call_queue", "queues"),
			f("status_required", kStr, enum("", "never", "closing_ticket", "always"), def("")),
			boolean("multiple_statuses"),
		}},
		{name: "crmDatabases", clientNames: true, prefix: "crmdb_", fields: []*field{
			str("name"), f("title", kStr, req), str("description"), boolean("default"),
		}},
		{name: "accounts", prefix: "account_", clientNames: true, search: []string{"name", "title", "description"},
			cfKeys: []string{"ico", "web"}, fields: cat([]*field{
				str("name"), f("title", kStr, req), f("database", kFK, ref("crmDatabases"), def("default")),
				fk("sla", "ticketsSla"), fk("user", "users"), str("description")}, created(),
				[]*field{f("customFields", kCF)})},
		{name: "contacts", prefix: "contact_", clientNames: true,
			search: []string{"name", "title", "firstname", "lastname", "customFields.email", "customFields.number"},
			cfKeys: []string{"number", "email", "address", "note"},
			fields: cat([]*field{
				str("name"), f("title", kStr, ro), str("firstname"), f("lastname", kStr, req),
				f("database", kFK, ref("crmDatabases"), def("default")), fk("account", "accounts"),
				fk("user", "users"), str("description"), f("nps_score", kFloat, ro)}, created(),
				[]*field{f("customFields", kCF)}),
			sysExtra: `"cfScheme":{"number":{"type":"PHONE","title":"Phone","hidden":false,"readonly":false,"multiple":true},` +
				`"email":{"type":"EMAIL","title":"E-mail","hidden":false,"readonly":false,"multiple":true},` +
				`"address":{"type":"ADDRESS","title":"Address","hidden":false,"readonly":false,"multiple":false},` +
				`"note":{"type":"TEXTAREA","title":"Note","hidden":false,"readonly":false,"multiple":false}}`,
		},
		{name: "databases", prefix: "databases_", clientNames: true, fields: []*field{
			str("name"), f("title", kStr, req), str("description"), f("stage", kStr, enum("OPEN", "CLOSE"), def("OPEN")),
		}},
		{name: "campaignsTypes", prefix: "types_", fields: cat([]*field{
			str("name"), f("title", kStr, req), str("description"), fk("queue", "queues"), f("color", kStr, def("")),
			boolean("custom")}, []*field{f("created", kDate, ro)})},
		{name: "campaignsRecords", prefix: "records_", cfKeys: []string{"firstname", "lastname", "email", "note"},
			fields: cat([]*field{
				str("name"), fk("user", "users"), f("record_type", kFK, ref("campaignsTypes"), req),
				fk("database", "databases"), fk("contact", "contacts"), str("number"), dt("nextcall"),
				f("action", kIntStr, enum("0", "1", "2", "3", "4", "5", "6"), def("0")), str("call_id"), str("activity"),
				fk("queue", "queues"), mn("statuses", "statuses")}, created(),
				[]*field{f("customFields", kCF)})},
		{name: "tickets", intNames: true, search: []string{"name", "title", "description", "email"},
			cfKeys: []string{"order_id", "product"},
			fields: cat([]*field{
				integer("name"), f("title", kStr, req), f("category", kFK, ref("ticketsCategories"), req),
				fk("user", "users"), fk("contact", "contacts"), f("email", kStr, def("")), fk("parentTicket", "tickets"),
				str("description"), f("stage", kStr, req, enum("OPEN", "WAIT", "CLOSE", "ARCHIVE"), def("OPEN")),
				f("priority", kStr, req, enum("LOW", "MEDIUM", "HIGH"), def("MEDIUM")),
				mn("statuses", "statuses"), mn("followers", "users"), dt("sla_deadtime"), dt("first_answer")}, created(),
				[]*field{f("created_by", kFK, ref("users"), ro), f("edited_by", kFK, ref("users"), ro), dt("closed"),
					dt("last_activity"), boolean("unread"), boolean("has_attachment"), f("customFields", kCF)}),
			relations: map[string]relation{"activities": {"activities", "ticket"}},
		},
		{name: "activities", prefix: "activities_", search: []string{"title", "description"},
			fields: []*field{
				str("name"), fk("ticket", "tickets"), str("title"), boolean("important"),
				f("action", kStr, enum("", "OPEN", "WAIT", "POSTPONE", "CLOSE"), def("")),
				f("type", kStr, enum("", "CALL", "EMAIL", "CHAT", "SMS", "FBM", "WAP", "VBR", "IGDM", "FBCOMMENT", "IGCOMMENT", "CUSTOM"), def("")),
				f("item", kJSON), fk("queue", "queues"), fk("user", "users"), fk("contact", "contacts"),
				fk("record", "campaignsRecords"), mn("statuses", "statuses"), f("priority", kInt, def(int64(0))),
				str("description"), dt("time"), integer("time_wait"), dt("time_open"), dt("time_close"),
				integer("duration"), f("created_by", kFK, ref("users"), ro), f("customFields", kCF),
			},
			relations: map[string]relation{"attachments": {"attachments", "activity"}},
		},
		{name: "attachments", intNames: true, nameField: "file", hidden: true, fields: []*field{
			integer("file"), f("inline", kStr, def("0")), str("cid"), str("title"), str("type"), integer("size"),
			dt("time"), f("activity", kFK, ref("activities"), hid),
		}},
	}
	out := make(map[string]*model, len(ms))
	for _, m := range ms {
		if m.nameField == "" {
			m.nameField = "name"
		}
		m.index = make(map[string]int, len(m.fields))
		for i, fd := range m.fields {
			m.index[fd.name] = i
		}
		out[m.name] = m
	}
	// Related users come back reduced, as the API trims them (reference §1.4).
	out["users"].brief = map[string]bool{"name": true, "title": true, "alias": true, "email": true}
	out["campaignsRecords"].relations = map[string]relation{"activities": {"activities", "record"}}
	out["contacts"].relations = map[string]relation{"tickets": {"tickets", "contact"}, "activities": {"activities", "contact"}}
	out["accounts"].relations = map[string]relation{"contacts": {"contacts", "account"}}
	out["contacts"].title = func(r *record) string {
		m := out["contacts"]
		return strings.TrimSpace(r.str(m, "firstname") + " " + r.str(m, "lastname"))
	}
	return out
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
