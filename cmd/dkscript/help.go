package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const topHelp = `dkscript runs JavaScript automation scripts against a Daktela V6 contact centre.

Usage:
  dkscript run [flags] script.js [args...]   run a script (also: dkscript script.js)
  dkscript eval [flags] 'expression'         evaluate and print the value
  dkscript repl [flags]                      interactive shell (also: dkscript on a terminal)
  dkscript serve [flags] hooks.js            serve Daktela Automations' webhooks to the script's handlers
  dkscript mock [flags]                      serve the fake Daktela on 127.0.0.1
  dkscript types [flags]                     write TypeScript declarations for editors
  dkscript version                           print version information
  dkscript completion bash|zsh|fish          print a shell completion script (also powershell)
  dkscript help api [NAME]                   the JavaScript API, or one name's signature and docs

With no arguments dkscript starts the REPL on a terminal, or runs the script piped to
its standard input. Flags go before the script; everything after the script belongs to
the script (process.argv).

Run 'dkscript COMMAND --help' for a command's flags and examples.

Examples:
  dkscript run --mock scripts/users-report.js
  DAKTELA_URL=https://acme.daktela.com dkscript run --token-file ~/.daktela-token export.js out.csv
  dkscript eval --mock 'daktela.client().execute(daktela.buildReadRequest("Users")).total'
  dkscript run --dry-run --profile prod import.js records.csv
`

// connectionHelp documents where the connection comes from; the commands that run
// JavaScript show it.
const connectionHelp = `Connection (first found wins):
  URL     --url, else DAKTELA_URL, else the profile's "url"
  token   --token-file, else DAKTELA_TOKEN, else the profile's "tokenFile" or "token"
  auth    --auth, else DAKTELA_AUTH, else the profile's "auth", else header
  profile --profile, else DKSCRIPT_PROFILE, else the config file's "default"
  --mock replaces all of them with the embedded fake Daktela.
There is no --token flag: command lines are visible to other users (ps). A token file
readable by group or others gets a warning. Environment variables may also come from
--env-file and -e (later wins: process environment, --env-file, -e). A script's
process.env never holds DAKTELA_TOKEN: the token stays out of every script's reach, and
daktela.client() is the connection dkscript configures with it.

Config file: $XDG_CONFIG_HOME/dkscript/config.json (usually ~/.config/dkscript/config.json;
DKSCRIPT_CONFIG names another), JSON:
  {
    "default": "prod",
    "profiles": {
      "prod": {"url": "https://acme.daktela.com", "tokenFile": "prod.token"},
      "test": {"url": "https://acme-test.daktela.com", "token": "...", "auth": "query"}
    }
  }
tokenFile is relative to the config file's directory.

Exit codes: 0 ok, 1 script error, 2 usage or configuration error, 124 --timeout,
130 interrupted (the first Ctrl-C stops the script and its requests; a second one exits
at once).
`

func printTopHelp(w io.Writer) error {
	_, err := io.WriteString(w, topHelp)
	return err
}

// annotationConnectionHelp marks the commands whose help ends with connectionHelp (the
// ones that run JavaScript).
const annotationConnectionHelp = "dkscript/connection-help"

// printHelp is cobra's help function: the overview for plain dkscript, else the
// command's usage, description, flags and examples, in the layout dkscript has always
// used.
func printHelp(c *cobra.Command) {
	w := c.OutOrStdout()
	if !c.HasParent() {
		printTopHelp(w)
		return
	}
	printCommandHelp(w, c)
}

// printCommandHelp prints c's usage, description, flags and examples.
func printCommandHelp(w io.Writer, c *cobra.Command) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: dkscript %s\n\n", c.Use)
	b.WriteString(strings.TrimRight(c.Long, "\n"))
	b.WriteString("\n")
	if fl := flagList(c.NonInheritedFlags()); fl != "" {
		b.WriteString("\nFlags:\n")
		b.WriteString(fl)
	}
	if c.Annotations[annotationConnectionHelp] != "" {
		b.WriteString("\n")
		b.WriteString(connectionHelp)
	}
	if c.Example != "" {
		b.WriteString("\nExamples:\n")
		b.WriteString(strings.TrimRight(c.Example, "\n"))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// flagList formats the flags of fs but --help and hidden ones, one a line:
// "  -v, --verbose   usage", "  --url URL   usage (default x)".
func flagList(fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name, usage := valueName(f), f.Usage
		left := dashed(f.Name, false)
		if f.Shorthand != "" && len(f.Name) > 1 {
			left = "-" + f.Shorthand + ", " + left
		}
		if name != "" {
			left += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len(left))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, r.left, r.usage)
	}
	return b.String()
}
