// Command gen writes daktela/phone_regions.go, the numbering-plan table of
// daktela.NormalizePhone, from libphonenumber's metadata. Run it with go generate in the
// daktela directory.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dkscript/dkscript/daktela/internal/phonetable"
)

func main() {
	out := flag.String("o", "phone_regions.go", "file to write")
	flag.Parse()
	src, err := phonetable.Source()
	if err == nil {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
