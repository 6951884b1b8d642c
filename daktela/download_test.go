package daktela_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

const fileToken = "TOKEN-files-9c4e2b7a1d"

// callNames returns the seeded call activities: those with a recording (answered) and
// those without.
func callNames(t *testing.T, c *daktela.Client) (answered, unanswered []string) {
	t.Helper()
	resp, err := c.Execute(context.Background(), daktela.BuildReadRequest("Activities").
		AddFilter("type", "eq", "CALL").SetTake(1000))
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range resp.Records() {
		var a struct {
			Name string `json:"name"`
			Item struct {
				Answered bool `json:"answered"`
			} `json:"item"`
		}
		if err := rec.Decode(&a); err != nil {
			t.Fatal(err)
		}
		if a.Item.Answered {
			answered = append(answered, a.Name)
		} else {
			unanswered = append(unanswered, a.Name)
		}
	}
	if len(answered) == 0 || len(unanswered) == 0 {
		t.Fatalf("want answered and unanswered calls: %d, %d", len(answered), len(unanswered))
	}
	return answered, unanswered
}

// fetchDirect fetches a recording with a plain HTTP GET, for comparison.
func fetchDirect(t *testing.T, srv *daktelatest.Server, activity string) []byte {
	t.Helper()
	resp, err := http.Get(srv.URL + "/file/recording/" + activity + "?accessToken=" + srv.Token)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("direct fetch: HTTP %d %v", resp.StatusCode, err)
	}
	return b
}

func sha(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// logTo gives c a JSON logger writing to a buffer, safe for concurrent use.
type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// noLeftovers fails when dir holds a ".part" file, or a file not in want.
func noLeftovers(t *testing.T, dir string, want map[string]bool) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".part") || !want[e.Name()] {
			t.Errorf("left in the directory: %s", e.Name())
		}
	}
}

// TestDownloadRecordings: every recording, into a directory (named after the server's
// file name), is byte for byte what the server sends, with its SHA-256, in both auth
// modes; skipExisting skips it with the same checksum; an activity without a recording
// is a NotFoundError and leaves nothing. No token in any log line, error or file name.
func TestDownloadRecordings(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Token: fileToken})
	defer srv.Close()
	for _, auth := range []daktela.AuthMethod{daktela.AuthHeader, daktela.AuthQuery} {
		t.Run(string(auth), func(t *testing.T) {
			var logs lockedBuf
			c := daktela.NewClient(srv.URL, fileToken)
			c.ApiCommunicator().SetAuthenticationMethod(auth)
			c.ApiCommunicator().SetLogger(slog.New(slog.NewJSONHandler(&logs, nil)))
			answered, unanswered := callNames(t, c)
			dir := t.TempDir()
			want := map[string]bool{}
			for _, name := range answered[:5] {
				d, err := c.DownloadRecording(context.Background(), name, dir+"/", daktela.DownloadOptions{})
				if err != nil {
					t.Fatal(err)
				}
				body := fetchDirect(t, srv, name)
				onDisk, _ := os.ReadFile(d.Path)
				if d.Path != filepath.Join(dir, name+".wav") || d.Bytes != int64(len(body)) || d.SHA256 != sha(body) ||
					!bytes.Equal(onDisk, body) || d.ContentType != "audio/wav" || d.Skipped {
					t.Fatalf("%s: %+v, want %d bytes %s", name, d, len(body), sha(body))
				}
				want[name+".wav"] = true
				again, err := c.DownloadRecording(context.Background(), name, dir, daktela.DownloadOptions{SkipExisting: true})
				if err != nil || !again.Skipped || again.SHA256 != d.SHA256 || again.Bytes != d.Bytes || again.Path != d.Path {
					t.Fatalf("skipExisting: %+v, %v", again, err)
				}
				file := filepath.Join(dir, "named-"+name+".wav")
				if _, err := c.DownloadRecording(context.Background(), name, file, daktela.DownloadOptions{}); err != nil {
					t.Fatal(err)
				}
				want[filepath.Base(file)] = true
			}
			_, err := c.DownloadRecording(context.Background(), unanswered[0], filepath.Join(dir, "none.wav"), daktela.DownloadOptions{})
			var nf *daktela.NotFoundError
			if !errors.As(err, &nf) {
				t.Fatalf("no recording: %v", err)
			}
			noLeftovers(t, dir, want)
			if strings.Contains(logs.String(), fileToken) || strings.Contains(err.Error(), fileToken) {
				t.Fatalf("the token leaked:\n%s\n%v", logs.String(), err)
			}
			if !strings.Contains(logs.String(), `"path":"/file/recording/`) {
				t.Fatalf("no log line for the downloads:\n%.500s", logs.String())
			}
		})
	}
}

