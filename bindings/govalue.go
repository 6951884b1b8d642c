package bindings

import (
	"reflect"

	"github.com/dop251/goja"
)

// Types of what goja's Export makes of a script's own arrays, objects, Maps and Sets:
// copies, as deep and as long as the script's data says.
var (
	typeExportedArray  = reflect.TypeOf([]any(nil))
	typeExportedObject = reflect.TypeOf(map[string]any(nil))
	typeExportedMap    = reflect.TypeOf([][2]any(nil))
)

// GoValue returns what v holds for Go: the Go value behind a host object (a request
// handle, a Promise, a Date's time.Time, a typed array's bytes) or a primitive's value,
// and nil for a script's own array, plain object, Map or Set.
//
// Use it instead of v.Export() on any value a script can choose: Export copies a
// script's containers, and an array whose length was set to 2^32-1 becomes a 64 GB
// slice (a fatal out of memory), a deeply nested object a Go stack overflow.
func GoValue(v goja.Value) any {
	if v == nil {
		return nil
	}
	if o, ok := v.(*goja.Object); ok {
		switch o.ExportType() {
		case typeExportedArray, typeExportedObject, typeExportedMap:
			return nil
		}
	}
	return v.Export()
}
