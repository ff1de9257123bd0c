/**
 * `str`'s Unicode-aware predicates and case conversions as CPython 3.13 computes them
 * (`unicodeobject.c` over its Unicode 15.1 database), not as the JavaScript engine does: the
 * engine's Unicode is newer (characters CPython sees as unassigned are letters there) and its
 * `toLowerCase`, `\p{…}` and `\s` differ from CPython's rules in places (`str.isspace` counts
 * U+001C..U+001F and not U+FEFF; `isdigit` counts superscripts). ASCII text takes the engine's
 * path, where the two agree, without touching the tables.
 *
 * @module
 */

import {
  type CaseMappingKind,
  caseMapping,
  generalCategory,
  hasUnicodeFlag,
  isAsciiText,
  UnicodeFlag,
} from "./unicode-database.js";

/** A character predicate `str.is…` applies to every code point. */
export type StrPredicate =
  | "isalpha"
  | "isdecimal"
  | "isdigit"
  | "isnumeric"
  | "isspace"
  | "isalnum"
  | "isprintable"
  | "isidentifier"
  | "isupper"
  | "islower"
  | "istitle";

const ALNUM = UnicodeFlag.alpha | UnicodeFlag.decimal | UnicodeFlag.digit | UnicodeFlag.numeric;

function hasAny(codePoint: number, flags: number): boolean {
  for (let bit = 1; bit <= flags; bit <<= 1)
    if ((flags & bit) !== 0 && hasUnicodeFlag(codePoint, bit)) return true;
  return false;
}

function isTitlecase(codePoint: number): boolean {
  return generalCategory(codePoint) === "Lt";
}

function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const character of text) points.push(character.codePointAt(0) ?? 0);
  return points;
}

/** Every code point has `flag`; false for the empty string. */
function all(text: string, flag: number): boolean {
  if (text === "") return false;
  for (const character of text) if (!hasAny(character.codePointAt(0) ?? 0, flag)) return false;
  return true;
}

/** CPython: unicode_isupper_impl() / unicode_islower_impl(). */
function onlyCase(text: string, wanted: number, other: number): boolean {
  let cased = false;
  for (const codePoint of codePoints(text)) {
    if (hasUnicodeFlag(codePoint, other) || isTitlecase(codePoint)) return false;
    if (hasUnicodeFlag(codePoint, wanted)) cased = true;
  }
  return cased;
}

/** CPython: unicode_istitle_impl(). */
function isTitle(text: string): boolean {
  let cased = false;
  let previousIsCased = false;
  for (const codePoint of codePoints(text)) {
    if (hasUnicodeFlag(codePoint, UnicodeFlag.uppercase) || isTitlecase(codePoint)) {
      if (previousIsCased) return false;
      previousIsCased = cased = true;
    } else if (hasUnicodeFlag(codePoint, UnicodeFlag.lowercase)) {
      if (!previousIsCased) return false;
      previousIsCased = cased = true;
    } else previousIsCased = false;
  }
  return cased;
}

function everyUnit(text: string, test: (unit: number) => boolean): boolean {
  for (let index = 0; index < text.length; index++) if (!test(text.charCodeAt(index))) return false;
  return true;
}

const ASCII_TESTS: Record<StrPredicate, (text: string) => boolean> = {
  isalpha: (text) => /^[A-Za-z]+$/.test(text),
  isdecimal: (text) => /^[0-9]+$/.test(text),
  isdigit: (text) => /^[0-9]+$/.test(text),
  isnumeric: (text) => /^[0-9]+$/.test(text),
  isspace: (text) =>
    text !== "" &&
    everyUnit(text, (unit) => (unit >= 9 && unit <= 13) || (unit >= 0x1c && unit <= 0x20)),
  isalnum: (text) => /^[A-Za-z0-9]+$/.test(text),
  isprintable: (text) => everyUnit(text, (unit) => unit >= 0x20 && unit <= 0x7e),
  isidentifier: (text) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(text),
  isupper: (text) => /[A-Z]/.test(text) && !/[a-z]/.test(text),
  islower: (text) => /[a-z]/.test(text) && !/[A-Z]/.test(text),
  istitle: isTitle,
};

/**
 * `text.<predicate>()` as CPython 3.13 answers it.
 *
 * @example
 * ```ts
 * strPredicate("isdigit", "²"); // true
 * strPredicate("isspace", "\ufeff"); // false
 * ```
 * @internal
 */
