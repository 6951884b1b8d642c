package daktela

// The typed attribute setters, for CreateRequest and UpdateRequest alike. Each checks its
// value (a mistake is kept in Err and stops Execute before anything is sent) and returns
// the request so calls chain.

// AddAttribute sets key to value. The value must be representable as JSON: nil, a
// bool, a number (not NaN or infinite), a string, or slices and string-keyed maps of them.
func (c *CreateRequest) AddAttribute(key string, value any) *CreateRequest {
	c.addAttribute("addAttribute", key, value)
	return c
}

// AddStringAttribute sets key to a string.
func (c *CreateRequest) AddStringAttribute(key, value string) *CreateRequest {
	c.setTyped("addStringAttribute", key, value)
	return c
}

// AddIntAttribute sets key to an integer.
func (c *CreateRequest) AddIntAttribute(key string, value int64) *CreateRequest {
	c.setTyped("addIntAttribute", key, value)
	return c
}

// AddFloatAttribute sets key to a floating-point number.
func (c *CreateRequest) AddFloatAttribute(key string, value float64) *CreateRequest {
	c.addAttribute("addFloatAttribute", key, value)
	return c
}

// AddDoubleAttribute is AddFloatAttribute, under the PHP connector's other name.
func (c *CreateRequest) AddDoubleAttribute(key string, value float64) *CreateRequest {
	c.addAttribute("addDoubleAttribute", key, value)
	return c
}

// AddBoolAttribute sets key to a boolean.
func (c *CreateRequest) AddBoolAttribute(key string, value bool) *CreateRequest {
	c.setTyped("addBoolAttribute", key, value)
	return c
}

// AddArrayAttribute sets key to a list.
func (c *CreateRequest) AddArrayAttribute(key string, value []any) *CreateRequest {
	c.addAttribute("addArrayAttribute", key, value)
	return c
}

// AddAttributes sets several attributes at once. A map gives its keys in sorted order
// (Go maps have none); use [CreateRequest.AddAttributeList] to keep an order. Null
// values are skipped, as PHP's addAttributes does, so a partly filled map never clears
// fields by accident; clear one with AddAttribute(key, nil).
func (c *CreateRequest) AddAttributes(values map[string]any) *CreateRequest {
	c.addAttributes("addAttributes", values)
	return c
}

// AddAttributeList sets several attributes at once, in the given order, skipping null
// values as AddAttributes does.
func (c *CreateRequest) AddAttributeList(values []Attribute) *CreateRequest {
	c.addAttributeList("addAttributes", values)
	return c
}

// AddAttribute sets key to value (see [CreateRequest.AddAttribute]).
func (u *UpdateRequest) AddAttribute(key string, value any) *UpdateRequest {
	u.addAttribute("addAttribute", key, value)
	return u
}

// AddStringAttribute sets key to a string.
func (u *UpdateRequest) AddStringAttribute(key, value string) *UpdateRequest {
	u.setTyped("addStringAttribute", key, value)
	return u
}

// AddIntAttribute sets key to an integer.
func (u *UpdateRequest) AddIntAttribute(key string, value int64) *UpdateRequest {
	u.setTyped("addIntAttribute", key, value)
	return u
}

// AddFloatAttribute sets key to a floating-point number.
func (u *UpdateRequest) AddFloatAttribute(key string, value float64) *UpdateRequest {
	u.addAttribute("addFloatAttribute", key, value)
	return u
}

// AddDoubleAttribute is AddFloatAttribute, under the PHP connector's other name.
func (u *UpdateRequest) AddDoubleAttribute(key string, value float64) *UpdateRequest {
	u.addAttribute("addDoubleAttribute", key, value)
	return u
}

// AddBoolAttribute sets key to a boolean.
func (u *UpdateRequest) AddBoolAttribute(key string, value bool) *UpdateRequest {
	u.setTyped("addBoolAttribute", key, value)
	return u
}

// AddArrayAttribute sets key to a list.
func (u *UpdateRequest) AddArrayAttribute(key string, value []any) *UpdateRequest {
	u.addAttribute("addArrayAttribute", key, value)
	return u
}

// AddAttributes sets several attributes at once, map keys in sorted order, null values
// skipped (see [CreateRequest.AddAttributes]).
func (u *UpdateRequest) AddAttributes(values map[string]any) *UpdateRequest {
	u.addAttributes("addAttributes", values)
	return u
}

// AddAttributeList sets several attributes at once, in the given order.
func (u *UpdateRequest) AddAttributeList(values []Attribute) *UpdateRequest {
	u.addAttributeList("addAttributes", values)
	return u
}
