/**
 * CPython's Unicode character database (Unicode 15.1.0, as CPython 3.13's `unicodedata`): names,
 * properties, decompositions and case mappings, decoded from `unicode-database-tables.ts` the
 * first time any of them is asked for — `import unicodedata`, a `\N{…}` escape or a str method on
 * non-ASCII text — so a program that needs none of it never pays for the decoding.
 *
 * @module
 */

import * as tables from "./unicode-database-tables.js";

/** The Unicode version the tables describe (`unicodedata.unidata_version`). */
export const UNIDATA_VERSION = tables.UNIDATA_VERSION;

const CATEGORIES =
  "Cn Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Zs Zl Zp Cc Cf Cs Co Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So".split(
    " ",
  );
const BIDIRECTIONALS = [
  "",
  ..."L R AL EN ES ET AN CS NSM BN B S WS ON LRE LRO RLE RLO PDF LRI RLI FSI PDI".split(" "),
];
const WIDTHS = "N A H W F Na".split(" ");

/**
 * Flag bits of a character's property record, in the generator's order (each read off CPython:
 * `mirrored()` and the one-character results of `str.islower`, `isupper`, …).
 *
 * @internal
 */
export const UnicodeFlag = {
  mirrored: 1 << 0,
  lowercase: 1 << 1,
  uppercase: 1 << 2,
  cased: 1 << 3,
  caseIgnorable: 1 << 4,
  identifierStart: 1 << 5,
  identifierContinue: 1 << 6,
  printable: 1 << 7,
  space: 1 << 8,
  alpha: 1 << 9,
  decimal: 1 << 10,
  digit: 1 << 11,
  numeric: 1 << 12,
  linebreak: 1 << 13,
} as const;

const FINAL = "0123456789abcdefghijklmnopqrstuv";
const CONTINUE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#";
/** Digit value of each ASCII character, +32 for a continuation digit, −1 for none. */
const DIGIT_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let index = 0; index < 32; index++) {
    values[FINAL.charCodeAt(index)] = index;
    values[CONTINUE.charCodeAt(index)] = index + 32;
  }
  return values;
})();

/**
 * Reads the generator's base-32 varints off one table string, in order.
 *
 * @example
 * ```ts
 * new VarintReader("w0").next(); // 32
 * ```
 * @internal
 */
export class VarintReader {
  position = 0;
  constructor(private readonly text: string) {}
  get done(): boolean {
    return this.position >= this.text.length;
  }
  next(): number {
    let value = 0;
    for (;;) {
      const digit = DIGIT_VALUES[this.text.charCodeAt(this.position++)] ?? -1;
      if (digit < 0) throw new Error("corrupt Unicode table");
      value = value * 32 + (digit & 31);
      if (digit < 32) return value;
    }
  }
}

/**
 * Whether every character of `text` is ASCII: the fast path that needs no table.
 *
 * @example
 * ```ts
 * isAsciiText("abc"); // true
 * ```
 * @internal
 */
export function isAsciiText(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

const RECORD_FIELDS = 8;

interface PropertyTables {
  records: Int32Array;
  /** Record index of every BMP code point. */
  basic: Uint16Array;
  /** First code point and record index of each run above U+FFFF. */
  astralStarts: Uint32Array;
  astralRecords: Uint16Array;
  numericValues: string[];
}

let properties: PropertyTables | undefined;

function propertyTables(): PropertyTables {
  if (properties !== undefined) return properties;
  const recordReader = new VarintReader(tables.PROPERTY_RECORDS);
  const recordValues: number[] = [];
  while (!recordReader.done) recordValues.push(recordReader.next());
  const basic = new Uint16Array(0x10000);
  const starts: number[] = [];
  const indices: number[] = [];
  const runs = new VarintReader(tables.PROPERTY_RUNS);
  let codePoint = 0;
  while (!runs.done) {
    const length = runs.next();
    const record = runs.next();
    if (codePoint < 0x10000) basic.fill(record, codePoint, Math.min(codePoint + length, 0x10000));
    if (codePoint + length > 0x10000) {
      starts.push(Math.max(codePoint, 0x10000));
      indices.push(record);
    }
    codePoint += length;
  }
  properties = {
    records: Int32Array.from(recordValues),
    basic,
    astralStarts: Uint32Array.from(starts),
    astralRecords: Uint16Array.from(indices),
    numericValues: tables.NUMERIC_VALUES.split(" "),
  };
  return properties;
}

/** Offset of `codePoint`'s property record in `records`. */
function recordOffset(codePoint: number): number {
  const data = propertyTables();
  if (codePoint < 0x10000) return (data.basic[codePoint] ?? 0) * RECORD_FIELDS;
  let low = 0;
  let high = data.astralStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((data.astralStarts[middle] ?? 0) <= codePoint) low = middle;
    else high = middle - 1;
  }
  return (data.astralRecords[low] ?? 0) * RECORD_FIELDS;
}