export function strPredicate(predicate: StrPredicate, text: string): boolean {
  if (isAsciiText(text)) return ASCII_TESTS[predicate](text);
  switch (predicate) {
    case "isalpha":
      return all(text, UnicodeFlag.alpha);
    case "isdecimal":
      return all(text, UnicodeFlag.decimal);
    case "isdigit":
      return all(text, UnicodeFlag.digit);
    case "isnumeric":
      return all(text, UnicodeFlag.numeric);
    case "isspace":
      return all(text, UnicodeFlag.space);
    case "isalnum":
      return all(text, ALNUM);
    case "isprintable":
      return text === "" || all(text, UnicodeFlag.printable);
    case "isidentifier": {
      // CPython: _PyUnicode_ScanIdentifier() — XID_Start or '_', then XID_Continue.
      const points = codePoints(text);
      return (
        points.length > 0 &&
        hasUnicodeFlag(points[0] ?? 0, UnicodeFlag.identifierStart) &&
        points.every((point) => hasUnicodeFlag(point, UnicodeFlag.identifierContinue))
      );
    }
    case "isupper":
      return onlyCase(text, UnicodeFlag.uppercase, UnicodeFlag.lowercase);
    case "islower":
      return onlyCase(text, UnicodeFlag.lowercase, UnicodeFlag.uppercase);
    case "istitle":
      return isTitle(text);
  }
}

const CAPITAL_SIGMA = 0x3a3;

/** CPython: handle_capital_sigma() — final `ς` after a cased letter, not before one. */
function sigma(points: readonly number[], index: number): string {
  const ignorable = (point: number) => hasUnicodeFlag(point, UnicodeFlag.caseIgnorable);
  const cased = (point: number) => hasUnicodeFlag(point, UnicodeFlag.cased);
  let before = index - 1;
  while (before >= 0 && ignorable(points[before] ?? 0)) before--;
  let final = before >= 0 && cased(points[before] ?? 0);
  if (final) {
    let after = index + 1;
    while (after < points.length && ignorable(points[after] ?? 0)) after++;
    final = after === points.length || !cased(points[after] ?? 0);
  }
  return final ? "\u03c2" : "\u03c3";
}

/** One code point's full mapping of `kind`, the capital sigma read in context for `lower`. */
function mapOne(kind: CaseMappingKind, points: readonly number[], index: number): string {
  const point = points[index] ?? 0;
  if (kind === "lower" && point === CAPITAL_SIGMA) return sigma(points, index);
  return caseMapping(kind, point) ?? String.fromCodePoint(point);
}

/** The case conversions of `str` that {@link convertCase} performs. */
export type StrCaseConversion =
  | "upper"
  | "lower"
  | "casefold"
  | "title"
  | "capitalize"
  | "swapcase";

const ASCII_CONVERSIONS: Record<StrCaseConversion, (text: string) => string> = {
  upper: (text) => text.toUpperCase(),
  lower: (text) => text.toLowerCase(),
  casefold: (text) => text.toLowerCase(),
  title: (text) =>
    text
      .toLowerCase()
      .replace(
        /(^|[^a-z])([a-z])/g,
        (_whole, before: string, letter: string) => before + letter.toUpperCase(),
      ),
  capitalize: (text) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase(),
  swapcase: (text) =>
    text.replace(/[A-Za-z]/g, (letter) =>
      letter <= "Z" ? letter.toLowerCase() : letter.toUpperCase(),
    ),
};

/**
 * `text.<conversion>()` as CPython 3.13 computes it: full case mappings (`"ß".upper()` is
 * `"SS"`), the final sigma, title case for `title` and `capitalize`.
 *
 * @example
 * ```ts
 * convertCase("upper", "straße"); // "STRASSE"
 * convertCase("lower", "ΟΔΟΣ"); // "οδος" (final sigma)
 * ```
 * @internal
 */
export function convertCase(conversion: StrCaseConversion, text: string): string {
  if (isAsciiText(text)) return ASCII_CONVERSIONS[conversion](text);
  const points = codePoints(text);
  let result = "";
  // CPython: do_upper(), do_lower(), do_casefold(), do_title(), do_capitalize(), do_swapcase().
  let previousIsCased = false;
  for (let index = 0; index < points.length; index++) {
    const point = points[index] ?? 0;
    switch (conversion) {
      case "upper":
      case "lower":
      case "casefold":
        result += mapOne(conversion, points, index);
        break;
      case "title":
        result += mapOne(previousIsCased ? "lower" : "title", points, index);
        previousIsCased = hasUnicodeFlag(point, UnicodeFlag.cased);
        break;
      case "capitalize":
        result += mapOne(index === 0 ? "title" : "lower", points, index);
        break;
      case "swapcase":
        if (hasUnicodeFlag(point, UnicodeFlag.uppercase)) result += mapOne("lower", points, index);
        else if (hasUnicodeFlag(point, UnicodeFlag.lowercase))
          result += mapOne("upper", points, index);
        else result += String.fromCodePoint(point);
        break;
    }
  }
  return result;
}
