package daktelatest

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// callActivities returns the seeded call activities: name, whether the call was
// answered, and its duration.
func callActivities(t *testing.T, srv *Server) (answered, unanswered map[string]int64) {
	t.Helper()
	answered, unanswered = map[string]int64{}, map[string]int64{}
	lr := list(t, srv, "activities.json?take=1000&filter[field]=type&filter[operator]=eq&filter[value]=CALL")
	for _, a := range lr.Data {
		item, _ := a["item"].(map[string]any)
		if item == nil {
			t.Fatalf("call activity %v has no item", a["name"])
		}
		d, _ := item["duration"].(float64)
		if item["answered"] == true {
			answered[a["name"].(string)] = int64(d)
		} else {
			unanswered[a["name"].(string)] = int64(d)
		}
	}
	if len(answered) == 0 || len(unanswered) == 0 {
		t.Fatalf("want answered and unanswered calls, got %d and %d", len(answered), len(unanswered))
	}
	return answered, unanswered
}

func recordingURL(srv *Server, activity string) string {
	return srv.URL + "/file/recording/" + url.PathEscape(activity) + "?accessToken=" + url.QueryEscape(srv.Token)
}

// TestRecordingEveryAnsweredCall: every answered call activity has a WAV recording
// whose length follows the call's duration, the same bytes every time; an unanswered
// call's is 404.
func TestRecordingEveryAnsweredCall(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	answered, unanswered := callActivities(t, srv)
	for name, secs := range answered {
		status, hd, body := call(t, "GET", recordingURL(srv, name), "", nil)
		if status != 200 || hd.Get("Content-Type") != "audio/wav" {
			t.Fatalf("%s: HTTP %d %q", name, status, hd.Get("Content-Type"))
		}
		if want := int64(44 + secs*8000); int64(len(body)) != want {
			t.Fatalf("%s: %d bytes, want %d for %d s", name, len(body), want, secs)
		}
		if string(body[:4]) != "RIFF" || string(body[8:16]) != "WAVEfmt " || string(body[36:40]) != "data" ||
			binary.LittleEndian.Uint32(body[40:44]) != uint32(len(body)-44) || binary.LittleEndian.Uint32(body[4:8]) != uint32(len(body)-8) {
			t.Fatalf("%s: not a valid WAV header: % x", name, body[:44])
		}
		if !strings.Contains(hd.Get("Content-Disposition"), name+".wav") {
			t.Fatalf("%s: Content-Disposition %q", name, hd.Get("Content-Disposition"))
		}
		_, _, again := call(t, "GET", recordingURL(srv, name), "", nil)
		if !bytes.Equal(body, again) {
			t.Fatalf("%s: the recording changed between two reads", name)
		}
	}
	for name := range unanswered {
		if status, _, _ := call(t, "GET", recordingURL(srv, name), "", nil); status != 404 {
			t.Fatalf("unanswered %s: HTTP %d, want 404", name, status)
		}
	}
	if status, _, _ := call(t, "GET", recordingURL(srv, "activities_nope"), "", nil); status != 404 {
		t.Fatalf("unknown activity: HTTP %d, want 404", status)
	}
}

// TestRecordingSizeAndRange: RecordingSize makes every recording exactly that large; a
// Range request gets the rest of the file (206) with the same bytes.
func TestRecordingSizeAndRange(t *testing.T) {
	const size = 3<<20 + 7
	srv := NewServer(Options{RecordingSize: size})
	defer srv.Close()
	answered, _ := callActivities(t, srv)
	var name string
	for n := range answered {
		name = n
		break
	}
	status, _, full := call(t, "GET", recordingURL(srv, name), "", nil)
	if status != 200 || len(full) != size {
		t.Fatalf("HTTP %d, %d bytes; want %d", status, len(full), size)
	}
	status, hd, rest := call(t, "GET", recordingURL(srv, name), "", map[string]string{"Range": "bytes=1000000-"})
	if status != 206 || hd.Get("Content-Range") != fmt.Sprintf("bytes 1000000-%d/%d", size-1, size) || !bytes.Equal(rest, full[1000000:]) {
		t.Fatalf("range: HTTP %d %q, %d bytes", status, hd.Get("Content-Range"), len(rest))
	}
	if _, err := NewHandler(Options{RecordingSize: 10}); err == nil {
		t.Fatal("a recording size below a WAV header was accepted")
	}
}

