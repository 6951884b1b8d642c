// Package jsrecords hands Daktela records to JavaScript as lazy objects over the page
// bytes, without decoding them twice.
//
// A list becomes a real JS array holding one object per record. Each record is a goja
// DynamicObject whose handler reads the page's [rawjson.Index]: on first access it builds
// the record's field table (4 bytes a key: the value's node), sharing the key list
// ("shape") with every other record that has the same keys. Objects, arrays and written
// values are cached on the view; strings and numbers are converted on each read (a short
// string that repeats from record to record at the same key is one shared JS value), so
//
//   - records keep the server's key order (Object.keys, for..in, JSON.stringify), with
//     integer-like keys first in ascending order, as JavaScript orders them;
//   - identity holds at every depth: recs[0] === recs[0], r.queue === r.queue, and records
//     work as Map and Set keys;
//   - nested objects are lazy objects too; arrays are real JS arrays;
//   - numbers are numbers (-0, 1e23 and 5e-324 exact, integers beyond 2^53 rounded as
//     JSON.parse rounds them), strings keep escapes, emoji and unpaired surrogates as
//     JSON.parse does;
//   - a duplicate key keeps its first position and its last value;
//   - scripts may write, add and delete properties; JSON.stringify sees the changes. A new
//     key goes after the existing ones (integer-like keys into their numeric place); the
//     key lists returned to goja are never changed in place, so deleting during for..in
//     is safe.
//
// Limits (goja DynamicObject): a record cannot have own Symbol-keyed properties (setting
// one throws a TypeError in strict mode; reads fall through to the prototype);
// Object.defineProperty makes only writable, enumerable, configurable data properties:
// a getter or setter, or a flag given as false, throws, and a flag left out is taken as
// true (on a plain object it would be false);
// Object.freeze, Object.seal and Object.preventExtensions throw. docs/js-api.md says so
// to users. Everything else (spread, Object.assign, hasOwnProperty, Object.hasOwn,
// property descriptors, setPrototypeOf, instanceof Object) behaves as on a plain object.
//
// Objects are bound to the runtime that made them and, like the runtime, are not safe for
// concurrent use. The page's index may be built on another goroutine (daktela parses a
// page on the goroutine that fetched it) before the views are made.
package jsrecords
