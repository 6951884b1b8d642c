package daktela

import "strings"

// operatorList is every filter operator the Daktela API accepts (reference §1.7), in the
// order error messages list them. begins, notbegins, ends and notends are the prefix and
// suffix aliases only the Python connector emits; they are accepted as the API is said to.
var operatorList = []string{
	"eq", "neq", "gt", "gte", "lt", "lte",
	"like", "notlike", "contains", "doesnotcontain", "startswith", "endswith",
	"isnull", "isnotnull", "in", "notin",
	"begins", "notbegins", "ends", "notends",
}

// operatorKind tells what value an operator takes.
type operatorKind uint8

const (
	opScalar  operatorKind = iota + 1 // one value: a string, number or bool
	opList                            // a non-empty list of values (in, notin)
	opNoValue                         // no value (isnull, isnotnull)
)

// operatorKinds maps each operator to the shape of value it takes.
var operatorKinds = func() map[string]operatorKind {
	m := make(map[string]operatorKind, len(operatorList))
	for _, op := range operatorList {
		m[op] = opScalar
	}
	m["in"], m["notin"] = opList, opList
	m["isnull"], m["isnotnull"] = opNoValue, opNoValue
	return m
}()

// operatorsText is the allowed operators as one comma-separated string, for messages.
var operatorsText = strings.Join(operatorList, ", ")

// Operators returns the filter operators the Daktela API accepts, in a fixed order:
// eq, neq, gt, gte, lt, lte, like, notlike, contains, doesnotcontain, startswith,
// endswith, isnull, isnotnull, in, notin, and the aliases begins, notbegins, ends,
// notends. The slice is a fresh copy.
func Operators() []string { return append([]string(nil), operatorList...) }

// CheckOperator returns nil when op is a filter operator the API accepts, and otherwise
// an [*ArgumentError] that names op and lists the allowed operators. The JavaScript
// bindings call it to report the mistake at the script's line.
func CheckOperator(op string) error {
	_, err := checkOperator("addFilter", "operator", op)
	return err
}

// kindOf returns the kind of a known operator, 0 for an unknown one: a switch the
// compiler turns into a few comparisons, faster than hashing op for the map on every
// addFilter.
func kindOf(op string) operatorKind {
	switch op {
	case "eq", "neq", "gt", "gte", "lt", "lte",
		"like", "notlike", "contains", "doesnotcontain", "startswith", "endswith",
		"begins", "notbegins", "ends", "notends":
		return opScalar
	case "in", "notin":
		return opList
	case "isnull", "isnotnull":
		return opNoValue
	}
	return 0
}

// checkOperator looks op up and, when unknown, returns an error for method and arg.
func checkOperator(method, arg, op string) (operatorKind, error) {
	if k := kindOf(op); k != 0 {
		return k, nil
	}
	want := "one of " + operatorsText
	if hint := operatorHint(op); hint != "" {
		want += " (" + hint + ")"
	}
	return 0, &ArgumentError{Method: method, Arg: arg, Value: op, Want: want}
}

// operatorHint suggests the operator a mistaken one was probably meant to be.
func operatorHint(op string) string {
	lower := strings.ToLower(strings.TrimSpace(op))
	if lower != op {
		if _, ok := operatorKinds[lower]; ok {
			return "operators are lower case: did you mean \"" + lower + "\"?"
		}
	}
	alias := map[string]string{
		"=": "eq", "==": "eq", "===": "eq", "equals": "eq",
		"!=": "neq", "<>": "neq", "ne": "neq", "not": "neq",
		">": "gt", ">=": "gte", "<": "lt", "<=": "lte",
		"nin": "notin", "not in": "notin", "notcontains": "doesnotcontain",
		"null": "isnull", "notnull": "isnotnull", "is null": "isnull", "is not null": "isnotnull",
	}
	if a, ok := alias[lower]; ok {
		return "did you mean \"" + a + "\"?"
	}
	return ""
}
