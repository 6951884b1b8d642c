package jsdaktela

import "testing"

// daktela.Phone.normalize gives one E.164 string for every way of writing a number, null
// for nothing, and a TypeError naming the script's line for text that is no number.
func TestPhoneNormalize(t *testing.T) {
	runCases(t, withClient, []scriptCase{
		{name: "forms of one number", src: `
const n = daktela.Phone.normalize;
print(["+420 601 037 113", "00420 601-037-113", "601037113", "(601) 037.113"].map(x => n(x)).join());
print(n("0905 123 456", {country: "SK"}), n("0905 123 456", {country: "sk", }), n("+1 650 253 0000", {country: "SK"}));
print(n(null), n(undefined), n(""), n(" \t"), n("226 211 245", {}), n("226 211 245", {country: undefined}));`,
			want: "+420601037113,+420601037113,+420601037113,+420601037113\n+421905123456 +421905123456 +16502530000\nnull null null null +420226211245 +420226211245\n"},
		{name: "not a number", src: "\ndaktela.Phone.normalize(\"abc\");",
			wantErr: `TypeError: Phone.normalize: "abc" is not a phone number (it has no digits a phone number could be read from) at test.js:2`},
		{name: "too short", src: "daktela.Phone.normalize(\"+420 12\");",
			wantErr: `Phone.normalize: "+420 12" is not a phone number (too short`},
		{name: "unknown country", src: "daktela.Phone.normalize(\"1\", {country: \"CZE\"});",
			wantErr: `TypeError: Phone.normalize: options.country must be an ISO 3166 region code such as "CZ", got "CZE"`},
		{name: "country not a string", src: "daktela.Phone.normalize(\"1\", {country: 420});",
			wantErr: `options.country must be an ISO 3166 region code such as "CZ", got 420`},
		{name: "unknown option", src: "daktela.Phone.normalize(\"1\", {region: \"SK\"});",
			wantErr: `Phone.normalize: unknown option "region" (the options are: country)`},
		{name: "a number", src: "daktela.Phone.normalize(601037113);",
			wantErr: `Phone.normalize: number must be a string, got 601037113`},
		{name: "no argument", src: "daktela.Phone.normalize();",
			wantErr: `Phone.normalize: missing argument number (a string, or null)`},
	})
}