// TestFileEndpointsBadToken: without a valid token a file endpoint answers a sign-in
// page with status 200, as a real instance does.
func TestFileEndpointsBadToken(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	answered, _ := callActivities(t, srv)
	for name := range answered {
		status, hd, body := call(t, "GET", srv.URL+"/file/recording/"+name+"?accessToken=wrong", "", nil)
		if status != 200 || !strings.HasPrefix(hd.Get("Content-Type"), "text/html") || !bytes.Contains(body, []byte("<form")) {
			t.Fatalf("HTTP %d %q %.60s", status, hd.Get("Content-Type"), body)
		}
		break
	}
}

// TestDownloadAttachments: download.php serves every attachment the demo e-mail
// activities list, with its type, name and size.
func TestDownloadAttachments(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	lr := list(t, srv, "activitiesEmail.json?take=1000")
	seen := 0
	for _, e := range lr.Data {
		files, _ := e["files"].([]any)
		for _, f := range files {
			fm := f.(map[string]any)
			id := fmt.Sprint(normalizeNum(fm["file"]))
			u := srv.URL + "/file/download.php?mapper=activitiesEmail&name=" + id + "&download=1&fullsize=1&accessToken=" + srv.Token
			status, hd, body := call(t, "POST", u, "", nil)
			if status != 200 || hd.Get("Content-Type") != fm["type"] || float64(len(body)) != fm["size"].(float64) ||
				!strings.Contains(hd.Get("Content-Disposition"), fmt.Sprint(fm["title"])) || !bytes.HasPrefix(body, []byte("%PDF")) {
				t.Fatalf("file %s: HTTP %d %q %q, %d bytes; want %v", id, status, hd.Get("Content-Type"), hd.Get("Content-Disposition"), len(body), fm)
			}
			seen++
		}
	}
	if seen == 0 {
		t.Fatal("no e-mail lists an attachment")
	}
	if status, _, _ := call(t, "POST", srv.URL+"/file/download.php?mapper=activitiesEmail&name=1&accessToken="+srv.Token, "", nil); status != 404 {
		t.Fatalf("unknown file: HTTP %d", status)
	}
	if status, _, _ := call(t, "POST", srv.URL+"/file/download.php?mapper=nope&name=70001&accessToken="+srv.Token, "", nil); status != 400 {
		t.Fatalf("unknown mapper: HTTP %d", status)
	}
}

// multipartBody builds a multipart body with one field.
func multipartBody(t *testing.T, field, file string, data []byte) (string, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	var w io.Writer
	var err error
	if file != "" {
		w, err = mw.CreateFormFile(field, file)
	} else {
		w, err = mw.CreateFormField(field)
	}
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	mw.Close()
	return b.String(), mw.FormDataContentType()
}

