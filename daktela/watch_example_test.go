package daktela_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// Watch the tickets escalated to priority HIGH, one message per ticket, keeping the
// position in a checkpoint file so that the next run goes on where this one stopped.
func ExampleClient_Watch() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	c := daktela.NewClient(srv.URL, srv.Token)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	dir, _ := os.MkdirTemp("", "watch")
	defer os.RemoveAll(dir)
	// Start at the server's clock (the default when Since is empty), then escalate a ticket.
	resp, _ := c.Execute(ctx, daktela.BuildReadRequest("Queues").SetTake(1))
	since := resp.Time()
	_, _ = c.Execute(ctx, daktela.BuildUpdateRequest("Tickets").SetObjectName("1002").AddAttribute("priority", "HIGH"))

	opts := daktela.WatchOptions{Every: 100 * time.Millisecond, Since: since, Checkpoint: filepath.Join(dir, "escalations.json")}
	for rec, err := range c.Watch(ctx, daktela.BuildReadRequest("Tickets").AddFilter("priority", "eq", "HIGH"), opts) {
		if err != nil {
			fmt.Println(err)
			return
		}
		var t struct {
			Name  int    `json:"name"`
			Title string `json:"title"`
		}
		_ = rec.Decode(&t)
		fmt.Printf("ticket %d escalated: %s\n", t.Name, t.Title)
		break // a service would go on; the checkpoint is saved after each record
	}
	// Output: ticket 1002 escalated: Invoice shows a wrong amount
}
