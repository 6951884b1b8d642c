package jsdaktela

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// The request builders: ReadRequest, CreateRequest, UpdateRequest and DeleteRequest
// objects, each a dynamic object over the Go request with its methods on a shared
// prototype, and the RequestFactory.

// reqState is what every request object keeps beside its Go request: PHP's executed
// flag and stored response (a request marked executed with a stored response is not
// sent again by execute, as in PHP).
type reqState struct {
	props
	executed bool
	response goja.Value
}

// readHandle is the Go state of a ReadRequest object.
type readHandle struct {
	reqState
	r *daktela.ReadRequest
}

// writeHandle is the Go state of a CreateRequest or UpdateRequest object: exactly one
// of c and u is set.
type writeHandle struct {
	reqState
	c *daktela.CreateRequest
	u *daktela.UpdateRequest
}

// deleteHandle is the Go state of a DeleteRequest object.
type deleteHandle struct {
	reqState
	d *daktela.DeleteRequest
}

// request returns the Go request behind a request object, or nil.
func requestOf(v goja.Value) (daktela.Request, *reqState) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, nil
	}
	switch h := bindings.GoValue(o).(type) {
	case *readHandle:
		return h.r, &h.reqState
	case *writeHandle:
		if h.c != nil {
			return h.c, &h.reqState
		}
		return h.u, &h.reqState
	case *deleteHandle:
		return h.d, &h.reqState
	}
	return nil, nil
}

// snapshot returns a copy of req that later changes by the script do not reach, for
// work done on another goroutine.
func snapshot(req daktela.Request) daktela.Request {
	switch r := req.(type) {
	case *daktela.ReadRequest:
		return r.Clone()
	case *daktela.CreateRequest:
		c := daktela.NewCreateRequest(r.Model()).AddAttributeList(append([]daktela.Attribute(nil), r.Attributes()...))
		for _, q := range r.AdditionalQueryParameters() {
			c.AddAdditionalQueryParameter(q.Key, q.Value)
		}
		return c
	case *daktela.UpdateRequest:
		u := daktela.NewUpdateRequest(r.Model()).SetObjectName(r.ObjectName()).
			AddAttributeList(append([]daktela.Attribute(nil), r.Attributes()...))
		for _, q := range r.AdditionalQueryParameters() {
			u.AddAdditionalQueryParameter(q.Key, q.Value)
		}
		return u
	case *daktela.DeleteRequest:
		d := daktela.NewDeleteRequest(r.Model()).SetObjectName(r.ObjectName())
		for _, q := range r.AdditionalQueryParameters() {
			d.AddAdditionalQueryParameter(q.Key, q.Value)
		}
		return d
	}
	return req
}

func (in *instance) newRead(r *daktela.ReadRequest) *goja.Object {
	return in.wrap(&readHandle{r: r}, in.readProto)
}

func (in *instance) newCreate(r *daktela.CreateRequest) *goja.Object {
	return in.wrap(&writeHandle{c: r}, in.createProto)
}

func (in *instance) newUpdate(r *daktela.UpdateRequest) *goja.Object {
	return in.wrap(&writeHandle{u: r}, in.updateProto)
}

func (in *instance) newDelete(r *daktela.DeleteRequest) *goja.Object {
	return in.wrap(&deleteHandle{d: r}, in.deleteProto)
}

// readThis returns the ReadRequest a method was called on, or throws.
func (in *instance) readThis(call goja.FunctionCall, method string) *readHandle {
	if o, ok := call.This.(*goja.Object); ok {
		if h, ok := bindings.GoValue(o).(*readHandle); ok {
			return h
		}
	}
	panic(in.vm.NewTypeError("ReadRequest." + method + ": called on " + bindings.Describe(call.This) + ", not on a ReadRequest"))
}

