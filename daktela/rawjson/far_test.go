package rawjson

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/dkscript/dkscript/internal/samplepage"
)

// Containers whose subtree spans too many nodes for a node's 24 bits keep their next
// node in Index.far; lowering the threshold sends every container there, and the index
// must read exactly as the compact one.
func TestFarSpansReadTheSame(t *testing.T) {
	docs := [][]byte{
		[]byte(`{"a":[1,2.5,"x",null,true,{"b":{}}],"c":"ž","a":{"dup":1},"n":-0,"big":1e23}`),
		[]byte(`[[],{},[[[]]],{"x":{"y":[true,false,null]}}]`),
		[]byte(`"just a string"`),
		samplepage.Page(7, 0, 50, 1000),
	}
	for _, doc := range docs {
		want, err := Parse(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, farAt := range []uint32{1, 2, 3, 17} {
			got, err := parse(doc, farAt)
			if err != nil {
				t.Fatal(err)
			}
			if got.Len() != want.Len() {
				t.Fatalf("farAt %d: %d nodes, want %d", farAt, got.Len(), want.Len())
			}
			for n := 0; n < want.Len(); n++ {
				if got.Kind(n) != want.Kind(n) || got.Next(n) != want.Next(n) || !bytes.Equal(got.Raw(n), want.Raw(n)) {
					t.Fatalf("farAt %d, node %d: kind %v next %d raw %q; want %v %d %q", farAt, n,
						got.Kind(n), got.Next(n), got.Raw(n), want.Kind(n), want.Next(n), want.Raw(n))
				}
			}
			if !reflect.DeepEqual(got.Value(0), want.Value(0)) {
				t.Fatalf("farAt %d: values differ", farAt)
			}
			if k := want.Kind(0); (k == KindObject || k == KindArray) && want.Len() >= int(farAt) && len(got.far) == 0 {
				t.Fatalf("farAt %d: no container went to far", farAt)
			}
		}
	}
}

// A node is 12 bytes: the index of a page is about 1.3 times the page, not 2.
func TestNodeSize(t *testing.T) {
	if s := reflect.TypeFor[node]().Size(); s != 12 {
		t.Errorf("node is %d bytes, want 12", s)
	}
}
