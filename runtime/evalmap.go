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
		sm["mappings"] = strings.Repeat(";", extraLines) + addNextColumns(mp)
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

// evalMap is how positions in a transformed entry map to the entry as typed.
type evalMap struct {
	c     *sourcemap.Consumer
	spans []importSpan // the hoisted imports on line 1 (see hoistImports)
}

// mapEvalFrame moves fr, a position in the code of a transformed entry, to the entry
// as typed; other frames are returned as they are. A position in the line of hoisted
// imports is moved to the import statement it came from.
func (r *Runtime) mapEvalFrame(fr Frame) Frame {
	m, ok := r.evalMaps[fr.File]
	if !ok || fr.Line < 1 {
		return fr
	}
	line, col := fr.Line, fr.Column
	if line == 1 {
		for _, sp := range m.spans {
			if col > sp.from && col <= sp.to {
				// The statement's first column in the code below the head (line 2 on).
				line, col = sp.line+2, 1
				break
			}
		}
	}
	// Looked up as goja looks up the positions of transformed files (see
	// addNextColumns), so an entry's positions are those of the same code in a file.
	if _, _, l, c, ok := m.c.Source(line, col); ok {
		fr.Line, fr.Column = l, c
	}
	return fr
}
