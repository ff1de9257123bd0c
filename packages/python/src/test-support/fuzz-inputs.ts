import fc from "fast-check";

/**
 * Fuzz inputs shared by the robustness tests and the long fuzzing run (bench/fuzz-parser.ts):
 * pieces programs are made of, so random strings look enough like Python to reach the parser, and
 * mutations of valid snippets.
 * @internal
 */
export const FRAGMENTS: readonly string[] = [
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

/** One edit applied to a snippet by {@link mutate}. @internal */
export type Mutation = {
  type: "delete" | "duplicate" | "swap";
  at: number;
  length: number;
  other: number;
};

export function mutate(source: string, mutations: Mutation[], byToken: boolean): string {
  let units: string[] = byToken
    ? source.split(/(\s+|[()[\]{}:,.=+\-*/])/).filter((unit) => unit !== "")
    : [...source];
  for (const mutation of mutations) {
    if (units.length === 0) break;
    const at = mutation.at % units.length;
    const length = Math.min(mutation.length, units.length - at);
    const other = mutation.other % units.length;
    if (mutation.type === "delete") units.splice(at, length);
    else if (mutation.type === "duplicate") units.splice(at, 0, ...units.slice(at, at + length));
    else {
      const swapped = units[at] as string;
      units[at] = units[other] as string;
      units[other] = swapped;
    }
    units = units.slice(0, 5000);
  }
  return units.join("");
}

export const mutationArbitrary = fc.record({
  type: fc.constantFrom("delete" as const, "duplicate" as const, "swap" as const),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 8 }),
  other: fc.nat(),
});
