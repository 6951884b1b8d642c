package daktela

import "strings"

// normalizeSort checks a sort key and lowers its direction: dir is "asc" or "desc" in
// any case; anything else, or an empty field, is an [*ArgumentError].
func normalizeSort(field, dir string) (Sort, error) {
	if field == "" {
		return Sort{}, argError("addSort", "field", field, "a field name")
	}
	switch strings.ToLower(dir) {
	case "asc":
		return Sort{Field: field, Dir: "asc"}, nil
	case "desc":
		return Sort{Field: field, Dir: "desc"}, nil
	}
	return Sort{}, argError("addSort", "dir", dir, `"asc" or "desc"`)
}
