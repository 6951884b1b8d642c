package catalog

import (
	"sort"
	"strings"
)

// Type is the type of a model's field as the API reads and writes it.
type Type uint8

// The field types. A Link is written as the related record's name and read as the
// related record itself (expanded); Links is a list of them.
const (
	String        Type = iota // a string (or null)
	Integer                   // a whole number (or null)
	NumericString             // a number the API sends as a string, e.g. campaignsRecords.action "5"
	Number                    // a number with a fraction (or null)
	Boolean                   // true or false
	Datetime                  // "YYYY-MM-DD HH:MM:SS" in the instance's time zone (or null)
	Link                      // one related record (Field.Ref): written as its name, read expanded
	Links                     // many related records (Field.Ref): written and read as a list
	CustomFields              // {key: [values...]}: every value a list, the keys the model's CustomFields
	JSON                      // free JSON (options, headers, ...)
	Item                      // activities.item: the activity's channel record (see Channels), expanded
)

var typeNames = [...]string{"string", "integer", "numeric string", "number", "boolean", "datetime",
	"link", "links", "custom fields", "json", "item"}

// String returns the type's name as help texts print it ("datetime", "link").
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "unknown"
}

// Field is one field of a model.
type Field struct {
	Name     string   // as in records, filters and sorts
	Type     Type     // how the API reads and writes it
	Ref      string   // the related model of a Link or Links field
	Required bool     // a create without it fails with "Item is mandatory"
	ReadOnly bool     // set by the server; a write ignores it
	Enum     []string // the values the API accepts, nil when any
	Doc      string   // what the field holds, when its name does not say it
	// Hidden is true for the link a relation follows that records do not show
	// (an e-mail file's e-mail).
	Hidden bool
}

// Relation is a read of the records related to one record:
// GET {model}/{name}/{Name}.json lists the records of Model whose Field names it.
type Relation struct {
	Name  string // the URL segment
	Model string // the model listed
	Field string // the listed model's field that names the parent record
}

// CustomField is one key of a model's customFields, as the record's _sys.cfScheme
// describes it. Keys are set up per instance; these are the demo instance's.
type CustomField struct {
	Key      string
	Type     string // TEXT, PHONE, EMAIL, ADDRESS, TEXTAREA, ...
	Title    string
	Multiple bool
}

// Model is one endpoint of the API and the shape of its records.
type Model struct {
	// Name is the endpoint, the PHP connector's model name with a lower-case first
	// letter ("campaignsRecords"); the API matches the first letter case-insensitively.
	Name string
	// Doc says what the model holds.
	Doc string
	// Key is the field that names a record ("name"; "id_call" for activitiesCall).
	Key string
	// Counter is true when the key is an integer the server counts up (tickets,
	// queues); otherwise the key is a string a create may choose.
	Counter bool
	// NamePrefix starts the names the server generates ("statuses_"), empty when
	// names are counters or always chosen.
	NamePrefix string
	// SysModel is _sys.model of the records when it differs from Name
	// (attachments: "activities\\Attachments").
	SysModel string
	// HashNull is true when the records' _sys.hash is null (tickets, users, ...);
	// otherwise it is a string of digits (contacts, activities).
	HashNull bool
	// Nested is true for records only read inside other records or through a
	// relation (email files, attachments): they have no endpoint of their own.
	Nested bool
	// ListOnly is true when the endpoint answers lists only (realtimeSessions).
	ListOnly bool
	// Partial is true when the catalogue lists only some of the model's fields (the
	// ones public evidence shows); the real records have more.
	Partial bool
	// Fields are the record's fields in the order the API writes them.
	Fields []Field
	// WriteOnly are attributes a create or update takes that records do not show (a
	// ticket's comment).
	WriteOnly []Field
	// Relations are the {model}/{name}/{relation} reads.
	Relations []Relation
	// CustomFields are the keys of customFields, in order.
	CustomFields []CustomField
	// SchemeInSys is true when the records' _sys carries cfScheme, the description of
	// the custom fields (contacts and tickets in the captures).
	SchemeInSys bool
	// Mistakes maps field names people reach for that the model does not have to
	// the field that holds the value (users: "username" → "name").
	Mistakes map[string]string
}

// Field returns the model's field named name.
func (m *Model) Field(name string) (*Field, bool) {
	for i := range m.Fields {
		if m.Fields[i].Name == name {
			return &m.Fields[i], true
		}
	}
	return nil, false
}

// Relation returns the model's relation named name.
func (m *Model) Relation(name string) (*Relation, bool) {
	for i := range m.Relations {
		if m.Relations[i].Name == name {
			return &m.Relations[i], true
		}
	}
	return nil, false
}

// PHPName is the model's name as the PHP connector writes it: "CampaignsRecords".
func (m *Model) PHPName() string { return strings.ToUpper(m.Name[:1]) + m.Name[1:] }

// Models returns every model of the catalogue, sorted by name. The models are shared:
// callers must not change them.
func Models() []*Model { return sorted }

// Lookup returns the model an endpoint name means; the first letter is
// case-insensitive ("CampaignsRecords" and "campaignsRecords" are the same model).
func Lookup(name string) (*Model, bool) {
	if name == "" {
		return nil, false
	}
	m, ok := byName[strings.ToLower(name[:1])+name[1:]]
	return m, ok
}

// Endpoints returns the names of the models that have an endpoint of their own, in
// the PHP connector's spelling ("Accounts", "ActivitiesCall", ...), sorted.
func Endpoints() []string {
	var out []string
	for _, m := range sorted {
		if !m.Nested {
			out = append(out, m.PHPName())
		}
	}
	return out
}

// Channels maps an activity's type to the model of its channel record (activities.item):
// "CALL" → "activitiesCall", "EMAIL" → "activitiesEmail", "CHAT" → "activitiesWeb", ...
var Channels = map[string]string{
	"CALL": "activitiesCall", "EMAIL": "activitiesEmail", "CHAT": "activitiesWeb", "SMS": "activitiesSms",
	"FBM": "activitiesFbm", "WAP": "activitiesWap", "VBR": "activitiesVbr", "IGDM": "activitiesIgdm",
	"FBCOMMENT": "activitiesFbComment", "IGCOMMENT": "activitiesIgComment",
}

var sorted, byName = index(table)

func index(ms []*Model) ([]*Model, map[string]*Model) {
	by := make(map[string]*Model, len(ms))
	for _, m := range ms {
		if m.Key == "" {
			m.Key = "name"
		}
		if _, dup := by[m.Name]; dup {
			panic("catalog: model " + m.Name + " listed twice")
		}
		by[m.Name] = m
	}
	out := append([]*Model(nil), ms...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, by
}
