package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// config holds the harness flags.
type config struct {
	records   int
	big       int
	latency   time.Duration
	repeat    int
	emptyRuns int
	node      bool
	nodePkg   string
	builder   bool
	dkscript  string
	timeout   time.Duration
	webhooks  int
	senders   int
	download  downloadConfig
}

func main() {
	var cfg config
	serveN := flag.Int("serve", 0, "internal: serve `N` synthesised records (the server process)")
	loop := flag.String("loop", "", "internal: run the plain Go loop (`decode` or `index`) against -url")
	url := flag.String("url", "", "internal: server URL for -loop")
	token := flag.String("token", "", "internal: access token for -loop")
	conc := flag.Int("concurrency", 0, "internal: page concurrency for -loop (0 = the client's default)")
	flag.IntVar(&cfg.records, "records", 100_000, "campaign records for the read-all bars (1, 2)")
	flag.IntVar(&cfg.big, "big", 1_000_000, "records for the iterate memory bar (3); 0 skips it")
	flag.DurationVar(&cfg.latency, "latency", 20*time.Millisecond, "latency per answer for the paging bar (2); 0 skips it")
	flag.IntVar(&cfg.repeat, "repeat", 3, "repetitions of every workload (medians are reported)")
	flag.IntVar(&cfg.emptyRuns, "empty-runs", 40, "runs of the empty script for the start-up bar (4); 0 skips it")
	flag.BoolVar(&cfg.node, "node", true, "compare with Node when node is on PATH")
	flag.StringVar(&cfg.nodePkg, "node-pkg", "@daktela/daktela-connector", "npm package of the official JS connector (installed into a temp dir)")
	flag.BoolVar(&cfg.builder, "builder", true, "run the builder-call benchmark for bar 5")
	flag.StringVar(&cfg.dkscript, "dkscript", "", "dkscript binary to measure (default: build ./cmd/dkscript)")
	flag.DurationVar(&cfg.timeout, "timeout", 5*time.Minute, "time limit of each workload run")
	flag.IntVar(&cfg.webhooks, "webhooks", 2000, "webhooks per case sent to dkscript serve (0 skips the serve cases)")
	flag.IntVar(&cfg.senders, "senders", 20, "concurrent webhook senders of the serve cases")
	serveFilesSize := flag.Int64("serve-files", 0, "internal: serve recordings of `SIZE` bytes (the download server process)")
	faults := flag.String("faults", "", "internal: fault spec of the -serve-files server")
	flag.IntVar(&cfg.download.n, "downloads", 200, "recordings of the download case (0 skips it)")
	flag.Int64Var(&cfg.download.size, "download-size", 1<<20, "bytes of each recording of the download case")
	flag.IntVar(&cfg.download.par, "download-parallel", 20, "downloads at once, for dkscript and curl alike")
	flag.IntVar(&cfg.download.big, "download-big", 1024, "recordings of the download memory run (1 GB in all at 1 MiB each; 0 skips it)")
	flag.Parse()
	cfg.download.latency = cfg.latency

	var err error
	switch {
	case *serveFilesSize > 0:
		err = serveFiles(*serveFilesSize, cfg.latency, *faults)
	case *serveN > 0:
		err = serve(*serveN, cfg.latency)
	case *loop != "":
		err = goLoop(*url, *token, *loop, *conc)
	default:
		err = harness(cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// server is a fake Daktela running in a child process.
type server struct {
	url, token string
	cmd        *exec.Cmd
	stdin      io.Closer
}

// startServer starts this program with -serve in a child process.
func startServer(self string, n int, latency time.Duration) (*server, error) {
	return startServerArgs(self, []string{"-serve", strconv.Itoa(n), "-latency", latency.String()})
}

// startServerArgs starts this program with args in a child process that prints the
// server's "URL TOKEN" line.
func startServerArgs(self string, args []string) (*server, error) {
	cmd := exec.Command(self, args...)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	f := strings.Fields(line)
	if err != nil || len(f) != 2 {
		in.Close()
		cmd.Wait()
		return nil, fmt.Errorf("the fake server did not start (%q): %v", line, err)
	}
	return &server{url: f[0], token: f[1], cmd: cmd, stdin: in}, nil
}

func (s *server) stop() {
	s.stdin.Close()
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

// workload is one measured command against one server.
type workload struct {
	name    string
	set     string // "base", "latency" or "big": which server it reads
	records int    // records it must see (0: it prints no sums)
	args    func(s *server) (name string, args []string, env []string)
	runs    []run
	skipped string
}

func (w *workload) wall() time.Duration {
	var xs []time.Duration
	for _, r := range w.runs {
		if r.err == nil {
			xs = append(xs, r.wall)
		}
	}
	return median(xs)
}

func (w *workload) cpu() time.Duration {
	var xs []time.Duration
	for _, r := range w.runs {
		if r.err == nil {
			xs = append(xs, r.cpu)
		}
	}
	return median(xs)
}

func (w *workload) rssMB() float64 {
	var xs []int64
	for _, r := range w.runs {
		if r.err == nil {
			xs = append(xs, r.rssKB)
		}
	}
	return float64(median(xs)) / 1024
}

func (w *workload) ok() bool {
	for _, r := range w.runs {
		if r.err == nil {
			return true
		}
	}
	return false
}

func harness(cfg config) error {
	ctx := context.Background()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "dkscript-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	dk := cfg.dkscript
	if dk == "" {
		dk = filepath.Join(tmp, "dkscript")
		fmt.Fprintln(os.Stderr, "building dkscript ...")
		if out, err := exec.Command("go", "build", "-o", dk, "./cmd/dkscript").CombinedOutput(); err != nil {
			return fmt.Errorf("go build ./cmd/dkscript (run from the repository root): %v\n%s", err, out)
		}
	}
	files := map[string]string{
		"readall.js": jsReadAll, "iterate.js": jsIterate, "empty.js": "",
		"node-fetch.js": nodeFetch, "node-connector.js": nodeConnector,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(src), 0o644); err != nil {
			return err
		}
	}
	script := func(name string) string { return filepath.Join(tmp, name) }

	// Node and, when npm can install it, the official connector.
	nodeBin, _ := exec.LookPath("node")
	if !cfg.node {
		nodeBin = ""
	}
	connector, connectorWhy := "", "node not found"
	if !cfg.node {
		connectorWhy = "-node=false"
	}
	if nodeBin != "" {
		connector, connectorWhy = installConnector(ctx, tmp, cfg.nodePkg)
	}
	curlBin, _ := exec.LookPath("curl")

	env := func(s *server, extra ...string) []string {
		return append(os.Environ(), append([]string{"DAKTELA_URL=" + s.url, "DAKTELA_TOKEN=" + s.token, "NO_COLOR=1"}, extra...)...)
	}
	dkRun := func(file string, extra ...string) func(s *server) (string, []string, []string) {
		return func(s *server) (string, []string, []string) {
			return dk, []string{"run", "--quiet", script(file)}, env(s, extra...)
		}
	}
	goRun := func(how string, conc int) func(s *server) (string, []string, []string) {
		return func(s *server) (string, []string, []string) {
			return self, []string{"-loop", how, "-url", s.url, "-token", s.token, "-concurrency", strconv.Itoa(conc)}, os.Environ()
		}
	}
	curlRun := func(n int) func(s *server) (string, []string, []string) {
		return func(s *server) (string, []string, []string) {
			last := ((n - 1) / 1000) * 1000
			u := fmt.Sprintf("%s/api/v6/%s.json?skip=[0-%d:1000]&take=1000", s.url, model, last)
			return curlBin, []string{"-sS", "--fail", "-o", "/dev/null", "-H", "X-Auth-Token: " + s.token, u}, os.Environ()
		}
	}
	nodeRun := func(file string, extra ...string) func(s *server) (string, []string, []string) {
		return func(s *server) (string, []string, []string) {
			return nodeBin, append([]string{script(file), s.url, s.token}, extra...), os.Environ()
		}
	}

	n := cfg.records
	ws := []*workload{
		{name: "js-readall", set: "base", records: n, args: dkRun("readall.js")},
		{name: "js-iterate", set: "base", records: n, args: dkRun("iterate.js")},
		{name: "go-decode", set: "base", records: n, args: goRun("decode", 0)},
		{name: "go-index", set: "base", records: n, args: goRun("index", 0)},
		{name: "curl", set: "base", args: curlRun(n)},
		{name: "node-fetch", set: "base", records: n, args: nodeRun("node-fetch.js")},
		{name: "node-connector", set: "base", records: n, args: nodeRun("node-connector.js", connector)},
	}
	if cfg.latency > 0 {
		ws = append(ws,
			&workload{name: "js-readall", set: "latency", records: n, args: dkRun("readall.js")},
			&workload{name: "js-iterate", set: "latency", records: n, args: dkRun("iterate.js")},
			&workload{name: "js-iterate-writes", set: "latency", records: n, args: dkRun("iterate.js", "ITERATE_WRITE=1")},
			&workload{name: "go-index", set: "latency", records: n, args: goRun("index", 0)},
			&workload{name: "go-seq", set: "latency", records: n, args: goRun("index", 1)},
			&workload{name: "curl", set: "latency", args: curlRun(n)},
		)
	}
	if cfg.big > 0 {
		ws = append(ws, &workload{name: "js-iterate", set: "big", records: cfg.big, args: dkRun("iterate.js")})
	}
	for _, w := range ws {
		switch {
		case strings.HasPrefix(w.name, "curl") && curlBin == "":
			w.skipped = "curl not found"
		case w.name == "node-fetch" && nodeBin == "":
			w.skipped = connectorWhy
		case w.name == "node-connector" && connector == "":
			w.skipped = connectorWhy
		}
	}

	// Servers, each in its own process.
	servers := map[string]*server{}
	defer func() {
		for _, s := range servers {
			s.stop()
		}
	}()
	start := func(set string, n int, latency time.Duration) error {
		s, err := startServer(self, n, latency)
		if err != nil {
			return err
		}
		servers[set] = s
		return nil
	}
	if err := start("base", n, 0); err != nil {
		return err
	}
	if cfg.latency > 0 {
		if err := start("latency", n, cfg.latency); err != nil {
			return err
		}
	}
	if cfg.big > 0 {
		if err := start("big", cfg.big, 0); err != nil {
			return err
		}
	}

	// Round-robin: every workload once per round, so noise falls on all alike.
	want := map[string]string{}
	for round := 1; round <= cfg.repeat; round++ {
		fmt.Fprintf(os.Stderr, "round %d/%d:", round, cfg.repeat)
		for _, w := range ws {
			if w.skipped != "" {
				continue
			}
			name, args, env := w.args(servers[w.set])
			r := measure(ctx, cfg.timeout, name, args, env)
			if r.err == nil && w.records > 0 {
				got := lastLine(r.stdout)
				f := strings.Fields(got)
				key := w.set
				if w.set == "latency" {
					key = "base" // the same records
				}
				switch {
				case len(f) != 4 || f[0] != strconv.Itoa(w.records):
					r.err = fmt.Errorf("expected %d records, the output ends %q", w.records, got)
				case want[key] == "":
					want[key] = got
				case want[key] != got:
					r.err = fmt.Errorf("three-field sums %q differ from the first workload's %q", got, want[key])
				}
			}
			if r.err != nil {
				fmt.Fprintf(os.Stderr, "\n  %s/%s failed: %v\n", w.set, w.name, r.err)
			} else {
				fmt.Fprintf(os.Stderr, " %s/%s %.2fs", w.set, w.name, r.wall.Seconds())
			}
			w.runs = append(w.runs, r)
		}
		fmt.Fprintln(os.Stderr)
	}

	// Bar 4: start-up.
	var emptyMean, emptyMedian, nodeMean time.Duration
	if cfg.emptyRuns > 0 {
		fmt.Fprintln(os.Stderr, "empty script runs ...")
		emptyMean, emptyMedian, err = repeatRun(ctx, cfg.emptyRuns, dk, []string{"run", script("empty.js")})
		if err != nil {
			return err
		}
		if nodeBin != "" {
			nodeMean, _, err = repeatRun(ctx, max(cfg.emptyRuns/4, 3), nodeBin, []string{"-e", "0"})
			if err != nil {
				return err
			}
		}
	}

	// Start-up of a TypeScript script with imports (issue 16.5).
	var tsStart tsStartup
	if cfg.emptyRuns > 0 {
		fmt.Fprintln(os.Stderr, "TypeScript start-up runs ...")
		if tsStart, err = measureTSStartup(ctx, dk, tmp, cfg.emptyRuns, script("empty.js")); err != nil {
			return err
		}
	}

	// Serve (issue 18): webhooks per second and latency.
	var serveCases []serveCase
	var serveErr error
	if cfg.webhooks > 0 {
		fmt.Fprintln(os.Stderr, "serve runs ...")
		serveCases, serveErr = measureServe(ctx, dk, tmp, servers["base"], cfg.webhooks, cfg.senders)
	}

	// Downloads (issue 15): dkscript vs curl, memory, faults.
	var dl downloadResult
	if cfg.download.n > 0 {
		fmt.Fprintln(os.Stderr, "download runs ...")
		dl = measureDownload(ctx, self, dk, curlBin, tmp, cfg.download, cfg.repeat, cfg.timeout)
	}

	// Bar 5: builder calls.
	var builder map[string]float64
	var builderErr error
	if cfg.builder {
		fmt.Fprintln(os.Stderr, "builder-call benchmark ...")
		builder, builderErr = builderBench(ctx)
	}

	report(os.Stdout, cfg, ws, servers, emptyMean, emptyMedian, nodeMean, builder, builderErr)
	tsStart.report(os.Stdout)
	reportServe(os.Stdout, serveCases, serveErr)
	if cfg.download.n > 0 {
		reportDownload(os.Stdout, dl)
	}
	return nil
}

// repeatRun runs a command n times and returns the mean and median wall time.
func repeatRun(ctx context.Context, n int, name string, args []string) (mean, med time.Duration, err error) {
	return repeatRunEnv(ctx, n, name, args, func() []string { return os.Environ() })
}

// repeatRunEnv is repeatRun with the environment of each run given by env.
func repeatRunEnv(ctx context.Context, n int, name string, args []string, env func() []string) (mean, med time.Duration, err error) {
	var xs []time.Duration
	var sum time.Duration
	for range n {
		r := measure(ctx, time.Minute, name, args, env())
		if r.err != nil {
			return 0, 0, r.err
		}
		xs = append(xs, r.wall)
		sum += r.wall
	}
	return sum / time.Duration(n), median(xs), nil
}

// installConnector installs pkg with npm into dir/node and returns the path to require,
// or "" and why not.
func installConnector(ctx context.Context, dir, pkg string) (string, string) {
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", "npm not found"
	}
	nd := filepath.Join(dir, "node")
	if err := os.MkdirAll(nd, 0o755); err != nil {
		return "", err.Error()
	}
	fmt.Fprintf(os.Stderr, "npm install %s ...\n", pkg)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "install", "--no-audit", "--no-fund", "--prefix", nd, pkg)
	out, err := cmd.CombinedOutput()
	if err != nil {
		why := "npm install " + pkg + " failed"
		if m := regexp.MustCompile(`npm error (?:code )?(E\w+|404 Not Found[^\n]*)`).FindSubmatch(out); m != nil {
			why += " (" + string(m[1]) + ")"
		}
		return "", why
	}
	// A scoped or plain package name is what require takes from node_modules.
	name := pkg
	if i := strings.LastIndex(pkg, "@"); i > 0 {
		name = pkg[:i]
	}
	return filepath.Join(nd, "node_modules", name), ""
}

var benchLine = regexp.MustCompile(`^BenchmarkBuilderCall/(\S+?)(?:-\d+)?\s+\d+\s.*?([\d.]+) ns/call`)

// builderBench runs the builder-call benchmark of bindings/jsdaktela (3 counts) and
// returns the median ns/call of each sub-benchmark.
func builderBench(ctx context.Context) (map[string]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", "^BenchmarkBuilderCall$", "-count", "3", "./bindings/jsdaktela")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench BuilderCall ./bindings/jsdaktela: %v\n%s", err, out)
	}
	all := map[string][]float64{}
	for _, line := range strings.Split(string(out), "\n") {
		if m := benchLine.FindStringSubmatch(line); m != nil {
			v, _ := strconv.ParseFloat(m[2], 64)
			all[m[1]] = append(all[m[1]], v)
		}
	}
	if len(all) == 0 {
		return nil, errors.New("go test -bench BuilderCall printed no ns/call")
	}
	res := map[string]float64{}
	for k, xs := range all {
		res[k] = median(xs)
	}
	return res, nil
}

