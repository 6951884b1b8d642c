package jsdaktela

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela"

	"github.com/dop251/goja"
)

// scriptCase is a script run against the fake API, with what it must print, or the
// error it must end with (message and position).
type scriptCase struct {
	name    string
	src     string
	want    string // printed lines (with wantErr: those before the error, when set)
	wantErr string // substring of the uncaught error, including "test.js:LINE"
}

func runCases(t *testing.T, cfg func(*fakeAPI) Config, cases []scriptCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			api := newFakeAPI(t, 250)
			h := newTestHost(t, cfg(api))
			_, err := h.Eval(tc.src)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("no error; output:\n%s", h.Output.String())
				}
				if got := scriptError(err); !strings.Contains(got, tc.wantErr) {
					t.Fatalf("error %q does not contain %q", got, tc.wantErr)
				}
				if got := h.Output.String(); tc.want != "" && got != tc.want {
					t.Errorf("output before the error:\n%s\nwant:\n%s", got, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("run: %v\noutput so far:\n%s", err, h.Output.String())
			}
			if got := h.Output.String(); got != tc.want {
				t.Errorf("output:\n%s\nwant:\n%s", got, tc.want)
			}
			if strings.Contains(h.Output.String(), testToken) {
				t.Errorf("the token reached the script's output")
			}
		})
	}
}

// scriptError renders an uncaught error as a runtime reports it: the thrown value and
// the first frame in the script (native frames, such as the module's methods, have no
// position of their own).
func scriptError(err error) string {
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return err.Error()
	}
	msg := ex.Value().String()
	for _, f := range ex.Stack() {
		if f.SrcName() == "test.js" {
			p := f.Position()
			return fmt.Sprintf("%s at test.js:%d:%d", msg, p.Line, p.Column)
		}
	}
	return msg + " (no script frame)"
}

func withClient(api *fakeAPI) Config { return Config{Client: newTestClient(api)} }

func TestBuilders(t *testing.T) {
	runCases(t, withClient, []scriptCase{{
		name: "read request getters",
		src: `
const r = daktela.RequestFactory.buildReadRequest("CampaignsRecords")
	.addFilter("created", "gte", "2020-11-01 00:00:00")
	.addFilterFromArray([
		{field: "edited", operator: "lte", 0: "2020-11-30 23:59:59"},
		["action", "eq", "0"],
	])
	.addSort("created", "asc")
	.setFields(["name", "number"])
	.setTake(1000).setSkip(10)
	.setSkipErrorRequests(true)
	.addAdditionalQueryParameter("q", "novak");
print(r.getModel(), r.getTake(), r.getSkip(), r.isSkipErrorRequests(), r.getRequestType());
print(JSON.stringify(r.getFilters()));
print(JSON.stringify(r.getSorts()), JSON.stringify(r.getFields()), JSON.stringify(r.getAdditionalQueryParameters()));
print(r.getObjectName(), r.getRelation());
print(r instanceof daktela.ReadRequest, daktela.buildReadRequest === daktela.RequestFactory.buildReadRequest);
`,
		want: `CampaignsRecords 1000 10 true multiple
{"logic":"and","filters":[{"field":"created","operator":"gte","value":"2020-11-01 00:00:00"},{"field":"edited","operator":"lte","value":"2020-11-30 23:59:59"},{"field":"action","operator":"eq","value":"0"}]}
[{"field":"created","dir":"asc"}] ["name","number"] {"q":"novak"}
null null
true true
`,
	}, {
		name: "request types and single and relation builders",
		src: `
const s = daktela.buildReadSingleRequest("CampaignsRecords", "records_5fa2");
const rel = daktela.buildReadRelationRequest("CampaignsRecords", "records_5fa2", "activities");
const t = daktela.buildReadRequest("CampaignsRecords").setRequestType(daktela.RequestType.TYPE_SINGLE).setObjectName("x");
print(s.getRequestType(), s.getObjectName(), rel.getRequestType(), rel.getRelation(), t.getRequestType());
print(daktela.ReadRequest.TYPE_ALL, daktela.ReadRequest.TYPE_MULTIPLE, daktela.buildReadRequest("A").setRequestType(2).getRequestType());
`,
		want: "single records_5fa2 multiple activities single\nall multiple all\n",
	}, {
		name: "attributes keep their order and types",
		src: `
const c = daktela.buildCreateRequest("CampaignsRecords")
	.addStringAttribute("number", "00420226211245")
	.addIntAttribute("number", 0)
	.addAttributes({queue: 3000, skipped: null, customFields: {note: ["a"]}})
	.addFloatAttribute("f", 1.5).addDoubleAttribute("d", 2).addBoolAttribute("b", false)
	.addArrayAttribute("tags", ["x", 1, null])
	.addAttribute("when", new Date(Date.UTC(2020, 0, 2)));
print(JSON.stringify(c.getAttributes()));
const u = daktela.buildUpdateRequest("CampaignsRecords").setObjectName("records_1").addAttributes({a: null}, true);
print(u.getObjectName(), JSON.stringify(u.getAttributes()), u instanceof daktela.UpdateRequest);
print(daktela.buildDeleteRequest("CampaignsRecords").setObjectName("r").getObjectName());
`,
		want: `{"number":0,"queue":3000,"customFields":{"note":["a"]},"f":1.5,"d":2,"b":false,"tags":["x",1,null],"when":"2020-01-02 01:00:00"}
records_1 {"a":null} true
r
`,
	}})
}

