// An ES module in a .mjs file, with a default and a named export.
export default function greet(name) {
  return `hello, ${name}`;
}

export async function* countdown(n) {
  while (n > 0) {
    yield n--;
  }
}
