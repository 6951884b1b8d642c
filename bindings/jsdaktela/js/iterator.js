// The iterables client.iterate returns: for...of over the records, with the PHP
// iterator's helpers. filter and map are lazy: they return iterables with the same
// helpers. Pages come from Go one at a time (the Go side fetches ahead meanwhile); a
// break, a return or a throw out of a loop stops the Go side at once.
(function () {
	"use strict";
	const SOURCE = Symbol("source");

	// A lazy iterable over what gen() yields.
	class Iterable {
		constructor(gen) {
			Object.defineProperty(this, SOURCE, { value: gen });
		}
		[Symbol.iterator]() { return this[SOURCE](); }
		first() {
			for (const x of this) return x;
			return null;
		}
		toArray() {
			const out = [];
			for (const x of this) out.push(x);
			return out;
		}
		count() {
			let n = 0;
			for (const _ of this) n++;
			return n;
		}
		isEmpty() {
			for (const _ of this) return false;
			return true;
		}
		each(fn) {
			if (typeof fn !== "function") throw new TypeError("each: fn must be a function, got " + typeof fn);
			let i = 0;
			for (const x of this) fn(x, i++);
		}
		filter(fn) {
			if (typeof fn !== "function") throw new TypeError("filter: fn must be a function, got " + typeof fn);
			const src = this;
			return new Iterable(function* () {
				let i = 0;
				for (const x of src) if (fn(x, i++)) yield x;
			});
		}
		map(fn) {
			if (typeof fn !== "function") throw new TypeError("map: fn must be a function, got " + typeof fn);
			const src = this;
			return new Iterable(function* () {
				let i = 0;
				for (const x of src) yield fn(x, i++);
			});
		}
	}

	// Yields the items of the arrays a Go source hands out, until it says null.
	function* drain(open) {
		const src = open();
		try {
			for (;;) {
				const page = src.next();
				if (page === null) return;
				yield* page;
			}
		} finally {
			src.stop();
		}
	}

	// Yields the responses a Go source hands out, until it says null.
	function* drainPages(open) {
		const src = open();
		try {
			for (;;) {
				const resp = src.next();
				if (resp === null) return;
				yield resp;
			}
		} finally {
			src.stop();
		}
	}

	// What client.iterate returns: the helpers the Go iterator does better (first,
	// toArray, count and isEmpty read only what they need) call Go; pages() yields
	// Responses.
	class PaginatedIterator extends Iterable {
		constructor(hooks) {
			super(() => drain(hooks.open));
			Object.defineProperty(this, "_hooks", { value: hooks });
		}
		first() { return this._hooks.first(); }
		toArray() { return this._hooks.toArray(); }
		count() { return this._hooks.count(); }
		isEmpty() { return this._hooks.isEmpty(); }
		// The pages the last use skipped with stopOnError: false: [{skip, take, error}].
		getSkipped() { return this._hooks.skipped(); }
		pages() {
			const hooks = this._hooks;
			return new Iterable(() => drainPages(hooks.openPages));
		}
	}

	return { Iterable, PaginatedIterator };
})