function field(codePoint: number, index: number): number {
  return propertyTables().records[recordOffset(codePoint) + index] ?? 0;
}

/**
 * `unicodedata.category(chr(codePoint))`: the two-letter general category (`"Cn"` unassigned).
 *
 * @example
 * ```ts
 * generalCategory(0x41); // "Lu"
 * ```
 * @internal
 */
export function generalCategory(codePoint: number): string {
  return CATEGORIES[field(codePoint, 0)] ?? "Cn";
}

/**
 * `unicodedata.bidirectional`: the bidirectional class, `""` where none is assigned.
 *
 * @example
 * ```ts
 * bidirectionalClass(0x5d0); // "R"
 * ```
 * @internal
 */
export function bidirectionalClass(codePoint: number): string {
  return BIDIRECTIONALS[field(codePoint, 1)] ?? "";
}

/**
 * `unicodedata.combining`: the canonical combining class (0 for starters).
 *
 * @example
 * ```ts
 * combiningClass(0x301); // 230
 * ```
 * @internal
 */
export function combiningClass(codePoint: number): number {
  return field(codePoint, 2);
}

/**
 * `unicodedata.east_asian_width`: `N`, `A`, `H`, `W`, `F` or `Na`.
 *
 * @example
 * ```ts
 * eastAsianWidth(0x4e00); // "W"
 * ```
 * @internal
 */
export function eastAsianWidth(codePoint: number): string {
  return WIDTHS[field(codePoint, 3)] ?? "N";
}

/**
 * Whether `codePoint` has every bit of `flag` (a {@link UnicodeFlag}), as CPython's `str`
 * predicates see it.
 *
 * @example
 * ```ts
 * hasUnicodeFlag(0x3b1, UnicodeFlag.lowercase); // true
 * ```
 * @internal
 */
export function hasUnicodeFlag(codePoint: number, flag: number): boolean {
  return (field(codePoint, 4) & flag) === flag;
}

/**
 * `unicodedata.numeric`'s value as a Python float repr (`"0.5"`), or null.
 *
 * @example
 * ```ts
 * numericValue(0xbd); // "0.5"
 * ```
 * @internal
 */
export function numericValue(codePoint: number): string | null {
  const index = field(codePoint, 5);
  return index === 0 ? null : (propertyTables().numericValues[index - 1] ?? null);
}

/**
 * `unicodedata.decimal`'s value, or −1 where the character has none.
 *
 * @example
 * ```ts
 * decimalValue(0x663); // 3 (ARABIC-INDIC DIGIT THREE)
 * ```
 * @internal
 */
export function decimalValue(codePoint: number): number {
  return field(codePoint, 6) - 1;
}

/**
 * `unicodedata.digit`'s value, or −1 where the character has none.
 *
 * @example
 * ```ts
 * digitValue(0xb2); // 2 (SUPERSCRIPT TWO)
 * ```
 * @internal
 */
export function digitValue(codePoint: number): number {
  return field(codePoint, 7) - 1;
}

interface Decompositions {
  tags: string[];
  /** Code point → [tag index, ...parts]. */
  entries: Map<number, number[]>;
  /** Canonical pairs NFC recomposes: first → (second → composite). */
  compositions: Map<number, Map<number, number>>;
}

let decompositions: Decompositions | undefined;

