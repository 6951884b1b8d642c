package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The serve case (issue 18): dkscript serve answering webhooks from concurrent senders
// on loopback, with a trivial handler (the server's own cost: HTTP, the secret, the
// pool, a call into JavaScript and back) and with a handler that creates a record on
// the fake Daktela per webhook. Reported: webhooks per second and the latency
// percentiles the senders saw.

const serveHooksJS = `module.exports = {
	ping: async (payload) => ({ ok: true, id: payload.id }),
	write: async (payload) => {
		const res = await daktela.client().executeAsync(daktela.buildCreateRequest("Contacts").addAttributes({ lastname: "Bench " + payload.id }))
		return { contact: res.data.name }
	},
}
`

const serveBenchSecret = "bench-webhook-secret"

// serveCase is one measured load.
type serveCase struct {
	event      string
	n, senders int
	elapsed    time.Duration
	lat        []time.Duration // sorted
	failed     int
	err        error
}

func (c serveCase) perSecond() float64 { return float64(c.n-c.failed) / c.elapsed.Seconds() }

func (c serveCase) pct(p float64) time.Duration {
	if len(c.lat) == 0 {
		return 0
	}
	i := int(p*float64(len(c.lat))+0.5) - 1
	i = max(0, min(i, len(c.lat)-1))
	return c.lat[i]
}

var serveListenRe = regexp.MustCompile(`on (http://127\.0\.0\.1:\d+) `)

// measureServe starts dk serve over the fake s and sends n webhooks of each event from
// senders goroutines, after a warm-up.
func measureServe(ctx context.Context, dk, dir string, s *server, n, senders int) ([]serveCase, error) {
	hooks := filepath.Join(dir, "bench-hooks.js")
	secret := filepath.Join(dir, "bench-secret")
	if err := os.WriteFile(hooks, []byte(serveHooksJS), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(secret, []byte(serveBenchSecret+"\n"), 0o600); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, dk, "serve", "--addr", "127.0.0.1:0", "--secret-file", secret, hooks)
	cmd.Env = append(os.Environ(), "DAKTELA_URL="+s.url, "DAKTELA_TOKEN="+s.token)
	cmd.Stdout = io.Discard
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}()
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := serveListenRe.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	var base string
	select {
	case base = <-found:
	case <-time.After(30 * time.Second):
		return nil, errors.New("dkscript serve did not start")
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: senders}}
	defer client.CloseIdleConnections()
	var out []serveCase
	for _, event := range []string{"ping", "write"} {
		if _, err := sendWebhooks(client, base, event, min(n/5, 200), senders); err != nil { // warm-up
			return nil, err
		}
		c, err := sendWebhooks(client, base, event, n, senders)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// sendWebhooks posts n webhooks of event from senders goroutines and records each
// one's latency.
func sendWebhooks(client *http.Client, base, event string, n, senders int) (serveCase, error) {
	c := serveCase{event: event, n: n, senders: senders}
	next := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				req, _ := http.NewRequest("POST", base+"/hooks/"+event, strings.NewReader(fmt.Sprintf(`{"id":"w%d"}`, i)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Webhook-Secret", serveBenchSecret)
				t0 := time.Now()
				res, err := client.Do(req)
				ok := err == nil && res.StatusCode == 200
				if err == nil {
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				d := time.Since(t0)
				mu.Lock()
				if ok {
					c.lat = append(c.lat, d)
				} else {
					c.failed++
				}
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	c.elapsed = time.Since(start)
	sort.Slice(c.lat, func(i, j int) bool { return c.lat[i] < c.lat[j] })
	if c.failed > 0 {
		c.err = fmt.Errorf("%d of %d webhooks were not answered 200", c.failed, n)
	}
	return c, nil
}

// reportServe prints the serve cases.
func reportServe(w io.Writer, cases []serveCase, err error) {
	if err == nil && len(cases) == 0 {
		return
	}
	fmt.Fprintln(w, "\nServe (issue 18): dkscript serve on loopback, default --pool 8, webhooks from concurrent senders")
	if err != nil {
		fmt.Fprintf(w, "  failed: %v\n", err)
		return
	}
	for _, c := range cases {
		what := "trivial handler"
		if c.event == "write" {
			what = "handler creating a record"
		}
		fmt.Fprintf(w, "  %-26s %5d webhooks, %2d senders: %7.0f webhooks/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
			what, c.n, c.senders, c.perSecond(), ms(c.pct(0.50)), ms(c.pct(0.99)), ms(c.pct(1)))
		if c.err != nil {
			fmt.Fprintf(w, " (%v)", c.err)
		}
		fmt.Fprintln(w)
	}
}