func (in *instance) writeThis(call goja.FunctionCall, method string) *writeHandle {
	if o, ok := call.This.(*goja.Object); ok {
		if h, ok := bindings.GoValue(o).(*writeHandle); ok {
			return h
		}
	}
	panic(in.vm.NewTypeError(method + ": called on " + bindings.Describe(call.This) + ", not on a CreateRequest or UpdateRequest"))
}

func (in *instance) deleteThis(call goja.FunctionCall, method string) *deleteHandle {
	if o, ok := call.This.(*goja.Object); ok {
		if h, ok := bindings.GoValue(o).(*deleteHandle); ok {
			return h
		}
	}
	panic(in.vm.NewTypeError("DeleteRequest." + method + ": called on " + bindings.Describe(call.This) + ", not on a DeleteRequest"))
}

// checked throws the request's building mistake, if the Go side found one.
func (in *instance) checked(err error) {
	if err != nil {
		panic(in.vm.NewTypeError(goMessage(err)))
	}
}

// checkedNew throws the mistake a builder call made: after is the request's Err once
// the call is made, before its Err until then. A request keeps only its first mistake,
// so one an earlier call made (and the script caught) is not thrown again at this call's
// line; execute reports it.
func (in *instance) checkedNew(before, after error) {
	if before == nil {
		in.checked(after)
	}
}

// requestTypes returns the object holding TYPE_MULTIPLE, TYPE_SINGLE and TYPE_ALL.
func (in *instance) requestTypes() *goja.Object {
	o := in.vm.NewObject()
	in.addTypeConstants(o)
	return o
}

func (in *instance) addTypeConstants(o *goja.Object) {
	in.constant(o, "TYPE_MULTIPLE", string(daktela.TypeMultiple))
	in.constant(o, "TYPE_SINGLE", string(daktela.TypeSingle))
	in.constant(o, "TYPE_ALL", string(daktela.TypeAll))
}

// readType reads a request type: a TYPE_ constant, or PHP's numbers 0, 1 and 2
// (TYPE_MULTIPLE, TYPE_SINGLE, TYPE_ALL). Anything else is an
// UnknownRequestTypeException.
func (in *instance) readType(a bindings.Args) daktela.ReadType {
	if a.Len() == 0 {
		a.Throw("missing argument type (daktela.ReadRequest.TYPE_MULTIPLE, TYPE_SINGLE or TYPE_ALL)")
	}
	v := a.Value(0)
	if goja.IsString(v) {
		switch t := daktela.ReadType(strings.ToLower(v.String())); t {
		case daktela.TypeMultiple, daktela.TypeSingle, daktela.TypeAll:
			return t
		}
	} else if n, ok := bindings.IntOf(v); ok {
		switch n {
		case 0:
			return daktela.TypeMultiple
		case 1:
			return daktela.TypeSingle
		case 2:
			return daktela.TypeAll
		}
	}
	panic(in.newException(in.exc.unknownType, nil, a.Method+": unknown request type "+bindings.Describe(v)+
		" (use daktela.ReadRequest.TYPE_MULTIPLE, TYPE_SINGLE or TYPE_ALL)", 500, nil, "", 0))
}

