package rawjson_test

import (
	"fmt"

	"github.com/dkscript/dkscript/daktela/rawjson"
)

func ExampleParse() {
	ix, err := rawjson.Parse([]byte(`{"result":{"data":[{"name":"a","n":1},{"name":"b","n":2.5}],"total":2}}`))
	if err != nil {
		panic(err)
	}
	res, _ := ix.Lookup(ix.Root(), "result")
	data, _ := ix.Lookup(res, "data")
	ix.Elements(data, func(i, rec int) bool {
		name, _ := ix.Lookup(rec, "name")
		n, _ := ix.Lookup(rec, "n")
		f, _ := ix.Float(n)
		fmt.Println(i, ix.String(name), f, string(ix.Raw(rec)))
		return true
	})
	_, err = rawjson.Parse([]byte(`{"result":{"data":[{"name":"a"`))
	fmt.Println(err)
	// Output:
	// 0 a 1 {"name":"a","n":1}
	// 1 b 2.5 {"name":"b","n":2.5}
	// unexpected end of JSON input at offset 30
}
