package jsfs

import (
	"sync"

	"github.com/dop251/goja"
)

// promisesProgram builds fs.promises: readFile, writeFile, appendFile, mkdir, readdir,
// stat, unlink and rename as Node's promise versions. Each does its Sync twin's work at
// once and returns a Promise of its result; an error rejects the Promise instead of
// throwing.
var promisesProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("<fs>/promises.js", `(function (fs) {
  const promises = {};
  for (const name of ["readFile", "writeFile", "appendFile", "mkdir", "readdir", "stat", "unlink", "rename"]) {
    const sync = fs[name + "Sync"];
    promises[name] = {
      [name](...args) {
        return new Promise((resolve) => resolve(sync(...args)));
      },
    }[name];
  }
  return promises;
})`, true)
})

// promises returns fs.promises over the Sync functions of exports o.
func (in *instance) promises(o *goja.Object) goja.Value {
	f, err := in.vm.RunProgram(promisesProgram())
	if err != nil {
		panic(err)
	}
	build, _ := goja.AssertFunction(f)
	v, err := build(goja.Undefined(), o)
	if err != nil {
		panic(err)
	}
	return v
}