// buildReadRequestClass makes daktela.ReadRequest: new daktela.ReadRequest(model), the
// TYPE_ constants and the prototype with every builder method and getter.
func (in *instance) buildReadRequestClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.readProto = p
	in.addInspect(p, "getModel", "getRequestType", "getObjectName", "getRelation", "getFilters", "getSorts",
		"getFields", "getTake", "getSkip", "getSkipErrorRequests", "getAdditionalQueryParameters")

	// The request addFilter was last called on: a script adding filters calls it on the
	// same object again, and Export (how readThis finds the Go state) allocates.
	var lastObj *goja.Object
	var lastRead *readHandle
	in.method(p, "addFilter", func(call goja.FunctionCall) goja.Value {
		var h *readHandle
		if o, ok := call.This.(*goja.Object); ok && o == lastObj {
			h = lastRead
		} else {
			h = in.readThis(call, "addFilter")
			lastObj, lastRead = call.This.(*goja.Object), h
		}
		if args := call.Arguments; len(args) >= 3 && goja.IsString(args[0]) && goja.IsString(args[1]) {
			// The common cases, a string or integer value: only the operator is left to
			// check here, and the Go side takes the value as its wire string without the
			// checks an any value needs.
			op := args[1].String()
			var value string
			fast := false
			if goja.IsString(args[2]) {
				value, fast = args[2].String(), true
			} else if n, ok := bindings.IntOf(args[2]); ok && op != "in" && op != "notin" {
				// As the Go side formats an integer; in and notin report a lone
				// number as it was given, so they keep the general path.
				value, fast = strconv.FormatInt(n, 10), true
			}
			if fast {
				if daktela.CheckOperator(op) != nil {
					checkOperator(bindings.Args{VM: vm, Call: call, Method: "addFilter"}, op)
				}
				before := h.r.Err()
				h.r.AddStringFilter(args[0].String(), op, value)
				in.checkedNew(before, h.r.Err())
				return call.This
			}
		}
		a := bindings.Args{VM: vm, Call: call, Method: "addFilter"}
		field := a.String(0, "field")
		op := a.String(1, "operator")
		checkOperator(a, op)
		value := filterValue(a, 2, op, in.loc)
		before := h.r.Err()
		h.r.AddFilter(field, op, value)
		in.checkedNew(before, h.r.Err())
		return call.This
	})
	in.method(p, "addFilterFromArray", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "addFilterFromArray")
		a := bindings.Args{VM: vm, Call: call, Method: "addFilterFromArray"}
		a.Object(0, "filters")
		v := jsonValue(a, 0, "filters", in.loc)
		// Parse first so a mistake leaves this request usable; the group keeps its logic,
		// so a top-level "or" group is sent as PHP sends it.
		g, err := daktela.ParseFilterGroup(v)
		in.checked(err)
		before := h.r.Err()
		h.r.AddFilterGroup(g)
		in.checkedNew(before, h.r.Err())
		return call.This
	})
	in.method(p, "addSort", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "addSort")
		a := bindings.Args{VM: vm, Call: call, Method: "addSort"}
		field := a.String(0, "field")
		dir := a.OptString(1, "dir", "asc")
		if d := strings.ToLower(dir); d != "asc" && d != "desc" {
			a.Fail("dir", `"asc" or "desc"`, a.Value(1))
		}
		before := h.r.Err()
		h.r.AddSort(field, dir)
		in.checkedNew(before, h.r.Err())
		return call.This
	})
	in.method(p, "setFields", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "setFields")
		a := bindings.Args{VM: vm, Call: call, Method: "setFields"}
		h.r.SetFields(a.Strings(0, "fields"))
		return call.This
	})
	in.method(p, "setTake", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "setTake")
		a := bindings.Args{VM: vm, Call: call, Method: "setTake"}
		n := a.Int(0, "take")
		if n < 1 || n > daktela.MaxTake {
			a.Fail("take", "a page size from 1 to 1000", a.Value(0))
		}
		h.r.SetTake(int(n))
		return call.This
	})
	in.method(p, "setSkip", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "setSkip")
		a := bindings.Args{VM: vm, Call: call, Method: "setSkip"}
		n := a.Int(0, "skip")
		if n < 0 {
			a.Fail("skip", "0 or more", a.Value(0))
		}
		h.r.SetSkip(int(n))
		return call.This
	})
	in.method(p, "setSkipErrorRequests", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "setSkipErrorRequests")
		a := bindings.Args{VM: vm, Call: call, Method: "setSkipErrorRequests"}
		h.r.SetSkipErrorRequests(a.Bool(0, "skipErrorRequests"))
		return call.This
	})
	in.method(p, "setObjectName", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "setObjectName")
		a := bindings.Args{VM: vm, Call: call, Method: "setObjectName"}
		h.r.SetObjectName(objectName(a, 0))
		return call.This
	})
	in.method(p, "setRelation", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "setRelation")
		a := bindings.Args{VM: vm, Call: call, Method: "setRelation"}
		h.r.SetRelation(a.String(0, "relation"))
		return call.This
	})
	in.method(p, "setRequestType", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "setRequestType")
		h.r.SetRequestType(in.readType(bindings.Args{VM: vm, Call: call, Method: "setRequestType"}))
		return call.This
	})
	in.method(p, "addAdditionalQueryParameter", func(call goja.FunctionCall) goja.Value {
		h := in.readThis(call, "addAdditionalQueryParameter")
		key, value := in.queryParamArgs(call)
		h.r.AddAdditionalQueryParameter(key, value)
		return call.This
	})

	// Getters.
	in.method(p, "getModel", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.readThis(call, "getModel").r.Model())
	})
	in.method(p, "getFilters", func(call goja.FunctionCall) goja.Value {
		r := in.readThis(call, "getFilters").r
		if logic := r.FilterLogic(); logic != "and" {
			return in.groupValue(logic, r.Filters()[0].Filters)
		}
		return in.filtersValue(r.Filters())
	})
	in.method(p, "getSorts", func(call goja.FunctionCall) goja.Value {
		sorts := in.readThis(call, "getSorts").r.Sorts()
		out := make([]any, len(sorts))
		for i, s := range sorts {
			o := vm.NewObject()
			o.Set("field", s.Field)
			o.Set("dir", s.Dir)
			out[i] = o
		}
		return vm.NewArray(out...)
	})
	in.method(p, "getFields", func(call goja.FunctionCall) goja.Value {
		return in.stringsValue(in.readThis(call, "getFields").r.Fields())
	})
	in.method(p, "getTake", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.readThis(call, "getTake").r.Take())
	})
	in.method(p, "getSkip", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.readThis(call, "getSkip").r.Skip())
	})
	isSkip := func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.readThis(call, "isSkipErrorRequests").r.SkipErrorRequests())
	}
	in.method(p, "isSkipErrorRequests", isSkip)
	in.method(p, "getSkipErrorRequests", isSkip)
	in.method(p, "getObjectName", func(call goja.FunctionCall) goja.Value {
		return in.optString(in.readThis(call, "getObjectName").r.ObjectName())
	})
	in.method(p, "getRelation", func(call goja.FunctionCall) goja.Value {
		return in.optString(in.readThis(call, "getRelation").r.Relation())
	})
	in.method(p, "getRequestType", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(string(in.readThis(call, "getRequestType").r.RequestType()))
	})
	in.method(p, "getAdditionalQueryParameters", func(call goja.FunctionCall) goja.Value {
		return in.queryParamsValue(in.readThis(call, "getAdditionalQueryParameters").r.AdditionalQueryParameters())
	})
	in.stateMethods(p, func(call goja.FunctionCall, m string) *reqState { return &in.readThis(call, m).reqState })

	ctor := in.class("ReadRequest", p, func(call goja.ConstructorCall) *goja.Object {
		a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: call.Arguments}, Method: "new daktela.ReadRequest"}
		return in.newRead(daktela.NewReadRequest(a.String(0, "model")))
	})
	in.addTypeConstants(ctor)
	return ctor
}

