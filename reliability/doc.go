// Package reliability holds the cross-cutting reliability and security suites of
// dkscript; it has no code of its own. Its tests drive the Go client, the runtime and
// the daktela module together against the fake server in daktela/daktelatest:
//
//   - the fault matrix: read-all and iterate, from Go and from JavaScript, under seeded
//     mixed faults (5xx, 429 with and without Retry-After, resets before and inside the
//     body, truncated and malformed JSON, slow answers past the timeout): every run
//     returns every record exactly once or fails naming the page and the reason, and
//     skipping reads report what they skipped;
//   - writes under ambiguous failures: a create is never sent twice and its error says
//     the outcome is unknown, or that it took effect when a 2xx status came with a
//     broken body; updates and deletes are retried safely, except after such a 2xx;
//   - cancellation by context and timeout, in JavaScript and in flight;
//   - 50 runtimes running scripts at once against one server;
//   - the sandbox an embedder gets: capabilities off unless granted, request and body
//     limits, and a client whose token no script can reach;
//   - the token scan: every byte the JS corpus and the CLI produce, in both auth modes,
//     is searched for the access token.
//
// The fault matrix runs over 30 seeds; go test ./reliability -seeds 300 runs more.
package reliability
