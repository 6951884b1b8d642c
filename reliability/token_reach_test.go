package reliability_test

import (
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// resultsWalk goes on from tokenWalk (same walk function) to what a script gets back
// from the client: responses of reads and writes (whoim's, whose user carries the token
// in _sys.accessToken on the wire), async ones, an iteration, the
// exceptions of a 404, of a server error that outlived its retries and of a write refused
// by the API, and the entries a logger given to setLogger receives; then prints them as
// console.log and util.inspect do, with the exceptions' stacks.
const resultsWalk = `
found.length = 0
seen.clear()
const comm = c.getApiCommunicator()
const logs = []
comm.setLogger((e) => logs.push(e))
const got = {}
got.read = c.execute(daktela.buildReadRequest("Users").setTake(2))
got.single = c.execute(daktela.buildReadSingleRequest("Users", "admin"))
got.whoim = c.execute(daktela.buildReadRequest("Whoim"))
got.write = c.execute(daktela.buildCreateRequest("Statuses").addStringAttribute("title", "walked"))
got.async = await c.executeAsync(daktela.buildReadRequest("Queues").setTake(1))
got.all = await c.executeAll([daktela.buildReadRequest("Queues").setTake(1)])
got.rows = []
for (const r of c.iterate(daktela.buildReadRequest("Queues"), { pageSize: 1 })) got.rows.push(r)
for (const [name, fn] of [
	["notFound", () => c.execute(daktela.buildReadSingleRequest("Users", "nobody"))],
	["serverError", () => c.execute(daktela.buildReadRequest("Tickets"))],
	["refusedWrite", () => c.execute(daktela.buildCreateRequest("CampaignsRecords").addAttribute("queue", "not a queue"))],
]) {
	try { fn(); got[name] = "no exception" } catch (e) { got[name] = e; found.push(name + ".stack=" + e.stack) }
}
try { await c.executeAsync(daktela.buildReadSingleRequest("Queues", "nope")) } catch (e) { got.asyncNotFound = e; found.push("asyncNotFound.stack=" + e.stack) }
got.health = c.healthCheck()
got.logs = logs
walk(got, "got", 0)
console.log(got)
console.log(require("util").inspect(got, { depth: 8, showHidden: true }))
console.log(found.join("\n"))
`

// TestScriptCannotReachTheTokenThroughResults extends TestScriptCannotReadTheToken past
// the client object: nothing a script gets back from daktela.client() holds the token
// either, in both auth modes (with query auth the token travels in every URL). The REPL
// masks the token only in what it prints itself, not in a script's console.log, so this
// is what keeps the token out of a REPL session.
func TestScriptCannotReachTheTokenThroughResults(t *testing.T) {
	const token = "TOKEN-results-4b7c2e91a0d3"
	srv := daktelatest.NewServer(daktelatest.Options{Token: token, Faults: "5xx:path=tickets"})
	defer srv.Close()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		c := faultClient(srv, auth)
		out, errOut := runJS(t, runtime.Options{Client: c}, tokenWalk+resultsWalk)
		all := out + errOut
		for _, want := range []string{
			"got.read.", "got.write.", "got.async.", "got.rows.", "got.health.",
			"got.notFound.code=404", "got.serverError.code=5", "got.refusedWrite.code=4", "got.asyncNotFound.code=404",
			"got.logs.0.path=", "notFound.stack=", "got.whoim.", "._sys.accessToken=REDACTED", ".extensions.0.type=SIP",
		} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: the walk did not reach %q; output:\n%.3000s", auth, want, all)
			}
		}
		if strings.Contains(all, token) || strings.Contains(all, token[6:]) {
			i := strings.Index(all, token[6:])
			t.Errorf("%s: the token is reachable from a script: ...%s...", auth, all[max(0, i-200):i])
		}
		if errOut != "" {
			t.Errorf("%s: the walk failed: %s", auth, errOut)
		}
	}
}
