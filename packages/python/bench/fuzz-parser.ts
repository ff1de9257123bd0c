/**
 * Long fuzzing run for the parser (the test suite runs a bounded version of this).
 *
 *   npx tsx packages/python/bench/fuzz-parser.ts [runs=100000] [seed=1]
 *
 * Feeds fragment soup and mutated valid snippets to `parse`; exits non-zero on anything other
 * than an AST or a PythonSyntaxError, and prints the slowest input seen.
 */
import fc from "fast-check";
import { PythonSyntaxError, parse } from "../src/index.js";
import { FRAGMENTS, mutate, mutationArbitrary } from "../src/test-support/fuzz-inputs.js";
import { VALID_SNIPPETS } from "../src/test-support/valid-snippets.js";

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);

let slowestMilliseconds = 0;
let slowestInput = "";

function check(source: string): void {
  const started = performance.now();
  try {
    parse(source);
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) {
      console.error("CRASH on", JSON.stringify(source), error);
      process.exit(1);
    }
  }
  const elapsed = performance.now() - started;
  if (elapsed > slowestMilliseconds) {
    slowestMilliseconds = elapsed;
    slowestInput = source;
  }
}

fc.assert(
  fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (fragments) =>
    check(fragments.join("")),
  ),
  { numRuns: runs, seed },
);
for (const byToken of [false, true]) {
  fc.assert(
    fc.property(
      fc.constantFrom(...VALID_SNIPPETS),
      fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
      (snippet, mutations) => check(mutate(snippet, mutations, byToken)),
    ),
    { numRuns: runs, seed },
  );
}
console.log(
  `${3 * runs} inputs, no crash; slowest ${slowestMilliseconds.toFixed(2)} ms on ${JSON.stringify(slowestInput.slice(0, 80))}`,
);