// stateMethods adds PHP's isExecuted, setExecuted, setResponse and getResponse.
func (in *instance) stateMethods(p *goja.Object, this func(goja.FunctionCall, string) *reqState) {
	vm := in.vm
	in.method(p, "isExecuted", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(this(call, "isExecuted").executed)
	})
	in.method(p, "setExecuted", func(call goja.FunctionCall) goja.Value {
		s := this(call, "setExecuted")
		s.executed = bindings.Args{VM: vm, Call: call, Method: "setExecuted"}.Bool(0, "executed")
		return call.This
	})
	in.method(p, "setResponse", func(call goja.FunctionCall) goja.Value {
		s := this(call, "setResponse")
		a := bindings.Args{VM: vm, Call: call, Method: "setResponse"}
		o := a.Object(0, "response")
		if _, ok := bindings.GoValue(o).(*responseHandle); !ok {
			a.Fail("response", "a daktela.Response", o)
		}
		s.response = o
		return call.This
	})
	in.method(p, "getResponse", func(call goja.FunctionCall) goja.Value {
		if r := this(call, "getResponse").response; r != nil {
			return r
		}
		return goja.Null()
	})
}

// attributeMethods adds the attribute setters and getAttributes shared by create and
// update requests.
func (in *instance) attributeMethods(p *goja.Object) {
	vm := in.vm
	// set checks the key here, under the calling method's name, then hands the value
	// to the Go request (which reports any other mistake).
	set := func(a bindings.Args, h *writeHandle, key string, v any) {
		if key == "" {
			a.Fail("key", "an attribute name", vm.ToValue(key))
		}
		if h.c != nil {
			before := h.c.Err()
			h.c.AddAttribute(key, v)
			in.checkedNew(before, h.c.Err())
		} else {
			before := h.u.Err()
			h.u.AddAttribute(key, v)
			in.checkedNew(before, h.u.Err())
		}
	}
	in.method(p, "addAttribute", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "addAttribute")
		a := bindings.Args{VM: vm, Call: call, Method: "addAttribute"}
		key := a.String(0, "key")
		set(a, h, key, jsonValue(a, 1, "value", in.loc))
		return call.This
	})
	in.method(p, "addStringAttribute", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "addStringAttribute")
		a := bindings.Args{VM: vm, Call: call, Method: "addStringAttribute"}
		key := a.String(0, "key")
		set(a, h, key, a.String(1, "value"))
		return call.This
	})
	in.method(p, "addIntAttribute", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "addIntAttribute")
		a := bindings.Args{VM: vm, Call: call, Method: "addIntAttribute"}
		key := a.String(0, "key")
		set(a, h, key, a.Int(1, "value"))
		return call.This
	})
	for _, name := range []string{"addFloatAttribute", "addDoubleAttribute"} {
		in.method(p, name, func(call goja.FunctionCall) goja.Value {
			h := in.writeThis(call, name)
			a := bindings.Args{VM: vm, Call: call, Method: name}
			key := a.String(0, "key")
			set(a, h, key, a.Number(1, "value"))
			return call.This
		})
	}
	in.method(p, "addBoolAttribute", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "addBoolAttribute")
		a := bindings.Args{VM: vm, Call: call, Method: "addBoolAttribute"}
		key := a.String(0, "key")
		set(a, h, key, a.Bool(1, "value"))
		return call.This
	})
	in.method(p, "addArrayAttribute", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "addArrayAttribute")
		a := bindings.Args{VM: vm, Call: call, Method: "addArrayAttribute"}
		key := a.String(0, "key")
		// PHP's array is a list or an associative array: an array or a plain object
		// ({first_name: ["Jan"]}, the customFields shape).
		const want = "an array or an object of values (PHP's array)"
		if o, ok := a.Value(1).(*goja.Object); !ok || (o.ClassName() != "Array" && !isPlainObject(o)) {
			a.Fail("value", want, a.Value(1))
		}
		v := jsonValue(a, 1, "value", in.loc)
		switch v.(type) {
		case []any, map[string]any:
		default:
			a.Fail("value", want, a.Value(1)) // an object whose toJSON gives something else
		}
		set(a, h, key, v)
		return call.This
	})
	in.method(p, "addAttributes", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "addAttributes")
		a := bindings.Args{VM: vm, Call: call, Method: "addAttributes"}
		o := a.Object(0, "attributes")
		if o.ClassName() == "Array" {
			a.Fail("attributes", "an object of attribute names and values", o)
		}
		includeNull := a.OptBool(1, "includeNull", false)
		// Convert everything first, so a mistake adds nothing.
		seen := &jsonWalk{seen: []*goja.Object{o}} // a value holding the attributes object itself is a cycle
		keys := o.Keys()
		list := make([]daktela.Attribute, 0, len(keys))
		for _, k := range keys {
			if k == "" {
				a.Fail("attributes", "an object whose keys are attribute names (not \"\")", o)
			}
			v := o.Get(k)
			if v == nil || goja.IsUndefined(v) || (goja.IsNull(v) && !includeNull) {
				continue // PHP skips nulls unless includeNull; undefined is never sent
			}
			list = append(list, daktela.Attribute{Key: k, Value: toJSONValue(a, v, "attributes."+k, seen, in.loc)})
		}
		for _, at := range list {
			set(a, h, at.Key, at.Value)
		}
		return call.This
	})
	in.method(p, "getAttributes", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "getAttributes")
		var attrs []daktela.Attribute
		if h.c != nil {
			attrs = h.c.Attributes()
		} else {
			attrs = h.u.Attributes()
		}
		o := vm.NewObject()
		for _, at := range attrs {
			o.Set(at.Key, in.goToJS(at.Value))
		}
		return o
	})
	in.method(p, "getModel", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "getModel")
		if h.c != nil {
			return vm.ToValue(h.c.Model())
		}
		return vm.ToValue(h.u.Model())
	})
	in.method(p, "addAdditionalQueryParameter", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "addAdditionalQueryParameter")
		key, value := in.queryParamArgs(call)
		if h.c != nil {
			h.c.AddAdditionalQueryParameter(key, value)
		} else {
			h.u.AddAdditionalQueryParameter(key, value)
		}
		return call.This
	})
	in.method(p, "getAdditionalQueryParameters", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "getAdditionalQueryParameters")
		if h.c != nil {
			return in.queryParamsValue(h.c.AdditionalQueryParameters())
		}
		return in.queryParamsValue(h.u.AdditionalQueryParameters())
	})
	in.stateMethods(p, func(call goja.FunctionCall, m string) *reqState { return &in.writeThis(call, m).reqState })
}

