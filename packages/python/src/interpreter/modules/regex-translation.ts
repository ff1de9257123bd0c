/**
 * Python regular expressions (the `re` syntax of CPython 3.13's `sre_parse`) translated to
 * JavaScript RegExp source with the `u` and `d` flags, so pymem's `re` module matches with V8's
 * engine: named groups and backreferences renamed, `\A`/`\Z`/`$` given Python's meaning, `.` not
 * stopping at `\r`, `\d`/`\w` Unicode-aware (ASCII under `re.ASCII`), verbose patterns stripped,
 * literal braces and Python-only escapes made explicit, scoped inline flags (`(?i:…)`, `(?-i:…)`,
 * `(?s-m:…)`) applied region by region (`.`, `^`, `$`, `\d`, `\w` and verbose spacing are
 * translated with the flags in force; case-insensitive regions whose flag differs from the
 * whole pattern's spell out each letter's case variants). What JavaScript cannot express —
 * conditionals, possessive quantifiers and atomic groups — is refused with a message naming it.
 *
 * @module
 */

/** `re` flag bits (CPython: `re.RegexFlag`). */
export const RegexFlag = {
  IGNORECASE: 2,
  LOCALE: 4,
  MULTILINE: 8,
  DOTALL: 16,
  UNICODE: 32,
  VERBOSE: 64,
  ASCII: 256,
} as const;

/** A translated pattern: the JavaScript source and flags, and its groups. */
export interface TranslatedPattern {
  readonly source: string;
  readonly flags: string;
  /** Number of capturing groups. */
  readonly groups: number;
  /** Group names and their numbers, in order. */
  readonly names: ReadonlyArray<readonly [string, number]>;
  /** The Python flags after inline flags were applied. */
  readonly pythonFlags: number;
}

/**
 * Thrown for a pattern Python rejects or this translation cannot express (becomes `re.error`,
 * with CPython's position in the pattern when it gives one).
 */
export class RegexTranslationError extends Error {
  constructor(
    message: string,
    /** Where in the pattern CPython reports the error (`re.error.pos`). */
    readonly position?: number,
  ) {
    super(message);
  }
}

/** The flags `a`, `u`, `L`: at most one, never turned off. CPython: `TYPE_FLAGS`. */
const TYPE_FLAGS = RegexFlag.ASCII | RegexFlag.UNICODE | RegexFlag.LOCALE;

/** A scoped-flags group `(?flags-flags:` or a global one `(?flags)`, as `_parse_flags` reads it. */
interface InlineFlags {
  readonly add: number;
  readonly remove: number;
  readonly global: boolean;
  /** Index just past the group's `:` or `)`. */
  readonly end: number;
}

/**
 * Reads the flags of `(?…` from `start` (the first letter or `-`), with CPython's errors and
 * positions. CPython: `sre_parse._parse_flags`.
 */
function parseInlineFlags(pattern: string, start: number): InlineFlags {
  let i = start;
  let add = 0;
  let remove = 0;
  const fail = (message: string, offset = 0): never => {
    throw new RegexTranslationError(message, i - offset);
  };
  let char: string | undefined = pattern[i++];
  if (char !== "-") {
    for (;;) {
      if (char === "L") fail("bad inline flags: cannot use 'L' flag with a str pattern");
      const flag = INLINE_FLAGS[char!]!;
      add |= flag;
      if ((flag & TYPE_FLAGS) !== 0 && (add & TYPE_FLAGS) !== flag)
        fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      char = pattern[i++];
      if (char === undefined) {
        i--;
        fail("missing -, : or )");
      }
      if (char === ")" || char === "-" || char === ":") break;
      if (INLINE_FLAGS[char!] === undefined)
        fail(/\p{L}/u.test(char!) ? "unknown flag" : "missing -, : or )", 1);
    }
  }
  if (char === ")") return { add, remove, global: true, end: i };
  if (char === "-") {
    char = pattern[i++];
    if (char === undefined) {
      i--;
      fail("missing flag");
    }
    if (INLINE_FLAGS[char!] === undefined)
      fail(/\p{L}/u.test(char!) ? "unknown flag" : "missing flag", 1);
    for (;;) {
      if ((INLINE_FLAGS[char!]! & TYPE_FLAGS) !== 0)
        fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      remove |= INLINE_FLAGS[char!]!;
      char = pattern[i++];
      if (char === undefined) {
        i--;
        fail("missing :");
      }
      if (char === ":") break;
      if (INLINE_FLAGS[char!] === undefined)
        fail(/\p{L}/u.test(char!) ? "unknown flag" : "missing :", 1);
    }
  }
  if ((add & remove) !== 0) fail("bad inline flags: flag turned on and off", 1);
  return { add, remove, global: false, end: i };
}