func TestBadArguments(t *testing.T) {
	runCases(t, withClient, []scriptCase{
		{name: "int attribute", src: "\nconst c = daktela.buildCreateRequest(\"X\");\nc.addIntAttribute(\"x\", \"a\");",
			wantErr: `TypeError: addIntAttribute: value must be an integer, got "a" at test.js:3`},
		{name: "empty key named by its setter", src: "daktela.buildUpdateRequest(\"X\").addStringAttribute(\"\", \"v\");",
			wantErr: `TypeError: addStringAttribute: key must be an attribute name, got "" at test.js:1`},
		{name: "empty key adds nothing", src: "const c = daktela.buildCreateRequest(\"X\");\ntry { c.addAttributes({a: 1, \"\": 2}); } catch (e) {}\nif (Object.keys(c.getAttributes()).length) throw new Error(\"added\");\nc.addAttributes({\"\": 1});",
			wantErr: `TypeError: addAttributes: attributes must be an object whose keys are attribute names (not ""), got an object at test.js:4`},
		{name: "missing argument", src: "daktela.buildReadRequest(\"X\").addFilter(\"a\", \"eq\");",
			wantErr: `TypeError: addFilter: missing argument value (a string, a number, a boolean, a Date or an array of strings) at test.js:1`},
		{name: "unknown operator", src: "\n\ndaktela.buildReadRequest(\"X\").addFilter(\"a\", \"==\", \"b\");",
			wantErr: `addFilter: operator must be one of eq, neq,`},
		{name: "unknown operator position", src: "\n\ndaktela.buildReadRequest(\"X\").addFilter(\"a\", \"==\", \"b\");",
			wantErr: `(did you mean "eq"?), got "==" at test.js:3:`},
		{name: "non-integer take", src: "daktela.buildReadRequest(\"X\").setTake(1.5);",
			wantErr: `TypeError: setTake: take must be an integer, got 1.5 at test.js:1`},
		{name: "take out of range", src: "daktela.buildReadRequest(\"X\").setTake(5000);",
			wantErr: `setTake: take must be a page size from 1 to 1000, got 5000`},
		{name: "NaN attribute", src: "daktela.buildCreateRequest(\"X\").addAttribute(\"n\", {a: [1, NaN]});",
			wantErr: `addAttribute: value.a[1] must be a JSON value, got NaN`},
		{name: "function attribute", src: "daktela.buildCreateRequest(\"X\").addAttributes({f() {}});",
			wantErr: `addAttributes: attributes.f must be a JSON value, got a function`},
		{name: "cycle", src: "const o = {}; o.self = o; daktela.buildCreateRequest(\"X\").addAttribute(\"o\", o);",
			wantErr: `addAttribute: value.self contains itself`},
		{name: "wrong type", src: "daktela.buildReadRequest(42);",
			wantErr: `TypeError: buildReadRequest: model must be a string, got 42 at test.js:1`},
		{name: "bad sort", src: "daktela.buildReadRequest(\"X\").addSort(\"a\", \"up\");",
			wantErr: `addSort: dir must be "asc" or "desc", got "up"`},
		{name: "unknown request type", src: `
try { daktela.buildReadRequest("X").setRequestType("many"); }
catch (e) { print(e instanceof daktela.UnknownRequestTypeException, e instanceof daktela.RequestException, e.message); }
daktela.buildReadRequest("X").setRequestType(7);`,
			wantErr: `UnknownRequestTypeException: setRequestType: unknown request type 7`},
		{name: "bad filter array", src: "daktela.buildReadRequest(\"X\").addFilterFromArray([[\"a\", \"bogus\", \"b\"]]);",
			wantErr: `addFilterFromArray: `},
		{name: "method on wrong object", src: "const f = daktela.buildReadRequest(\"X\").setTake; f.call({}, 5);",
			wantErr: `ReadRequest.setTake: called on an object, not on a ReadRequest`},
		{name: "caught mistake is not thrown again by the next call", src: `
const r = daktela.buildReadRequest("X");
try { r.addFilter("", "eq", "a"); } catch (e) { print(e.message); }
r.addFilter("name", "eq", "b").addSort("name");
const c = daktela.buildCreateRequest("X");
try { c.addAttribute("", 1); } catch (e) { print(e.message); }
c.addStringAttribute("name", "v");
print(JSON.stringify(c.getAttributes()));
print("later calls pass");
daktela.client().execute(r);`,
			want:    "addFilter: field must be a field name, got \"\"\naddAttribute: key must be an attribute name, got \"\"\n{\"name\":\"v\"}\nlater calls pass\n",
			wantErr: `addFilter: field must be a field name, got "" at test.js:10`},
		{name: "unknown iterate option", src: "daktela.client().iterate(daktela.buildReadRequest(\"X\"), {pagesize: 5});",
			wantErr: `iterate: unknown option "pagesize" in options (known: pageSize, maxItems, stopOnError, concurrency)`},
	})
}

