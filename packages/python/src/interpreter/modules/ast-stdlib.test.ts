import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpythonAstDumps, pymemAstDump } from "../../test-support/ast-stdlib.js";
import { cpython } from "../../test-support/cpython.js";

/**
 * The `ast` module's breadth on real code, on a sample of standard-library files chosen for
 * their grammar (PEP 695 type parameters, PEP 646, `except*`, f-strings, non-ASCII identifiers,
 * annotations, async code): `ast.dump(ast.parse(source), include_attributes=True)` printed by
 * pymem's `ast` (Python code on the pymem heap) must equal CPython 3.13's. Every file of the
 * library is compared by scripts/ast-stdlib-compare.ts.
 */
const SAMPLE = [
  "this.py",
  "keyword.py",
  "bisect.py",
  "colorsys.py",
  "asyncio/timeouts.py",
  "graphlib.py",
  "test/test_unicode_identifiers.py",
  "test/typinganndata/ann_module.py",
  "test/test_pep646_syntax.py",
  "test/test_type_aliases.py",
];

const title = cpython.available
  ? "ast.dump of standard-library files matches CPython 3.13"
  : `ast.dump of standard-library files matches CPython 3.13 (SKIPPED: ${cpython.reason})`;

describe.skipIf(!cpython.available)(title, () => {
  it("prints CPython's dump with positions for every sampled file", () => {
    const { root, files } = cpythonAstDumps(SAMPLE);
    expect(files.map((file) => file.path)).toEqual(SAMPLE);
    const mismatches: string[] = [];
    for (const file of files) {
      const expected =
        file.dumpFile === undefined ? undefined : readFileSync(file.dumpFile, "utf8");
      const ours = pymemAstDump(root, file.path);
      if (ours.dump !== expected) mismatches.push(`${file.path}: ${ours.error ?? "dump differs"}`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
