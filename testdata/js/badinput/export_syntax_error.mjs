// A broken export statement in an ES module.
export const a = 1;
export { a as };
