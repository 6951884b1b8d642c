// A required ES module's import.meta names the module itself.
export const meta = {
  filename: import.meta.filename.endsWith("/modules/lib/meta.mjs"),
  url: import.meta.url === "file://" + import.meta.filename,
  dirname: import.meta.dirname.endsWith("/modules/lib"),
};
