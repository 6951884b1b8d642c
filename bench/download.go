package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// The download case (issue 15): N call recordings of a fixed size from the fake server,
// with a latency per answer, fetched by dkscript (client.downloadRecordingAsync, a pool
// of P) and by curl fetching the same URLs with the same parallelism (--parallel
// --parallel-max P). Reported: wall-time ratio (bar ≤ 1.2x), dkscript's peak RSS (bar
// < 60 MB) and the peak RSS of a run that fetches 1 GB in all (it must not grow with
// the total); then a run under faults (5xx, resets, bodies cut mid-file) whose every
// file must end complete with the clean run's checksum, or fail with nothing left
// under its name.

// downloadJS downloads the activities listed in argv[2] (one a line; the list may
// repeat names) to <argv[3]>/<i>.wav, argv[4] at once, and prints the count, the bytes
// and the failures.
const downloadJS = `const fs = require("fs");
const [list, dir, par] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const names = fs.readFileSync(list, "utf8").split("\n").filter(Boolean);
const client = daktela.client();
let next = 0, bytes = 0, ok = 0;
const failed = [];
async function worker() {
  while (next < names.length) {
    const i = next++;
    try {
      const d = await client.downloadRecordingAsync(names[i], dir + "/" + i + ".wav");
      bytes += d.bytes;
      ok++;
    } catch (e) {
      failed.push(i + ": " + e.message);
    }
  }
}
Promise.all(Array.from({ length: par }, worker)).then(() => {
  for (const f of failed) console.log("failed " + f);
  console.log(ok, bytes, failed.length);
});
`

// downloadConfig are the download case's settings.
type downloadConfig struct {
	n, par  int
	size    int64
	big     int // downloads of the memory run (1 GB in all at 1 MiB each)
	latency time.Duration
}

// serveFiles is the child process of the download case: the fake Daktela with every
// recording size bytes and latency per answer, optionally with faults.
func serveFiles(size int64, latency time.Duration, faults string) error {
	return serveFake(daktelatest.Options{RecordingSize: size, Latency: latency, Faults: faults})
}

// downloadResult is what the download case measured.
type downloadResult struct {
	cfg            downloadConfig
	dk, curl, big  []run
	faultsOK       int
	faultsFailed   int
	faultsProblems []string
	tokenLeak      bool
	err            error
}

