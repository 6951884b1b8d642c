package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dkscript/dkscript/bindings/jstypes"
	"github.com/dkscript/dkscript/daktela/catalog"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// completionShells are the shells dkscript completion writes a script for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// newCompletionCommand is dkscript completion SHELL. The scripts are cobra's: they ask
// the binary itself what to complete (the hidden __complete command), so they know
// every command and flag of the binary they came from, and complete profile names,
// models and script files from what is there at the time.
func newCompletionCommand(st *state) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "print a shell completion script",
		Long: `Prints a completion script for bash, zsh, fish or PowerShell. It completes commands,
their flags, scripts (.js, .mjs, .cjs, .ts, .mts) where a script goes, profile names
after --profile (from the config file), models after --records and help api, and the
values of --auth and --log-format. The script asks this binary what to offer.

The bash script needs the bash-completion package (apt install bash-completion); zsh
needs "autoload -U compinit && compinit" in ~/.zshrc. Install it once, then start a new
shell (docs/cli.md has each shell's way):
`,
		Example: `  source <(dkscript completion bash)            # bash, this shell only
  dkscript completion bash > ~/.local/share/bash-completion/completions/dkscript
  dkscript completion zsh > ~/.zfunc/_dkscript  # with fpath=(~/.zfunc $fpath) in ~/.zshrc
  dkscript completion fish > ~/.config/fish/completions/dkscript.fish
  dkscript completion powershell >> $PROFILE
`,
		ValidArgs: completionShells,
		Args:      cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("completion", "completion: name one shell: bash, zsh, fish or powershell")
			}
			root, w := c.Root(), c.OutOrStdout()
			switch args[0] {
			case "bash":
				if err := root.GenBashCompletionV2(w, true); err != nil {
					return err
				}
				_, err := io.WriteString(w, bashCompletionLoader)
				return err
			case "zsh":
				return root.GenZshCompletion(w)
			case "fish":
				return root.GenFishCompletion(w, true)
			case "powershell":
				return root.GenPowerShellCompletionWithDesc(w)
			}
			return usagef("completion", "completion: unknown shell %q: want bash, zsh, fish or powershell", args[0])
		},
	}
}

// bashCompletionLoader follows cobra's bash script, which builds on the bash-completion
// package (_get_comp_words_by_ref, _filedir): where that package is installed but not
// loaded (a shell started without /etc/profile, a container), it loads it; where it is
// missing, it says so once, instead of "command not found" at every Tab.
const bashCompletionLoader = `
# dkscript: the functions above come from the bash-completion package.
if ! declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
    for __dkscript_bc in /usr/share/bash-completion/bash_completion \
        /opt/homebrew/etc/profile.d/bash_completion.sh /usr/local/etc/profile.d/bash_completion.sh; do
        if [[ -r $__dkscript_bc ]]; then
            . "$__dkscript_bc"
            break
        fi
    done
    unset __dkscript_bc
    if ! declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        echo "dkscript: completion needs the bash-completion package (apt install bash-completion, brew install bash-completion@2)" >&2
    fi
fi
`

// scriptExtensions are the file name extensions of the scripts dkscript runs.
var scriptExtensions = []string{"js", "mjs", "cjs", "ts", "mts"}

// completeScriptArgs completes run's arguments: a script file first, then the
// script's own arguments (any file).
func completeScriptArgs(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return scriptFileCompletions(toComplete)
}

// completeRootArgs completes plain dkscript's first argument: cobra offers the
// commands, and this adds the scripts and directories that match, so "dkscript r"
// offers both run and report.js. After the script come the script's own arguments.
func completeRootArgs(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return scriptFileCompletions(toComplete)
}

// scriptFileCompletions lists the scripts and directories that start with prefix. The
// list is made here rather than by the shell (cobra's "filter by extension"), which
// fish cannot do: every shell then offers the same files. A lone directory gets no
// space after it, so Tab goes on into it.
func scriptFileCompletions(prefix string) ([]string, cobra.ShellCompDirective) {
	files := scriptFiles(prefix)
	directive := cobra.ShellCompDirectiveNoFileComp
	if len(files) == 1 && strings.HasSuffix(files[0], "/") {
		directive |= cobra.ShellCompDirectiveNoSpace
	}
	return files, directive
}

// scriptFiles lists the scripts and directories whose path starts with prefix, as
// "dir/name.js" and "dir/sub/" (hidden ones only when prefix names a dot; "~/" is the
// home directory).
func scriptFiles(prefix string) []string {
	dir, base := filepath.Split(prefix)
	readDir := cmpOr(dir, ".")
	if rest, ok := strings.CutPrefix(dir, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil
		}
		readDir = filepath.Join(home, rest)
	}
	entries, err := os.ReadDir(readDir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if isDir(filepath.Join(readDir, name), e) {
			out = append(out, dir+name+"/")
		} else if slices.Contains(scriptExtensions, strings.TrimPrefix(filepath.Ext(name), ".")) {
			out = append(out, dir+name)
		}
	}
	return out
}

