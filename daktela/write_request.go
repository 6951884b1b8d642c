package daktela

import "strconv"

// Attribute is one key and value of a create or update request body.
type Attribute struct {
	Key   string
	Value any
}

// attributes keeps a request body's keys in the order they were first added; adding a
// key again replaces its value in place, as a PHP associative array does.
type attributes struct {
	list  []Attribute
	index map[string]int
}

func (a *attributes) set(key string, value any) {
	if i, ok := a.index[key]; ok {
		a.list[i].Value = value
		return
	}
	if a.index == nil {
		a.index = make(map[string]int)
	}
	a.index[key] = len(a.list)
	a.list = append(a.list, Attribute{Key: key, Value: value})
}

// writeRequest is what create and update requests share: typed attribute setters.
type writeRequest struct {
	model string
	attrs attributes
	extra []QueryParam
	err   error
}

func (w *writeRequest) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// CreateRequest creates a record: POST {model}.json with the attributes as a JSON body.
type CreateRequest struct{ writeRequest }

// UpdateRequest updates the record named by SetObjectName: PUT {model}/{name}.json.
type UpdateRequest struct {
	writeRequest
	objectName string
}

// DeleteRequest deletes the record named by SetObjectName: DELETE {model}/{name}.json.
type DeleteRequest struct {
	model      string
	objectName string
	extra      []QueryParam
	err        error
}

// NewCreateRequest returns an empty create request for model.
func NewCreateRequest(model string) *CreateRequest {
	return &CreateRequest{writeRequest{model: model}}
}

// NewUpdateRequest returns an empty update request for model.
func NewUpdateRequest(model string) *UpdateRequest {
	return &UpdateRequest{writeRequest: writeRequest{model: model}}
}

// NewDeleteRequest returns a delete request for model.
func NewDeleteRequest(model string) *DeleteRequest {
	return &DeleteRequest{model: model}
}

// Model returns the model the request writes.
func (w *writeRequest) Model() string { return w.model }

// Err returns the first mistake made while building the request, or nil.
func (w *writeRequest) Err() error { return w.err }

// Attributes returns the body's attributes in the order they were first added.
func (w *writeRequest) Attributes() []Attribute { return w.attrs.list }

// Model returns the model the request deletes from.
func (d *DeleteRequest) Model() string { return d.model }

// Err returns the first mistake made while building the request (a bad additional
// query parameter), or nil. A missing object name is reported when it is executed.
func (d *DeleteRequest) Err() error { return d.err }

// ObjectName returns the name of the record to update.
func (u *UpdateRequest) ObjectName() string { return u.objectName }

// ObjectName returns the name of the record to delete.
func (d *DeleteRequest) ObjectName() string { return d.objectName }

// SetObjectName names the record to update.
func (u *UpdateRequest) SetObjectName(name string) *UpdateRequest {
	u.objectName = name
	return u
}

// SetObjectName names the record to delete.
func (d *DeleteRequest) SetObjectName(name string) *DeleteRequest {
	d.objectName = name
	return d
}

// AdditionalQueryParameters returns the extra query parameters.
func (w *writeRequest) AdditionalQueryParameters() []QueryParam { return w.extra }

// AddAdditionalQueryParameter adds a query parameter to the create request's URL, as
// PHP's ARequest::addAdditionalQueryParameter.
func (c *CreateRequest) AddAdditionalQueryParameter(key string, value any) *CreateRequest {
	if err := checkQueryParam(key, value); err != nil {
		c.fail(err)
		return c
	}
	c.extra = append(c.extra, QueryParam{Key: key, Value: value})
	return c
}

// AddAdditionalQueryParameter adds a query parameter to the update request's URL.
func (u *UpdateRequest) AddAdditionalQueryParameter(key string, value any) *UpdateRequest {
	if err := checkQueryParam(key, value); err != nil {
		u.fail(err)
		return u
	}
	u.extra = append(u.extra, QueryParam{Key: key, Value: value})
	return u
}

// AddAdditionalQueryParameter adds a query parameter to the delete request's URL.
func (d *DeleteRequest) AddAdditionalQueryParameter(key string, value any) *DeleteRequest {
	if err := checkQueryParam(key, value); err != nil {
		if d.err == nil {
			d.err = err
		}
		return d
	}
	d.extra = append(d.extra, QueryParam{Key: key, Value: value})
	return d
}

// AdditionalQueryParameters returns the extra query parameters.
func (d *DeleteRequest) AdditionalQueryParameters() []QueryParam { return d.extra }

// checkQueryParam checks an additional query parameter: a non-empty key and a value
// http_build_query can encode.
func checkQueryParam(key string, value any) error {
	if key == "" {
		return argError("addAdditionalQueryParameter", "key", key, "a parameter name")
	}
	if want := checkQueryValue(value, 0); want != "" {
		return argError("addAdditionalQueryParameter", "value of "+strconv.Quote(key), value, want)
	}
	return nil
}
