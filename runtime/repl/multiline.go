package repl

import (
	"regexp"
	"strings"

	"github.com/dop251/goja/parser"
	"github.com/evanw/esbuild/pkg/api"
)

// errEndOfInput is the goja parser's message for source that stopped in the middle of
// a statement: an open brace, bracket or parenthesis, an unfinished template literal
// or comment, a dangling operator.
const errEndOfInput = "Unexpected end of input"

var awaitWord = regexp.MustCompile(`\bawait\b`)

// Incomplete reports whether src is an unfinished JavaScript entry that more lines
// could complete (the REPL then shows its "..." prompt). It decides by parsing, not
// by counting brackets: src is incomplete when the parser ran out of input, either
// as a script or, when src uses await, as the body of an async function (top-level
// await). Complete input, and input with a real syntax error, both report false.
func Incomplete(src string) bool {
	if strings.TrimSpace(src) == "" {
		return false
	}
	_, err := parser.ParseFile(nil, "", src, 0)
	if err == nil {
		return false
	}
	if endOfInput(err) {
		return true
	}
	if !awaitWord.MatchString(src) {
		return tsEndOfInput(src)
	}
	// As the runtime does for top-level await: the entry as the body of an async
	// arrow, whose closing "})" sits on a line of its own after it. When the parser
	// trips over that closing line (or runs out of input), the entry itself was
	// unfinished: its open brace swallowed the arrow's.
	_, err = parser.ParseFile(nil, "", "(async () => {"+src+"\n})", 0)
	if err == nil {
		return false
	}
	if endOfInput(err) {
		return true
	}
	el, ok := err.(parser.ErrorList)
	if ok && len(el) > 0 && el[0].Position.Line > strings.Count(src, "\n")+1 {
		return true
	}
	return tsEndOfInput(src)
}

// tsEndOfInput reports whether src, which goja cannot parse, is TypeScript or an ES
// module entry that stopped in the middle ("let s: string =", "function f(a: number) {"):
// the runtime transforms such entries with esbuild, which then runs out of input.
func tsEndOfInput(src string) bool {
	res := api.Transform(src, api.TransformOptions{Loader: api.LoaderTS, LogLevel: api.LogLevelSilent})
	return len(res.Errors) > 0 && strings.HasSuffix(res.Errors[0].Text, "end of file")
}

// endOfInput reports whether a parse error is the parser running out of input.
func endOfInput(err error) bool {
	if el, ok := err.(parser.ErrorList); ok {
		return len(el) > 0 && el[0].Message == errEndOfInput
	}
	return strings.Contains(err.Error(), errEndOfInput)
}
