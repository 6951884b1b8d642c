package runtime

import (
	"sync"

	"github.com/dop251/goja"
)

// promisifyProgram is util.promisify as Node has it: fn called with a last callback
// (err, value) becomes a function returning a Promise of value, rejected with err. A
// function with util.promisify.custom set returns that instead.
var promisifyProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("<util>/promisify.js", `(function () {
  const custom = Symbol.for("nodejs.util.promisify.custom");
  function promisify(original) {
    if (typeof original !== "function") {
      let got;
      try { got = original === null ? "null" : typeof original === "string" ? JSON.stringify(original) : typeof original; } catch (_) { got = typeof original; }
      const e = new TypeError("util.promisify: original must be a function, got " + got);
      e.code = "ERR_INVALID_ARG_TYPE";
      throw e;
    }
    if (typeof original[custom] === "function") return original[custom];
    function promisified(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [...args, (err, ...values) => {
          if (err) reject(err);
          else resolve(values.length > 1 ? values : values[0]);
        }]);
      });
    }
    Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
    Object.defineProperty(promisified, custom, { value: promisified, configurable: true });
    return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = custom;
  return promisify;
})()`, true)
})

// promisify returns util.promisify for this runtime.
func (r *Runtime) promisify() goja.Value {
	v, err := r.vm.RunProgram(promisifyProgram())
	if err != nil {
		panic(err)
	}
	return v
}
