package runtime

import "github.com/dkscript/dkscript/bindings"

// withoutInternal leaves out of stack the frames of modules' own JavaScript
// (bindings.IsInternalSource), so that an error thrown by, or passing through, a
// module's helpers is reported at the script's line that called them. A stack of
// internal frames only is kept as it is: it is all there is to show.
func withoutInternal(stack []Frame) []Frame {
	n := 0
	for _, f := range stack {
		if !bindings.IsInternalSource(f.File) {
			n++
		}
	}
	if n == len(stack) || n == 0 {
		return stack
	}
	out := make([]Frame, 0, n)
	for _, f := range stack {
		if !bindings.IsInternalSource(f.File) {
			out = append(out, f)
		}
	}
	return out
}