/** Thrown inside a translation that must start again spelling out case variants itself. */
class NeedsManualCase extends Error {}

/** Code points grouped by case: each lower-cased upper-case form → the characters with it. */
let caseClasses: Map<string, string[]> | undefined;

/**
 * The characters a case-insensitive match of `c` accepts (itself included), as JavaScript's
 * `iu` matching decides; ASCII letters only under `re.ASCII`.
 */
function caseVariants(c: string, ascii: boolean): string[] {
  if (ascii) {
    if (!/^[A-Za-z]$/.test(c)) return [c];
    return [c.toLowerCase(), c.toUpperCase()];
  }
  if (caseClasses === undefined) {
    caseClasses = new Map();
    for (let point = 0; point <= 0x1ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      const key = foldKey(char);
      if (key === char && char.toUpperCase() === char) continue; // caseless
      const members = caseClasses.get(key);
      if (members === undefined) caseClasses.set(key, [char]);
      else members.push(char);
    }
  }
  const test = new RegExp(`^${escapeLiteral(c)}$`, "iu");
  const members = caseClasses.get(foldKey(c)) ?? [c];
  const variants = members.filter((member) => test.test(member));
  return variants.includes(c) ? variants : [c, ...variants];
}

/** The key characters of one case class share (a multi-character case mapping is not followed). */
function foldKey(c: string): string {
  const upper = c.toUpperCase();
  const lower = (upper.length === c.length ? upper : c).toLowerCase();
  return lower.length === c.length ? lower : c;
}

const INLINE_FLAGS: Readonly<Record<string, number>> = {
  a: RegexFlag.ASCII,
  i: RegexFlag.IGNORECASE,
  L: RegexFlag.LOCALE,
  m: RegexFlag.MULTILINE,
  s: RegexFlag.DOTALL,
  u: RegexFlag.UNICODE,
  x: RegexFlag.VERBOSE,
};

/** Characters that must stay escaped in JavaScript's `u` mode (outside a class). */
const SYNTAX = new Set([..."^$\\.*+?()[]{}|/"]);
/** Escapes both syntaxes share (classes, assertions, control characters). */
const SHARED_ESCAPES = new Set([..."sSbBnrtfv"]);

/**
 * Translates a Python pattern with `flags` (RegexFlag bits).
 *
 * @example
 * ```ts
 * translatePattern("(?P<word>\\w+)$", 0).source; // "(?<word>[\\p{L}\\p{N}_]+)(?=\\n?(?![\\s\\S]))"
 * ```
 */
export function translatePattern(pattern: string, flags: number): TranslatedPattern {
  try {
    return translate(pattern, flags, false);
  } catch (error) {
    // A case-sensitive region inside a case-insensitive pattern: no JavaScript `i` flag then.
    if (error instanceof NeedsManualCase) return translate(pattern, flags, true);
    throw error;
  }
}

