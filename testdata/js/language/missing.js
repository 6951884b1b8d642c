// What goja does not have (docs/js-api.md, "Supported JavaScript", lists it): each line
// prints false while it is missing. When an engine update brings one, this case fails:
// move the feature from the docs' list of what is missing to the supported ones.
const probe = (name, test) => {
  let has;
  try {
    has = Boolean(test());
  } catch {
    has = false;
  }
  console.log(name, has);
};
probe("WeakRef", () => typeof WeakRef === "function");
probe("FinalizationRegistry", () => typeof FinalizationRegistry === "function");
probe("SharedArrayBuffer", () => typeof SharedArrayBuffer === "function");
probe("Atomics", () => typeof Atomics === "object");
probe("RegExp \\p{...} property escapes", () => new RegExp("^\\p{Lu}$", "u").test("Á"));
probe("RegExp named groups: match.groups", () => /(?<y>\d)/.exec("1").groups.y === "1");
probe("RegExp named groups: $<name> in replace", () => "1".replace(/(?<y>\d)/, "$<y>") === "1");
probe("RegExp named groups: numbered in order", () => /(?<a>a)(b)/.exec("ab")[1] === "a");
probe("RegExp d flag", () => new RegExp("a", "d").exec("a").indices);
probe("RegExp v flag", () => new RegExp("a", "v"));
probe("Symbol.asyncIterator", () => typeof Symbol.asyncIterator === "symbol");
probe("symbols as WeakMap keys", () => new WeakMap().set(Symbol("k"), 1));
probe("resizable ArrayBuffer", () => new ArrayBuffer(1, { maxByteLength: 2 }).resizable);
probe("Array.fromAsync", () => typeof Array.fromAsync === "function");
probe("Iterator helpers", () => typeof Iterator === "function");
probe("Float16Array", () => typeof Float16Array === "function");
probe("RegExp.escape", () => typeof RegExp.escape === "function");
probe("dynamic import()", () => new Function("return import('x')"));
probe("Temporal", () => typeof Temporal === "object");