// queryParamArgs reads the key and value of addAdditionalQueryParameter and throws a
// TypeError naming what is wrong (an empty key, a value http_build_query cannot encode)
// before the request is touched, so a caught mistake leaves the request usable.
func (in *instance) queryParamArgs(call goja.FunctionCall) (string, any) {
	a := bindings.Args{VM: in.vm, Call: call, Method: "addAdditionalQueryParameter"}
	key := a.String(0, "key")
	value := jsonValue(a, 1, "value", in.loc)
	in.checked(daktela.NewDeleteRequest("").AddAdditionalQueryParameter(key, value).Err())
	return key, value
}

// queryParamsValue renders additional query parameters as PHP's
// getAdditionalQueryParameters does: an object of keys and values, a key given twice
// holding its last value (the one sent).
func (in *instance) queryParamsValue(params []daktela.QueryParam) goja.Value {
	o := in.vm.NewObject()
	for _, q := range params {
		o.Set(q.Key, in.goToJS(q.Value))
	}
	return o
}

// buildCreateRequestClass makes daktela.CreateRequest.
func (in *instance) buildCreateRequestClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.createProto = p
	in.attributeMethods(p)
	in.addInspect(p, "getModel", "getObjectName", "getAttributes", "getAdditionalQueryParameters")
	return in.class("CreateRequest", p, func(call goja.ConstructorCall) *goja.Object {
		a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: call.Arguments}, Method: "new daktela.CreateRequest"}
		return in.newCreate(daktela.NewCreateRequest(a.String(0, "model")))
	})
}

