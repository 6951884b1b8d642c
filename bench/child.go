package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// model is the API model every workload reads; the fake server synthesises its records.
const model = "campaignsRecords"

// serve runs the fake server with n synthesised records and latency per answer, prints
// its URL and token on one line, and serves until its standard input closes (the parent
// holds it open, so the server ends with the parent).
func serve(n int, latency time.Duration) error {
	return serveFake(daktelatest.Options{Records: map[string]int{model: n}, Latency: latency})
}

// serveFake runs the fake server with opts, prints its URL and token on one line, and
// serves until standard input closes.
func serveFake(opts daktelatest.Options) error {
	srv, err := daktelatest.Listen("127.0.0.1:0", opts)
	if err != nil {
		return err
	}
	defer srv.Close()
	fmt.Printf("%s %s\n", srv.URL, srv.Token)
	_, _ = io.Copy(io.Discard, bufio.NewReader(os.Stdin))
	return nil
}

// sums are the three-field results every workload prints, so the harness can check that
// all of them read the same records: how many records, how many have a user name, the
// total length of the numbers, and how many have action "2".
type sums struct{ count, users, numLen, action2 int }

func (s sums) String() string {
	return fmt.Sprintf("%d %d %d %d", s.count, s.users, s.numLen, s.action2)
}

// threeFields is what the decoding Go loop reads from each record.
type threeFields struct {
	Action string `json:"action"`
	Number string `json:"number"`
	User   *struct {
		Name string `json:"name"`
	} `json:"user"`
}

// goLoop reads every record through the daktela client as a Go program would, touching
// three fields of each. how is "decode" (Record.Decode into a struct) or "index" (the page
// index the client built); conc is the page concurrency (0 = the client's default).
func goLoop(url, token, how string, conc int) error {
	ctx := context.Background()
	c := daktela.NewClient(url, token)
	var opts []daktela.IterateOption
	if conc > 0 {
		opts = append(opts, daktela.Concurrency(conc))
	}
	var s sums
	for page, err := range c.Iterate(ctx, daktela.BuildReadRequest(model), opts...).Pages() {
		if err != nil {
			return err
		}
		switch how {
		case "decode":
			for _, rec := range page.Records() {
				var f threeFields
				if err := rec.Decode(&f); err != nil {
					return err
				}
				s.add(f.Action, f.Number, f.User != nil && f.User.Name != "")
			}
		case "index":
			for i := range page.Records() {
				ix, n, ok := page.IndexedRecord(i)
				if !ok {
					return fmt.Errorf("record %d has no index", i)
				}
				var action, number string
				if v, ok := ix.Lookup(n, "action"); ok {
					action = ix.String(v)
				}
				if v, ok := ix.Lookup(n, "number"); ok {
					number = ix.String(v)
				}
				user := false
				if u, ok := ix.Lookup(n, "user"); ok {
					if v, ok := ix.Lookup(u, "name"); ok {
						user = ix.String(v) != ""
					}
				}
				s.add(action, number, user)
			}
		default:
			return fmt.Errorf("unknown loop %q", how)
		}
	}
	fmt.Println(s)
	return nil
}

func (s *sums) add(action, number string, user bool) {
	s.count++
	if user {
		s.users++
	}
	s.numLen += len(number) // ASCII digits: bytes = UTF-16 units, as JS counts
	if action == "2" {
		s.action2++
	}
}
