package main

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileMemoryKB is the address space a hostile script's dkscript process gets (ulimit
// -v): the hostile cases run in a child process so that a regression ends that child
// with a Go fatal error instead of exhausting the machine that runs the tests.
const hostileMemoryKB = 3 << 20

// runHostile runs the real binary with args under the hostileMemoryKB limit and a
// 2-minute bound, and returns its exit code, stdout and stderr.
func runHostile(t *testing.T, bin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	shArgs := append([]string{"-c", `ulimit -v "$0" && exec "$@"`, strconv.Itoa(hostileMemoryKB), bin}, args...)
	cmd := exec.CommandContext(ctx, "/bin/sh", shArgs...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("%v\nstderr: %s", err, errOut.String())
	}
	if ctx.Err() != nil {
		t.Fatalf("still running after 2 minutes; stderr: %s", errOut.String())
	}
	return code, out.String(), errOut.String()
}

// assertNoGoCrash fails when stderr shows a Go panic, fatal error or goroutine dump.
func assertNoGoCrash(t *testing.T, stderr string) {
	t.Helper()
	for _, sign := range []string{"panic:", "fatal error", "goroutine ", "runtime."} {
		if strings.Contains(stderr, sign) {
			t.Fatalf("Go crash (%q) in stderr:\n%.2000s", sign, stderr)
		}
	}
}

