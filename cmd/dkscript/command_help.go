package main

import (
	"io"
	"strings"

	"github.com/dkscript/dkscript/bindings/jstypes"
	"github.com/dkscript/dkscript/daktela/catalog"
	"github.com/spf13/cobra"
)

// newHelpCommand is dkscript help: the overview, a command's help, or the JavaScript
// API. It parses no flags: "help api NAME" takes NAME as written.
func newHelpCommand(st *state) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND] | help api [NAME]",
		Short: "show help for dkscript, a command or the JavaScript API",
		Long: `Shows the overview, or a command's flags and examples.

"help api" lists the JavaScript API: every module (require("name"), and the global
daktela) and the globals, with the names each declares. "help api NAME" prints NAME's
signature and description, and for a module, class or interface its members. NAME is
written as in a script: Client, daktela.Client.execute, ReadRequest.addFilter,
csv.writer, dates.range. Both read the declarations "dkscript types" writes for editors,
as the REPL's .help does. "help api models" lists the API's models, "help api
models.Tickets" one model's fields, key and relations (from the model catalogue).
`,
		Example: `  dkscript help
  dkscript help run
  dkscript help api
  dkscript help api ReadRequest.addFilter
  dkscript help api csv.writer
  dkscript help api models.Tickets
`,
		DisableFlagParsing: true,
		ValidArgsFunction:  completeHelpArgs,
		RunE: func(c *cobra.Command, args []string) error {
			w := c.OutOrStdout()
			if len(args) == 0 {
				return printTopHelp(w)
			}
			switch args[0] {
			case "api":
				return printAPIHelp(w, args[1:])
			case "-h", "--help":
				return printCommandHelp(w, c)
			}
			sub := findSubcommand(c.Root(), args[0])
			if sub == nil || sub.Hidden {
				return usagef("", "help: unknown command %q (\"dkscript help api\" describes the JavaScript API)", args[0])
			}
			return printCommandHelp(w, sub)
		},
	}
}

// printAPIHelp prints the API overview, or the description of the one name in args.
func printAPIHelp(w io.Writer, args []string) error {
	switch len(args) {
	case 0:
		_, err := io.WriteString(w, jstypes.Overview()+"  models   "+wrapWords(catalog.Endpoints(), 78, "           ")+
			"\n\n\"dkscript help api NAME\" describes one of them: Client, ReadRequest.addFilter, csv.writer,\nor a model's fields and relations: Tickets.\n")
		return err
	case 1:
	default:
		return usagef("help", "help api: one name at a time, got %d (%s)", len(args), strings.Join(args, " "))
	}
	if strings.HasPrefix(args[0], "models") {
		if ok, err := printModelHelp(w, args[0]); ok || err != nil {
			return err
		}
	}
	text, err := jstypes.Describe(args[0])
	if err != nil {
		if ok, merr := printModelHelp(w, args[0]); ok || merr != nil {
			return merr
		}
		return configErrorf("help api: %v; \"dkscript help api\" lists the modules and their names", err)
	}
	_, err = io.WriteString(w, text)
	return err
}