// TestUploadAttachToComment: an upload's stored name attaches the file to a ticket's
// comment; download.php then serves the same bytes; an unknown name is a form error,
// and a removed upload is gone.
func TestUploadAttachToComment(t *testing.T) {
	srv := NewServer(Options{})
	defer srv.Close()
	data := []byte("report,1\nline,2\n")
	body, ct := multipartBody(t, "files", "report.csv", data)
	status, _, got := call(t, "POST", srv.URL+"/file/upload.php?type=save&accessToken="+srv.Token, body, map[string]string{"Content-Type": ct})
	var stored string
	if status != 200 || json.Unmarshal(got, &stored) != nil || stored == "" {
		t.Fatalf("upload: HTTP %d %s", status, got)
	}
	st, e := api(t, srv, "PUT", "tickets/1001.json", `{"comment":"see the report","comment_add_files":["nope"]}`)
	if st != 400 || !strings.Contains(string(e.Error), "comment_add_files") {
		t.Fatalf("unknown upload: HTTP %d %s", st, e.Error)
	}
	if st, _ := api(t, srv, "PUT", "tickets/1001.json", fmt.Sprintf(`{"comment":"see the report","comment_add_files":[%q]}`, stored)); st != 200 {
		t.Fatalf("update: HTTP %d", st)
	}
	acts := list(t, srv, "tickets/1001/activities.json?take=1000")
	var att map[string]any
	for _, a := range acts.Data {
		if a["description"] == "see the report" {
			list := list(t, srv, "activities/"+a["name"].(string)+"/attachments.json")
			if len(list.Data) != 1 {
				t.Fatalf("comment attachments: %v", list.Data)
			}
			att = list.Data[0]
		}
	}
	if att == nil || att["title"] != "report.csv" {
		t.Fatalf("no attachment on the comment: %v", att)
	}
	u := srv.URL + "/file/download.php?mapper=activitiesComment&name=" + fmt.Sprint(normalizeNum(att["file"])) + "&download=1&accessToken=" + srv.Token
	status, hd, dl := call(t, "POST", u, "", nil)
	if status != 200 || !bytes.Equal(dl, data) || !strings.HasPrefix(hd.Get("Content-Type"), "text/csv") {
		t.Fatalf("download: HTTP %d %q %q", status, hd.Get("Content-Type"), dl)
	}
	// remove
	body, ct = multipartBody(t, "files", "x.txt", []byte("x"))
	_, _, got = call(t, "POST", srv.URL+"/file/upload.php?type=save&accessToken="+srv.Token, body, map[string]string{"Content-Type": ct})
	json.Unmarshal(got, &stored)
	body, ct = multipartBody(t, "fileNames", "", []byte(stored))
	status, _, got = call(t, "POST", srv.URL+"/file/upload.php?type=remove&accessToken="+srv.Token, body, map[string]string{"Content-Type": ct})
	if status != 200 || string(got) != "1" {
		t.Fatalf("remove: HTTP %d %q", status, got)
	}
	if st, _ := api(t, srv, "PUT", "tickets/1001.json", fmt.Sprintf(`{"comment":"x","comment_add_files":[%q]}`, stored)); st != 400 {
		t.Fatalf("a removed upload was attached: HTTP %d", st)
	}
	for _, e := range srv.Requests() {
		if e.Method == "POST" && strings.Contains(e.Path, "upload.php") && bytes.Contains(e.Body, data) {
			t.Fatal("the request log keeps an upload's bytes")
		}
	}
}

// TestFileFaults: faults reach the file endpoints: a 5xx, and a body cut off mid-file
// (the headers promise every byte, half arrive) and a sign-in page instead of audio.
// (Each rule counts only the requests the rules before it left.)
func TestFileFaults(t *testing.T) {
	srv := NewServer(Options{Faults: "5xx:n=1:path=recording,reset-body:n=1:path=recording,malformed:n=1:path=recording"})
	defer srv.Close()
	answered, _ := callActivities(t, srv)
	var name string
	for n := range answered {
		name = n
		break
	}
	if status, _, _ := call(t, "GET", recordingURL(srv, name), "", nil); status < 500 {
		t.Fatalf("5xx fault: HTTP %d", status)
	}
	resp, err := http.Get(recordingURL(srv, name))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err == nil || int64(len(b)) >= resp.ContentLength {
		t.Fatalf("cut fault: read %d of %d bytes, err %v", len(b), resp.ContentLength, err)
	}
	status, hd, _ := call(t, "GET", recordingURL(srv, name), "", nil)
	if status != 200 || !strings.HasPrefix(hd.Get("Content-Type"), "text/html") {
		t.Fatalf("malformed fault: HTTP %d %q, want the sign-in page", status, hd.Get("Content-Type"))
	}
	_, _, whole := call(t, "GET", recordingURL(srv, name), "", nil)
	if sha256.Sum256(whole) == sha256.Sum256(b) {
		t.Fatal("the cut body equals the whole file")
	}
}
