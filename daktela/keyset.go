package daktela

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dkscript/dkscript/daktela/catalog"
	"github.com/dkscript/dkscript/daktela/rawjson"
)

// keyFieldOf returns the field that identifies each record req lists: the catalogue's
// key of the model it reads (the relation's model for a relation read, e.g.
// activities/{name}/attachments lists activitiesAttachments, keyed by file), "name" for a
// model the catalogue does not know.
func keyFieldOf(req *ReadRequest) string {
	m, ok := catalog.Lookup(req.Model())
	if ok && req.Relation() != "" && req.ObjectName() != "" {
		var r *catalog.Relation
		if r, ok = m.Relation(req.Relation()); ok {
			m, ok = catalog.Lookup(r.Model)
		}
	}
	if !ok {
		return "name"
	}
	return m.Key
}

// iteratedModel is the model whose records a list read returns: the relation's for a
// relation read (tickets/{n}/activities reads activities), the request's otherwise.
func iteratedModel(req *ReadRequest) string {
	if req.Relation() != "" && req.ObjectName() != "" {
		return req.Relation()
	}
	return req.Model()
}

// keysetPlan is how a multi-page read continues after the last record it delivered
// rather than at an offset: the order it reads in (the request's sort keys up to the
// record's unique field, which ends the order) and whether a record may come back
// after the cursor (when the order has a key other than the unique field, a write
// may move a record already delivered past the cursor: such reads remember the names
// they delivered since the first write and leave repeats out).
type keysetPlan struct {
	key    string // the unique field
	order  []Sort // the sort keys up to and including key
	dedupe bool
}

// newKeysetPlan makes the read tmpl keyset-ready: its order is completed with the
// unique field (ascending) when the request does not sort by it, and a field
// projection gets the fields the cursor is read from. Every read the pager sends uses
// this order, so it can switch from offsets to a cursor at any page.
func newKeysetPlan(tmpl *ReadRequest) *keysetPlan {
	key := keyFieldOf(tmpl)
	pl := &keysetPlan{key: key}
	sorts := tmpl.Sorts()
	i := slices.IndexFunc(sorts, func(s Sort) bool { return s.Field == key })
	if i < 0 {
		tmpl.AddSort(key, "asc")
		sorts = tmpl.Sorts()
		i = len(sorts) - 1
	}
	pl.order = append([]Sort(nil), sorts[:i+1]...)
	pl.dedupe = i > 0
	if fields := tmpl.Fields(); fields != nil {
		for _, s := range pl.order {
			if !slices.Contains(fields, s.Field) {
				fields = append(fields, s.Field)
			}
		}
		tmpl.SetFields(fields)
	}
	return pl
}

// cursorValue is one sort key's value in the last record delivered: its text as a filter
// value, or null.
type cursorValue struct {
	text string
	null bool
}

// cursorOf reads the order's values from record i of page.
func (pl *keysetPlan) cursorOf(page *Response, i int) ([]cursorValue, error) {
	ix, node, ok := page.IndexedRecord(i)
	if !ok {
		var err error
		if ix, err = rawjson.Parse(page.Records()[i]); err != nil {
			return nil, err
		}
		node = ix.Root()
	}
	cur := make([]cursorValue, len(pl.order))
	for k, s := range pl.order {
		v, err := fieldValue(ix, node, s.Field)
		if err != nil {
			return nil, err
		}
		if k == len(pl.order)-1 && v.null {
			return nil, fmt.Errorf("the record's %s is null", s.Field)
		}
		cur[k] = v
	}
	return cur, nil
}

// keyOf returns the unique field of record i of page, as a string of its own.
func (pl *keysetPlan) keyOf(page *Response, i int) string {
	ix, node, ok := page.IndexedRecord(i)
	if !ok {
		var err error
		if ix, err = rawjson.Parse(page.Records()[i]); err != nil {
			return string(page.Records()[i])
		}
		node = ix.Root()
	}
	v, err := fieldValue(ix, node, pl.key)
	if err != nil {
		return string(page.Records()[i])
	}
	return strings.Clone(v.text)
}

// fieldValue reads the value at a field path ("edited", "user.title") of the record at
// node as the server compares it: strings as they are, numbers as their JSON text,
// booleans as 1 and 0, a related record (an expanded foreign key) by its name.
func fieldValue(ix *rawjson.Index, node int, path string) (cursorValue, error) {
	n := node
	for part := range strings.SplitSeq(path, ".") {
		if ix.Kind(n) != rawjson.KindObject {
			return cursorValue{}, fmt.Errorf("the record's %s is not an object", path)
		}
		v, ok := ix.Lookup(n, part)
		if !ok {
			return cursorValue{}, fmt.Errorf("the record has no field %s", path)
		}
		n = v
	}
	if ix.Kind(n) == rawjson.KindObject { // a related record: compared by its name
		v, ok := ix.Lookup(n, "name")
		if !ok {
			return cursorValue{}, fmt.Errorf("the record's %s is an object without a name", path)
		}
		n = v
	}
	switch ix.Kind(n) {
	case rawjson.KindNull:
		return cursorValue{null: true}, nil
	case rawjson.KindString:
		return cursorValue{text: ix.String(n)}, nil
	case rawjson.KindNumber:
		return cursorValue{text: string(ix.Raw(n))}, nil
	case rawjson.KindTrue:
		return cursorValue{text: "1"}, nil
	case rawjson.KindFalse:
		return cursorValue{text: "0"}, nil
	}
	return cursorValue{}, fmt.Errorf("the record's %s is a %s, not one value", path, ix.Kind(n))
}

// after returns the filter that holds for the records the order puts after cur:
// (k1 after v1) OR (k1 = v1 AND k2 after v2) OR ... with the unique field last. Nulls
// sort as the smallest values, as in the API's database and the fake server (first when
// ascending, last when descending): after a null comes any value when ascending and
// only further nulls when descending; after a value come the nulls when descending.
func (pl *keysetPlan) after(cur []cursorValue) Filter {
	var alts []Filter
	for i, s := range pl.order {
		beyond, ok := pastValue(s, cur[i])
		if i == len(pl.order)-1 { // the unique field is never null
			beyond, ok = Filter{Field: s.Field, Operator: "gt", Value: cur[i].text}, true
			if s.Dir == "desc" {
				beyond.Operator = "lt"
			}
		}
		if !ok {
			continue
		}
		and := make([]Filter, 0, i+1)
		for j := range i {
			and = append(and, equalValue(pl.order[j].Field, cur[j]))
		}
		and = append(and, beyond)
		if len(and) == 1 {
			alts = append(alts, and[0])
		} else {
			alts = append(alts, Filter{Logic: "and", Filters: and})
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return Filter{Logic: "or", Filters: alts}
}

// equalValue is "field equals v" (isnull for a null).
func equalValue(field string, v cursorValue) Filter {
	if v.null {
		return Filter{Field: field, Operator: "isnull"}
	}
	return Filter{Field: field, Operator: "eq", Value: v.text}
}

// pastValue is "field comes after v" in direction s.Dir; ok is false when nothing can
// (a null, descending).
func pastValue(s Sort, v cursorValue) (Filter, bool) {
	switch {
	case s.Dir == "desc" && v.null:
		return Filter{}, false
	case s.Dir == "desc":
		return Filter{Logic: "or", Filters: []Filter{
			{Field: s.Field, Operator: "lt", Value: v.text},
			{Field: s.Field, Operator: "isnull"},
		}}, true
	case v.null:
		return Filter{Field: s.Field, Operator: "isnotnull"}, true
	}
	return Filter{Field: s.Field, Operator: "gt", Value: v.text}, true
}
