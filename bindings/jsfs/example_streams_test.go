package jsfs_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dkscript/dkscript/bindings/bindingstest"
	"github.com/dkscript/dkscript/bindings/jsfs"
)

// A module of one's own that opens files for scripts tracks them with Streams: those
// the script closes itself are removed, and those it forgets are closed when the run
// ends (here the test host's Close stands for the runtime ending the run). Len tells
// how many a script has open, e.g. to cap them.
func ExampleStreams() {
	dir, _ := os.MkdirTemp("", "streams-example")
	defer os.RemoveAll(dir)
	host := bindingstest.NewHost()
	streams := jsfs.NewStreams(host)

	a, _ := os.Create(filepath.Join(dir, "a.txt"))
	b, _ := os.Create(filepath.Join(dir, "b.txt"))
	streams.Add(a, "a.txt")
	streams.Add(b, "b.txt")
	fmt.Println(streams.Len(), "open")

	b.Close() // the script closed b.txt itself
	streams.Remove(b)
	fmt.Println(streams.Len(), "open")

	if err := host.Close(); err != nil { // the run ends with a.txt forgotten
		fmt.Println(err)
	}
	_, err := a.WriteString("late")
	fmt.Println(streams.Len(), "open; a.txt closed:", errors.Is(err, os.ErrClosed))
	// Output:
	// 2 open
	// 1 open
	// 0 open; a.txt closed: true
}
