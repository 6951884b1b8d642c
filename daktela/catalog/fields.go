package catalog

// Builders for the table: a field of each type, and modifiers that return a changed copy.

func str(name string) Field   { return Field{Name: name, Type: String} }
func num(name string) Field   { return Field{Name: name, Type: Integer} }
func float(name string) Field { return Field{Name: name, Type: Number} }
func flag(name string) Field  { return Field{Name: name, Type: Boolean} }
func date(name string) Field  { return Field{Name: name, Type: Datetime} }
func js(name string) Field    { return Field{Name: name, Type: JSON} }

func link(name, ref string) Field  { return Field{Name: name, Type: Link, Ref: ref} }
func links(name, ref string) Field { return Field{Name: name, Type: Links, Ref: ref} }
func custom() Field                { return Field{Name: "customFields", Type: CustomFields} }

func req(f Field) Field                { f.Required = true; return f }
func ro(f Field) Field                 { f.ReadOnly = true; return f }
func oneOf(f Field, v ...string) Field { f.Enum = v; return f }
func about(f Field, doc string) Field  { f.Doc = doc; return f }
func numeric(f Field) Field            { f.Type = NumericString; return f }
func stamps() []Field                  { return []Field{ro(date("created")), ro(date("edited"))} }
func join(parts ...[]Field) []Field {
	var out []Field
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// named is the usual head of a record: its string name and a required title.
func named() []Field { return []Field{str("name"), req(str("title"))} }