// report prints the workloads, then the bars.
func report(w io.Writer, cfg config, ws []*workload, servers map[string]*server, emptyMean, emptyMedian, nodeMean time.Duration, builder map[string]float64, builderErr error) {
	cpu := cpuModel()
	fmt.Fprintf(w, "\nmachine: %d CPUs (%s), %s %s/%s; medians of %d runs\n", runtime.NumCPU(), cpu, runtime.Version(), runtime.GOOS, runtime.GOARCH, cfg.repeat)
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	var notes []string
	fmt.Fprintln(tw, "set\tworkload\trecords\twall s\tmin–max s\tCPU s\trecords/s\tpeak RSS MB\t")
	for _, x := range ws {
		set := x.set
		switch x.set {
		case "base":
			set = "0 ms"
		case "latency":
			set = cfg.latency.String()
		case "big":
			set = "0 ms"
		}
		recs := x.records
		if recs == 0 {
			recs = cfg.records
		}
		if x.skipped != "" {
			fmt.Fprintf(tw, "%s\t%s\t%d\tskipped\t\t\t\t\t\n", set, x.name, recs)
			notes = append(notes, fmt.Sprintf("%s skipped: %s", x.name, x.skipped))
			continue
		}
		if !x.ok() {
			fmt.Fprintf(tw, "%s\t%s\t%d\tfailed\t\t\t\t\t\n", set, x.name, recs)
			continue
		}
		lo, hi := x.runs[0].wall, x.runs[0].wall
		for _, r := range x.runs {
			lo, hi = min(lo, r.wall), max(hi, r.wall)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.2f–%.2f\t%.2f\t%.0f\t%.1f\t\n", set, x.name, recs,
			x.wall().Seconds(), lo.Seconds(), hi.Seconds(), x.cpu().Seconds(), float64(recs)/x.wall().Seconds(), x.rssMB())
	}
	tw.Flush()
	for _, n := range notes {
		fmt.Fprintln(w, "  "+n)
	}

	find := func(set, name string) *workload {
		for _, x := range ws {
			if x.set == set && x.name == name && x.skipped == "" && x.ok() {
				return x
			}
		}
		return nil
	}
	bar := func(ok bool) string {
		if ok {
			return "PASS"
		}
		return "FAIL"
	}
	ratio := func(label string, a, b *workload, limit float64) {
		if a == nil || b == nil {
			fmt.Fprintf(w, "  %-44s n/a\n", label)
			return
		}
		r := a.wall().Seconds() / b.wall().Seconds()
		if limit > 0 {
			fmt.Fprintf(w, "  %-44s %6.2fx  (≤ %.2fx) %s\n", label, r, limit, bar(r <= limit))
		} else {
			fmt.Fprintf(w, "  %-44s %6.2fx\n", label, r)
		}
	}

	fmt.Fprintf(w, "\nBar 1: read %d records, touch 3 fields (ratios of wall time)\n", cfg.records)
	ratio("js-readall / go-decode", find("base", "js-readall"), find("base", "go-decode"), 1.5)
	ratio("js-iterate / go-decode", find("base", "js-iterate"), find("base", "go-decode"), 1.5)
	ratio("js-readall / go-index (Go floor)", find("base", "js-readall"), find("base", "go-index"), 1.5)
	ratio("js-iterate / go-index (Go floor)", find("base", "js-iterate"), find("base", "go-index"), 1.5)
	ratio("js-readall / node-connector", find("base", "js-readall"), find("base", "node-connector"), 1)
	ratio("js-readall / node-fetch (V8 reference)", find("base", "js-readall"), find("base", "node-fetch"), 0)
	ratio("js-iterate / node-fetch (V8 reference)", find("base", "js-iterate"), find("base", "node-fetch"), 0)
	ratio("js-readall / curl (no parsing)", find("base", "js-readall"), find("base", "curl"), 0)

	if cfg.latency > 0 {
		pages := (cfg.records + 999) / 1000
		fmt.Fprintf(w, "\nBar 2: %s per answer, default settings vs sequential paging (%d pages: ≥ %.2fs sequential)\n",
			cfg.latency, pages, (time.Duration(pages+1) * cfg.latency).Seconds())
		ratio("js-readall / go-seq", find("latency", "js-readall"), find("latency", "go-seq"), 0.35)
		ratio("js-iterate / go-seq", find("latency", "js-iterate"), find("latency", "go-seq"), 0.35)
		ratio("js-iterate-writes / go-seq (keyset paging)", find("latency", "js-iterate-writes"), find("latency", "go-seq"), 0)
		ratio("js-iterate-writes / js-iterate", find("latency", "js-iterate-writes"), find("latency", "js-iterate"), 0)
		ratio("go-index / go-seq", find("latency", "go-index"), find("latency", "go-seq"), 0)
		ratio("curl (sequential) / go-seq", find("latency", "curl"), find("latency", "go-seq"), 0)
	}

	if cfg.big > 0 {
		fmt.Fprintf(w, "\nBar 3: js-iterate peak RSS over %d records\n", cfg.big)
		big, base := find("big", "js-iterate"), find("base", "js-iterate")
		if big == nil || base == nil {
			fmt.Fprintln(w, "  n/a")
		} else {
			fmt.Fprintf(w, "  %-44s %6.1f MB (< 100 MB) %s\n", fmt.Sprintf("peak RSS, %d records", cfg.big), big.rssMB(), bar(big.rssMB() < 100))
			r := big.rssMB() / base.rssMB()
			fmt.Fprintf(w, "  %-44s %6.2fx  (≤ 1.30x) %s\n", fmt.Sprintf("%d vs %d records (%.1f MB)", cfg.big, cfg.records, base.rssMB()), r, bar(r <= 1.3))
		}
	}

	if cfg.emptyRuns > 0 {
		fmt.Fprintf(w, "\nBar 4: dkscript run of an empty script (%d runs)\n", cfg.emptyRuns)
		fmt.Fprintf(w, "  %-44s %6.1f ms (< 15 ms) %s; median %.1f ms\n", "mean wall", ms(emptyMean), bar(emptyMean < 15*time.Millisecond), ms(emptyMedian))
		if nodeMean > 0 {
			fmt.Fprintf(w, "  %-44s %6.1f ms (%.1fx dkscript's)\n", "node -e 0, mean wall", ms(nodeMean), float64(nodeMean)/float64(emptyMean))
		}
	}

	if cfg.builder {
		fmt.Fprintln(w, "\nBar 5: builder calls from JS (go test -bench BuilderCall ./bindings/jsdaktela, median of 3)")
		if builderErr != nil {
			fmt.Fprintf(w, "  n/a: %v\n", builderErr)
		} else {
			for _, k := range []string{"chain4", "setSkip", "addFilter", "emptyLoop"} {
				if v, ok := builder[k]; ok {
					if k == "chain4" {
						fmt.Fprintf(w, "  %-44s %6.0f ns/call (< 300 ns) %s\n", "chained call (chain4)", v, bar(v < 300))
					} else {
						fmt.Fprintf(w, "  %-44s %6.0f ns/call\n", k, v)
					}
				}
			}
		}
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cpuModel returns the CPU model from /proc/cpuinfo, or "unknown CPU".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown CPU"
}
