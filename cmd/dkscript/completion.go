package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dkscript/dkscript/bindings/jstypes"
	"github.com/dkscript/dkscript/daktela/catalog"
)

var completionCommand = &command{
	name:    "completion",
	summary: "print a shell completion script",
	usage:   "completion bash|zsh|fish",
	help: `Prints a completion script for bash, zsh or fish: commands, their flags, and .js files.

Examples:
  source <(dkscript completion bash)            # bash, this shell only
  dkscript completion bash > /etc/bash_completion.d/dkscript
  dkscript completion zsh > "${fpath[1]}/_dkscript"
  dkscript completion fish > ~/.config/fish/completions/dkscript.fish
`,
	newFlags: func() (*flag.FlagSet, any) { return newFlagSet("completion"), nil },
	run: func(st *state, self *command, args []string) error {
		fs := newFlagSet("completion")
		if err := parseFlags(fs, "completion", args); err != nil {
			if helpRequested(err) {
				return printCommandHelp(st.Stdout, self)
			}
			return err
		}
		if fs.NArg() != 1 {
			return usagef("completion", "completion: name one shell: bash, zsh or fish")
		}
		switch fs.Arg(0) {
		case "bash":
			return writeBashCompletion(st.Stdout)
		case "zsh":
			return writeZshCompletion(st.Stdout)
		case "fish":
			return writeFishCompletion(st.Stdout)
		}
		return usagef("completion", "completion: unknown shell %q: want bash, zsh or fish", fs.Arg(0))
	},
}

// commandNames lists the visible commands.
func commandNames() []string {
	var names []string
	for _, c := range commands() {
		if !c.hidden {
			names = append(names, c.name)
		}
	}
	return names
}

// flagNames lists c's flags as typed ("--url", "-e").
func flagNames(c *command) []string {
	if c.newFlags == nil {
		return nil
	}
	fs, _ := c.newFlags()
	var out []string
	fs.VisitAll(func(f *flag.Flag) {
		if len(f.Name) == 1 {
			out = append(out, "-"+f.Name)
		} else {
			out = append(out, "--"+f.Name)
		}
	})
	slices.Sort(out)
	return out
}

func writeBashCompletion(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# bash completion for dkscript\n_dkscript() {\n")
	b.WriteString("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" cmd=\"${COMP_WORDS[1]}\"\n")
	b.WriteString("  if [[ $COMP_CWORD -eq 1 ]]; then\n")
	fmt.Fprintf(&b, "    COMPREPLY=($(compgen -W %q -- \"$cur\") $(compgen -f -X '!*.@(js|mjs|cjs)' -- \"$cur\") $(compgen -d -- \"$cur\"))\n", strings.Join(commandNames(), " "))
	b.WriteString("    return\n  fi\n  case \"$cmd\" in\n")
	for _, c := range commands() {
		if c.hidden {
			continue
		}
		words := flagNames(c)
		if c.name == "completion" {
			words = []string{"bash", "zsh", "fish"}
		}
		if c.name == "help" {
			words = append(commandNames(), "api")
		}
		fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -W %q -- \"$cur\")", c.name, strings.Join(words, " "))
		if c.name == "run" {
			b.WriteString(" $(compgen -f -X '!*.@(js|mjs|cjs)' -- \"$cur\") $(compgen -d -- \"$cur\")")
		}
		b.WriteString(" ;;\n")
	}
	b.WriteString("    *) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n  esac\n}\n")
	b.WriteString("shopt -s extglob 2>/dev/null\ncomplete -o filenames -F _dkscript dkscript\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeZshCompletion(w io.Writer) error {
	var b strings.Builder
	b.WriteString("#compdef dkscript\n# zsh completion for dkscript\n_dkscript() {\n")
	b.WriteString("  local -a cmds\n  cmds=(\n")
	for _, c := range commands() {
		if !c.hidden {
			fmt.Fprintf(&b, "    %s\n", zshQuote(c.name+":"+c.summary))
		}
	}
	b.WriteString("  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' cmds\n    _files -g '*.(js|mjs|cjs)'\n    return\n  fi\n")
	b.WriteString("  case $words[2] in\n")
	for _, c := range commands() {
		if c.hidden {
			continue
		}
		words := flagNames(c)
		switch c.name {
		case "completion":
			words = []string{"bash", "zsh", "fish"}
		case "help":
			words = append(commandNames(), "api")
		}
		fmt.Fprintf(&b, "    %s) compadd -- %s", c.name, strings.Join(words, " "))
		if c.name == "run" {
			b.WriteString("; _files -g '*.(js|mjs|cjs)'")
		}
		b.WriteString(" ;;\n")
	}
	b.WriteString("    *) _files ;;\n  esac\n}\n_dkscript \"$@\"\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func zshQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func writeFishCompletion(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# fish completion for dkscript\ncomplete -c dkscript -f\n")
	for _, c := range commands() {
		if c.hidden {
			continue
		}
		fmt.Fprintf(&b, "complete -c dkscript -n __fish_use_subcommand -a %s -d %s\n", c.name, zshQuote(c.summary))
	}
	b.WriteString("complete -c dkscript -n __fish_use_subcommand -F -a '(__fish_complete_suffix .js)'\n")
	for _, c := range commands() {
		if c.hidden || c.newFlags == nil {
			continue
		}
		fs, _ := c.newFlags()
		fs.VisitAll(func(f *flag.Flag) {
			opt := "-l " + f.Name
			if len(f.Name) == 1 {
				opt = "-s " + f.Name
			}
			fmt.Fprintf(&b, "complete -c dkscript -n '__fish_seen_subcommand_from %s' %s -d %s\n", c.name, opt, zshQuote(f.Usage))
		})
	}
	b.WriteString("complete -c dkscript -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n")
	b.WriteString("complete -c dkscript -n '__fish_seen_subcommand_from run' -F -a '(__fish_complete_suffix .js)'\n")
	_, err := io.WriteString(w, b.String())
	return err
}

var helpCommand = &command{
	name:    "help",
	summary: "show help for dkscript, a command or the JavaScript API",
	usage:   "help [COMMAND] | help api [NAME]",
	help: `Shows the overview, or a command's flags and examples.

"help api" lists the JavaScript API: every module (require("name"), and the global
daktela) and the globals, with the names each declares. "help api NAME" prints NAME's
signature and description, and for a module, class or interface its members. NAME is
written as in a script: Client, daktela.Client.execute, ReadRequest.addFilter,
csv.writer, dates.range. Both read the declarations "dkscript types" writes for editors,
as the REPL's .help does. "help api models" lists the API's models, "help api
models.Tickets" one model's fields, key and relations (from the model catalogue).

Examples:
  dkscript help
  dkscript help run
  dkscript help api
  dkscript help api ReadRequest.addFilter
  dkscript help api csv.writer
  dkscript help api models.Tickets
`,
	run: func(st *state, self *command, args []string) error {
		if len(args) == 0 {
			return printTopHelp(st.Stdout)
		}
		if args[0] == "api" {
			return printAPIHelp(st.Stdout, args[1:])
		}
		c := findCommand(args[0])
		if c == nil {
			return usagef("", "help: unknown command %q (\"dkscript help api\" describes the JavaScript API)", args[0])
		}
		return printCommandHelp(st.Stdout, c)
	},
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
