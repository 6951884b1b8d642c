package daktelatest

import "strings"

// projection is a parsed "fields" parameter: the fields to keep, each with a nested
// projection for dotted paths ("user.title" keeps only the user's title). A nil
// projection keeps everything.
type projection struct {
	keep map[string]*projection // nil value = the whole field
}

// parseProjection reads fields[]=a, fields[0]=a, or fields=a,b,c (comma-joined, as
// some extractors send). Unknown names are ignored, as the API does.
func parseProjection(q *pnode) *projection {
	n := q.get("fields")
	if n == nil {
		return nil
	}
	var names []string
	for _, s := range n.strings() {
		for _, part := range strings.Split(s, ",") {
			if part = strings.TrimSpace(part); part != "" {
				names = append(names, part)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	p := &projection{keep: map[string]*projection{}}
	for _, name := range names {
		p.add(strings.Split(name, "."))
	}
	return p
}

func (p *projection) add(path []string) {
	head := path[0]
	sub, seen := p.keep[head]
	if len(path) == 1 {
		p.keep[head] = nil // the whole field wins over a partial one
		return
	}
	if seen && sub == nil {
		return
	}
	if sub == nil {
		sub = &projection{keep: map[string]*projection{}}
		p.keep[head] = sub
	}
	sub.add(path[1:])
}

// has reports whether field name is kept and its nested projection.
func (p *projection) has(name string) (bool, *projection) {
	if p == nil {
		return true, nil
	}
	sub, ok := p.keep[name]
	return ok, sub
}
