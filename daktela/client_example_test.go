package daktela_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/daktela"
)

// exampleServer answers like a tiny Daktela instance with canned data: users.json lists
// 5 users (pages of skip/take), users/nobody.json is not found, login.json signs admin in.
func exampleServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v6/login.json":
			io.WriteString(w, `{"error":[],"result":{"accessToken":"token-from-login"}}`)
		case "/api/v6/users.json":
			if r.Header.Get("X-AUTH-TOKEN") == "" {
				w.WriteHeader(http.StatusUnauthorized)
				io.WriteString(w, `{"error":["Unauthorized"],"result":null}`)
				return
			}
			skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
			take, _ := strconv.Atoi(r.URL.Query().Get("take"))
			var recs []string
			for i := skip; i < skip+take && i < 5; i++ {
				recs = append(recs, fmt.Sprintf(`{"name":"user%d","title":"User %d"}`, i+1, i+1))
			}
			fmt.Fprintf(w, `{"error":[],"result":{"data":[%s],"total":5}}`, strings.Join(recs, ","))
		default:
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"error":["Object not exist"],"result":null}`)
		}
	}))
}

func ExampleClient_Execute() {
	srv := exampleServer()
	defer srv.Close()
	ctx := context.Background()

	client := daktela.NewClient(srv.URL, "my-access-token")
	resp, err := client.Execute(ctx, daktela.BuildReadRequest("Users").SetTake(2))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	var users []struct{ Name, Title string }
	if err := resp.Decode(&users); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("total:", resp.Total(), "on this page:", users)

	// Non-2xx answers are typed errors.
	_, err = client.Execute(ctx, daktela.BuildReadSingleRequest("Users", "nobody"))
	var notFound *daktela.NotFoundError
	fmt.Println("not found:", errors.As(err, &notFound), notFound.HTTPStatus())
	// Output:
	// total: 5 on this page: [{user1 User 1} {user2 User 2}]
	// not found: true 404
}

func ExampleClient_Iterate() {
	srv := exampleServer()
	defer srv.Close()

	client := daktela.NewClient(srv.URL, "my-access-token")
	it := client.Iterate(context.Background(), daktela.BuildReadRequest("Users"), daktela.PageSize(2))
	for rec, err := range it.All() {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		var u struct{ Name string }
		rec.Decode(&u)
		fmt.Println(u.Name)
	}
	// Output:
	// user1
	// user2
	// user3
	// user4
	// user5
}

func ExampleLogin() {
	srv := exampleServer()
	defer srv.Close()
	ctx := context.Background()

	client, err := daktela.Login(ctx, srv.URL, "admin", "secret")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	n, err := client.Iterate(ctx, daktela.BuildReadRequest("Users")).Count()
	fmt.Println(n, err)
	// Output:
	// 5 <nil>
}

func ExampleApiCommunicator_SetDryRun() {
	client := daktela.NewClient("my.daktela.com", "my-access-token")
	client.ApiCommunicator().SetDryRun(func(w daktela.WriteIntent) {
		fmt.Printf("would send %s %s %s\n", w.Method, w.Path, w.Body)
	})
	resp, err := client.Execute(context.Background(),
		daktela.BuildCreateRequest("Contacts").AddAttribute("title", "Ann"))
	fmt.Println(resp.DryRun(), resp.HTTPStatus(), err)
	fmt.Printf("%s\n", resp.Record())
	// Output:
	// would send POST contacts.json {"title":"Ann"}
	// true 201 <nil>
	// {"name":"dryrun_Contacts_1","title":"Ann","_sys":{"hash":null,"model":"contacts"}}
}
