package runtime

import (
	"encoding/json"
	"strings"

	"github.com/go-sourcemap/sourcemap"
)

// A REPL entry esbuild transformed (import lines, TypeScript annotations) runs as the
// code esbuild printed; its source map, kept by the entry's name in evalMaps, turns
// every position reported in that code (syntax errors, stack frames, carets) back
// into the entry as it was typed.

// evalSourceMap parses esbuild's source map of an entry whose code was put extraLines
// lines lower (the hoisted imports' line).
func evalSourceMap(name string, raw []byte, extraLines int) *sourcemap.Consumer {
	var sm map[string]any
	if err := json.Unmarshal(raw, &sm); err != nil {
		return nil
	}
	sm["sources"] = []string{name}
	if mp, ok := sm["mappings"].(string); ok {
		sm["mappings"] = strings.Repeat(";", extraLines) + mp
	}
	b, err := json.Marshal(sm)
	if err != nil {
		return nil
	}
	c, err := sourcemap.Parse("", b)
	if err != nil {
		return nil
	}
	return c
}

// mapEvalFrame moves fr, a position in the code of a transformed entry, to the entry
// as typed; other frames are returned as they are.
func (r *Runtime) mapEvalFrame(fr Frame) Frame {
	c, ok := r.evalMaps[fr.File]
	if !ok || fr.Line < 1 {
		return fr
	}
	if _, _, line, col, ok := c.Source(fr.Line, fr.Column); ok {
		fr.Line, fr.Column = line, col
	}
	return fr
}
