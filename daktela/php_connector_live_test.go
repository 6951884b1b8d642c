package daktela_test

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// The official PHP connector's integration tests (tests/DaktelaV6/Request/ApiRequestTest)
// run against a live instance with INSTANCE, ACCESS_TOKEN and RECORD_TYPE set. This test
// replays their seven server flows request for request against the fake server, with the
// same builder calls, the same attributes (a chosen record name, "queue" holding the
// record type: the legacy alias the real server accepts) and the same assertions, and
// checks the requests the server saw: the fake must pass what the real server passes.

// phpFlow is one ApiRequestTest method: the requests it sends and its assertions.
type phpFlow struct {
	name string
	run  func(t *testing.T, c *daktela.Client, recordType, hash string)
	want []string // "METHOD path" of each request, in order
}

// phpCreate is the create every flow starts with: name, number, then action 5 and
// queue = the record type through addAttributes.
func phpCreate(t *testing.T, c *daktela.Client, name, recordType string) *daktela.Response {
	t.Helper()
	req := daktela.BuildCreateRequest("CampaignsRecords").
		AddStringAttribute("name", name).
		AddStringAttribute("number", "+420111222333").
		AddAttributes(map[string]any{"action": 5, "queue": recordType})
	resp, err := c.Execute(context.Background(), req)
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	if resp.HTTPStatus() != 201 {
		t.Fatalf("create %s: status %d: %v", name, resp.HTTPStatus(), resp.Errors().Messages())
	}
	return resp
}

func field(t *testing.T, data any, key string) any {
	t.Helper()
	m, ok := data.(map[string]any)
	if !ok {
		t.Fatalf("data is %T, not a record: %v", data, data)
	}
	v, ok := m[key]
	if !ok {
		t.Fatalf("record has no %q: %v", key, m)
	}
	return v
}

func firstRecord(t *testing.T, resp *daktela.Response) any {
	t.Helper()
	list, ok := resp.Data().([]any)
	if !ok || len(list) == 0 {
		t.Fatalf("data is %T %v, want a non-empty list", resp.Data(), resp.Data())
	}
	return list[0]
}

