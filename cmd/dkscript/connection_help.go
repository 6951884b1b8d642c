package main

import "strings"

// noConnectionHelp is what daktela.client() advises when no connection is configured.
// When the script's own arguments hold dkscript flags (dkscript run x.js --mock), they
// went to the script: the advice says so and that flags go before the script path.
func noConnectionHelp(cmd string, args []string) string {
	help := "use --mock, or --url with DAKTELA_TOKEN or --token-file, or a profile (--profile)"
	misplaced := dkscriptFlagsIn(args)
	if len(misplaced) == 0 {
		return help
	}
	what, where := "the script path", "script.js"
	if cmd == "eval" {
		what, where = "the code", "'code'"
	}
	verb, pron := "is", "it"
	if len(misplaced) > 1 {
		verb, pron = "are", "them"
	}
	return help + ". " + strings.Join(misplaced, " ") + " " + verb + " among the script's own arguments, " +
		"so dkscript did not read " + pron + ": flags go before " + what + " (dkscript " + cmd + " " +
		strings.Join(misplaced, " ") + " " + where + "); everything after " + what + " goes to the script"
}

// dkscriptFlagsIn returns the arguments that name a flag of dkscript run (--mock,
// -mock, --url=...), as typed without their values.
func dkscriptFlagsIn(args []string) []string {
	fs := newFlagSet("probe")
	(&runFlags{}).register(fs)
	var out []string
	for _, a := range args {
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "" || len(a)-len(strings.TrimLeft(a, "-")) > 2 {
			continue
		}
		if fs.Lookup(name) != nil {
			out = append(out, strings.SplitN(a, "=", 2)[0])
		}
	}
	return out
}

// tokenFlagError is the usage error for --token, a flag dkscript does not have: a
// command line is visible to other users of the machine, so the token comes from
// elsewhere.
func tokenFlagError(cmd string) error {
	return usagef(cmd, "there is no --token flag (a command line is visible to other users of the machine): "+
		"set DAKTELA_TOKEN in the environment, use --token-file FILE, or put token or tokenFile in a profile of the config file (--profile NAME)")
}