func TestClients(t *testing.T) {
	runCases(t, func(*fakeAPI) Config { return Config{} }, []scriptCase{
		{name: "no configured client", src: "\ndaktela.client();",
			wantErr: "daktela.client(): no Daktela connection is configured"},
		{name: "new clients not allowed", src: "new daktela.Client(\"https://x\", \"t\");",
			wantErr: "new daktela.Client: this runtime does not allow scripts to create clients"},
		{name: "getInstance not allowed", src: "daktela.Client.getInstance(\"https://x\", \"t\");",
			wantErr: "daktela.Client.getInstance: this runtime does not allow"},
	})
	runCases(t, func(api *fakeAPI) Config { return Config{AllowNewClients: true} }, []scriptCase{{
		name: "getInstance gives the same client, no token readable",
		src: `
const a = daktela.Client.getInstance("` + "URL" + `", "t1"), b = daktela.Client.getInstance("URL", "t1");
const c = new daktela.Client("URL", "t1");
print(a === b, a === c, c instanceof daktela.Client, JSON.stringify(Object.keys(a)), a.token);
`,
		want: "true false true [] undefined\n",
	}})
}

func TestExecute(t *testing.T) {
	runCases(t, withClient, []scriptCase{{
		name: "list read",
		src: `
const client = daktela.client();
const res = client.execute(daktela.buildReadRequest("Users").addFilter("name", "eq", "admin"));
const data = res.getData();
print(res instanceof daktela.Response, Array.isArray(data), data.length, res.getTotal(), res.total, res.httpStatus, res.isSuccess(), res.hasErrors(), res.isEmpty());
print(Object.keys(data[0]).join(","), data[0].queue.name, data === res.getData(), data === res.data, data[0] === res.getData()[0]);
data[0].title = "changed";
print(res.getData()[0].title, JSON.stringify(res.getErrors()), res.getFirstError(), res.dryRun);
print(client === daktela.client());
`,
		want: `true true 2 2 2 200 true false false
name,title,email,queue q1 true true true
changed [] null false
true
`,
	}, {
		name: "single read, create, update, delete",
		src: `
const client = daktela.client();
const one = client.execute(daktela.buildReadSingleRequest("Users", "admin"));
print(one.getData().title, Array.isArray(one.getData()));
const created = client.execute(daktela.buildCreateRequest("CampaignsRecords").addStringAttribute("number", "00420226211245").addIntAttribute("queue", 3000));
print(created.httpStatus, JSON.stringify(created.data));
const upd = client.execute(daktela.buildUpdateRequest("CampaignsRecords").setObjectName("records_1").addAttributes({queue: 3001}));
print(upd.httpStatus, upd.data.queue);
const del = client.execute(daktela.buildDeleteRequest("CampaignsRecords").setObjectName("records_1"));
print(del.httpStatus, del.data, del.isEmpty());
`,
		want: `Administrator false
201 {"number":"00420226211245","queue":3000}
200 3001
204 null true
`,
	}, {
		name: "not found exception",
		src: `
const client = daktela.client();
try {
	client.execute(daktela.buildReadSingleRequest("Users", "nobody"));
} catch (e) {
	print(e instanceof daktela.NotFoundException, e instanceof daktela.RequestException, e instanceof Error, e.name);
	print(e.code, e.getHttpStatus(), JSON.stringify(e.getErrors()));
	print(e.stack.split("\n")[1].trim());
}
`,
		want: `true true true NotFoundException
404 404 ["Record not found"]
at test.js:4:16
`,
	}, {
		name: "rate limit and request exceptions",
		src: `
const client = daktela.client();
try { client.execute(daktela.buildReadRequest("limited")); }
catch (e) { print(e instanceof daktela.RateLimitException, e.getRetryAfterSeconds(), e.code); }
try { client.execute(daktela.buildCreateRequest("broken")); }
catch (e) { print(e instanceof daktela.RequestException, e instanceof daktela.NotFoundException, e.code, JSON.stringify(e.getErrors())); }
try { client.execute(daktela.buildDeleteRequest("CampaignsRecords")); }
catch (e) { print(e instanceof daktela.NotFoundException, e.getHttpStatus()); }
`,
		want: `true 7 429
true false 400 {"form":{"number":["Number is required"]}}
true null
`,
	}, {
		name:    "uncaught exception position",
		src:     "\nconst c = daktela.client();\nc.execute(daktela.buildReadSingleRequest(\"Users\", \"nobody\"));\n",
		wantErr: "NotFoundException: GET users/nobody.json: HTTP 404 Not Found: Record not found at test.js:3",
	}, {
		name: "ping and health",
		src: `
const h = daktela.client().healthCheck();
print(daktela.client().ping(), h.healthy, h.status_code, typeof h.latency_ms);
`,
		want: "true true 200 number\n",
	}})
}

