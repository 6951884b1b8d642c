package daktela

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrNoObjectName is wrapped by the [*NotFoundError] of a single read, relation read,
// update or delete that has no object name: it is caught before anything is sent, as the
// PHP connector's NotFoundException('No object name specified').
var ErrNoObjectName = errors.New("no object name specified")

// wire returns what goes over the wire for a read. A TypeAll read describes its first
// page (skip and take as set); the transport reads further pages with
// Clone().SetSkip(s).SetTake(t).
func (r *ReadRequest) wire() (wireRequest, error) {
	if r.err != nil {
		return wireRequest{}, r.err
	}
	model, err := modelPath("buildReadRequest", r.model)
	if err != nil {
		return wireRequest{}, err
	}
	switch r.requestType {
	case TypeSingle:
		if r.objectName == "" {
			return wireRequest{}, noObjectName("GET", model, "a single read")
		}
		name, err := pathSegment("setObjectName", "name", r.objectName)
		if err != nil {
			return wireRequest{}, err
		}
		return wireRequest{
			Method: "GET",
			Path:   model + "/" + name + ".json",
			Query:  readQuery(r, r.skip, false),
			Kind:   kindSingle,
		}, nil
	case TypeMultiple, TypeAll:
		path := model + ".json"
		if r.relation != "" {
			if r.objectName == "" {
				return wireRequest{}, noObjectName("GET", model, "a relation read")
			}
			name, err := pathSegment("setObjectName", "name", r.objectName)
			if err != nil {
				return wireRequest{}, err
			}
			rel, err := pathSegment("setRelation", "relation", lcfirst(r.relation))
			if err != nil {
				return wireRequest{}, err
			}
			path = model + "/" + name + "/" + rel + ".json"
		}
		return wireRequest{
			Method: "GET",
			Path:   path,
			Query:  readQuery(r, r.skip, true),
			Kind:   kindList,
		}, nil
	}
	return wireRequest{}, &UnknownRequestTypeError{Type: string(r.requestType)}
}

// wire returns the POST of a create request: {model}.json with the attributes as a JSON
// object in the order they were first added.
func (c *CreateRequest) wire() (wireRequest, error) {
	if c.err != nil {
		return wireRequest{}, c.err
	}
	model, err := modelPath("buildCreateRequest", c.model)
	if err != nil {
		return wireRequest{}, err
	}
	body, err := encodeAttributes(c.attrs.list)
	if err != nil {
		return wireRequest{}, err
	}
	return wireRequest{
		Method: "POST",
		Path:   model + ".json",
		Query:  extraQuery(c.extra),
		Body:   body,
		Kind:   kindSingle,
	}, nil
}

// wire returns the PUT of an update request: {model}/{name}.json with the attributes.
func (u *UpdateRequest) wire() (wireRequest, error) {
	if u.err != nil {
		return wireRequest{}, u.err
	}
	model, err := modelPath("buildUpdateRequest", u.model)
	if err != nil {
		return wireRequest{}, err
	}
	if u.objectName == "" {
		return wireRequest{}, noObjectName("PUT", model, "an update")
	}
	name, err := pathSegment("setObjectName", "name", u.objectName)
	if err != nil {
		return wireRequest{}, err
	}
	body, err := encodeAttributes(u.attrs.list)
	if err != nil {
		return wireRequest{}, err
	}
	return wireRequest{
		Method: "PUT",
		Path:   model + "/" + name + ".json",
		Query:  extraQuery(u.extra),
		Body:   body,
		Kind:   kindSingle,
	}, nil
}

// wire returns the DELETE of a delete request: {model}/{name}.json, no body.
func (d *DeleteRequest) wire() (wireRequest, error) {
	model, err := modelPath("buildDeleteRequest", d.model)
	if err != nil {
		return wireRequest{}, err
	}
	if d.objectName == "" {
		return wireRequest{}, noObjectName("DELETE", model, "a delete")
	}
	name, err := pathSegment("setObjectName", "name", d.objectName)
	if err != nil {
		return wireRequest{}, err
	}
	return wireRequest{
		Method: "DELETE",
		Path:   model + "/" + name + ".json",
		Query:  extraQuery(d.extra),
		Kind:   kindNone,
	}, nil
}

// noObjectName is the error for a request that needs an object name and has none.
func noObjectName(method, model, what string) error {
	return &NotFoundError{&RequestError{
		Method: method,
		Path:   model + "/{objectName}.json",
		Err:    fmt.Errorf("%w: %s needs the record's name (setObjectName); nothing was sent", ErrNoObjectName, what),
	}}
}

// modelPath returns the model as the path's first part: its first letter lowered (PHP's
// lcfirst) and each '/'-separated part percent-encoded. An empty model, or a part that
// is "." or "..", which would leave the API's namespace, is an error.
func modelPath(builder, model string) (string, error) {
	if model == "" {
		return "", argError(builder, "model", model, `a model name such as "Users"`)
	}
	if isPlainSegment(model) {
		return lcfirst(model), nil
	}
	for _, p := range strings.FieldsFunc(model, func(r rune) bool { return r == '/' || r == '\\' }) {
		if p == "." || p == ".." {
			return "", argError(builder, "model", model, `a model name such as "Users" (no "." or ".." path parts)`)
		}
	}
	parts := strings.Split(model, "/")
	var b []byte
	for i, p := range parts {
		if p == "" {
			return "", argError(builder, "model", model, `a model name such as "Users" (no empty path parts)`)
		}
		if i > 0 {
			b = append(b, '/')
		}
		if i == 0 {
			p = lcfirst(p)
		}
		b = appendRawURLEncoded(b, p)
	}
	return string(b), nil
}

// pathSegment percent-encodes a record name or relation as one path segment, as PHP's
// rawurlencode ("a/b" becomes "a%2Fb"). "." and "..", which would change the endpoint,
// are errors.
func pathSegment(method, arg, s string) (string, error) {
	if s == "." || s == ".." {
		return "", argError(method, arg, s, `a record name or relation other than "." and ".."`)
	}
	if isPlainSegment(s) {
		return s, nil
	}
	return string(appendRawURLEncoded(make([]byte, 0, len(s)+8), s)), nil
}

// isPlainSegment reports whether s needs no escaping and is no dot segment.
func isPlainSegment(s string) bool {
	for i := 0; i < len(s); i++ {
		if !urlKeep[s[i]] {
			return false
		}
	}
	return s != "." && s != ".."
}

// lcfirst lowers the first letter when it is an ASCII upper-case one, as PHP's lcfirst.
func lcfirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+('a'-'A')) + s[1:]
}

// encodeAttributes encodes attributes as one JSON object, keys in order, values with
// encoding/json (HTML characters left as they are).
func encodeAttributes(attrs []Attribute) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(2 + 32*len(attrs))
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, a := range attrs {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(a.Key); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		buf.WriteByte(':')
		if err := enc.Encode(a.Value); err != nil {
			return nil, fmt.Errorf("daktela: attribute %q cannot be encoded as JSON: %w", a.Key, err)
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
