package daktela

// PLACEHOLDER: the requests helper replaces this file with the real checks
// (operators.go, filter parsing, sort and attribute validation).

import "fmt"

func validateFilter(f *Filter) error           { return nil }
func parseFilterArray(v any) ([]Filter, error) { return nil, fmt.Errorf("not implemented") }
func normalizeSort(field, dir string) (Sort, error) {
	return Sort{Field: field, Dir: dir}, nil
}
func argError(method, arg string, got any, want string) error {
	return fmt.Errorf("%s: %s must be %s, got %v", method, arg, want, got)
}
func (w *writeRequest) addAttribute(method, key string, value any) { w.attrs.set(key, value) }
func (w *writeRequest) addAttributes(method string, values map[string]any) {
	for k, v := range values {
		w.attrs.set(k, v)
	}
}
func (r *ReadRequest) wire() (wireRequest, error) {
	return wireRequest{}, fmt.Errorf("not implemented")
}
func (c *CreateRequest) wire() (wireRequest, error) {
	return wireRequest{}, fmt.Errorf("not implemented")
}
func (u *UpdateRequest) wire() (wireRequest, error) {
	return wireRequest{}, fmt.Errorf("not implemented")
}
func (d *DeleteRequest) wire() (wireRequest, error) {
	return wireRequest{}, fmt.Errorf("not implemented")
}
