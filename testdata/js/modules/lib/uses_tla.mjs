// Top-level await in a module that is required, not run.
export const value = await Promise.resolve(1);
