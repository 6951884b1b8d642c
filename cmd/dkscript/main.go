// Command dkscript runs JavaScript automation scripts against a Daktela V6 contact centre.
//
// Usage:
//
//	dkscript run [flags] script.js [args...]
//	dkscript eval [flags] 'expression'
//	dkscript repl [flags]
//	dkscript serve [flags] hooks.js
//	dkscript mock [flags]
//	dkscript types [flags]
//	dkscript version
//	dkscript completion bash|zsh|fish|powershell
//	dkscript help api [NAME]
//
// Run "dkscript help" or "dkscript COMMAND --help" for the flags, the configuration
// precedence and examples.
package main

import "os"

func main() {
	relaxGCForStartup()
	os.Exit(runMain(newOSState()))
}