// isDir reports whether the entry at path is a directory or a link to one.
func isDir(path string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// cmpOr returns s, or def when s is empty.
func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// completeEvalArgs completes eval's arguments: nothing for the code, then files.
func completeEvalArgs(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveDefault
}

// completeRunFlags registers the value completions of the run flags on c: profile
// names, the fixed choices, files for the file flags, and nothing (no file names) for
// the others; then the fake server's flags.
func completeRunFlags(c *cobra.Command, st *state) {
	c.RegisterFlagCompletionFunc("profile", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return profileNames(st), cobra.ShellCompDirectiveNoFileComp
	})
	c.RegisterFlagCompletionFunc("auth", cobra.FixedCompletions([]string{"header\ttoken in the X-AUTH-TOKEN header", "query\ttoken in the accessToken parameter"}, cobra.ShellCompDirectiveNoFileComp))
	c.RegisterFlagCompletionFunc("log-format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	for _, name := range []string{"token-file", "env-file"} {
		c.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveDefault
		})
	}
	completeFakeFlags(c)
	noFileCompletion(c)
}

// completeFakeFlags registers the completion of --records (model names) on c.
func completeFakeFlags(c *cobra.Command) {
	c.RegisterFlagCompletionFunc("records", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		done, _ := cutLast(toComplete, ",")
		var out []string
		for _, m := range catalog.Models() {
			if !m.Nested {
				out = append(out, done+m.Name+"=")
			}
		}
		return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	})
	noFileCompletion(c)
}

// cutLast returns s up to and including the last sep, and the rest ("" and s when
// sep is not in s).
func cutLast(s, sep string) (before, after string) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i+len(sep)], s[i+len(sep):]
	}
	return "", s
}

// noFileCompletion makes every flag of c that takes a value and has no completion yet
// complete nothing, rather than the shell's file names.
func noFileCompletion(c *cobra.Command) {
	for _, name := range flagNamesWithValues(c) {
		f := c.Flags().Lookup(name)
		_, dirs := f.Annotations[cobra.BashCompSubdirsInDir]
		_, exts := f.Annotations[cobra.BashCompFilenameExt]
		if _, ok := c.GetFlagCompletionFunc(name); !ok && !dirs && !exts {
			c.RegisterFlagCompletionFunc(name, cobra.NoFileCompletions)
		}
	}
}

// flagNamesWithValues lists c's flags that take a value.
func flagNamesWithValues(c *cobra.Command) []string {
	var out []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.NoOptDefVal == "" {
			out = append(out, f.Name)
		}
	})
	return out
}

// profileNames lists the profiles of the config file with their URLs, sorted (none
// when it cannot be read: completion prints no errors or warnings).
func profileNames(st *state) []string {
	quiet := *st
	quiet.Stderr = io.Discard
	cfg, err := loadConfig(&quiet, configPath(&quiet, st.Env))
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(cfg.Profiles))
	for name, p := range cfg.Profiles {
		names = append(names, name+"\t"+p.URL)
	}
	slices.Sort(names)
	return names
}

// completeHelpArgs completes "help": the commands and api, then after "help api" the
// JavaScript API's names and the models.
func completeHelpArgs(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	switch {
	case len(args) == 0:
		out := []string{"api\tthe JavaScript API"}
		for _, sub := range c.Root().Commands() {
			if sub.IsAvailableCommand() || sub == c {
				out = append(out, sub.Name()+"\t"+sub.Short)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	case len(args) == 1 && args[0] == "api":
		return apiNames(toComplete), cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// apiNames lists what "help api" describes, one level at a time, as a script writes
// the names: the modules, classes and functions (the daktela module's without
// "daktela.", as scripts use them) and "models"; after "csv." or "Client." their
// members, after "models." the models.
func apiNames(toComplete string) []string {
	depth := strings.Count(toComplete, ".")
	all := []string{"models"}
	for _, m := range catalog.Models() {
		all = append(all, "models."+m.PHPName())
	}
	for _, e := range jstypes.Help() {
		name := e.Name
		if short, ok := strings.CutPrefix(name, "daktela."); ok && !strings.HasPrefix(toComplete, "daktela.") {
			name = short
		}
		all = append(all, name)
	}
	var out []string
	for _, name := range all {
		if strings.Count(name, ".") == depth && strings.HasPrefix(name, toComplete) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
