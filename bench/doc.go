// Command bench is dkscript's performance harness: it measures, side by side in one run,
// the bars of DESIGN §7 and prints every workload's wall time, records/s and peak RSS,
// then the ratios the bars are judged by.
//
// Run it from the repository root:
//
//	go run ./bench                      # the full run (about two minutes on 2 cores)
//	go run ./bench -repeat 5            # more repetitions (medians are reported)
//	go run ./bench -big 0 -node=false   # skip the 1 000 000-record run and Node
//
// It builds dkscript, then starts the fake Daktela (daktela/daktelatest) in separate
// processes (this program run again with -serve): one with -records campaign records
// and no latency, one with the same records and -latency per answer, and one with -big
// records. Every workload runs as a child process, so its wall time includes starting
// up and its peak RSS (rusage MaxRSS) is its own:
//
//   - js-readall: dkscript run of a script that reads every record with one TYPE_ALL
//     execute and touches three fields of each (action, number, user.name);
//   - js-iterate: the same through client.iterate;
//   - js-iterate-writes (with -latency only): js-iterate whose loop sends one write to
//     the model it reads, at its first record, so the rest is read by keyset, one page
//     after the other (reported, no bar);
//   - go-decode: a plain Go loop over the same daktela client (Iterate, then
//     Record.Decode of the three fields into a struct);
//   - go-index: the same loop reading the three fields from the page index
//     (Response.IndexedRecord), the fastest Go can go with this client;
//   - go-seq: go-index with Concurrency(1): the pages fetched one after the other;
//   - curl: the same pages fetched sequentially by curl over one connection, not parsed;
//   - node-fetch: Node's fetch + JSON.parse + the same loop, four pages at a time (a
//     reference for V8, not a connector);
//   - node-connector: the official JS connector (npm -node-pkg) reading page after page
//     with its get(); skipped when npm cannot install it.
//
// The workloads run round-robin -repeat times and medians are reported, so the noise of a
// shared machine falls on every workload alike. Each run checks that the workload saw
// every record and computed the same three-field sums as the others.
//
// Bars:
//  1. js-readall (and js-iterate) ≤ 1.5x the plain Go loop; compared with Node too.
//  2. with -latency (20ms): js-readall and js-iterate ≤ 0.35x go-seq.
//  3. js-iterate over -big records: peak RSS < 100 MB and ≤ 1.3x the -records run's.
//  4. dkscript run of an empty script: mean wall < 15 ms (node -e 0 beside it).
//  5. a chained builder call from JS < 300 ns (go test -bench BuilderCall in
//     bindings/jsdaktela, chain4's ns/call).
//
// With -webhooks (default 2000; 0 skips them), dkscript serve answers that many
// webhooks from -senders (20) concurrent senders on loopback, after a warm-up: once with
// a trivial handler (the server's own cost) and once with a handler that creates a
// record on the fake per webhook; webhooks per second and the p50/p99/max latency the
// senders saw are reported (no bar).
//
// With -downloads (default 200; 0 skips them) the download case runs (issue 15): the fake
// serves every call recording at -download-size bytes (1 MiB) with -latency per answer,
// and dkscript (client.downloadRecordingAsync, a pool of -download-parallel, 20) and curl
// (--parallel --parallel-max 20 over the same URLs) fetch -downloads of them to disk.
// Bars: dkscript's wall time ≤ 1.2x curl's; its peak RSS < 60 MB, also in a run of
// -download-big (1024) recordings, 1 GB in all. Then a run under faults (5xx, resets,
// bodies cut mid-file) must leave every file complete with the clean run's SHA-256, or
// report it failed with nothing under its name; and no output holds the token. To run
// only that case quickly:
//
//	go run ./bench -records 1000 -big 0 -empty-runs 0 -builder=false -webhooks 0 -node=false
//
// With -empty-runs, the start-up of TypeScript is measured too: a 500-line .ts script
// importing two local .ts modules (bar: mean wall < 30 ms), beside the same script as
// plain .js and the empty script.
package main
