// What client.watch returns: an async iterable of the changed records. for await pulls
// them one at a time; asking for the next record tells Go the loop body is done with
// the last one (its checkpoint is saved then), and a break (return) tells it too.
(function () {
	"use strict";
	// esbuild lowers for await to this key when the runtime has no Symbol.asyncIterator.
	const ASYNC_ITERATOR = Symbol.asyncIterator || Symbol.for("Symbol.asyncIterator");

	class Watch {
		constructor(hooks) {
			Object.defineProperty(this, "_hooks", { value: hooks });
		}
		[ASYNC_ITERATOR]() { return this; }
		next() {
			return this._hooks.pull().then((record) => (record === null ? { value: undefined, done: true } : { value: record, done: false }));
		}
		return(value) {
			return this._hooks.stop().then(() => ({ value, done: true }));
		}
	}
	return { Watch };
})