// TestDownloadNotAudio: a recording answered with the sign-in page (status 200, as a
// real instance answers a bad token) is ErrNotAFile, and nothing is saved.
func TestDownloadNotAudio(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Token: fileToken})
	defer srv.Close()
	answered, _ := callNames(t, daktela.NewClient(srv.URL, fileToken))
	c := daktela.NewClient(srv.URL, "TOKEN-expired-0000")
	dir := t.TempDir()
	_, err := c.DownloadRecording(context.Background(), answered[0], filepath.Join(dir, "x.wav"), daktela.DownloadOptions{})
	if !errors.Is(err, daktela.ErrNotAFile) || !strings.Contains(err.Error(), "text/html") || strings.Contains(err.Error(), "TOKEN-expired") {
		t.Fatalf("got %v", err)
	}
	noLeftovers(t, dir, nil)
}

// TestDownloadUnderFaults: with 5xx answers, dropped connections and bodies cut off
// mid-file, every download ends with the whole file (its checksum matches) or a clear
// error and nothing under the final name; never a ".part" file. Resumed attempts ask
// for the rest with a Range header.
func TestDownloadUnderFaults(t *testing.T) {
	clean := daktelatest.NewServer(daktelatest.Options{Token: fileToken, RecordingSize: 200 << 10})
	defer clean.Close()
	h, err := daktelatest.NewHandler(daktelatest.Options{Token: fileToken, RecordingSize: 200 << 10,
		Faults: "5xx:0.15:path=recording,reset:0.1:path=recording,reset-body:0.2:path=recording,truncated:0.1:path=recording"})
	if err != nil {
		t.Fatal(err)
	}
	var ranges sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rg := r.Header.Get("Range"); rg != "" {
			ranges.Store(rg, true)
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	answered, _ := callNames(t, daktela.NewClient(clean.URL, fileToken))
	var logs lockedBuf
	c := daktela.NewClient(srv.URL, fileToken)
	c.ApiCommunicator().SetAuthenticationMethod(daktela.AuthQuery)
	rc := daktela.DefaultRetryConfig()
	rc.MaxRetries, rc.BaseDelay = 6, 1
	c.ApiCommunicator().SetRetryConfig(rc)
	c.ApiCommunicator().SetLogger(slog.New(slog.NewJSONHandler(&logs, nil)))
	dir := t.TempDir()
	want := map[string]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	ok, failed := 0, 0
	for i, name := range answered[:40] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := filepath.Join(dir, fmt.Sprintf("%02d.wav", i))
			d, err := c.DownloadRecording(context.Background(), name, path, daktela.DownloadOptions{})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed++
				if _, serr := os.Stat(path); serr == nil || strings.Contains(err.Error(), fileToken) {
					t.Errorf("%s: failed (%v) but left a file, or leaked the token", name, err)
				}
				return
			}
			ok++
			want[filepath.Base(path)] = true
			body, _ := os.ReadFile(path)
			if d.SHA256 != sha(fetchDirect(t, clean, name)) || sha(body) != d.SHA256 {
				t.Errorf("%s: checksum %s does not match the server's file", name, d.SHA256)
			}
		}()
	}
	wg.Wait()
	noLeftovers(t, dir, want)
	if ok == 0 {
		t.Fatalf("every download failed (%d)", failed)
	}
	n := 0
	ranges.Range(func(any, any) bool { n++; return true })
	if n == 0 {
		t.Error("no attempt resumed with a Range request")
	}
	if strings.Contains(logs.String(), fileToken) {
		t.Fatal("the token is in the log")
	}
}

// stallWriter passes n bytes of an answer through and then blocks until the request
// ends, signalling stalled once.
type stallWriter struct {
	http.ResponseWriter
	left    int
	stalled chan struct{}
	done    <-chan struct{}
	once    sync.Once
}

func (s *stallWriter) Write(p []byte) (int, error) {
	if s.left <= 0 {
		s.once.Do(func() { close(s.stalled) })
		<-s.done
		return 0, errors.New("request ended")
	}
	if len(p) > s.left {
		p = p[:s.left]
	}
	s.left -= len(p)
	n, err := s.ResponseWriter.Write(p)
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
	return n, err
}

