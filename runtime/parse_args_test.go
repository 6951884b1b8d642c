package runtime_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/runtime"
)

// util.parseArgs parses as Node's does: the expected output was printed by Node 20 running
// the same script (values, positionals, tokens, and the error names, codes and messages
// of unknown options, missing and ambiguous values, positionals and bad configuration).
func TestParseArgsMatchesNode(t *testing.T) {
	rt, stdout, _ := newRT(t, runtime.Options{})
	if err := rt.RunString(context.Background(), "parse-args.js", parseArgsScript); err != nil {
		t.Fatal(err)
	}
	if got := stdout.String(); got != parseArgsNode {
		t.Errorf("output:\n%s\nNode printed:\n%s", got, parseArgsNode)
	}
}

// Without config.args, parseArgs reads the script's arguments (process.argv after the
// script), and an uncaught parse error names the script's line.
func TestParseArgsDefaultsToTheScriptArguments(t *testing.T) {
	rt, stdout, _ := newRT(t, runtime.Options{Args: []string{"--days", "7", "report.csv"}})
	err := rt.RunString(context.Background(), "args.js", `const { values, positionals } = require("util").parseArgs({ options: { days: { type: "string" } }, allowPositionals: true })
console.log(values.days, positionals)
require("util").parseArgs({ options: {} })`)
	if got := stdout.String(); got != "7 [ 'report.csv' ]\n" {
		t.Errorf("stdout %q", got)
	}
	if err == nil || !strings.Contains(err.Error(), "args.js:3") || !strings.Contains(err.Error(), "Unknown option '--days'") {
		t.Errorf("run error %v, want the unknown option at args.js:3", err)
	}
}

// Arguments of any text are read in a bounded number of steps, each giving options,
// positionals or a clear TypeError.
func FuzzParseArgs(f *testing.F) {
	for _, seed := range []string{"-é", "-vé", "-oé", "--é=1", "-", "--", "-v-o", "---x", "-😀", "--=x"} {
		f.Add(seed, "x")
	}
	rt, err := runtime.New(runtime.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(rt.Close)
	f.Fuzz(func(t *testing.T, a, b string) {
		args, _ := json.Marshal([]string{a, b})
		err := rt.RunString(context.Background(), "fuzz.js", `require("util").parseArgs({args: `+string(args)+`, strict: false, options: {v: {type: "boolean", short: "é"}, o: {type: "string", short: "o"}}})
try { require("util").parseArgs({args: `+string(args)+`, options: {v: {type: "boolean", short: "v"}}}) } catch (e) { if (!(e instanceof TypeError) || !e.code.startsWith("ERR_PARSE_ARGS_")) throw e }`)
		if err != nil {
			t.Fatalf("args %s: %v", args, err)
		}
	})
}

const parseArgsScript = `const { parseArgs } = require("util");
const show = (cfg) => { try { const r = parseArgs(cfg); console.log(JSON.stringify({values: r.values, positionals: r.positionals, tokens: r.tokens})); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } };
const options = { verbose: { type: "boolean", short: "v" }, out: { type: "string", short: "o" }, tag: { type: "string", multiple: true, short: "t" }, n: { type: "string", default: "5" } };
show({ args: ["-v", "--out", "x.csv", "file", "--", "--raw"], options, allowPositionals: true });
show({ args: ["-vofile.txt", "-t", "a", "--tag=b"], options });
show({ args: ["--nope"], options });
show({ args: ["--nope"], options, allowPositionals: true });
show({ args: ["--out"], options });
show({ args: ["-o"], options });
show({ args: ["--verbose=yes"], options });
show({ args: ["--out", "--verbose"], options });
show({ args: ["-o", "-v"], options });
show({ args: ["pos"], options });
show({ args: ["-vx", "--z=1", "pos"], options, strict: false, tokens: true });
show({ args: ["-vo", "f", "-"], options, tokens: true, allowPositionals: true });
show({ args: [], options: { x: { type: "number" } } });
show({ args: [], options: { x: { type: "string", short: "xy" } } });
console.log(Object.getPrototypeOf(parseArgs({args: []}).values) === null);
`

const parseArgsNode = `{"values":{"verbose":true,"out":"x.csv","n":"5"},"positionals":["file","--raw"]}
{"values":{"verbose":true,"out":"file.txt","tag":["a","b"],"n":"5"},"positionals":[]}
TypeError ERR_PARSE_ARGS_UNKNOWN_OPTION "Unknown option '--nope'"
TypeError ERR_PARSE_ARGS_UNKNOWN_OPTION "Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--nope\""
TypeError ERR_PARSE_ARGS_INVALID_OPTION_VALUE "Option '-o, --out <value>' argument missing"
TypeError ERR_PARSE_ARGS_INVALID_OPTION_VALUE "Option '-o, --out <value>' argument missing"
TypeError ERR_PARSE_ARGS_INVALID_OPTION_VALUE "Option '-v, --verbose' does not take an argument"
TypeError ERR_PARSE_ARGS_INVALID_OPTION_VALUE "Option '--out' argument is ambiguous.\nDid you forget to specify the option argument for '--out'?\nTo specify an option argument starting with a dash use '--out=-XYZ'."
TypeError ERR_PARSE_ARGS_INVALID_OPTION_VALUE "Option '-o' argument is ambiguous.\nDid you forget to specify the option argument for '-o'?\nTo specify an option argument starting with a dash use '--out=-XYZ' or '-o-XYZ'."
TypeError ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL "Unexpected argument 'pos'. This command does not take positional arguments"
{"values":{"verbose":true,"x":true,"z":"1","n":"5"},"positionals":["pos"],"tokens":[{"kind":"option","name":"verbose","rawName":"-v","index":0},{"kind":"option","name":"x","rawName":"-x","index":0},{"kind":"option","name":"z","rawName":"--z","index":1,"value":"1","inlineValue":true},{"kind":"positional","index":2,"value":"pos"}]}
{"values":{"verbose":true,"out":"f","n":"5"},"positionals":["-"],"tokens":[{"kind":"option","name":"verbose","rawName":"-v","index":0},{"kind":"option","name":"out","rawName":"-o","index":0,"value":"f","inlineValue":false},{"kind":"positional","index":2,"value":"-"}]}
TypeError ERR_INVALID_ARG_TYPE "The \"options.x.type\" property must be ('string|boolean'). Received type string ('number')"
TypeError ERR_INVALID_ARG_VALUE "The property 'options.x.short' must be a single character. Received 'xy'"
true
`
