/**
 * Parity sweep of built-in types and a few modules (not part of the test suite): runs
 * `dir-parity.py` (the sorted `dir()` of every built-in type, its views and iterators, every
 * built-in exception, and the public names of builtins, math, itertools, functools, operator,
 * collections, re, string, json, os.path) under CPython 3.13 and under pymem, and prints what
 * pymem lacks: public members first (the ones programs call), then dunder members.
 * Usage: `npx tsx packages/python/scripts/dir-parity.ts [--dunders]`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Interpreter } from "../src/interpreter/interpreter.js";
import { CPYTHON_ENVIRONMENT } from "../src/test-support/cpython.js";

const script = join(dirname(fileURLToPath(import.meta.url)), "dir-parity.py");
const showDunders = process.argv.includes("--dunders");

const cpython = spawnSync("python3", [script], { env: CPYTHON_ENVIRONMENT, encoding: "utf8" });
if (cpython.status !== 0) throw new Error(`CPython failed: ${cpython.stderr}`);
const source = readFileSync(script, "utf8");
const expected = members(cpython.stdout);
const listed = members(runPymem(source));
const unlisted = new Map<string, string[]>();
for (const [target, names] of expected) {
  const have = listed.get(target) ?? new Set<string>();
  unlisted.set(
    target,
    [...names].filter((name) => !have.has(name)),
  );
}
const check = `CHECK = ${JSON.stringify(Object.fromEntries(unlisted))}\n`;
const absent = members(runPymem(check + source));

const isDunder = (name: string) => name.startsWith("__") && name.endsWith("__");
const counts = { publicAbsent: 0, dunderAbsent: 0, hidden: 0 };
const dunderLines: string[] = [];
for (const [target, names] of unlisted) {
  if (!listed.has(target)) {
    console.log(`${target}: missing entirely`);
    continue;
  }
  const gone = absent.get(target) ?? new Set<string>();
  counts.hidden += names.filter((name) => !gone.has(name)).length;
  const publicGone = [...gone].filter((name) => !isDunder(name) && !name.startsWith("_"));
  const dunderGone = [...gone].filter(isDunder);
  counts.publicAbsent += publicGone.length;
  counts.dunderAbsent += dunderGone.length;
  if (publicGone.length > 0) console.log(`${target}: ${publicGone.join(" ")}`);
  if (dunderGone.length > 0) dunderLines.push(`${target}: ${dunderGone.join(" ")}`);
}
if (showDunders) console.log(`\nDunder members getattr() cannot find:\n${dunderLines.join("\n")}`);
console.log(
  `\n${expected.size} targets: pymem lacks ${counts.publicAbsent} public and ${counts.dunderAbsent} dunder ` +
    `members CPython 3.13 has; ${counts.hidden} more exist but dir() does not list them`,
);

/** Runs `source` on a fresh pymem interpreter and returns what it printed. */
function runPymem(source: string): string {
  let out = "";
  const interpreter = new Interpreter({
    stdout: (text: string) => {
      out += text;
    },
    stderr: (text: string) => process.stderr.write(text),
  });
  const status = interpreter.run(source, script).exitStatus;
  interpreter.finalize();
  if (status !== 0) throw new Error(`pymem exited with ${status}`);
  return out;
}

/** Parses "target<TAB>name name ..." lines into a map of member sets. */
function members(text: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const [target, names = ""] = line.split("\t");
    result.set(target as string, new Set(names.split(" ").filter((name) => name !== "")));
  }
  return result;
}
