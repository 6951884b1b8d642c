package daktela

import "testing"

// TestKeyFieldOf: keyset paging continues after the catalogue's key of the model a read
// lists, the relation's model for a relation read, and "name" for a model it does not know.
func TestKeyFieldOf(t *testing.T) {
	for _, tc := range []struct {
		req  *ReadRequest
		want string
	}{
		{BuildReadRequest("Users"), "name"},
		{BuildReadRequest("ActivitiesCall"), "id_call"},
		{BuildReadRequest("activitiesCall"), "id_call"},
		{BuildReadRequest("Activities").SetObjectName("activities_1").SetRelation("attachments"), "file"},
		{BuildReadRequest("Tickets").SetObjectName("1005").SetRelation("activities"), "name"},
		{BuildReadRequest("SomethingNew"), "name"},
	} {
		if got := keyFieldOf(tc.req); got != tc.want {
			t.Errorf("%s %s: key %q, want %q", tc.req.Model(), tc.req.Relation(), got, tc.want)
		}
	}
}