func TestIterate(t *testing.T) {
	runCases(t, withClient, []scriptCase{{
		name: "for of, break and helpers",
		src: `
const client = daktela.client();
const req = daktela.buildReadRequest("CampaignsRecords");
let n = 0, last;
for (const r of client.iterate(req, {pageSize: 100})) { n++; last = r.name; }
print(n, last);
let k = 0;
for (const r of client.iterate(req, 100)) { if (++k === 5) break; }
print(k);
const it = client.iterate(req, {pageSize: 100, maxItems: 120});
print(it.count(), it.first().name, it.toArray().length, it.isEmpty());
const names = it.filter(r => r.action === "1").map(r => r.name);
print(names.first(), names.toArray().length, names.count());
let pages = 0, total = 0;
for (const p of client.iterate(req, {pageSize: 100}).pages()) { pages++; total = p.getTotal(); }
print(pages, total);
let each = 0; client.iterate(req, 100, 10).each((r, i) => { each += i; });
print(each);
`,
		want: `250 records_249
5
120 records_0 120 false
records_1 40 40
3 250
45
`,
	}})
}

func TestAsync(t *testing.T) {
	runCases(t, withClient, []scriptCase{{
		name: "executeAsync and executeAll",
		src: `
const client = daktela.client();
const a = client.executeAsync(daktela.buildReadRequest("Users")).then(r => "async " + r.getData().length);
const b = client.executeAll([
	daktela.buildReadSingleRequest("Users", "admin"),
	daktela.buildReadRequest("CampaignsRecords").setTake(5),
	daktela.buildReadRequest("Users"),
], {concurrency: 2}).then(rs => "all " + rs.map(r => r.httpStatus).join(",") + " " + rs[1].data.length);
const c = client.executeAsync(daktela.buildReadSingleRequest("Users", "nobody")).catch(e => "rejected " + (e instanceof daktela.NotFoundException) + " " + e.stack.split("\n")[1].trim());
Promise.all([a, b, c]).then(lines => lines.forEach(l => print(l)));
`,
		want: "async 2\nall 200,200,200 5\nrejected true at test.js:9:30\n",
	}})
}

