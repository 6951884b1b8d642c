package jsdaktela

import "testing"

// Tickets and queues are named by integers: the name a read returns can be passed
// straight back to setObjectName and the single-record builders.
func TestIntegerObjectNames(t *testing.T) {
	runCases(t, withClient, []scriptCase{{
		name: "integer names become their digits",
		src: `
print(daktela.buildUpdateRequest("Tickets").setObjectName(1001).getObjectName());
print(daktela.buildDeleteRequest("Queues").setObjectName(3000).getObjectName());
print(daktela.buildReadRequest("Tickets").setObjectName(1002).getObjectName());
print(daktela.buildReadSingleRequest("Queues", 3001).getObjectName());
print(daktela.buildReadRelationRequest("Tickets", 1003, "activities").getObjectName());
print(daktela.buildUpdateRequest("Users").setObjectName("john.doe").getObjectName());
`,
		want: "1001\n3000\n1002\n3001\n1003\njohn.doe\n",
	}, {
		name:    "a fraction is not a name",
		src:     `daktela.buildUpdateRequest("Tickets").setObjectName(1.5)`,
		wantErr: "setObjectName: objectName must be a string or an integer, got 1.5 at test.js:1:",
	}, {
		name:    "an object is not a name",
		src:     `daktela.buildReadSingleRequest("Tickets", {name: 1})`,
		wantErr: "buildReadSingleRequest: objectName must be a string or an integer, got",
	}})
}
