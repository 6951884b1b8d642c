package jsdaktela

import (
	"github.com/dkscript/dkscript/bindings"
	"github.com/dop251/goja"
)

// clientArgs reads the url and token of new daktela.Client and Client.getInstance. An
// undefined one most often comes from process.env (the PHP README's flow): dkscript
// withholds DAKTELA_TOKEN from scripts, and its URL may come from --url or a profile
// rather than DAKTELA_URL. The error says so and what to use instead.
func (in *instance) clientArgs(a bindings.Args) (url, token string) {
	for i, name := range []string{"url", "token"} {
		if v := a.Value(i); v == nil || goja.IsUndefined(v) {
			panic(in.vm.NewTypeError(a.Method + ": " + name + " is undefined. " + undefinedConnectionHelp[i]))
		}
	}
	return a.String(0, "url"), a.String(1, "token")
}

// undefinedConnectionHelp explains an undefined url and an undefined token.
var undefinedConnectionHelp = [2]string{
	"If it is process.env.DAKTELA_URL: dkscript may take the instance URL from --url or a profile " +
		"instead, and daktela.client() is the connection it configured.",
	"If it is process.env.DAKTELA_TOKEN: dkscript withholds that variable from scripts, so that the token " +
		"stays out of every script's reach. Use daktela.client(), the connection dkscript configured " +
		"(from DAKTELA_URL and DAKTELA_TOKEN, --token-file or a profile); or, for another instance, " +
		"pass a token from a variable of your own naming (in the environment or an --env-file).",
}
