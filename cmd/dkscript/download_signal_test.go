package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// stallingWriter passes the first n bytes of an answer through, then signals stalled
// and holds the answer until the request ends.
type stallingWriter struct {
	http.ResponseWriter
	left    int
	stalled chan struct{}
	once    *sync.Once
	done    <-chan struct{}
}

func (s *stallingWriter) Write(p []byte) (int, error) {
	if s.left <= 0 {
		s.once.Do(func() { close(s.stalled) })
		<-s.done
		return 0, http.ErrAbortHandler
	}
	p = p[:min(len(p), s.left)]
	s.left -= len(p)
	n, err := s.ResponseWriter.Write(p)
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
	return n, err
}

// TestCtrlCLeavesNoPartialDownload: Ctrl-C while a recording is half downloaded ends the
// run with 130 and leaves nothing: no file under the final name, no ".part".
func TestCtrlCLeavesNoPartialDownload(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	h, err := daktelatest.NewHandler(daktelatest.Options{RecordingSize: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	stalled := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/file/") {
			w = &stallingWriter{ResponseWriter: w, left: 256 << 10, stalled: stalled, once: &once, done: r.Context().Done()}
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	dir := t.TempDir()
	script := writeScript(t, dir, "rec.js", `
const client = daktela.client();
const call = client.execute(daktela.buildReadRequest("ActivitiesCall").addFilter("answered", "eq", "1").setTake(1)).data[0];
console.log("started");
client.downloadRecording(call, "out/rec.wav");
console.log("not reached");
`)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	cmd := exec.Command(bin, "run", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DAKTELA_URL="+srv.URL, "DAKTELA_TOKEN="+h.Token())
	code, stderr := interruptAfter(t, cmd, func() {
		select {
		case <-stalled:
		case <-time.After(20 * time.Second):
			t.Fatal("the download never started")
		}
	})
	if code != 130 {
		t.Errorf("exit code %d, want 130; stderr %q", code, stderr)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
	if strings.Contains(stderr, h.Token()) {
		t.Error("the token is in stderr")
	}
}
