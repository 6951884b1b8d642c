package daktelatest_test

import (
	"context"
	"fmt"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

// A test needs a server and a client that talks to it: Client gives one with the
// server's URL and token.
func ExampleServer_Client() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()

	resp, err := srv.Client().Execute(context.Background(), daktela.BuildReadSingleRequest("Users", "admin"))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(resp.HTTPStatus())
	fmt.Println(srv.Requests()[0].Method, srv.Requests()[0].Path, srv.Requests()[0].Auth)
	// Output:
	// 200
	// GET users/admin.json header
}
