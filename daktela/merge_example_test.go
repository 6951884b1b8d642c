package daktela_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/dkscript/dkscript/daktela"
	"github.com/dkscript/dkscript/daktela/daktelatest"
)

func ExampleClient_Merge() {
	srv := daktelatest.NewServer(daktelatest.Options{})
	defer srv.Close()
	ctx := context.Background()
	client := daktela.NewClient(srv.URL, srv.Token)

	// Two contacts to merge: the first survives.
	list, err := client.Execute(ctx, daktela.BuildReadRequest("Contacts").SetTake(2).SetFields([]string{"name"}))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	var contacts []struct{ Name string }
	if err := list.Decode(&contacts); err != nil {
		fmt.Println("error:", err)
		return
	}
	keep, drop := contacts[0].Name, contacts[1].Name

	merged, err := client.Merge(ctx, "Contacts", []string{keep, drop})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	var rec struct{ Name string }
	if err := merged.Record().Decode(&rec); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("the first survives:", rec.Name == keep)

	_, err = client.Execute(ctx, daktela.BuildReadRequest("Contacts").SetRequestType(daktela.TypeSingle).SetObjectName(drop))
	var nf *daktela.NotFoundError
	fmt.Println("the second is gone:", errors.As(err, &nf))
	fmt.Println("writes to contacts:", client.WritesSent("Contacts"))
	// Output:
	// the first survives: true
	// the second is gone: true
	// writes to contacts: 1
}
