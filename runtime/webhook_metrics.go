package runtime

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// durationBuckets are the upper bounds (seconds) of the handler duration histogram.
var durationBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// webhookMetrics are a WebhookHandler's counters, written in the Prometheus text
// format. Event labels are only the events the script has handlers for (and
// "unknown"), so a sender cannot grow them.
type webhookMetrics struct {
	mu        sync.Mutex
	requests  map[reqKey]uint64
	durations map[string]*histogram
}

type reqKey struct {
	event  string
	status int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

func newWebhookMetrics(events []string) *webhookMetrics {
	m := &webhookMetrics{requests: map[reqKey]uint64{}, durations: map[string]*histogram{}}
	for _, e := range events {
		m.durations[e] = &histogram{counts: make([]uint64, len(durationBuckets))}
	}
	return m
}

// request counts one answered request.
func (m *webhookMetrics) request(event string, status int) {
	if event == "" {
		event = "unknown"
	}
	m.mu.Lock()
	m.requests[reqKey{event, status}]++
	m.mu.Unlock()
}

// observe records how long a handler of event ran.
func (m *webhookMetrics) observe(event string, d time.Duration) {
	s := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.durations[event]
	if h == nil {
		return
	}
	h.n++
	h.sum += s
	for i, b := range durationBuckets {
		if s <= b {
			h.counts[i]++
			return
		}
	}
}

// write writes every metric in the Prometheus text exposition format.
func (m *webhookMetrics) write(w io.Writer, pool *HandlerPool) {
	m.mu.Lock()
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].event != keys[j].event {
			return keys[i].event < keys[j].event
		}
		return keys[i].status < keys[j].status
	})
	fmt.Fprintln(w, "# HELP dkscript_webhook_requests_total Webhook requests answered, by event and HTTP status.")
	fmt.Fprintln(w, "# TYPE dkscript_webhook_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "dkscript_webhook_requests_total{event=%s,status=\"%d\"} %d\n", labelValue(k.event), k.status, m.requests[k])
	}
	events := make([]string, 0, len(m.durations))
	for e := range m.durations {
		events = append(events, e)
	}
	sort.Strings(events)
	fmt.Fprintln(w, "# HELP dkscript_webhook_handler_duration_seconds How long handlers ran, by event.")
	fmt.Fprintln(w, "# TYPE dkscript_webhook_handler_duration_seconds histogram")
	for _, e := range events {
		h := m.durations[e]
		ev := labelValue(e)
		var cum uint64
		for i, b := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "dkscript_webhook_handler_duration_seconds_bucket{event=%s,le=\"%s\"} %d\n", ev, strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "dkscript_webhook_handler_duration_seconds_bucket{event=%s,le=\"+Inf\"} %d\n", ev, h.n)
		fmt.Fprintf(w, "dkscript_webhook_handler_duration_seconds_sum{event=%s} %s\n", ev, strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(w, "dkscript_webhook_handler_duration_seconds_count{event=%s} %d\n", ev, h.n)
	}
	m.mu.Unlock()
	fmt.Fprintln(w, "# HELP dkscript_webhook_handlers_running Handlers running now.")
	fmt.Fprintln(w, "# TYPE dkscript_webhook_handlers_running gauge")
	fmt.Fprintf(w, "dkscript_webhook_handlers_running %d\n", pool.Running())
	fmt.Fprintln(w, "# HELP dkscript_webhook_handlers_queued Webhooks waiting for a free runtime.")
	fmt.Fprintln(w, "# TYPE dkscript_webhook_handlers_queued gauge")
	fmt.Fprintf(w, "dkscript_webhook_handlers_queued %d\n", pool.Waiting())
	fmt.Fprintln(w, "# HELP dkscript_webhook_runtimes Runtimes in the handler pool.")
	fmt.Fprintln(w, "# TYPE dkscript_webhook_runtimes gauge")
	fmt.Fprintf(w, "dkscript_webhook_runtimes %d\n", pool.Size())
}

// labelValue quotes a label value as the Prometheus text format does: backslash,
// double quote and line feed escaped.
func labelValue(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