func TestLoggerAndCommunicator(t *testing.T) {
	runCases(t, withClient, []scriptCase{{
		name: "logger entries arrive on the JS thread",
		src: `
const client = daktela.client();
const entries = [];
const comm = client.getApiCommunicator();
print(comm === client.getApiCommunicator());
comm.setLogger(e => entries.push(e))
	.setRequestTimeout(12.5)
	.setUserAgentSuffix("MyApp/1.0")
	.setAuthenticationMethod(daktela.ApiCommunicator.AUTHENTICATION_METHOD_QUERY)
	.setRetryConfig(daktela.RetryConfig.disabled())
	.setRateLimitConfig(new daktela.RateLimitConfig({autoRetry: false, maxWaitSeconds: 10}));
client.execute(daktela.buildReadRequest("Users"));
const e = entries[0];
print(entries.length, e.level, e.method, e.path, e.status, e.attempt, typeof e.durationMs, JSON.stringify(e).includes("secret"));
print(comm.getRequestTimeout(), comm.getAuthenticationMethod(), comm.getUserAgent().endsWith(" MyApp/1.0"));
print(comm.getRateLimitConfig().getMaxWaitSeconds(), comm.getRetryConfig().getMaxRetries());
comm.setAuthenticationMethod(daktela.ApiCommunicator.AUTHENTICATION_METHOD_HEADER).setLogger(null);
client.execute(daktela.buildReadRequest("Users"));
print(entries.length);
`,
		want: `true
1 info GET users.json?skip=0&take=100 200 1 number false
12.5 query true
10 0
1
`,
	}, {
		name: "retry config",
		src: `
const r = new daktela.RetryConfig({maxRetries: 4, baseDelayMs: 50, retryableStatusCodes: [503]});
print(r.getMaxRetries(), r.getBaseDelayMs(), r.getMaxDelayMs(), r.getMultiplier(), r.isRetryableStatus(503), r.isRetryableStatus(500), r.getDelayForAttempt(2));
const p = new daktela.RetryConfig(2, 10);
print(p.maxRetries, p.baseDelayMs, r instanceof daktela.RetryConfig);
print(daktela.RetryConfig.aggressive().getMaxRetries(), daktela.RetryConfig.disabled().getMaxRetries());
`,
		want: "4 50 10000 2 true false 200\n2 10 true\n5 0\n",
	}, {
		name: "format helper",
		src: `
const f = daktela.FormatHelper;
print(f.getNormalizedPhoneNumber("773 794 604"), f.getNormalizedPhoneNumber("+420 773-794-604", true), f.getNormalizedPhoneNumber(null), f.getNormalizedPhoneNumber("420773794604"));
`,
		want: "00420773794604 +420773794604 null 00420773794604\n",
	}})
}

// TestExceptionErrorsAs shows that an uncaught exception reaches Go as a goja exception
// whose value is the daktela exception object.
func TestExceptionValue(t *testing.T) {
	api := newFakeAPI(t, 0)
	h := newTestHost(t, withClient(api))
	_, err := h.Eval(`daktela.client().execute(daktela.buildReadSingleRequest("Users", "nobody"))`)
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("error %T %v is not a *goja.Exception", err, err)
	}
	o, ok := ex.Value().(*goja.Object)
	if !ok || o.Get("code").ToInteger() != 404 {
		t.Fatalf("thrown value %v has no code 404", ex.Value())
	}
}

