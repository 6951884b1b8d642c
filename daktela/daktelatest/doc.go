// Package daktelatest is an in-memory fake Daktela V6 server for tests and demos, in the
// spirit of net/http/httptest: start it on 127.0.0.1, point a client at its URL with its
// token, and it answers as the real API does, over a deterministic seeded demo data set,
// with fault injection.
//
//	srv := daktelatest.NewServer(daktelatest.Options{})
//	defer srv.Close()
//	// GET srv.URL + "/api/v6/users.json" with header X-AUTH-TOKEN: srv.Token
//
// # Protocol
//
// Plain HTTP/1.1 with Content-Length and keep-alive. Routes, below /api/v6/ (the .json
// suffix is optional, the model's first letter is case-insensitive):
//
//	GET    {model}.json                    list: {"data":[...],"total":N}
//	POST   {model}.json                    create: 201 and the record
//	GET    {model}/{name}.json             one record
//	PUT    {model}/{name}.json             update: 200 and the record
//	DELETE {model}/{name}.json             204, empty body
//	GET    {model}/{name}/{relation}.json  the catalogue's relations: tickets/{n}/activities,
//	                                       campaignsRecords/{n}/activities, contacts/{n}/tickets,
//	                                       contacts/{n}/activities, contacts/{n}/crmRecords,
//	                                       activities/{n}/attachments, accounts/{n}/contacts,
//	                                       activitiesCall/{id}/recordings, activitiesEmail/{n}/files, ...
//	POST   login.json                      username+password → accessToken, refreshToken,
//	                                       accessTokenExpirationDate (only_token=1 → the bare token)
//	PUT    login.json                      refreshToken → new tokens
//	GET    whoim.json                      version and the token's user (no token: user null)
//	POST   mergeContacts.json?contacts[0]=a&contacts[1]=b
//	                                       the first survives, the others are removed and
//	                                       links to them name it (mergeAccounts, mergeTickets too)
//
// Outside /api/v6/, the file endpoints (reference §1.11):
//
//	GET    /file/recording/{activity}      the call activity's recording: a WAV file (audio/wav,
//	                                       8 kHz 8-bit mono) of 8000 bytes per second of the call,
//	                                       or exactly Options.RecordingSize; 404 for an activity
//	                                       without one (no call, or nobody answered); Range: bytes=N- → 206
//	POST   /file/download.php?mapper=M&name=ID&download=1
//	                                       an attachment (activities/{n}/attachments,
//	                                       activitiesEmail/{n}/files) with its type and size
//	POST   /file/upload.php?type=save      multipart field "files" → the stored name as a JSON
//	                                       string, for a ticket write's comment_add_files (with
//	                                       comment: the comment activity gets the files as attachments)
//	POST   /file/upload.php?type=remove    multipart field "fileNames" → "1" when it was removed
//
// Uploads stay in memory, at most 1000 files and 64 MiB. A file request without a valid
// token gets what a real instance answers: its HTML sign-in page with status 200.
//
// The token travels in the X-AUTH-TOKEN header, the accessToken query parameter, the
// c_user cookie, an Authorization: Bearer header, or (form bodies) an accessToken field;
// otherwise the answer is 401. Options.Token (user "admin") never expires; login tokens
// last TokenTTL (Options.TokenLife). Every seeded user signs in with DemoPassword. Bodies are JSON or
// form-encoded (PHP brackets).
//
// Every answer is the API's envelope: {"error":[],"result":…,"_time":"YYYY-MM-DD
// HH:MM:SS","_serverTime":…,"_timezone":"Europe/Prague"}. A failed write is 400 with
// error.form per field ("Item is mandatory", "Foreign key error", enum values, custom
// field messages nested as {"customFields":{"email":[…]}}) and the entity it tried to
// save in result. An unknown record is 404 {"error":["Object not exist"],"result":null};
// an unknown filter field, operator or sort field is 400.
//
// # Reads
//
// Queries are decoded as PHP does (filter[filters][0][value][1], fields[] and
// fields[0], sort[0][field]). Filters: Kendo groups ({logic, filters}) nested to any
// depth, the legacy single filter[field]/[operator]/[value] and flat filter[0][field]
// lists, and the operators in [Operators] (in/notin take value lists; isnull/isnotnull no
// value; ignoreCase=true compares case-insensitively; begins/ends are startswith/endswith).
// String comparisons are case-sensitive except like/notlike (SQL LIKE with % and _,
// case-insensitive as the database collation is); numbers compare as numbers; datetimes as
// strings, a bare date meaning midnight; booleans as 1/0; a null value matches no
// comparison but isnull. Paths reach into relations and custom fields ("user.title",
// "customFields.email"); a multi-valued field matches when any value does (negative
// operators: when none does). Sort is multi-key and stable; a null sorts as the smallest
// value (first ascending, last descending), as the API's database orders them, and gt,
// lt and the other comparisons never match a null. fields
// projects records (dotted paths keep parts of relations; projected records carry no
// _sys). take defaults to 100 and is clamped to 1000 (take=0 answers only the total);
// total ignores paging. q searches
// users, queues, accounts, contacts, tickets and activities.
//
// Relations are expanded three levels on read, as the real API does (an activity's
// ticket, the ticket's category and the category's sla are records with their _sys; the
// sla's own foreign keys are names; a contact's user is the whole user record with its
// profile and role), and written as names. An activity's item is its channel record
// (activitiesCall, activitiesEmail, activitiesWeb, activitiesSms) with its own _sys; a
// channel record read itself lists its activities, whose item is then an integer id.
//
// # Models
//
// The models, their fields, keys and relations are the model catalogue's (package
// daktela/catalog): the fake serves every model listed there. A filter or sort on a field
// the model does not have is 400, with the field to use when the name is a known
// mistake (users have no username: the login is name). Models the catalogue marks
// partial accept filters on other fields (they are null). realtimeSessions answers lists
// only (405 otherwise).
//
// # Data
//
// The demo data set is a pure function of Options.Seed: 8 users (admin, supervisor,
// agents, api), 5 queues (3000–3004), 6 statuses, 2 SLAs, 4 ticket categories, 8
// accounts, 30 contacts, 2 campaign databases, 4 campaign types, 200 campaign records
// (one named records_5fa299a48ab72834012563 as in the PHP connector's README, with
// three outbound calls among its activities), 40 tickets (1001–1040, 1021 merged into
// 1005), 324 activities (calls, e-mails, comments, chats, text messages) with their
// channel records (activitiesCall, activitiesEmail, activitiesWeb, activitiesSms), call
// recordings, e-mail files and attachments, CRM record types and records, pauses,
// groups, templates, a time group, a blacklist and the signed-in users'
// realtimeSessions. Writes persist for the life of the server.
//
// Its dates span the 90 days before Options.Anchor ([DemoAnchor], 2026-01-15 12:00:00
// in Europe/Prague, unless set; dkscript mock and --mock use the start of the current
// day). Options.Now is the server's clock (_time, the stamps of writes, sign-in expiry);
// a function giving one instant fixes it, and the data then ends at that instant.
//
// Options.Records (or [ParseRecords]) replaces a model with N synthesised records (up to
// [MaxRecords]) that are never held in memory: record i is a pure function of (seed,
// i), names and created increase with i. skip, take, total, single reads, and sort by
// name or created (asc or desc, then by name the same way) cost nothing at any size;
// filters that are ranges (eq, gt, gte, lt, lte) on name or created are answered by
// binary search. Other filters and
// q scan every record and are refused above 1 000 000 records; other sorts hold the
// matches and are refused above 100 000. Synthesised models take writes like the others:
// creates, updates and deletes are kept in an overlay over the synthesised base, so
// memory grows with the writes, not with N, and later reads see them (created records
// follow the base in natural order and sort among it by name or created). They have no
// relation reads. Their foreign keys point at the demo records and expand one level
// (the related record, its own foreign keys as names), so their pages stay about as big
// as real ones. A 1000-record page of synthesised campaign records (about 1.3 KB each:
// the owner is the whole user record) is written straight into a pooled buffer, related
// records rendered once per page (BenchmarkRenderPage1000), so the server is not the
// bottleneck of a client benchmark.
//
// # Live
//
// Options.Live (or [Handler.Live]) makes the server a working contact centre: that many
// events a second, new calls with their closed activities, tickets opened, updated
// (some escalated to priority HIGH) and closed, contacts edited, each stamped as the API
// stamps writes (created/edited and their _by user; activities time_close; calls
// call_time), so watchers and pollers have something to find. [Handler.LiveEvents]
// counts them by kind.
//
// # Faults
//
// Options.Latency and Options.Jitter delay every answer (the jitter is seeded per request
// number). Fault rules ([FaultRule], [Handler.SetFaults]) or a spec string
// ([ParseFaults], Options.Faults, [Handler.SetFaultSpec]) inject failures:
//
//	spec  = rule {"," rule}
//	rule  = kind {":" rate | ":" key "=" value}
//	kind  = 5xx | html | 429 | reset | reset-body | malformed | truncated | hang | slow | cap
//	keys  = n (request number or range among matching requests, "3" or "3-5"), every,
//	        path (substring of the path below /api/v6/), method, times (fire at most),
//	        status (for 5xx), retry (429 Retry-After seconds; none when absent),
//	        d (slow's delay), take (cap's page size)
//
// For example "5xx:0.1,429:0.05:retry=1,reset-body:0.02" fails a tenth of requests with
// a 5xx, answers 5% with 429 and Retry-After: 1, and cuts 2% of bodies mid-way;
// "hang:n=3:path=tickets" hangs the third request to tickets. A rule without rate, n or
// every fires on every matching request. Decisions are a function of the seed and the
// request count, so a sequential client sees the same faults on every run. reset drops
// the connection before answering (TCP reset); reset-body sends the headers and half the
// body; malformed answers 200 with invalid JSON; truncated answers 200 with the JSON cut
// in half; hang holds the request until the client gives up or the server closes; html
// is a proxy's 502 page; slow answers after the delay; cap serves a list read at most
// take records (default 500; the total stays the full count), as a server with a lower
// page cap than 1000 does. On the file endpoints reset-body and truncated both cut the
// file off mid-way (the headers promise every byte, half arrive, the connection drops)
// and malformed answers the HTML sign-in page with status 200 instead of the file.
//
// # Request log
//
// [Handler.Requests] returns the recent requests (method, path, decoded query, body, how
// the token travelled, status, fault) for tests to assert on. It never holds a token:
// accessToken is removed from the query, and tokens and passwords in bodies are
// replaced by "***".
package daktelatest