/** One translation; `manualCase`: case-insensitive regions spell out case variants. */
function translate(pattern: string, flags: number, manualCase: boolean): TranslatedPattern {
  let pythonFlags = flags;
  let i = 0;
  // Global inline flags: `(?ims)` at the start (CPython 3.11+ requires them there).
  while (pattern.startsWith("(?", i) && /[aiLmsux-]/.test(pattern[i + 2] ?? "")) {
    const inline = parseInlineFlags(pattern, i + 2);
    if (!inline.global) break;
    pythonFlags |= inline.add;
    i = inline.end;
  }
  const jsIgnoreCase = !manualCase && (pythonFlags & RegexFlag.IGNORECASE) !== 0;
  // The flags in force, and those of each open group (restored at its `)`).
  let current = pythonFlags;
  const open: Array<{ readonly flags: number; readonly start: number }> = [];
  const has = (flag: number): boolean => (current & flag) !== 0;
  const foldHere = (): boolean => {
    const ignoreCase = has(RegexFlag.IGNORECASE);
    // JavaScript's `i` folds Unicode letters (U+212A to k): an ASCII region spells out its own.
    if (jsIgnoreCase && (!ignoreCase || has(RegexFlag.ASCII))) throw new NeedsManualCase();
    return ignoreCase && !jsIgnoreCase;
  };
  // A literal character, with its case variants where this translation must spell them out.
  const literal = (c: string, escaped: string, inClass: boolean): string => {
    if (!foldHere()) return escaped;
    const variants = caseVariants(c, has(RegexFlag.ASCII));
    if (variants.length === 1) return escaped;
    const alternatives = variants.map((variant) => escapeLiteral(variant)).join("");
    return inClass ? alternatives : `[${alternatives}]`;
  };
  let out = "";
  let inClass = false;
  let classStart = 0;
  let groups = 0;
  const names: Array<[string, number]> = [];
  while (i < pattern.length) {
    const ascii = has(RegexFlag.ASCII);
    const digit = ascii ? "0-9" : "\\p{Nd}";
    const word = ascii ? "A-Za-z0-9_" : "\\p{L}\\p{N}_";
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) throw new RegexTranslationError("bad escape (end of pattern)");
      i += 2;
      if (next === "d") out += inClass ? digit : `[${digit}]`;
      else if (next === "D") out += inClass ? "\\D" : `[^${digit}]`;
      else if (next === "w") out += inClass ? word : `[${word}]`;
      else if (next === "W") out += inClass ? "\\W" : `[^${word}]`;
      else if (next === "A" && !inClass) out += "(?<![\\s\\S])";
      else if (next === "Z" && !inClass) out += "(?![\\s\\S])";
      else if (SHARED_ESCAPES.has(next)) out += `\\${next}`;
      else if (next === "x" || next === "u") {
        const length = next === "x" ? 2 : 4;
        const hex = pattern.slice(i, i + length);
        if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex))
          throw new RegexTranslationError(`incomplete escape \\${next}${hex}`);
        out += literal(String.fromCodePoint(Number.parseInt(hex, 16)), `\\u{${hex}}`, inClass);
        i += length;
      } else if (next === "U") {
        const hex = pattern.slice(i, i + 8);
        if (!/^[0-9a-fA-F]{8}$/.test(hex))
          throw new RegexTranslationError(`incomplete escape \\U${hex}`);
        out += `\\u{${hex.replace(/^0+(?=.)/, "")}}`;
        i += 8;
      } else if (/[0-9]/.test(next)) {
        // `\0` and three octal digits are octal escapes; `\1` … `\99` refer to groups.
        const octal = /^(0[0-7]{0,2}|[0-7]{3})/.exec(pattern.slice(i - 1));
        if (octal !== null) {
          out += `\\u{${Number.parseInt(octal[0], 8).toString(16)}}`;
          i += octal[0].length - 1;
        } else if (inClass) throw new RegexTranslationError(`bad escape \\${next}`);
        else {
          const reference = /^[1-9][0-9]?/.exec(pattern.slice(i - 1))![0];
          const group = Number(reference);
          if (group > groups) throw new RegexTranslationError(`invalid group reference ${group}`);
          out += `(?:\\${group})`;
          i += reference.length - 1;
        }
      } else if (/[A-Za-z]/.test(next)) throw new RegexTranslationError(`bad escape \\${next}`);
      else
        out += literal(
          next,
          SYNTAX.has(next) || (inClass && next === "-") ? `\\${next}` : escapeLiteral(next),
          inClass,
        );
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      const range = /^(.)-([^\]\\])/su.exec(pattern.slice(i));
      if (c !== "]" && range !== null && foldHere()) {
        // A range in a region that folds case: the range and each member's case variants.
        const [whole, low, high] = range as unknown as [string, string, string];
        out += `${escapeLiteral(low)}-${escapeLiteral(high)}`;
        const from = low.codePointAt(0)!;
        const to = high.codePointAt(0)!;
        for (let point = from; point <= to && point - from < 0x3000; point++)
          for (const variant of caseVariants(String.fromCodePoint(point), has(RegexFlag.ASCII)))
            if (variant.codePointAt(0)! < from || variant.codePointAt(0)! > to)
              out += escapeLiteral(variant);
        i += whole.length;
        continue;
      }
      const char = String.fromCodePoint(pattern.codePointAt(i)!);
      out +=
        c === "[" ? "\\[" : c === "]" || c === "^" || c === "-" ? c : literal(char, char, true);
      i += char.length;
      continue;
    }
    if (has(RegexFlag.VERBOSE) && /\s/.test(c)) {
      i++;
      continue;
    }
    if (has(RegexFlag.VERBOSE) && c === "#") {
      while (i < pattern.length && pattern[i] !== "\n") i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      classStart = i;
      out += "[";
      i++;
      // A `]` right after `[` or `[^` is a literal in Python.
      if (pattern[i] === "^") {
        out += "^";
        i++;
      }
      if (pattern[i] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(") {
      const rest = pattern.slice(i);
      const named = /^\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named !== null) {
        groups++;
        names.push([named[1]!, groups]);
        out += `(?<${named[1]}>`;
        open.push({ flags: current, start: i });
        i += named[0].length;
        continue;
      }
      const reference = /^\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
      if (reference !== null) {
        if (!names.some(([name]) => name === reference[1]))
          throw new RegexTranslationError(`unknown group name '${reference[1]}'`);
        out += `\\k<${reference[1]}>`;
        i += reference[0].length;
        continue;
      }
      if (rest.startsWith("(?#")) {
        const end = pattern.indexOf(")", i);
        if (end < 0) throw new RegexTranslationError("missing ), unterminated comment");
        i = end + 1;
        continue;
      }
      if (/^\(\?(:|=|!|<=|<!)/.test(rest)) {
        const opener = /^\(\?(:|=|!|<=|<!)/.exec(rest)![0];
        out += opener;
        open.push({ flags: current, start: i });
        i += opener.length;
        continue;
      }
      if (rest.startsWith("(?") && /[aiLmsux-]/.test(rest[2] ?? "")) {
        // CPython: _parse's flags branch — scoped flags, or global ones out of place.
        const inline = parseInlineFlags(pattern, i + 2);
        if (inline.global)
          throw new RegexTranslationError("global flags not at the start of the expression", i);
        open.push({ flags: current, start: i });
        current = (current | inline.add) & ~inline.remove;
        if ((inline.add & TYPE_FLAGS) !== 0) current = (current & ~TYPE_FLAGS) | inline.add;
        out += "(?:";
        i = inline.end;
        continue;
      }
      if (rest.startsWith("(?")) {
        const what = rest.startsWith("(?(")
          ? "conditional groups"
          : rest.startsWith("(?>")
            ? "atomic groups"
            : undefined;
        if (what === undefined) {
          const char = rest[2];
          if (char === undefined)
            throw new RegexTranslationError("unexpected end of pattern", i + 2);
          throw new RegexTranslationError(`unknown extension ?${char}`, i + 1);
        }
        throw new RegexTranslationError(`pymem's re does not support ${what}`);
      }
      groups++;
      out += "(";
      open.push({ flags: current, start: i });
      i++;
      continue;
    }
    if (c === ")") {
      const group = open.pop();
      if (group === undefined) throw new RegexTranslationError("unbalanced parenthesis", i);
      current = group.flags;
      out += ")";
      i++;
      continue;
    }
    if (c === "{") {
      const quantifier = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(i));
      if (quantifier !== null && (quantifier[1] !== "" || quantifier[3] !== "")) {
        out += `{${quantifier[1] || "0"}${quantifier[2]}${quantifier[3]}}`;
        i += quantifier[0].length;
        if (pattern[i] === "+")
          throw new RegexTranslationError("pymem's re does not support possessive quantifiers");
      } else {
        out += "\\{";
        i++;
      }
      continue;
    }
    if ((c === "*" || c === "+" || c === "?") && pattern[i + 1] === "+")
      throw new RegexTranslationError("pymem's re does not support possessive quantifiers");
    const multiline = has(RegexFlag.MULTILINE);
    if (c === "}" || c === "]") out += `\\${c}`;
    // `^` and `$` spelled out (no JavaScript `m` flag, whose lines also end at \r and U+2028).
    else if (c === "^") out += multiline ? "(?<![^\\n])" : "(?<![\\s\\S])";
    else if (c === "$") out += multiline ? "(?=\\n|(?![\\s\\S]))" : "(?=\\n?(?![\\s\\S]))";
    else if (c === ".") out += has(RegexFlag.DOTALL) ? "[\\s\\S]" : "[^\\n]";
    else if (c === "|" || c === "*" || c === "+" || c === "?") out += c;
    else {
      const char = String.fromCodePoint(pattern.codePointAt(i)!);
      out += literal(char, char, false);
      i += char.length;
      continue;
    }
    i++;
  }
  if (inClass) throw new RegexTranslationError("unterminated character set", classStart);
  if (open.length > 0)
    throw new RegexTranslationError("missing ), unterminated subpattern", open.at(-1)!.start);
  const jsFlags = `du${jsIgnoreCase ? "i" : ""}`;
  return { source: out, flags: jsFlags, groups, names, pythonFlags };
}

/** A character Python escaped needlessly (`\'`, `\ `, `\#`), as JavaScript's `u` mode accepts it. */
function escapeLiteral(character: string): string {
  return `\\u{${character.codePointAt(0)!.toString(16)}}`;
}
