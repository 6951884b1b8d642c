package daktela

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"

	"github.com/dkscript/dkscript/daktela/rawjson"
)

// DryRun is dry-run mode as a host shares it among its clients (ShareDryRun): the
// function that shows each held-back write, the numbering of the records held-back
// creates would have made, and the count of writes held back per model. It is safe for
// concurrent use.
//
// A held-back write answers as the server would, so that a script runs to its end:
//   - a create 201 with the attributes sent, a name (the "name" attribute when one was
//     sent, otherwise dryrun_<model>_<n> with the model as the request spells it and n
//     counting from 1 per model) and _sys;
//   - an update 200 with the attributes sent merged over a read of the record (the read
//     is sent; a record that does not exist fails the update with a [*NotFoundError] as
//     the real update would, except one a held-back create named);
//   - a delete 204;
//   - a merge ([Client.Merge]) 200 with a read of the first record (the read is sent).
//
// Later reads are sent as they are and do not pretend the writes happened.
type DryRun struct {
	show func(WriteIntent)

	mu      sync.Mutex
	next    map[string]int      // model as the API names it -> the last n given
	created map[string]struct{} // model as the API names it + "/" + name of each held-back create
	counts  map[string]*DryRunCount
}

// DryRunCount is how many writes to one model dry-run mode held back.
type DryRunCount struct {
	Model   string // as the API names it (first letter lowered)
	Creates int
	Updates int
	Deletes int
	Merges  int // [Client.Merge] calls
}

// NewDryRun returns dry-run mode that hands each held-back write to show (nil: shows
// nothing). show may be called from several goroutines at once.
func NewDryRun(show func(WriteIntent)) *DryRun {
	return &DryRun{
		show:    show,
		next:    make(map[string]int),
		created: make(map[string]struct{}),
		counts:  make(map[string]*DryRunCount),
	}
}

// Counts returns the writes held back so far, per model, sorted by model.
func (d *DryRun) Counts() []DryRunCount {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]DryRunCount, 0, len(d.counts))
	for _, c := range d.counts {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b DryRunCount) int {
		switch {
		case a.Model < b.Model:
			return -1
		case a.Model > b.Model:
			return 1
		}
		return 0
	})
	return out
}

// count records one held-back write to model (as the API names it).
func (d *DryRun) count(model, method string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.counts[model]
	if c == nil {
		c = &DryRunCount{Model: model}
		d.counts[model] = c
	}
	switch method {
	case http.MethodPost:
		c.Creates++
	case http.MethodPut:
		c.Updates++
	case http.MethodDelete:
		c.Deletes++
	}
}

// countMerge records one held-back merge of model (as the API names it).
func (d *DryRun) countMerge(model string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	c := d.counts[model]
	if c == nil {
		c = &DryRunCount{Model: model}
		d.counts[model] = c
	}
	c.Merges++
}

// newName returns the name of the next record a held-back create of model makes:
// dryrun_<spelled>_<n>.
func (d *DryRun) newName(model, spelled string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next[model]++
	name := "dryrun_" + spelled + "_" + strconv.Itoa(d.next[model])
	d.created[model+"/"+name] = struct{}{}
	return name
}

// remember notes that a held-back create named a record name.
func (d *DryRun) remember(model, name string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.created[model+"/"+name] = struct{}{}
}

// madeUp reports whether a held-back create named the record.
func (d *DryRun) madeUp(model, name string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, ok := d.created[model+"/"+name]
	return ok
}

// dryRunWrite shows a write instead of sending it and returns the answer the server
// would plausibly give (see [DryRun]).
func (c *Client) dryRunWrite(ctx context.Context, st *settings, req Request, wr wireRequest) (*Response, error) {
	d := st.dryRun
	if d.show != nil {
		d.show(WriteIntent{Method: wr.Method, Path: pathOf(wr), Body: append([]byte(nil), wr.Body...)})
	}
	var record []byte
	switch r := req.(type) {
	case *CreateRequest:
		model := lcfirst(r.Model())
		d.count(model, wr.Method)
		name, sent := sentName(wr.Body)
		if sent {
			d.remember(model, name)
			record = withSys(wr.Body, "", model)
		} else {
			record = withSys(wr.Body, d.newName(model, r.Model()), model)
		}
		return dryRunAnswer(http.StatusCreated, record, kindSingle), nil
	case *UpdateRequest:
		model := lcfirst(r.Model())
		d.count(model, wr.Method)
		if d.madeUp(model, r.ObjectName()) {
			record = withSys(wr.Body, r.ObjectName(), model)
			return dryRunAnswer(http.StatusOK, record, kindSingle), nil
		}
		read, err := c.readForDryRun(ctx, st, r, wr)
		if err != nil {
			return nil, err
		}
		return dryRunAnswer(http.StatusOK, mergeRecord(read, wr.Body), kindSingle), nil
	case *DeleteRequest:
		d.count(lcfirst(r.Model()), wr.Method)
		return dryRunAnswer(http.StatusNoContent, nil, kindNone), nil
	}
	return nil, fmt.Errorf("daktela: dry run: unexpected request %T", req)
}

