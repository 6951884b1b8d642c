// @caps file,env
// A TypeScript script importing the daktela module, node built-ins, local
// TypeScript, .mjs, .js and JSON modules, with and without extensions.
import daktela from "daktela";
import { buildReadRequest } from "daktela";
import { readFileSync } from "node:fs";
import * as fs from "fs";
import { area, unit, type Shape } from "./lib/shapes.ts";
import { mustBePositive } from "./lib/shapes";
import greet from "./lib/greet.mjs";
import { loud } from "./lib/esm_in_js";
import plain from "./lib/plain.js";
import team from "./lib/team.json";

type Team = { team: string; size: number };

const t: Team = team;
const shapes: Shape[] = [
  { kind: "square", size: mustBePositive(t.size) },
  { kind: "circle", size: 2 },
];
console.log(shapes.map((s) => `${s.kind}: ${area(s)} ${unit}`).join(", "));
console.log(greet(t.team), loud, plain.shout("cjs"));
console.log(typeof daktela.buildReadRequest, buildReadRequest === daktela.buildReadRequest);
console.log(readFileSync("modules/lib/team.json", "utf8").trim() === fs.readFileSync("modules/lib/team.json", "utf8").trim());
const req = buildReadRequest("Users").setFields(["name"] as string[]).addFilter("name", "eq", "x");
console.log(typeof req, typeof req.setFields);