// buildUpdateRequestClass makes daktela.UpdateRequest.
func (in *instance) buildUpdateRequestClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.updateProto = p
	in.attributeMethods(p)
	in.addInspect(p, "getModel", "getObjectName", "getAttributes", "getAdditionalQueryParameters")
	in.method(p, "setObjectName", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "setObjectName")
		if h.u == nil {
			panic(vm.NewTypeError("setObjectName: a CreateRequest has no object name"))
		}
		h.u.SetObjectName(objectName(bindings.Args{VM: vm, Call: call, Method: "setObjectName"}, 0))
		return call.This
	})
	in.method(p, "getObjectName", func(call goja.FunctionCall) goja.Value {
		h := in.writeThis(call, "getObjectName")
		if h.u == nil {
			return goja.Null()
		}
		return vm.ToValue(h.u.ObjectName())
	})
	return in.class("UpdateRequest", p, func(call goja.ConstructorCall) *goja.Object {
		a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: call.Arguments}, Method: "new daktela.UpdateRequest"}
		return in.newUpdate(daktela.NewUpdateRequest(a.String(0, "model")))
	})
}

// buildDeleteRequestClass makes daktela.DeleteRequest.
func (in *instance) buildDeleteRequestClass() *goja.Object {
	vm := in.vm
	p := vm.NewObject()
	in.deleteProto = p
	in.addInspect(p, "getModel", "getObjectName", "getAdditionalQueryParameters")
	in.method(p, "setObjectName", func(call goja.FunctionCall) goja.Value {
		h := in.deleteThis(call, "setObjectName")
		h.d.SetObjectName(objectName(bindings.Args{VM: vm, Call: call, Method: "setObjectName"}, 0))
		return call.This
	})
	in.method(p, "getObjectName", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.deleteThis(call, "getObjectName").d.ObjectName())
	})
	in.method(p, "getModel", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(in.deleteThis(call, "getModel").d.Model())
	})
	in.method(p, "addAdditionalQueryParameter", func(call goja.FunctionCall) goja.Value {
		h := in.deleteThis(call, "addAdditionalQueryParameter")
		key, value := in.queryParamArgs(call)
		h.d.AddAdditionalQueryParameter(key, value)
		return call.This
	})
	in.method(p, "getAdditionalQueryParameters", func(call goja.FunctionCall) goja.Value {
		return in.queryParamsValue(in.deleteThis(call, "getAdditionalQueryParameters").d.AdditionalQueryParameters())
	})
	in.stateMethods(p, func(call goja.FunctionCall, m string) *reqState { return &in.deleteThis(call, m).reqState })
	return in.class("DeleteRequest", p, func(call goja.ConstructorCall) *goja.Object {
		a := bindings.Args{VM: vm, Call: goja.FunctionCall{Arguments: call.Arguments}, Method: "new daktela.DeleteRequest"}
		return in.newDelete(daktela.NewDeleteRequest(a.String(0, "model")))
	})
}

