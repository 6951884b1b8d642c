package main

import (
	"flag"
	"strings"

	"github.com/spf13/pflag"
)

// addGoFlags adds to fs the flags that register defines on a standard library
// *flag.FlagSet. Every flag of dkscript is written that way, once, and this is where
// cobra's flag set (pflag) gets them: "-e" and the other one-letter flags become
// shorthands, a one-letter flag whose usage is "short for --NAME" becomes NAME's
// shorthand (-v for --verbose), and a longer one (types --dir for --out) a hidden
// second name.
func addGoFlags(fs *pflag.FlagSet, register func(*flag.FlagSet)) {
	gfs := flag.NewFlagSet("", flag.ContinueOnError)
	register(gfs)
	shorthands := map[string]string{} // long name -> one-letter alias
	var aliases []*flag.Flag
	gfs.VisitAll(func(g *flag.Flag) {
		long, ok := strings.CutPrefix(g.Usage, "short for --")
		if !ok || gfs.Lookup(long) == nil {
			return
		}
		if len(g.Name) == 1 && shorthands[long] == "" {
			shorthands[long] = g.Name
		} else {
			aliases = append(aliases, g)
		}
	})
	gfs.VisitAll(func(g *flag.Flag) {
		long, isAlias := strings.CutPrefix(g.Usage, "short for --")
		if isAlias && gfs.Lookup(long) != nil {
			return
		}
		p := pflagFromGoFlag(g)
		if s := shorthands[g.Name]; s != "" {
			p.Shorthand = s
		}
		fs.AddFlag(p)
	})
	for _, g := range aliases {
		p := pflagFromGoFlag(g)
		if len(g.Name) == 1 {
			p.Shorthand = ""
		}
		p.Hidden = true
		fs.AddFlag(p)
	}
}

// annotationValueName holds a flag's value name ("URL" of "--url URL"), which the flag
// package takes from the back-quoted word of the usage; the usage itself loses the
// quotes, so shells show it as written.
const annotationValueName = "dkscript/value-name"

// pflagFromGoFlag is pflag.PFlagFromGoFlag with the value name moved from the usage's
// back quotes to annotationValueName.
func pflagFromGoFlag(g *flag.Flag) *pflag.Flag {
	p := pflag.PFlagFromGoFlag(g)
	name, usage := pflag.UnquoteUsage(p)
	if usage != p.Usage {
		p.Usage = usage
		p.Annotations = map[string][]string{annotationValueName: {name}}
	}
	return p
}

// valueName returns the word that stands for f's value in help: the back-quoted word
// of its usage, else none for a flag that may stand alone (a switch, --allow-net) and,
// as the flag package says, the type for the standard ones and "value" for others.
func valueName(f *pflag.Flag) string {
	if v := f.Annotations[annotationValueName]; len(v) == 1 {
		return v[0]
	}
	if f.NoOptDefVal != "" {
		return ""
	}
	switch name, _ := pflag.UnquoteUsage(f); name {
	case "string", "int", "uint", "float", "duration":
		return name
	}
	return "value"
}
