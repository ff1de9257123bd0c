/**
 * Breadth check of the `ast` module (not part of the test suite: it takes minutes): parses every
 * UTF-8 `.py` file of CPython 3.13's standard library with CPython's `ast` and with pymem's,
 * compares `ast.dump(tree, include_attributes=True)`, and prints the match count and the first
 * mismatches. Usage: `npx tsx packages/python/scripts/ast-stdlib-compare.ts [limit]`.
 */
import { readFileSync } from "node:fs";
import { cpythonAstDumps, pymemAstDump } from "../src/test-support/ast-stdlib.js";

const limit = Number(process.argv[2] ?? Number.POSITIVE_INFINITY);
const started = performance.now();
const { root, files } = cpythonAstDumps(null);
let matched = 0;
let compared = 0;
const mismatches: string[] = [];
for (const cached of files.slice(0, limit)) {
  const expected =
    cached.dumpFile === undefined
      ? cached
      : { ...cached, dump: readFileSync(cached.dumpFile, "utf8") };
  const ours = pymemAstDump(root, cached.path);
  compared++;
  const same =
    expected.dump !== undefined ? ours.dump === expected.dump : ours.error === expected.error;
  if (same) matched++;
  else mismatches.push(`${expected.path}: ${describe(expected, ours)}`);
  if (compared % 100 === 0)
    console.error(
      `${compared}/${files.length} ${matched} match, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
}
console.log(mismatches.slice(0, 40).join("\n"));
console.log(
  `ast.dump(include_attributes=True) of ${compared} stdlib files: ${matched} identical to CPython 3.13, ` +
    `${compared - matched} differ (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);

function describe(
  expected: { dump?: string; error?: string },
  ours: { dump?: string; error?: string },
): string {
  if (expected.dump === undefined || ours.dump === undefined)
    return `CPython ${expected.error ?? "dumps"}, pymem ${ours.error ?? "dumps"}`;
  let index = 0;
  while (index < ours.dump.length && ours.dump[index] === expected.dump[index]) index++;
  return `at ${index}: pymem …${ours.dump.slice(Math.max(0, index - 60), index + 60)}… CPython …${expected.dump.slice(Math.max(0, index - 60), index + 60)}…`;
}
