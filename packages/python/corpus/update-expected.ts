/**
 * Regenerates the `.expected` files of the differential corpus from CPython 3.13.
 *
 *   npx tsx packages/python/corpus/update-expected.ts            # every script
 *   npx tsx packages/python/corpus/update-expected.ts cycles/pair # only the named ones
 *
 * Each script is run twice with `PYENV_VERSION=3.13.0 python3`; a script whose two runs differ is
 * nondeterministic and is reported instead of written (fix the script, never the file). The
 * `.pymem.expected` files are written by hand: they document a value that differs by design.
 */
import { writeFileSync } from "node:fs";
import { cpython } from "../src/test-support/cpython.js";
import {
  formatExpected,
  listCorpusScripts,
  runScriptWithCPython,
} from "../src/test-support/differential-corpus.js";

if (!cpython.available) {
  console.error(`cannot regenerate: ${cpython.reason}`);
  process.exit(2);
}

const wanted = process.argv.slice(2).map((name) => name.replace(/\.py$/, ""));
const scripts = listCorpusScripts().filter(
  (script) => wanted.length === 0 || wanted.includes(`${script.category}/${script.name}`),
);
let nondeterministic = 0;
for (const script of scripts) {
  const first = formatExpected(runScriptWithCPython(script));
  const second = formatExpected(runScriptWithCPython(script));
  if (first !== second) {
    nondeterministic++;
    console.error(
      `NONDETERMINISTIC ${script.relativePath}:\n--- run 1\n${first}--- run 2\n${second}`,
    );
    continue;
  }
  writeFileSync(script.expectedPath, first);
}
console.log(`${scripts.length - nondeterministic} expected files written`);
if (nondeterministic > 0) {
  console.error(`${nondeterministic} nondeterministic scripts were not written`);
  process.exit(1);
}
