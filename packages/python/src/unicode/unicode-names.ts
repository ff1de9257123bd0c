/**
 * Character names both ways — `unicodedata.name` and `unicodedata.lookup`, which `\N{…}` escapes
 * share — with Hangul syllables and `CJK UNIFIED IDEOGRAPH-XXXX`-style names computed, as CPython
 * computes them, rather than stored.
 *
 * @module
 */

import { VarintReader } from "./unicode-database.js";
import * as tables from "./unicode-database-tables.js";

interface NameTables {
  codePoints: number[];
  names: string[];
  ranges: { prefix: string; first: number; last: number }[];
  /** Upper-case name or alias → its character(s); built on the first lookup. */
  byName?: Map<string, string>;
  namedSequences?: Map<string, string>;
}

let nameTables: NameTables | undefined;

function loadNames(): NameTables {
  if (nameTables !== undefined) return nameTables;
  const words = tables.NAME_WORDS.split(" ");
  const reader = new VarintReader(tables.NAMES);
  const codePoints: number[] = [];
  const names: string[] = [];
  let codePoint = -1;
  let previous: string[] = [];
  while (!reader.done) {
    codePoint += reader.next() + 1;
    const shared = reader.next();
    const added = reader.next();
    const current = previous.slice(0, shared);
    for (let index = 0; index < added; index++) current.push(words[reader.next()] ?? "");
    codePoints.push(codePoint);
    names.push(current.join(" "));
    previous = current;
  }
  const ranges = tables.NAME_RANGES.split(";").map((entry) => {
    const [prefix = "", first = "0", last = "0"] = entry.split(":");
    return { prefix, first: Number.parseInt(first, 16), last: Number.parseInt(last, 16) };
  });
  nameTables = { codePoints, names, ranges };
  return nameTables;
}

// CPython: the Hangul syllable tables of unicodedata.c (jamo short names, UAX #15).
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const LEADS = [
  "G",
  "GG",
  "N",
  "D",
  "DD",
  "R",
  "M",
  "B",
  "BB",
  "S",
  "SS",
  "",
  "J",
  "JJ",
  "C",
  "K",
  "T",
  "P",
  "H",
];
const VOWELS = "A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I".split(" ");
const TAILS = [
  "",
  ..."G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H".split(" "),
];
const HANGUL_PREFIX = "HANGUL SYLLABLE ";
const UNIFIED_PREFIX = "CJK UNIFIED IDEOGRAPH-";

/**
 * `unicodedata.name(chr(codePoint))`, or null for a character without a name.
 *
 * @example
 * ```ts
 * characterName(0xac00); // "HANGUL SYLLABLE GA"
 * characterName(0x4e00); // "CJK UNIFIED IDEOGRAPH-4E00"
 * ```
 * @internal
 */
export function characterName(codePoint: number): string | null {
  // CPython: _getucname()
  if (codePoint >= HANGUL_FIRST && codePoint <= HANGUL_LAST) {
    const offset = codePoint - HANGUL_FIRST;
    return `${HANGUL_PREFIX}${LEADS[Math.floor(offset / 588)]}${VOWELS[Math.floor((offset % 588) / 28)]}${TAILS[offset % 28]}`;
  }
  const data = loadNames();
  for (const range of data.ranges)
    if (codePoint >= range.first && codePoint <= range.last)
      return range.prefix + codePoint.toString(16).toUpperCase().padStart(4, "0");
  let low = 0;
  let high = data.codePoints.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = data.codePoints[middle] ?? 0;
    if (found === codePoint) return data.names[middle] ?? null;
    if (found < codePoint) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/** ASCII-only upper-casing: CPython compares names with `Py_TOUPPER`, which leaves `ı` alone. */
function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

function hangulSyllable(rest: string): number {
  // CPython: find_syllable(), longest jamo first.
  let offset = 0;
  for (const [table, scale] of [
    [LEADS, 588],
    [VOWELS, 28],
    [TAILS, 1],
  ] as const) {
    let best = -1;
    for (let index = 0; index < table.length; index++) {
      const jamo = table[index] ?? "";
      if (rest.startsWith(jamo) && (best < 0 || jamo.length > (table[best] ?? "").length))
        best = index;
    }
    if (best < 0) return -1;
    rest = rest.slice((table[best] ?? "").length);
    offset += best * scale;
  }
  return rest === "" ? HANGUL_FIRST + offset : -1;
}

/**
 * The character(s) named `name` (any ASCII case; aliases too, and named sequences when
 * `namedSequences`), or null. `unicodedata.lookup` passes true; `\N{…}` escapes false.
 *
 * @example
 * ```ts
 * lookupCharacter("latin small letter a", false); // "a"
 * lookupCharacter("LF", false); // "\n" (an alias)
 * ```
 * @internal
 */
export function lookupCharacter(name: string, namedSequences: boolean): string | null {
  // CPython: _getcode(). Computed names match exactly (Hangul, CJK unified ideographs with 4 or
  // 5 upper-case hex digits); stored names, aliases and sequences ignore ASCII case.
  if (name.startsWith(HANGUL_PREFIX)) {
    const syllable = hangulSyllable(name.slice(HANGUL_PREFIX.length));
    if (syllable >= 0) return String.fromCodePoint(syllable);
  }
  const upper = asciiUpper(name);
  const data = loadNames();
  for (const range of data.ranges) {
    const unified = range.prefix === UNIFIED_PREFIX;
    const candidate = unified ? name : upper;
    if (!candidate.startsWith(range.prefix)) continue;
    const digits = candidate.slice(range.prefix.length);
    const codePoint = /^[0-9A-F]{4,6}$/.test(digits) ? Number.parseInt(digits, 16) : -1;
    const spelled = unified
      ? digits.length <= 5
      : digits === codePoint.toString(16).toUpperCase().padStart(4, "0");
    if (spelled && codePoint >= range.first && codePoint <= range.last)
      return String.fromCodePoint(codePoint);
  }
  if (data.byName === undefined) {
    const byName = new Map<string, string>();
    data.names.forEach((entry, index) => {
      byName.set(entry, String.fromCodePoint(data.codePoints[index] ?? 0));
    });
    for (const alias of tables.ALIASES.split(";")) {
      const [aliasName = "", codePoint = "0"] = alias.split(":");
      byName.set(aliasName, String.fromCodePoint(Number.parseInt(codePoint, 16)));
    }
    const sequences = new Map<string, string>();
    for (const sequence of tables.NAMED_SEQUENCES.split(";")) {
      const [sequenceName = "", codePoints = ""] = sequence.split(":");
      sequences.set(
        sequenceName,
        String.fromCodePoint(...codePoints.split(" ").map((part) => Number.parseInt(part, 16))),
      );
    }
    data.byName = byName;
    data.namedSequences = sequences;
  }
  return (
    data.byName.get(upper) ?? (namedSequences ? (data.namedSequences?.get(upper) ?? null) : null)
  );
}