var phpFlows = []phpFlow{
	{"testCreateRequest", func(t *testing.T, c *daktela.Client, rt, hash string) {
		resp := phpCreate(t, c, "test_create_"+hash, rt)
		if resp.Data() == nil || field(t, resp.Data(), "name") != "test_create_"+hash {
			t.Errorf("created record %v, want name test_create_%s", resp.Data(), hash)
		}
		if !resp.Errors().Empty() || resp.Total() != 1 {
			t.Errorf("errors %v total %d, want none and 1", resp.Errors().Messages(), resp.Total())
		}
		if got := field(t, resp.Data(), "number"); got != "+420111222333" {
			t.Errorf("number %v", got)
		}
	}, []string{"POST campaignsRecords.json"}},
	{"testReadMultipleRequest", func(t *testing.T, c *daktela.Client, rt, hash string) {
		phpCreate(t, c, "test_read1_"+hash, rt)
		req := daktela.BuildReadRequest("CampaignsRecords").
			AddFilter("number", "eq", "+420111222333").
			AddFilter("name", "eq", "test_read1_"+hash)
		resp, err := c.Execute(context.Background(), req)
		if err != nil || resp.HTTPStatus() != 200 || !resp.Errors().Empty() {
			t.Fatalf("read: %v %v", err, resp)
		}
		if got := field(t, firstRecord(t, resp), "name"); got != "test_read1_"+hash {
			t.Errorf("first record %v", got)
		}
	}, []string{"POST campaignsRecords.json", "GET campaignsRecords.json"}},
	{"testReadAllRequest", func(t *testing.T, c *daktela.Client, rt, hash string) {
		phpCreate(t, c, "test_read3_"+hash, rt)
		req := daktela.BuildReadRequest("CampaignsRecords").SetRequestType(daktela.TypeAll).
			AddFilter("number", "eq", "+420111222333").
			AddFilter("name", "eq", "test_read3_"+hash)
		resp, err := c.Execute(context.Background(), req)
		if err != nil || resp.HTTPStatus() != 200 || !resp.Errors().Empty() {
			t.Fatalf("read: %v %v", err, resp)
		}
		if got := field(t, firstRecord(t, resp), "name"); got != "test_read3_"+hash {
			t.Errorf("first record %v", got)
		}
	}, []string{"POST campaignsRecords.json", "GET campaignsRecords.json"}},
	{"testReadSingleRequest", func(t *testing.T, c *daktela.Client, rt, hash string) {
		phpCreate(t, c, "test_read2_"+hash, rt)
		req := daktela.BuildReadRequest("CampaignsRecords").SetRequestType(daktela.TypeSingle).
			SetObjectName("test_read2_" + hash)
		resp, err := c.Execute(context.Background(), req)
		if err != nil || resp.HTTPStatus() != 200 || !resp.Errors().Empty() {
			t.Fatalf("read: %v %v", err, resp)
		}
		if resp.Total() != 1 || field(t, resp.Data(), "name") != "test_read2_"+hash {
			t.Errorf("total %d, record %v", resp.Total(), resp.Data())
		}
	}, []string{"POST campaignsRecords.json", "GET campaignsRecords/test_read2_%s.json"}},
	{"testUpdateRequest", func(t *testing.T, c *daktela.Client, rt, hash string) {
		phpCreate(t, c, "test_update_"+hash, rt)
		req := daktela.BuildUpdateRequest("CampaignsRecords").SetObjectName("test_update_"+hash).
			AddStringAttribute("number", "+420333222111").
			AddAttributes(map[string]any{"action": 0})
		resp, err := c.Execute(context.Background(), req)
		if err != nil || resp.HTTPStatus() != 200 || !resp.Errors().Empty() || resp.Total() != 1 {
			t.Fatalf("update: %v %v", err, resp)
		}
		if field(t, resp.Data(), "name") != "test_update_"+hash || field(t, resp.Data(), "number") != "+420333222111" {
			t.Errorf("updated record %v", resp.Data())
		}
	}, []string{"POST campaignsRecords.json", "PUT campaignsRecords/test_update_%s.json"}},
	{"testDeleteRequest", func(t *testing.T, c *daktela.Client, rt, hash string) {
		phpCreate(t, c, "test_delete_"+hash, rt)
		req := daktela.BuildDeleteRequest("CampaignsRecords").SetObjectName("test_delete_" + hash)
		resp, err := c.Execute(context.Background(), req)
		if err != nil || resp.HTTPStatus() != 204 || !resp.Errors().Empty() || resp.Data() != nil {
			t.Fatalf("delete: %v status %d data %v", err, resp.HTTPStatus(), resp.Data())
		}
	}, []string{"POST campaignsRecords.json", "DELETE campaignsRecords/test_delete_%s.json"}},
	{"testReadRequestWithSingleFilterWithArrayAsValue", func(t *testing.T, c *daktela.Client, rt, hash string) {
		phpCreate(t, c, "test_single_filter_array_"+hash, rt)
		req := daktela.BuildReadRequest("CampaignsRecords").SetRequestType(daktela.TypeAll).
			AddFilter("action", "in", []any{3, 4, 5}).
			AddFilter("name", "contains", "test_single_filter_array_")
		resp, err := c.Execute(context.Background(), req)
		if err != nil || resp.HTTPStatus() != 200 || !resp.Errors().Empty() || resp.Total() <= 0 {
			t.Fatalf("read: %v %v", err, resp)
		}
		if got := field(t, firstRecord(t, resp), "name"); got != "test_single_filter_array_"+hash {
			t.Errorf("first record %v", got)
		}
	}, []string{"POST campaignsRecords.json", "GET campaignsRecords.json"}},
}

func TestPHPConnectorApiRequestTest(t *testing.T) {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	recordType := srv.Names("campaignsTypes")[0]
	const hash = "0cc175b9c0f1b6a831c399e269772661" // md5(uniqid()) in PHP
	for _, fl := range phpFlows {
		t.Run(fl.name, func(t *testing.T) {
			srv.ResetLog()
			fl.run(t, srv.Client(), recordType, hash)
			log := srv.Requests()
			var got []string
			for _, r := range log {
				got = append(got, r.Method+" "+r.Path)
			}
			want := make([]string, len(fl.want))
			for i, w := range fl.want {
				want[i] = w
				if strings.Contains(w, "%s") {
					want[i] = fmt.Sprintf(w, hash)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("requests %q, want %q", got, want)
			}
			// The create's body is the PHP connector's: the four attributes as JSON.
			var body map[string]any
			if err := json.Unmarshal(log[0].Body, &body); err != nil {
				t.Fatalf("create body %s: %v", log[0].Body, err)
			}
			if body["queue"] != recordType || fmt.Sprint(body["action"]) != "5" || body["number"] != "+420111222333" {
				t.Errorf("create body %s", log[0].Body)
			}
		})
	}
}