// measureDownload runs the download case: servers in child processes, dkscript and
// curl in turns, repeat times.
func measureDownload(ctx context.Context, self, dk, curlBin, dir string, cfg downloadConfig, repeat int, timeout time.Duration) (res downloadResult) {
	res.cfg = cfg
	start := func(faults string) (*server, error) {
		return startProcess(self, "-serve-files", fmt.Sprint(cfg.size), "-latency", cfg.latency.String(), "-faults", faults)
	}
	s, err := start("")
	if err != nil {
		res.err = err
		return res
	}
	defer s.stop()
	names, err := recordedActivities(ctx, s)
	if err != nil {
		res.err = err
		return res
	}
	script := filepath.Join(dir, "download.js")
	if err := os.WriteFile(script, []byte(downloadJS), 0o644); err != nil {
		res.err = err
		return res
	}
	list := func(n int) (string, error) {
		p := filepath.Join(dir, fmt.Sprintf("names-%d.txt", n))
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(names[i%len(names)] + "\n")
		}
		return p, os.WriteFile(p, []byte(b.String()), 0o644)
	}
	listN, err := list(cfg.n)
	if err != nil {
		res.err = err
		return res
	}
	listBig, err := list(cfg.big)
	if err != nil {
		res.err = err
		return res
	}
	// curl's config: the same URLs, each to its own file.
	curlCfg := filepath.Join(dir, "curl.cfg")
	out := filepath.Join(dir, "out")
	var cb strings.Builder
	for i := 0; i < cfg.n; i++ {
		fmt.Fprintf(&cb, "url = \"%s/file/recording/%s?accessToken=%s\"\noutput = \"%s/%d.wav\"\n", s.url, names[i%len(names)], s.token, out, i)
	}
	if err := os.WriteFile(curlCfg, []byte(cb.String()), 0o600); err != nil {
		res.err = err
		return res
	}
	env := append(os.Environ(), "DAKTELA_URL="+s.url, "DAKTELA_TOKEN="+s.token, "NO_COLOR=1")
	fresh := func() error {
		if err := os.RemoveAll(out); err != nil {
			return err
		}
		return os.MkdirAll(out, 0o755)
	}
	check := func(r *run, want int, bytes int64) {
		if r.err == nil && r.stdout != fmt.Sprintf("%d %d 0", want, bytes) {
			r.err = fmt.Errorf("expected %q, got %q", fmt.Sprintf("%d %d 0", want, bytes), lastLine(r.stdout))
		}
		if strings.Contains(r.stdout, s.token) {
			res.tokenLeak = true
		}
	}
	for round := 1; round <= repeat; round++ {
		fmt.Fprintf(os.Stderr, "download round %d/%d:", round, repeat)
		if err := fresh(); err != nil {
			res.err = err
			return res
		}
		r := measure(ctx, timeout, dk, []string{"run", "--quiet", script, listN, out, fmt.Sprint(cfg.par)}, env)
		check(&r, cfg.n, int64(cfg.n)*cfg.size)
		res.dk = append(res.dk, r)
		fmt.Fprintf(os.Stderr, " dkscript %.2fs", r.wall.Seconds())
		if curlBin != "" {
			if err := fresh(); err != nil {
				res.err = err
				return res
			}
			c := measure(ctx, timeout, curlBin, []string{"-sS", "--fail", "--parallel", "--parallel-max", fmt.Sprint(cfg.par), "-K", curlCfg}, os.Environ())
			if c.err == nil {
				if n, bytes, err := dirTotal(out); err != nil || n != cfg.n || bytes != int64(cfg.n)*cfg.size {
					c.err = fmt.Errorf("curl saved %d files, %d bytes (%v)", n, bytes, err)
				}
			}
			res.curl = append(res.curl, c)
			fmt.Fprintf(os.Stderr, " curl %.2fs", c.wall.Seconds())
		}
		fmt.Fprintln(os.Stderr)
	}
	if cfg.big > 0 {
		fmt.Fprintf(os.Stderr, "download %d × %d bytes ...\n", cfg.big, cfg.size)
		if err := fresh(); err != nil {
			res.err = err
			return res
		}
		r := measure(ctx, timeout, dk, []string{"run", "--quiet", script, listBig, out, fmt.Sprint(cfg.par)}, env)
		check(&r, cfg.big, int64(cfg.big)*cfg.size)
		res.big = append(res.big, r)
	}

	// Under faults: every file complete with the clean checksum, or an error and nothing
	// under its name. The clean run's files are the reference.
	fmt.Fprintln(os.Stderr, "download under faults ...")
	if err := fresh(); err != nil {
		res.err = err
		return res
	}
	clean := measure(ctx, timeout, dk, []string{"run", "--quiet", script, listN, out, fmt.Sprint(cfg.par)}, env)
	if clean.err != nil {
		res.err = clean.err
		return res
	}
	want := map[string]string{}
	for i := 0; i < cfg.n; i++ {
		sum, err := fileSum(filepath.Join(out, fmt.Sprintf("%d.wav", i)))
		if err != nil {
			res.err = err
			return res
		}
		want[fmt.Sprintf("%d.wav", i)] = sum
	}
	fs, err := start("5xx:0.1:path=recording,reset:0.05:path=recording,reset-body:0.15:path=recording,truncated:0.05:path=recording")
	if err != nil {
		res.err = err
		return res
	}
	defer fs.stop()
	if err := fresh(); err != nil {
		res.err = err
		return res
	}
	fenv := append(os.Environ(), "DAKTELA_URL="+fs.url, "DAKTELA_TOKEN="+fs.token, "NO_COLOR=1")
	fr := measure(ctx, timeout, dk, []string{"run", "--quiet", "--retries", "5", script, listN, out, fmt.Sprint(cfg.par)}, fenv)
	if strings.Contains(fr.stdout, fs.token) {
		res.tokenLeak = true
	}
	failedLines := 0
	for _, line := range strings.Split(fr.stdout, "\n") {
		if strings.HasPrefix(line, "failed ") {
			failedLines++
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		res.err = err
		return res
	}
	for _, e := range entries {
		sum, err := fileSum(filepath.Join(out, e.Name()))
		switch {
		case err != nil:
			res.faultsProblems = append(res.faultsProblems, err.Error())
		case want[e.Name()] == "":
			res.faultsProblems = append(res.faultsProblems, "left behind: "+e.Name())
		case sum != want[e.Name()]:
			res.faultsProblems = append(res.faultsProblems, e.Name()+": checksum differs")
		default:
			res.faultsOK++
		}
	}
	res.faultsFailed = failedLines
	if res.faultsOK+failedLines != cfg.n {
		res.faultsProblems = append(res.faultsProblems, fmt.Sprintf("%d complete + %d failed != %d", res.faultsOK, failedLines, cfg.n))
	}
	return res
}

// startProcess starts this program with args in a child process that prints "URL TOKEN".
func startProcess(self string, args ...string) (*server, error) {
	return startServerArgs(self, args)
}

