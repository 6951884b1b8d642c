package main

import (
	"flag"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// standAlone is a flag value that may stand alone (--name) or take a value
// (--name=x), as --allow-net does.
type standAlone struct{ v string }

func (s *standAlone) String() string     { return s.v }
func (s *standAlone) Set(v string) error { s.v = v; return nil }
func (s *standAlone) IsBoolFlag() bool   { return true }

// custom is a flag value of a type of its own.
type custom struct{ v string }

func (c *custom) String() string     { return c.v }
func (c *custom) Set(v string) error { c.v = v; return nil }

// TestAddGoFlagsHelp pins how flags registered on a standard library flag set show in
// help once added to cobra's: the back-quoted value name, a one-letter alias as the
// shorthand, none for switches and values that may stand alone, the flag package's
// names for the others, and hidden second spellings.
func TestAddGoFlagsHelp(t *testing.T) {
	var verbose bool
	var url, out string
	var count int
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	addGoFlags(fs, func(g *flag.FlagSet) {
		g.BoolVar(&verbose, "verbose", false, "log requests")
		g.BoolVar(&verbose, "v", false, "short for --verbose")
		g.StringVar(&url, "url", "", "instance `URL`")
		g.StringVar(&out, "out", ".", "write into `DIR`")
		g.StringVar(&out, "dir", ".", "short for --out")
		g.IntVar(&count, "count", 0, "how many")
		g.Var(&standAlone{}, "allow", "allow all, or --allow=LIST")
		g.Var(&custom{}, "thing", "a thing")
	})
	got := flagList(fs)
	for _, want := range []string{
		"  --allow        allow all, or --allow=LIST\n",
		"  --count int    how many\n",
		"  --out DIR      write into DIR (default .)\n",
		"  --thing value  a thing\n",
		"  --url URL      instance URL\n",
		"  -v, --verbose  log requests\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("help lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "--dir") || strings.Contains(got, "--v ") {
		t.Errorf("help shows an alias:\n%s", got)
	}
	if err := fs.Parse([]string{"-v", "--dir", "d", "--allow"}); err != nil {
		t.Fatal(err)
	}
	if !verbose || out != "d" {
		t.Errorf("-v and --dir set verbose=%v out=%q", verbose, out)
	}
	if a := fs.Lookup("allow").Value.String(); a != "true" {
		t.Errorf("--allow alone set %q, want true", a)
	}
}
