package daktela_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

func ExampleClient_DownloadRecording() {
	srv := daktelatest.NewServer(daktelatest.Options{RecordingSize: 1 << 20})
	defer srv.Close()
	ctx := context.Background()
	client := daktela.NewClient(srv.URL, srv.Token)
	dir, _ := os.MkdirTemp("", "recordings")
	defer os.RemoveAll(dir)

	// The answered calls: each has a recording, named by the call's activity.
	calls, err := client.Execute(ctx, daktela.BuildReadRequest("ActivitiesCall").
		AddFilter("answered", "eq", "1").SetTake(3))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	var recs []struct{ Activities []struct{ Name string } }
	calls.Decode(&recs)
	var acts []struct{ Name string }
	for _, r := range recs {
		acts = append(acts, r.Activities[0])
	}
	for _, a := range acts {
		// A directory target: the file takes the server's name, <activity>.wav.
		d, err := client.DownloadRecording(ctx, a.Name, dir+"/", daktela.DownloadOptions{SkipExisting: true})
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(filepath.Base(d.Path) == a.Name+".wav", d.Bytes, d.ContentType, len(d.SHA256), d.Skipped)
	}
	// Again: the files are there, complete, and are skipped.
	d, _ := client.DownloadRecording(ctx, acts[0].Name, dir, daktela.DownloadOptions{SkipExisting: true})
	fmt.Println("skipped:", d.Skipped, d.Bytes)
	// Output:
	// true 1048576 audio/wav 64 false
	// true 1048576 audio/wav 64 false
	// true 1048576 audio/wav 64 false
	// skipped: true 1048576
}

func ExampleClient_UploadFile() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	ctx := context.Background()
	client := daktela.NewClient(srv.URL, srv.Token)
	dir, _ := os.MkdirTemp("", "upload")
	defer os.RemoveAll(dir)
	report := filepath.Join(dir, "report.csv")
	os.WriteFile(report, []byte("queue,calls\n3000,42\n"), 0o644)

	// Upload, then attach the stored file to a ticket comment.
	name, err := client.UploadFile(ctx, report)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	_, err = client.Execute(ctx, daktela.BuildUpdateRequest("Tickets").SetObjectName("1001").
		AddAttribute("comment", "This week's report").
		AddAttribute("comment_add_files", []string{name}))
	fmt.Println("attached:", err == nil)

	// Under dry-run the upload is shown, not sent.
	client.ApiCommunicator().SetDryRun(func(w daktela.WriteIntent) { fmt.Println("DRY-RUN", w.Method, w.Path, string(w.Body)) })
	name, _ = client.UploadFile(ctx, report)
	fmt.Println(name)
	// Output:
	// attached: true
	// DRY-RUN POST /file/upload.php?type=save files="report.csv" (20 bytes)
	// dryrun_upload_1
}
