// Package jstypes holds the TypeScript declarations of everything a dkscript script can
// use — the daktela module, the helper modules fs, csv, path, dates and util, and the
// globals console, process, the timers, sleep and require — and the descriptions the
// REPL's .help and the CLI's help print, read from the same file.
//
// The declarations are one hand-written file, daktela.d.ts, embedded in the binary.
// [Write] puts it and a jsconfig.json into a folder (what `dkscript types` does), so that
// opening the folder in VS Code or another editor that speaks TypeScript gives
// completion, hover docs and // @ts-check errors on plain .js scripts. Nothing in it is
// needed to run a script.
//
// [Help] parses the file's doc comments into one [Entry] per name ("daktela.ReadRequest",
// "daktela.ReadRequest.addFilter", "fs.readFileSync", "console.log", ...); [Lookup] and
// [Describe] find and format them. A test in this package runs the real runtime, walks
// the daktela global, the helper modules and the globals, and fails when a JavaScript
// name exists without a declaration or a declaration names nothing, so the file cannot
// drift from the bindings.
package jstypes

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed daktela.d.ts
var declarations string

// DeclarationsFile and ConfigFile are the names Write gives the files it writes.
const (
	DeclarationsFile = "daktela.d.ts"
	ConfigFile       = "jsconfig.json"
)

// Declarations returns the text of daktela.d.ts.
func Declarations() string { return declarations }

// Libs are the TypeScript standard library parts that match what goja, the JavaScript
// engine, implements: ES2015–ES2023 minus what it lacks (WeakRef, SharedArrayBuffer and
// Atomics, Intl beyond ES5's declarations), and the later built-ins dkscript adds. Async
// iteration (for await, async generators) is in: dkscript lowers it with esbuild for goja.
var Libs = []string{
	"es5", "es2015", "es2016",
	"es2017.object", "es2017.string", "es2017.typedarrays",
	"es2018.asyncgenerator", "es2018.asynciterable", "es2018.promise", "es2018.regexp",
	"es2019.array", "es2019.object", "es2019.string", "es2019.symbol",
	"es2020.bigint", "es2020.promise", "es2020.string", "es2020.symbol.wellknown",
	"es2021.promise", "es2021.string",
	"es2022.array", "es2022.error", "es2022.object", "es2022.string",
	"es2023.array",
	// What dkscript adds where the engine lacks it (runtime/engine_additions.js): the
	// Set methods, Object.groupBy, Map.groupBy, Promise.withResolvers, Promise.try,
	// String isWellFormed and toWellFormed.
	"es2024.collection", "es2024.object", "es2024.promise", "es2024.string",
	"esnext.collection", "esnext.promise",
}

// JSConfig returns the jsconfig.json Write puts beside the declarations: checkJs on
// every .js file of the folder (and below), and checks of .mjs, .ts and .mts files, the goja library set, no Node or DOM types,
// and module settings under which require("daktela") and top-level await type-check.
func JSConfig() []byte {
	cfg := map[string]any{
		"compilerOptions": map[string]any{
			"checkJs":         true,
			"allowJs":         true,
			"noEmit":          true,
			"target":          "es2022",
			"module":          "preserve",
			"moduleDetection": "force",
			"lib":             Libs,
			"types":           []string{},
			"strict":          false,
			// ES modules and TypeScript as dkscript runs them: "./lib.ts" imports, JSON modules.
			"allowImportingTsExtensions": true,
			"resolveJsonModule":          true,
		},
		"include": []string{"**/*.js", "**/*.mjs", "**/*.ts", "**/*.mts", DeclarationsFile},
	}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		panic(err) // a fixed map of strings, booleans and slices always marshals
	}
	return append(b, '\n')
}

// Write writes daktela.d.ts into dir (replacing an older copy) and, unless dir already
// has one, a jsconfig.json; it makes dir when it does not exist.
func Write(dir string) error {
	_, _, err := WriteFiles(dir)
	return err
}

// WriteFiles is Write that also says what it did: the paths written, and the path of a
// jsconfig.json it left alone because it was already there ("" when it wrote one).
func WriteFiles(dir string) (written []string, kept string, err error) {
	if dir == "" {
		return nil, "", errors.New("jstypes: no directory given")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("jstypes: %w", err)
	}
	dts := filepath.Join(dir, DeclarationsFile)
	if err := os.WriteFile(dts, []byte(declarations), 0o644); err != nil {
		return nil, "", fmt.Errorf("jstypes: %w", err)
	}
	written = append(written, dts)
	cfg := filepath.Join(dir, ConfigFile)
	switch _, err := os.Stat(cfg); {
	case err == nil:
		return written, cfg, nil
	case !errors.Is(err, fs.ErrNotExist):
		return written, "", fmt.Errorf("jstypes: %w", err)
	}
	if err := os.WriteFile(cfg, JSConfig(), 0o644); err != nil {
		return written, "", fmt.Errorf("jstypes: %w", err)
	}
	return append(written, cfg), "", nil
}