// TestCancelStopsExecute shows that a blocked execute ends with the run's context: the
// server holds the request until the client gives up (or 10 s pass, and then the error
// would not be a cancellation).
func TestCancelStopsExecute(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	c := daktela.NewClient(srv.URL, testToken)
	h := newTestHost(t, Config{Client: c})
	h.Ctx = ctx
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := h.Eval(`daktela.client().execute(daktela.buildReadRequest("Users"))`)
	if err == nil {
		t.Fatal("execute returned without error after the context was cancelled")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
}

// lockedBuffer is a bytes.Buffer safe for the transport's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestSetLoggerKeepsHostLogger shows that a script's setLogger adds its function to the
// logger the host gave the client (the CLI's --verbose) instead of replacing it: both get
// every entry, also of executeAsync; the host logger's own attributes stay its own; a
// second setLogger does not log twice to the host; setLogger() drops only the script's.
func TestSetLoggerKeepsHostLogger(t *testing.T) {
	api := newFakeAPI(t, 250)
	client := newTestClient(api)
	var hostLog lockedBuffer
	client.ApiCommunicator().SetLogger(slog.New(slog.NewTextHandler(&hostLog, nil)).With("run", "verbose"))
	h := newTestHost(t, Config{Client: client})
	_, err := h.Eval(`
const client = daktela.client();
const comm = client.getApiCommunicator();
const first = [], second = [];
comm.setLogger(e => first.push(e));
client.execute(daktela.buildReadRequest("Users"));
comm.setLogger(e => second.push(e));
client.execute(daktela.buildReadSingleRequest("Users", "admin"));
client.executeAsync(daktela.buildReadRequest("Users").setTake(5)).then(() => {
	comm.setLogger();
	client.execute(daktela.buildReadRequest("Users").setSkip(1));
	print(first.length, first[0].path, first[0].status, first[0].run);
	print(second.length, second.map(e => e.path).join(" "));
});
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "1 users.json?skip=0&take=100 200 undefined\n2 users/admin.json users.json?skip=0&take=5\n"
	if got := h.Output.String(); got != want {
		t.Errorf("script's entries:\n%s\nwant:\n%s", got, want)
	}
	// The host's logger got all four requests, each once, the last after the script's
	// logger was removed.
	lines := strings.Split(strings.TrimSpace(hostLog.String()), "\n")
	wantPaths := []string{"path=\"users.json?skip=0&take=100\"", "path=users/admin.json", "path=\"users.json?skip=0&take=5\"", "path=\"users.json?skip=1&take=100\""}
	if len(lines) != len(wantPaths) {
		t.Fatalf("host logger got %d entries, want %d:\n%s", len(lines), len(wantPaths), hostLog.String())
	}
	for i, l := range lines {
		if !strings.Contains(l, wantPaths[i]) || !strings.Contains(l, "run=verbose") || !strings.Contains(l, "status=200") {
			t.Errorf("host entry %d = %q, want %s with run=verbose and status=200", i, l, wantPaths[i])
		}
	}
	if strings.Contains(hostLog.String(), testToken) {
		t.Error("the token reached the host's log")
	}
}

// withDryRunClient is withClient in dry-run mode, as the CLI's --dry-run sets it up.
func withDryRunClient(api *fakeAPI) Config {
	c := newTestClient(api)
	c.ApiCommunicator().SetDryRun(func(daktela.WriteIntent) {})
	return Config{Client: c}
}

// client.isDryRun() lets a script ask before its first write whether writes are sent.
func TestClientIsDryRun(t *testing.T) {
	src := `
const c = daktela.client();
const before = c.isDryRun();
const res = c.execute(daktela.buildCreateRequest("CampaignsRecords").addStringAttribute("number", "1"));
print(before, c.isDryRun(), res.isDryRun(), res.httpStatus);
`
	runCases(t, withClient, []scriptCase{{name: "sent", src: src, want: "false false false 201\n"}})
	runCases(t, withDryRunClient, []scriptCase{
		{name: "dry run", src: src, want: "true true true 201\n"},
		{name: "wrong this", src: "\nconst f = daktela.client().isDryRun;\nf.call({});", wantErr: "test.js:3"},
	})
}