// buildFactory makes daktela.RequestFactory with the seven PHP builders.
func (in *instance) buildFactory() *goja.Object {
	vm := in.vm
	f := vm.NewObject()
	model := func(call goja.FunctionCall, method string) (bindings.Args, string) {
		a := bindings.Args{VM: vm, Call: call, Method: method}
		return a, a.String(0, "model")
	}
	in.setFn(f, "buildReadRequest", func(call goja.FunctionCall) goja.Value {
		_, m := model(call, "buildReadRequest")
		return in.newRead(daktela.BuildReadRequest(m))
	})
	in.setFn(f, "buildReadMultipleRequest", func(call goja.FunctionCall) goja.Value {
		_, m := model(call, "buildReadMultipleRequest")
		return in.newRead(daktela.BuildReadMultipleRequest(m))
	})
	in.setFn(f, "buildReadSingleRequest", func(call goja.FunctionCall) goja.Value {
		a, m := model(call, "buildReadSingleRequest")
		return in.newRead(daktela.BuildReadSingleRequest(m, objectName(a, 1)))
	})
	in.setFn(f, "buildReadRelationRequest", func(call goja.FunctionCall) goja.Value {
		a, m := model(call, "buildReadRelationRequest")
		name := objectName(a, 1)
		return in.newRead(daktela.BuildReadRelationRequest(m, name, a.String(2, "relation")))
	})
	in.setFn(f, "buildCreateRequest", func(call goja.FunctionCall) goja.Value {
		_, m := model(call, "buildCreateRequest")
		return in.newCreate(daktela.BuildCreateRequest(m))
	})
	in.setFn(f, "buildUpdateRequest", func(call goja.FunctionCall) goja.Value {
		_, m := model(call, "buildUpdateRequest")
		return in.newUpdate(daktela.BuildUpdateRequest(m))
	})
	in.setFn(f, "buildDeleteRequest", func(call goja.FunctionCall) goja.Value {
		_, m := model(call, "buildDeleteRequest")
		return in.newDelete(daktela.BuildDeleteRequest(m))
	})
	return f
}

