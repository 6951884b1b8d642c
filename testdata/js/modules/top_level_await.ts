// Top-level await in a TypeScript script with imports: its body runs as an async
// function; for await and async generators are lowered for goja.
import greet, { countdown } from "./lib/greet.mjs";

const wait = (ms: number): Promise<string> => new Promise((resolve) => setTimeout(() => resolve(`waited ${ms}`), ms));

console.log(await wait(5));
for await (const n of countdown(3)) {
  console.log(n);
}
async function* letters(): AsyncGenerator<string> {
  yield "a";
  yield "b";
}
const got: string[] = [];
for await (const l of letters()) got.push(l);
console.log(got.join(""), greet("tla"));
