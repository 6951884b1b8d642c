package runtime_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing/fstest"

	"github.com/dkscript/dkscript/daktela/daktelatest"
	"github.com/dkscript/dkscript/runtime"
)

// Serving a script's webhook handlers in a Go program's own net/http server: a pool
// of runtimes runs the handlers, the webhook handler checks the secret and routes
// POST /hooks/EVENT to them; here it is mounted under /daktela/ beside the program's
// own routes.
func ExampleNewWebhookHandler() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()

	hooks := `module.exports = {
		call_close: async (payload, request) => {
			const res = await daktela.client().executeAsync(
				daktela.buildCreateRequest("Contacts").addAttributes({ lastname: "Caller of " + payload.name }))
			return { contact: res.data.title }
		},
	}`
	pool, err := runtime.NewHandlerPool(runtime.HandlerPoolOptions{
		Script: "hooks.js",
		Runtime: runtime.Options{
			Client:   srv.Client(),
			Stdout:   os.Stdout,
			ModuleFS: fstest.MapFS{"hooks.js": {Data: []byte(hooks)}},
		},
		Size: 4,
	})
	if err != nil {
		panic(err)
	}
	defer pool.Close()

	mux := http.NewServeMux()
	mux.Handle("/daktela/", http.StripPrefix("/daktela", runtime.NewWebhookHandler(pool, runtime.WebhookOptions{Secret: "s3cret"})))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "the program's own page") })
	web := httptest.NewServer(mux)
	defer web.Close()

	for _, secret := range []string{"s3cret", "guess"} {
		req, _ := http.NewRequest("POST", web.URL+"/daktela/hooks/call_close", strings.NewReader(`{"name": "call_1"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Webhook-Secret", secret)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		fmt.Print(res.StatusCode, " ", string(body))
		if !strings.HasSuffix(string(body), "\n") {
			fmt.Println()
		}
	}
	// Output:
	// 200 {"contact":"Caller of call_1"}
	// 401 {"error":"wrong or missing webhook secret"}
}
