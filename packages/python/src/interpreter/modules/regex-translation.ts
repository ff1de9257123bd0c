/**
 * Python regular expressions (the `re` syntax of CPython 3.13's `sre_parse`) translated to
 * JavaScript RegExp source with the `u` and `d` flags, so pymem's `re` module matches with V8's
 * engine: named groups and backreferences renamed, `\A`/`\Z`/`$` given Python's meaning, `.` not
 * stopping at `\r`, `\d`/`\w` Unicode-aware (ASCII under `re.ASCII`), verbose patterns stripped,
 * literal braces and Python-only escapes made explicit. What JavaScript cannot express — scoped
 * inline flags, conditionals, possessive quantifiers and atomic groups — is refused with a
 * message naming it.
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

/** Thrown for a pattern Python rejects or this translation cannot express (becomes `re.error`). */
export class RegexTranslationError extends Error {}

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
  let pythonFlags = flags;
  let i = 0;
  // Global inline flags: `(?ims)` at the start (CPython 3.11+ requires them there).
  for (;;) {
    const inline = /^\(\?([aiLmsux]+)\)/.exec(pattern.slice(i));
    if (inline === null) break;
    for (const letter of inline[1]!) pythonFlags |= INLINE_FLAGS[letter]!;
    i += inline[0].length;
  }
  const ascii = (pythonFlags & RegexFlag.ASCII) !== 0;
  const verbose = (pythonFlags & RegexFlag.VERBOSE) !== 0;
  const multiline = (pythonFlags & RegexFlag.MULTILINE) !== 0;
  const dotall = (pythonFlags & RegexFlag.DOTALL) !== 0;
  const digit = ascii ? "0-9" : "\\p{Nd}";
  const word = ascii ? "A-Za-z0-9_" : "\\p{L}\\p{N}_";
  let out = "";
  let inClass = false;
  let groups = 0;
  const names: Array<[string, number]> = [];
  while (i < pattern.length) {
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
        out += `\\u{${hex}}`;
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
      else out += SYNTAX.has(next) || (inClass && next === "-") ? `\\${next}` : escapeLiteral(next);
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c === "[" ? "\\[" : c;
      i++;
      continue;
    }
    if (verbose && /\s/.test(c)) {
      i++;
      continue;
    }
    if (verbose && c === "#") {
      while (i < pattern.length && pattern[i] !== "\n") i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
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
        i += opener.length;
        continue;
      }
      if (rest.startsWith("(?")) {
        const what = /^\(\?[aiLmsux-]+:/.test(rest)
          ? "scoped inline flags"
          : rest.startsWith("(?(")
            ? "conditional groups"
            : rest.startsWith("(?>")
              ? "atomic groups"
              : /^\(\?[aiLmsux]/.test(rest)
                ? "global flags not at the start of the expression"
                : "this group syntax";
        throw new RegexTranslationError(`pymem's re does not support ${what}`);
      }
      groups++;
      out += "(";
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
    if (c === "}" || c === "]") out += `\\${c}`;
    else if (c === "$") out += multiline ? "$" : "(?=\\n?(?![\\s\\S]))";
    else if (c === ".") out += dotall ? "[\\s\\S]" : "[^\\n]";
    else out += c;
    i++;
  }
  if (inClass) throw new RegexTranslationError("unterminated character set");
  const jsFlags = `du${(pythonFlags & RegexFlag.IGNORECASE) !== 0 ? "i" : ""}${multiline ? "m" : ""}`;
  return { source: out, flags: jsFlags, groups, names, pythonFlags };
}

/** A character Python escaped needlessly (`\'`, `\ `, `\#`), as JavaScript's `u` mode accepts it. */
function escapeLiteral(character: string): string {
  return `\\u{${character.codePointAt(0)!.toString(16)}}`;
}
