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
import { VALID_SNIPPETS } from "../src/test-support/valid-snippets.js";

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1);

const FRAGMENTS = [
  "x",
  "y",
  "f",
  "1",
  "2.5",
  "'s'",
  '"t"',
  "f'{x}'",
  "f'",
  "'''",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ":",
  ",",
  ".",
  "=",
  "==",
  "+",
  "-",
  "*",
  "**",
  "/",
  "//",
  "%",
  "<",
  "not",
  "in",
  "is",
  "and",
  "or",
  "if",
  "else",
  "elif",
  "for",
  "while",
  "def",
  "class",
  "return",
  "lambda",
  "try",
  "except",
  "finally",
  "raise",
  "del",
  "pass",
  "break",
  "global",
  "nonlocal",
  "import",
  "from",
  "as",
  "\n",
  "    ",
  "\t",
  " ",
  "\\",
  "#",
  "!",
  "@",
  "$",
  "é",
  "\r",
  "\f",
  "0x",
  "_",
  "{x!r}",
  "{{",
  "}}",
  "j",
  "e",
  "{",
  'f"{',
  "'",
  '"',
  "!r",
  ":>",
  "\\N{",
  "\\x",
  "0o",
  "0b",
  "1_",
  "yield",
  "with",
  "async",
  ":=",
  "...",
  "*a",
  "**k",
];

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
fc.assert(
  fc.property(
    fc.constantFrom(...VALID_SNIPPETS),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(2)), { maxLength: 6 }),
    (snippet, mutations) => {
      const characters = [...snippet];
      for (const [position, amount, kind] of mutations) {
        if (characters.length === 0) break;
        const at = position % characters.length;
        if (kind === 0) characters.splice(at, 1 + (amount % 5));
        else if (kind === 1)
          characters.splice(at, 0, ...characters.slice(at, at + 1 + (amount % 5)));
        else {
          const other = amount % characters.length;
          [characters[at], characters[other]] = [
            characters[other] as string,
            characters[at] as string,
          ];
        }
      }
      check(characters.join(""));
    },
  ),
  { numRuns: runs, seed },
);
console.log(
  `${2 * runs} inputs, no crash; slowest ${slowestMilliseconds.toFixed(2)} ms on ${JSON.stringify(slowestInput.slice(0, 80))}`,
);
