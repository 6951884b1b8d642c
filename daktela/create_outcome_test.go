package daktela

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A failed create says whether the record may exist: creates are never sent twice, so
// the script must know before it creates the record again.
func TestFailedCreateSaysWhetherTheRecordMayExist(t *testing.T) {
	const (
		mayExist = "creates are not retried; the record may exist"
		notSent  = "the create was not sent; no record was made"
	)
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	for _, tc := range []struct {
		name, url string
		answer    cannedAnswer
		want      string
	}{
		{name: "503", answer: cannedAnswer{503, nil, `{"error":["busy"],"result":null}`}, want: mayExist},
		{name: "500", answer: cannedAnswer{500, nil, ""}, want: mayExist},
		{name: "408", answer: cannedAnswer{408, nil, ""}, want: mayExist},
		{name: "400", answer: cannedAnswer{400, nil, `{"error":{"form":{"title":"Item is mandatory"}},"result":null}`}, want: ""},
		{name: "connection refused", url: closed.URL, want: notSent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := tc.url
			if url == "" {
				s := newScripted(t, tc.answer)
				url = s.URL
			}
			c := NewClient(url, testToken)
			c.ApiCommunicator().SetRetryConfig(fastRetries())
			_, err := c.Execute(ctxT(t), BuildCreateRequest("Statuses").AddAttribute("title", "x"))
			if tc.want == "" {
				// A refusal: the API's messages say why; no note on what may exist.
				if err == nil || strings.Contains(err.Error(), "record") {
					t.Errorf("error %v", err)
				}
			} else if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to say %q", err, tc.want)
			}
			assertNoToken(t, "error", err.Error())
			// Reads and other writes carry no such note.
			_, err = c.Execute(ctxT(t), BuildUpdateRequest("Statuses").SetObjectName("s").AddAttribute("title", "x"))
			if err == nil || strings.Contains(err.Error(), "record") {
				t.Errorf("update error %v", err)
			}
		})
	}
}
