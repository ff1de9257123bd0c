/**
 * Regenerates callback-mutation.expected.json: CPython 3.13's stdout for the generated
 * callback-mutation programs of seeds 0 … COUNT − 1 (PYTHONHASHSEED=0).
 *
 *   npx tsx packages/python/src/reliability/update-callback-mutation-expected.ts
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { callbackMutationProgram } from "../test-support/callback-mutation-programs.js";
import { CPYTHON_ENVIRONMENT, cpython } from "../test-support/cpython.js";
import { CALLBACK_MUTATION_SEEDS } from "./callback-mutation-seeds.js";

if (!cpython.available) {
  console.error(`cannot regenerate: ${cpython.reason}`);
  process.exit(2);
}
const outputs: string[] = [];
for (let seed = 0; seed < CALLBACK_MUTATION_SEEDS; seed++) {
  const result = spawnSync("python3", ["-c", callbackMutationProgram(seed)], {
    env: CPYTHON_ENVIRONMENT,
    encoding: "utf8",
    timeout: 30_000,
  });
  if (result.error !== undefined) throw result.error;
  outputs.push(result.stdout);
}
writeFileSync(
  new URL("./callback-mutation.expected.json", import.meta.url),
  `${JSON.stringify({ outputs }, undefined, 2)}\n`,
);
console.log(`${outputs.length} outputs written`);