// TestHostileScripts runs scripts that tried to take down the process running them,
// each in a child dkscript with bounded memory: every one ends with a JavaScript error
// (or its own output), never with a Go panic, fatal error or stack dump.
func TestHostileScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	dir := t.TempDir()

	t.Run("array lengths set by hand", func(t *testing.T) {
		// Each call sized a Go slice by the length: 2^32-1 items of 16 bytes.
		script := writeScript(t, dir, "lengths.js", `
const a = []; a.length = 4294967295;
const o = {x: a};
const calls = {
  setFields: () => daktela.buildReadRequest("Users").setFields(a),
  addFilter: () => daktela.buildReadRequest("Users").addFilter("name", "in", a),
  addArrayAttribute: () => daktela.buildCreateRequest("Users").addArrayAttribute("x", a),
  addFilterFromArray: () => daktela.buildReadRequest("Users").addFilterFromArray([["name", "in", a]]),
  addAdditionalQueryParameter: () => daktela.buildReadRequest("Users").addAdditionalQueryParameter("x", a),
  RetryConfig: () => new daktela.RetryConfig({retryableStatusCodes: a}),
  executeAll: () => daktela.client().executeAll(a),
  executeAllSettled: () => daktela.client().executeAllSettled(a),
  execute: () => daktela.client().execute(o),
  executeOn: () => daktela.client().execute.call(a, daktela.buildReadRequest("Users")),
  csv: () => require("csv").stringify([a]),
  table: () => console.table(a),
  parseArgs: () => require("util").parseArgs({args: a}),
};
for (const [name, call] of Object.entries(calls)) {
  try { call(); console.log(name, "returned") } catch (e) { console.log(name, e.name) }
}
`)
		code, stdout, stderr := runHostile(t, bin, "run", "--mock", script)
		assertNoGoCrash(t, stderr)
		want := "setFields TypeError\naddFilter TypeError\naddArrayAttribute TypeError\naddFilterFromArray TypeError\n" +
			"addAdditionalQueryParameter TypeError\nRetryConfig TypeError\nexecuteAll TypeError\nexecuteAllSettled TypeError\nexecute TypeError\n" +
			"executeOn TypeError\ncsv TypeError\ntable TypeError\nparseArgs TypeError\n"
		if code != 0 || stdout != want {
			t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", code, stdout, want, stderr)
		}
	})

	t.Run("thrown values that run code when read", func(t *testing.T) {
		scripts := map[string]string{
			"proxy.js":   "const b = () => { throw new Error('trap') };\nthrow new Proxy({}, {get: b, getPrototypeOf: b, ownKeys: b})\n",
			"revoked.js": "const r = Proxy.revocable({}, {}); r.revoke();\nsetTimeout(() => { throw r.proxy }, 1)\n",
			"getter.js":  "const e = new Error('x'); Object.defineProperty(e, 'message', {get() { throw e }});\nPromise.reject(e)\n",
		}
		for name, src := range scripts {
			code, _, stderr := runHostile(t, bin, "run", writeScript(t, dir, name, src))
			assertNoGoCrash(t, stderr)
			if code != 1 || !strings.Contains(stderr, "Uncaught") {
				t.Errorf("%s: exit %d, stderr:\n%s", name, code, stderr)
			}
		}
		code, stdout, stderr := runHostile(t, bin, "eval", `const e = new Error("x"); Object.defineProperty(e, "stack", {get() { throw 1 }}); e`)
		assertNoGoCrash(t, stderr)
		if code != 0 || stdout != "<a value that could not be described>\n" {
			t.Errorf("eval: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
		}
	})

	t.Run("printing a 300 000-deep object", func(t *testing.T) {
		// Each printed a Go stack overflow (fatal) before the inspector's walk was bounded.
		script := writeScript(t, dir, "deep.js", `
let d = {};
for (let i = 0; i < 300000; i++) d = {d};
console.dir(d, {depth: null});
console.log(require("util").inspect(d, {depth: Infinity}).length > 0);
console.log(JSON.parse("[".repeat(3000000) + "]".repeat(3000000)));
`)
		code, stdout, stderr := runHostile(t, bin, "run", script)
		assertNoGoCrash(t, stderr)
		if code != 1 || !strings.HasSuffix(stdout, "}\ntrue\n") || !strings.Contains(stderr, "Uncaught RangeError: JSON.parse: the text nests") {
			t.Errorf("exit %d, stdout ends %q, stderr:\n%s", code, stdout[max(0, len(stdout)-200):], stderr)
		}
	})

	t.Run("one SIGTERM stops a script inside a builtin", func(t *testing.T) {
		// JSON.stringify of a deep object does not look at interrupts (here it would run
		// for minutes): the CLI exits after its grace period with 130.
		script := writeScript(t, dir, "stringify.js", `
let d = {};
for (let i = 0; i < 300000; i++) d = {d};
console.log("started");
JSON.stringify(d);
`)
		code, stderr := signalAfterStart(t, exec.Command(bin, "run", script), syscall.SIGTERM)
		assertNoGoCrash(t, stderr)
		if code != 130 || !strings.Contains(stderr, "dkscript: interrupted") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})

	t.Run("--max-memory", func(t *testing.T) {
		// Each ended with a Go fatal out of memory and a goroutine dump before.
		grow := writeScript(t, dir, "grow.js", "const a = [];\nfor (;;) a.push({n: a.length});\n")
		code, _, stderr := runHostile(t, bin, "run", "--max-memory", "256MiB", grow)
		assertNoGoCrash(t, stderr)
		if code != 137 || !strings.Contains(stderr, "Out of memory: the process used more than 256 MiB") {
			t.Errorf("endless push: exit %d, stderr:\n%s", code, stderr)
		}
		zero := writeScript(t, dir, "zero.js", `
try { require("fs").readFileSync("/dev/zero") } catch (e) { console.log(e.name, e.code) }
try { for (const line of require("fs").lines("/dev/zero")) ; } catch (e) { console.log(e.message.includes("a line holds more than")) }
`)
		code, stdout, stderr := runHostile(t, bin, "run", "--max-memory", "256MiB", zero)
		assertNoGoCrash(t, stderr)
		if code != 0 || stdout != "RangeError ERR_FS_FILE_TOO_LARGE\ntrue\n" {
			t.Errorf("/dev/zero: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
		}
	})

	t.Run("String of an array nested a million deep", func(t *testing.T) {
		script := writeScript(t, dir, "nested.js", "let a = [];\nfor (let i = 0; i < 1e6; i++) a = [a];\nString(a);\n")
		code, _, stderr := runHostile(t, bin, "run", script)
		assertNoGoCrash(t, stderr)
		if code != 1 || !strings.Contains(stderr, "nested.js:3:") || !strings.Contains(stderr, "RangeError: Maximum call stack size exceeded") {
			t.Errorf("exit %d, stderr:\n%s", code, stderr)
		}
	})
}
