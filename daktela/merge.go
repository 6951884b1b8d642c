package daktela

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// mergeModels are the models [Client.Merge] merges, by their URL name.
var mergeModels = map[string]string{"contacts": "Contacts", "accounts": "Accounts", "tickets": "Tickets"}

// Merge merges the records of model ("Contacts", "Accounts" or "Tickets"; the first
// letter in either case) named by names, at least two: POST merge{Model}.json with the
// names as {model}[0], {model}[1], ... in the query. The answer is the merged record:
// the server keeps one record and moves what the others held to it.
//
// A merge is a write, counted by [Client.WritesSent] under model. It is never sent twice:
// a failure after it may have reached the server is an error saying the records may be
// merged already (as for a create). In dry-run mode it is shown and not sent; the answer
// is then a read of the first record (sent as a read), with DryRun() true, and a first
// record that does not exist fails the merge with a [*NotFoundError] as the real merge
// would. A wrong model or fewer than two names is an [*ArgumentError], returned before
// anything is sent.
func (c *Client) Merge(ctx context.Context, model string, names []string) (*Response, error) {
	wr, err := mergeWire(model, names)
	if err != nil {
		return nil, err
	}
	st := c.comm.snapshot()
	key := lcfirst(model)
	if st.dryRun != nil {
		return c.dryRunMerge(ctx, &st, key, names[0], wr)
	}
	defer c.writes.begin(key)()
	resp, err := c.do(ctx, &st, wr)
	if err != nil {
		err = writeOutcome(err,
			"merges are not retried; the records may be merged already: check before merging again",
			"the merge was not sent; nothing was merged")
	}
	return resp, err
}

// mergeWire checks a merge's arguments and returns what goes over the wire.
func mergeWire(model string, names []string) (wireRequest, error) {
	key := lcfirst(model)
	upper, ok := mergeModels[key]
	if !ok {
		return wireRequest{}, argError("merge", "model", model, `"Contacts", "Accounts" or "Tickets"`)
	}
	if len(names) < 2 {
		return wireRequest{}, argError("merge", "names", names, "a list of at least two record names")
	}
	for i, n := range names {
		if strings.TrimSpace(n) == "" {
			return wireRequest{}, argError("merge", fmt.Sprintf("names[%d]", i), n, "a record name")
		}
	}
	return wireRequest{
		Method: http.MethodPost,
		Path:   "merge" + upper + ".json",
		Query:  extraQuery([]QueryParam{{Key: key, Value: names}}),
		Kind:   kindSingle,
	}, nil
}

// dryRunMerge shows a merge instead of sending it and answers with a read of the record
// that would survive (the first one).
func (c *Client) dryRunMerge(ctx context.Context, st *settings, model, first string, wr wireRequest) (*Response, error) {
	d := st.dryRun
	if d.show != nil {
		d.show(WriteIntent{Method: wr.Method, Path: pathOf(wr)})
	}
	d.countMerge(model)
	if d.madeUp(model, first) {
		return dryRunAnswer(http.StatusOK, withSys(nil, first, model), kindSingle), nil
	}
	seg, err := pathSegment("merge", "names[0]", first)
	if err != nil {
		return nil, err
	}
	resp, err := c.do(ctx, st, wireRequest{Method: http.MethodGet, Path: model + "/" + seg + ".json", Kind: kindSingle})
	if err != nil {
		var nf *NotFoundError
		if errors.As(err, &nf) {
			return nil, &NotFoundError{&RequestError{
				Method: wr.Method, Path: pathOf(wr), Status: nf.Status, Errors: nf.Errors, Response: nf.Response,
				Err: fmt.Errorf("dry run: the record %q does not exist, so the merge would fail; nothing was sent", first),
			}}
		}
		return nil, err
	}
	return dryRunAnswer(http.StatusOK, resp.Record(), kindSingle), nil
}