// recordedActivities returns the names of the call activities that have a recording.
func recordedActivities(ctx context.Context, s *server) ([]string, error) {
	c := daktela.NewClient(s.url, s.token)
	resp, err := c.Execute(ctx, daktela.BuildReadRequest("ActivitiesCall").AddFilter("answered", "eq", "1").SetTake(1000))
	if err != nil {
		return nil, err
	}
	var calls []struct{ Activities []struct{ Name string } }
	if err := resp.Decode(&calls); err != nil {
		return nil, err
	}
	var names []string
	for _, c := range calls {
		if len(c.Activities) > 0 {
			names = append(names, c.Activities[0].Name)
		}
	}
	if len(names) == 0 {
		return nil, errors.New("the fake has no recordings")
	}
	return names, nil
}

// dirTotal counts the files in dir and their bytes.
func dirTotal(dir string) (int, int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, 0, err
	}
	var total int64
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			return 0, 0, err
		}
		total += fi.Size()
	}
	return len(entries), total, nil
}

func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// runsOK returns the runs without an error.
func runsOK(rs []run) []run {
	var out []run
	for _, r := range rs {
		if r.err == nil {
			out = append(out, r)
		}
	}
	return out
}

func wallMedian(rs []run) time.Duration {
	var xs []time.Duration
	for _, r := range runsOK(rs) {
		xs = append(xs, r.wall)
	}
	return median(xs)
}

func rssMedianMB(rs []run) float64 {
	var xs []int64
	for _, r := range runsOK(rs) {
		xs = append(xs, r.rssKB)
	}
	return float64(median(xs)) / 1024
}

// reportDownload prints the download case and its bars.
func reportDownload(w io.Writer, res downloadResult) {
	c := res.cfg
	fmt.Fprintf(w, "\nDownloads: %d recordings of %d bytes, %s per answer, %d at once\n", c.n, c.size, c.latency, c.par)
	if res.err != nil {
		fmt.Fprintf(w, "  n/a: %v\n", res.err)
		return
	}
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "workload\tfiles\twall s\tCPU s\tMB/s\tpeak RSS MB\t")
	row := func(name string, n int, rs []run) {
		ok := runsOK(rs)
		if len(ok) == 0 {
			msg := "skipped"
			if len(rs) > 0 {
				msg = "failed: " + rs[0].err.Error()
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t\t\t\t\n", name, n, msg)
			return
		}
		var cpus []time.Duration
		for _, r := range ok {
			cpus = append(cpus, r.cpu)
		}
		wall := wallMedian(rs)
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.2f\t%.0f\t%.1f\t\n", name, n, wall.Seconds(), median(cpus).Seconds(),
			float64(int64(n)*c.size)/(1<<20)/wall.Seconds(), rssMedianMB(rs))
	}
	row("dkscript", c.n, res.dk)
	row("curl --parallel", c.n, res.curl)
	if c.big > 0 {
		row(fmt.Sprintf("dkscript, %.1f GB", float64(int64(c.big)*c.size)/(1<<30)), c.big, res.big)
	}
	tw.Flush()
	bar := func(ok bool) string {
		if ok {
			return "PASS"
		}
		return "FAIL"
	}
	if dw, cw := wallMedian(res.dk), wallMedian(res.curl); dw > 0 && cw > 0 {
		r := dw.Seconds() / cw.Seconds()
		fmt.Fprintf(w, "  %-44s %6.2fx  (≤ 1.20x) %s\n", "dkscript / curl, wall time", r, bar(r <= 1.2))
	} else {
		fmt.Fprintf(w, "  %-44s n/a\n", "dkscript / curl, wall time")
	}
	if len(runsOK(res.dk)) > 0 {
		m := rssMedianMB(res.dk)
		fmt.Fprintf(w, "  %-44s %6.1f MB (< 60 MB) %s\n", fmt.Sprintf("dkscript peak RSS, %d files", c.n), m, bar(m < 60))
	}
	if len(runsOK(res.big)) > 0 && len(runsOK(res.dk)) > 0 {
		b, m := rssMedianMB(res.big), rssMedianMB(res.dk)
		fmt.Fprintf(w, "  %-44s %6.1f MB (< 60 MB) %s; %.2fx the %d-file run's\n", fmt.Sprintf("dkscript peak RSS, %d files", c.big), b, bar(b < 60), b/m, c.n)
	}
	fmt.Fprintf(w, "  %-44s %d complete with the clean checksum, %d failed with an error, nothing else left: %s\n",
		"under faults (5xx, resets, cut bodies)", res.faultsOK, res.faultsFailed, bar(len(res.faultsProblems) == 0))
	for _, p := range res.faultsProblems {
		fmt.Fprintf(w, "    %s\n", p)
	}
	fmt.Fprintf(w, "  %-44s %s\n", "no token in dkscript's output", bar(!res.tokenLeak))
}