function decompositionTables(): Decompositions {
  if (decompositions !== undefined) return decompositions;
  const entries = new Map<number, number[]>();
  const reader = new VarintReader(tables.DECOMPOSITIONS);
  let codePoint = -1;
  while (!reader.done) {
    codePoint += reader.next() + 1;
    const entry = [reader.next()];
    const count = reader.next();
    for (let index = 0; index < count; index++) entry.push(reader.next());
    entries.set(codePoint, entry);
  }
  const excluded = new Set<number>();
  const exclusions = new VarintReader(tables.COMPOSITION_EXCLUSIONS);
  while (!exclusions.done) excluded.add(exclusions.next());
  const compositions = new Map<number, Map<number, number>>();
  for (const [composite, entry] of entries) {
    if (entry[0] !== 0 || entry.length !== 3 || excluded.has(composite)) continue;
    const first = entry[1] ?? 0;
    const seconds = compositions.get(first) ?? new Map<number, number>();
    compositions.set(first, seconds);
    seconds.set(entry[2] ?? 0, composite);
  }
  decompositions = { tags: ["", ...tables.DECOMPOSITION_TAGS.split(" ")], entries, compositions };
  return decompositions;
}

/**
 * `unicodedata.decomposition`: `"<compat> 0020 0301"`, `"0041 0300"`, or `""`.
 *
 * @example
 * ```ts
 * decompositionText(0xc0); // "0041 0300"
 * ```
 * @internal
 */
export function decompositionText(codePoint: number): string {
  const entry = decompositionTables().entries.get(codePoint);
  if (entry === undefined) return "";
  const parts = entry
    .slice(1)
    .map((part) => part.toString(16).toUpperCase().padStart(4, "0"))
    .join(" ");
  const tag = decompositionTables().tags[entry[0] ?? 0] ?? "";
  return tag === "" ? parts : `${tag} ${parts}`;
}

/**
 * One step of `codePoint`'s decomposition (canonical only unless `compatibility`), or null.
 *
 * @example
 * ```ts
 * decompositionParts(0xc0, false); // [0x41, 0x300]
 * ```
 * @internal
 */
export function decompositionParts(codePoint: number, compatibility: boolean): number[] | null {
  const entry = decompositionTables().entries.get(codePoint);
  if (entry === undefined || (entry[0] !== 0 && !compatibility)) return null;
  return entry.slice(1);
}

/**
 * The primary composite of a canonical pair (NFC's recomposition), or −1.
 *
 * @example
 * ```ts
 * canonicalComposite(0x41, 0x300); // 0xc0
 * ```
 * @internal
 */
export function canonicalComposite(first: number, second: number): number {
  return decompositionTables().compositions.get(first)?.get(second) ?? -1;
}

/** Which full case mapping {@link caseMapping} reads. */
export type CaseMappingKind = "upper" | "lower" | "title" | "casefold";

const caseTables = new Map<CaseMappingKind, Map<number, string>>();

/**
 * The full case mapping of one character as CPython's `str` methods apply it (`"ß"` upper is
 * `"SS"`), or null where it maps to itself. The final sigma is the caller's to handle.
 *
 * @example
 * ```ts
 * caseMapping("upper", 0xdf); // "SS"
 * ```
 * @internal
 */
export function caseMapping(kind: CaseMappingKind, codePoint: number): string | null {
  let mappings = caseTables.get(kind);
  if (mappings === undefined) {
    mappings = new Map();
    const source = {
      upper: tables.UPPER,
      lower: tables.LOWER,
      title: tables.TITLE,
      casefold: tables.CASEFOLD,
    }[kind];
    const reader = new VarintReader(source);
    let current = -1;
    while (!reader.done) {
      current += reader.next() + 1;
      const count = reader.next();
      let mapped = "";
      for (let index = 0; index < count; index++) {
        const offset = reader.next();
        mapped += String.fromCodePoint(
          offset % 2 === 0 ? current + offset / 2 : current - (offset + 1) / 2,
        );
      }
      mappings.set(current, mapped);
    }
    caseTables.set(kind, mappings);
  }
  return mappings.get(codePoint) ?? null;
}