// readForDryRun reads the record a held-back update names. A 404 is reported as the
// update's own failure, as the real update would fail.
func (c *Client) readForDryRun(ctx context.Context, st *settings, u *UpdateRequest, wr wireRequest) ([]byte, error) {
	resp, err := c.do(ctx, st, wireRequest{Method: http.MethodGet, Path: wr.Path, Kind: kindSingle})
	if err != nil {
		var nf *NotFoundError
		if errors.As(err, &nf) {
			return nil, &NotFoundError{&RequestError{
				Method: wr.Method, Path: pathOf(wr), Status: nf.Status, Errors: nf.Errors, Response: nf.Response,
				Err: fmt.Errorf("dry run: the record %q does not exist, so the update would fail; nothing was sent", u.ObjectName()),
			}}
		}
		return nil, err
	}
	return resp.Record(), nil
}

// dryRunAnswer is the response of a held-back write: status as the server answers such
// a write, record as its result (none for a delete), DryRun() true.
func dryRunAnswer(status int, record []byte, kind responseKind) *Response {
	var body []byte
	if record != nil {
		body = make([]byte, 0, len(record)+24)
		body = append(append(append(body, `{"error":[],"result":`...), record...), '}')
	}
	resp, _ := parseResponse(status, body, kind)
	if resp == nil {
		resp = &Response{status: status, kind: kind}
	}
	resp.dryRun = true
	return resp
}

// sentName returns the "name" attribute of a write's body when it is a string.
func sentName(body []byte) (string, bool) {
	ix, err := rawjson.Parse(body)
	if err != nil || ix.Kind(ix.Root()) != rawjson.KindObject {
		return "", false
	}
	v, ok := ix.Lookup(ix.Root(), "name")
	if !ok || ix.Kind(v) != rawjson.KindString {
		return "", false
	}
	return ix.String(v), true
}

// withSys returns the record a held-back write stands for: name first (when not ""),
// the attributes of body, then _sys with a null hash and the model.
func withSys(body []byte, name, model string) []byte {
	b := []byte{'{'}
	first := true
	if name != "" {
		b = append(append(b, `"name":`...), strconv.Quote(name)...)
		first = false
	}
	if ix, err := rawjson.Parse(body); err == nil && ix.Kind(ix.Root()) == rawjson.KindObject {
		ix.Members(ix.Root(), func(k, v int) bool {
			if name != "" && ix.KeyEquals(k, "name") || ix.KeyEquals(k, "_sys") {
				return true
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(append(append(b, ix.Raw(k)...), ':'), ix.Raw(v)...)
			return true
		})
	}
	if !first {
		b = append(b, ',')
	}
	b = append(b, `"_sys":{"hash":null,"model":`...)
	b = append(b, strconv.Quote(model)...)
	return append(b, "}}"...)
}

// mergeRecord returns record (a read of the record) with the attributes of body over
// it: sent keys replace the read values in place, keys the read lacks come before _sys.
func mergeRecord(record, body []byte) []byte {
	rix, rerr := rawjson.Parse(record)
	bix, berr := rawjson.Parse(body)
	if berr != nil || bix.Kind(bix.Root()) != rawjson.KindObject {
		return record
	}
	if rerr != nil || rix.Kind(rix.Root()) != rawjson.KindObject {
		return body
	}
	sent := make(map[string]int)
	var order []string
	bix.Members(bix.Root(), func(k, v int) bool {
		key := bix.String(k)
		if _, dup := sent[key]; !dup {
			order = append(order, key)
		}
		sent[key] = v
		return true
	})
	used := make(map[string]bool, len(sent))
	b := make([]byte, 0, len(record)+len(body))
	b = append(b, '{')
	first := true
	member := func(key []byte, val []byte) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(append(append(b, key...), ':'), val...)
	}
	rest := func() {
		for _, key := range order {
			if !used[key] {
				used[key] = true
				member(strconv.AppendQuote(nil, key), bix.Raw(sent[key]))
			}
		}
	}
	rix.Members(rix.Root(), func(k, v int) bool {
		key := rix.String(k)
		if key == "_sys" {
			rest()
		}
		if sv, ok := sent[key]; ok {
			if !used[key] {
				used[key] = true
				member(rix.Raw(k), bix.Raw(sv))
			}
			return true
		}
		member(rix.Raw(k), rix.Raw(v))
		return true
	})
	rest()
	return append(b, '}')
}