// filtersValue renders filters as PHP's getFilters does: {logic, filters} with each
// condition {field, operator, value} and nested groups {logic, filters}.
func (in *instance) filtersValue(fs []daktela.Filter) goja.Value {
	return in.groupValue("and", fs)
}

// groupValue renders a group {logic, filters}.
func (in *instance) groupValue(logic string, fs []daktela.Filter) goja.Value {
	o := in.vm.NewObject()
	o.Set("logic", logic)
	o.Set("filters", in.filterList(fs))
	return o
}

func (in *instance) filterList(fs []daktela.Filter) *goja.Object {
	out := make([]any, len(fs))
	for i, f := range fs {
		o := in.vm.NewObject()
		if f.IsGroup() {
			logic := f.Logic
			if logic == "" {
				logic = "and"
			}
			o.Set("logic", logic)
			o.Set("filters", in.filterList(f.Filters))
		} else {
			o.Set("field", f.Field)
			o.Set("operator", f.Operator)
			o.Set("value", in.goToJS(f.Value))
			if f.IgnoreCase {
				o.Set("ignoreCase", true)
			}
		}
		out[i] = o
	}
	return in.vm.NewArray(out...)
}

// goToJS converts a JSON-like Go value into fresh JS values (arrays and plain objects,
// not wrappers around Go data).
func (in *instance) goToJS(v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = in.goToJS(e)
		}
		return in.vm.NewArray(out...)
	case []string:
		return in.stringsValue(x)
	case map[string]any:
		o := in.vm.NewObject()
		for _, k := range slices.Sorted(maps.Keys(x)) {
			o.Set(k, in.goToJS(x[k]))
		}
		return o
	}
	return in.vm.ToValue(v)
}

func (in *instance) stringsValue(ss []string) goja.Value {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return in.vm.NewArray(out...)
}

// optString returns s, or null when it is empty (PHP's unset ?string).
func (in *instance) optString(s string) goja.Value {
	if s == "" {
		return goja.Null()
	}
	return in.vm.ToValue(s)
}

// objectName reads argument i as a record's name: a string, or an integer, since
// tickets, queues and attachments are named by numbers and scripts pass the name a read
// gave them (ticket.name is 1001). PHP's string parameter takes an int the same way.
func objectName(a bindings.Args, i int) string {
	if v := a.Value(i); goja.IsNumber(v) {
		n, ok := bindings.IntOf(v)
		if !ok {
			a.Fail("objectName", "a string or an integer", v)
		}
		return strconv.FormatInt(n, 10)
	}
	if a.Has(i) && !goja.IsString(a.Value(i)) {
		a.Fail("objectName", "a string or an integer", a.Value(i))
	}
	return a.String(i, "objectName")
}

// isPlainObject reports whether o is an object of keys and values ({...}, a class
// instance), not a Map, a Set, a Date or another built-in with its own kind of contents.
func isPlainObject(o *goja.Object) bool {
	return o.ClassName() == "Object" && o.ExportType() == plainObjectType
}

// plainObjectType is the Go type a plain JavaScript object exports to.
var plainObjectType = reflect.TypeOf(map[string]any(nil))
