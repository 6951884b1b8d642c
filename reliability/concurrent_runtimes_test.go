package reliability_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// concurrentScript reads, iterates, creates, reads back and runs async requests; it
// prints what it saw so the test can check it against the server.
const concurrentScript = `
const i = Number(process.argv[2])
const c = daktela.client()
const all = c.execute(daktela.buildReadRequest("CampaignsRecords").setTake(37).setFields(["name"])
	.setRequestType(daktela.ReadRequest.TYPE_ALL))
const names = all.data.map(r => r.name)
let n = 0
for (const r of c.iterate(daktela.buildReadRequest("CampaignsRecords").setFields(["name"]), {pageSize: 53})) {
	if (r.name !== names[n]) throw new Error("iterate gave " + r.name + " at " + n + ", read-all " + names[n])
	n++
}
const created = c.execute(daktela.buildCreateRequest("Contacts")
	.addStringAttribute("firstname", "Runner" + i).addStringAttribute("lastname", "Parallel"))
const back = c.execute(daktela.buildReadSingleRequest("Contacts", created.data.name))
const [ticket, queues] = await c.executeAll([
	daktela.buildReadSingleRequest("Tickets", String(1001 + i % 40)),
	daktela.buildReadRequest("Queues"),
])
await new Promise(r => setTimeout(r, i % 7))
console.log(JSON.stringify({count: names.length, first: names[0], last: names[names.length - 1], iterated: n,
	contact: created.data.name, firstname: back.data.firstname, ticket: String(ticket.data.name), queues: queues.total}))
`

// TestFiftyRuntimes runs 50 runtimes at once in this process against one fake server
// (half sharing one client, half with their own): every script's reads match the
// server's data, every create lands once, and -race finds nothing.
func TestFiftyRuntimes(t *testing.T) {
	const runtimes = 50
	srv := daktelatest.NewServer(daktelatest.Options{Jitter: 2 * time.Millisecond})
	defer srv.Close()
	want := srv.Names("campaignsRecords")
	contactsBefore := srv.Count("contacts")
	shared := srv.Client()

	type result struct {
		Count, Iterated, Queues                 int
		First, Last, Contact, Firstname, Ticket string
	}
	results := make([]result, runtimes)
	errs := make([]error, runtimes)
	outs := make([]string, runtimes)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < runtimes; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := shared
			if i%2 == 1 {
				c = srv.Client()
				c.ApiCommunicator().SetAuthenticationMethod(daktela.AuthQuery)
			}
			var stdout, stderr bytes.Buffer
			rt, err := runtime.New(runtime.Options{Client: c, Stdout: &stdout, Stderr: &stderr, Args: []string{strconv.Itoa(i)}})
			if err != nil {
				errs[i] = err
				return
			}
			defer rt.Close()
			<-start
			if err := rt.RunString(testCtx(t, 2*time.Minute), "parallel.js", concurrentScript); err != nil {
				errs[i] = fmt.Errorf("%v\n%s", err, stderr.String())
				return
			}
			outs[i] = stdout.String()
			errs[i] = json.Unmarshal(stdout.Bytes(), &results[i])
		}()
	}
	close(start)
	wg.Wait()

	contacts := make(map[string]bool)
	for i, r := range results {
		if errs[i] != nil {
			t.Errorf("runtime %d: %v", i, errs[i])
			continue
		}
		if r.Count != len(want) || r.Iterated != len(want) || r.First != want[0] || r.Last != want[len(want)-1] {
			t.Errorf("runtime %d read %d/%d records from %s to %s; the server has %d from %s to %s",
				i, r.Count, r.Iterated, r.First, r.Last, len(want), want[0], want[len(want)-1])
		}
		if r.Firstname != "Runner"+strconv.Itoa(i) || contacts[r.Contact] {
			t.Errorf("runtime %d: created %q (read back %q), a name seen before: %v", i, r.Contact, r.Firstname, contacts[r.Contact])
		}
		contacts[r.Contact] = true
		if r.Ticket != strconv.Itoa(1001+i%40) || r.Queues != srv.Count("queues") {
			t.Errorf("runtime %d: ticket %q, %d queues: %s", i, r.Ticket, r.Queues, outs[i])
		}
	}
	if got := srv.Count("contacts") - contactsBefore; got != runtimes {
		t.Errorf("%d contacts created, want %d", got, runtimes)
	}
	if n := countSent(srv, "POST", "contacts"); n != runtimes {
		t.Errorf("%d creates sent, want %d", n, runtimes)
	}
}