// TestDownloadCancelled: a download cancelled mid-file leaves nothing behind: no file
// under the final name and no ".part".
func TestDownloadCancelled(t *testing.T) {
	h, err := daktelatest.NewHandler(daktelatest.Options{Token: fileToken, RecordingSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	stalled := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/file/") {
			w = &stallWriter{ResponseWriter: w, left: 100 << 10, stalled: stalled, done: r.Context().Done()}
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c := daktela.NewClient(srv.URL, fileToken)
	answered, _ := callNames(t, c)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-stalled; cancel() }()
	dir := t.TempDir()
	_, err = c.DownloadRecording(ctx, answered[0], filepath.Join(dir, "r.wav"), daktela.DownloadOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want the cancellation", err)
	}
	noLeftovers(t, dir, nil)
}

// TestDownloadAttachments: the demo e-mails' attachments, into a directory, under the
// names the server gives, with their sizes and types.
func TestDownloadAttachments(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Token: fileToken})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, fileToken)
	resp, err := c.Execute(context.Background(), daktela.BuildReadRequest("ActivitiesEmail").SetTake(50))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n := 0
	for _, rec := range resp.Records() {
		var e struct {
			Files []struct {
				File  int64  `json:"file"`
				Title string `json:"title"`
				Type  string `json:"type"`
				Size  int64  `json:"size"`
			} `json:"files"`
		}
		if err := rec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		for _, f := range e.Files {
			d, err := c.DownloadFile(context.Background(), "activitiesEmail", fmt.Sprint(f.File), dir, daktela.DownloadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Path != filepath.Join(dir, f.Title) || d.Bytes != f.Size || d.ContentType != f.Type {
				t.Fatalf("got %+v, want %+v", d, f)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no attachment downloaded")
	}
	if _, err := c.DownloadFile(context.Background(), "activities/Email", "1", dir, daktela.DownloadOptions{}); err == nil {
		t.Fatal("a mapper with a slash was accepted")
	}
}

// TestUploadAndAttach: an uploaded file, named in a ticket comment's comment_add_files,
// becomes the comment's attachment with the same bytes; dry-run mode shows an upload
// without sending it and names it dryrun_upload_<n>.
func TestUploadAndAttach(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{Token: fileToken})
	defer srv.Close()
	var logs lockedBuf
	c := daktela.NewClient(srv.URL, fileToken)
	c.ApiCommunicator().SetLogger(slog.New(slog.NewJSONHandler(&logs, nil)))
	dir := t.TempDir()
	src := filepath.Join(dir, "report.csv")
	data := []byte("queue,calls\n3000,42\n")
	os.WriteFile(src, data, 0o644)
	ctx := context.Background()
	name, err := c.UploadFile(ctx, src)
	if err != nil || name == "" {
		t.Fatalf("upload: %q %v", name, err)
	}
	upd := daktela.BuildUpdateRequest("Tickets").SetObjectName("1002").
		AddAttribute("comment", "Weekly report").AddAttribute("comment_add_files", []string{name})
	if _, err := c.Execute(ctx, upd); err != nil {
		t.Fatal(err)
	}
	acts, err := c.Execute(ctx, daktela.BuildReadRelationRequest("Tickets", "1002", "activities").SetTake(1000))
	if err != nil {
		t.Fatal(err)
	}
	var comment string
	for _, r := range acts.Records() {
		var a struct{ Name, Description string }
		r.Decode(&a)
		if a.Description == "Weekly report" {
			comment = a.Name
		}
	}
	atts, err := c.Execute(ctx, daktela.BuildReadRelationRequest("Activities", comment, "attachments"))
	if err != nil || len(atts.Records()) != 1 {
		t.Fatalf("attachments of %q: %v", comment, err)
	}
	var att struct{ File int64 }
	atts.Records()[0].Decode(&att)
	d, err := c.DownloadFile(ctx, "activitiesComment", fmt.Sprint(att.File), filepath.Join(dir, "back.csv"), daktela.DownloadOptions{})
	if err != nil || d.SHA256 != sha(data) {
		t.Fatalf("download of the attachment: %+v %v", d, err)
	}
	// An unattached upload can be removed.
	other, _ := c.UploadFile(ctx, src)
	if err := c.RemoveUploadedFile(ctx, other); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveUploadedFile(ctx, other); err == nil {
		t.Fatal("removing a removed upload succeeded")
	}
	if strings.Contains(logs.String(), fileToken) {
		t.Fatal("the token is in the log")
	}

	// Dry run: shown, not sent.
	var shown []daktela.WriteIntent
	dry := daktela.NewClient(srv.URL, fileToken)
	dry.ApiCommunicator().SetDryRun(func(wi daktela.WriteIntent) { shown = append(shown, wi) })
	before := len(srv.Requests())
	for i := 1; i <= 2; i++ {
		n, err := dry.UploadFile(ctx, src)
		if err != nil || n != fmt.Sprintf("dryrun_upload_%d", i) {
			t.Fatalf("dry-run upload %d: %q %v", i, n, err)
		}
	}
	if len(srv.Requests()) != before || len(shown) != 2 || shown[0].Path != "/file/upload.php?type=save" || !strings.Contains(string(shown[0].Body), "report.csv") {
		t.Fatalf("dry run sent %d requests, showed %+v", len(srv.Requests())-before, shown)
	}
}
