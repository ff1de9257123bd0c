import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { bindPythonArguments, type PythonSignature } from "./arguments.js";
import { makeAll } from "./module-support.js";
import { STRING_FORMATTER_SOURCE } from "./string-formatter.js";
import { STRING_TEMPLATE_SOURCE } from "./string-template.js";

/**
 * Python's `string` module: the character-class constants, `capwords`, and `Template` (in
 * Python, string-template.ts) and `Formatter` (in Python, string-formatter.ts).
 *
 * @module
 */

const ASCII_LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
const ASCII_UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE = " \t\n\r\x0b\x0c";

/** The code points `str.isspace()` accepts (Unicode White_Space plus the ASCII separators). */
const PYTHON_WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
  0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
  0x205f, 0x3000,
]);

/** Python's `str.split()` without a separator: runs of whitespace separate, none are empty. */
function splitWhitespace(text: string): string[] {
  const words: string[] = [];
  let word = "";
  for (const character of text) {
    if (PYTHON_WHITESPACE.has(character.codePointAt(0)!)) {
      if (word !== "") words.push(word);
      word = "";
    } else word += character;
  }
  if (word !== "") words.push(word);
  return words;
}

/** Title-case forms that differ from upper case (`str.capitalize` uses title case). */
const TITLE_CASE: Readonly<Record<string, string>> = {
  ß: "Ss",
  Ǆ: "ǅ",
  ǅ: "ǅ",
  ǆ: "ǅ",
  Ǉ: "ǈ",
  ǈ: "ǈ",
  ǉ: "ǈ",
  Ǌ: "ǋ",
  ǋ: "ǋ",
  ǌ: "ǋ",
  Ǳ: "ǲ",
  ǲ: "ǲ",
  ǳ: "ǲ",
  ﬀ: "Ff",
  ﬁ: "Fi",
  ﬂ: "Fl",
  ﬃ: "Ffi",
  ﬄ: "Ffl",
  ﬅ: "St",
  ﬆ: "St",
};

/** Python's `str.capitalize()`: the first character in title case, the rest lower case. */
function capitalize(word: string): string {
  const [first, ...rest] = [...word];
  if (first === undefined) return "";
  return (TITLE_CASE[first] ?? first.toUpperCase()) + rest.join("").toLowerCase();
}

/** Python's `str.split(sep)` (no limit). */
function split(context: NativeContext, text: string, sep: string | undefined): string[] {
  if (sep === undefined) return splitWhitespace(text);
  if (sep === "") context.raise("ValueError", "empty separator");
  return text.split(sep);
}

const CAPWORDS: PythonSignature = {
  qualifiedName: "capwords",
  parameters: ["s", "sep"],
  required: 1,
  keywordOnly: [],
};

/** CPython: `string.capwords(s, sep=None)` — `(sep or ' ').join(map(str.capitalize, s.split(sep)))`. */
const capwords: NativeFunction = (context, args, keywords) => {
  const [s, sepObj] = bindPythonArguments(context, CAPWORDS, args, keywords);
  const heap = context.heap;
  const sep = sepObj === undefined || sepObj === heap.none ? undefined : sepObj;
  // `(sep or ' ').join` is looked up before `s.split`.
  if (sep !== undefined && heap.kindOf(sep) !== ObjectKind.STR && context.isTrue(sep))
    context.raise("AttributeError", `'${context.typeName(sep)}' object has no attribute 'join'`);
  if (heap.kindOf(s!) !== ObjectKind.STR)
    context.raise("AttributeError", `'${context.typeName(s!)}' object has no attribute 'split'`);
  if (sep !== undefined && heap.kindOf(sep) !== ObjectKind.STR)
    context.raise("TypeError", `must be str or None, not ${context.typeName(sep)}`);
  const separator = sep === undefined ? undefined : heap.strValue(sep);
  const words = split(context, heap.strValue(s!), separator).map(capitalize);
  return heap.newStr(words.join(separator === undefined || separator === "" ? " " : separator));
};

/**
 * Builds the `string` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { string: stringModule } });
 * interpreter.run("import string\nprint(string.capwords('hello world'))"); // Hello World
 * ```
 */
export const stringModule: NativeModuleFactory = (context) => {
  const constants: [string, string][] = [
    ["ascii_letters", ASCII_LOWERCASE + ASCII_UPPERCASE],
    ["ascii_lowercase", ASCII_LOWERCASE],
    ["ascii_uppercase", ASCII_UPPERCASE],
    ["digits", DIGITS],
    ["hexdigits", `${DIGITS}abcdefABCDEF`],
    ["octdigits", "01234567"],
    ["punctuation", PUNCTUATION],
    ["printable", DIGITS + ASCII_LOWERCASE + ASCII_UPPERCASE + PUNCTUATION + WHITESPACE],
    ["whitespace", WHITESPACE],
  ];
  const values = makeAll(
    context,
    constants.map(
      ([, text]) =>
        () =>
          context.heap.newStr(text),
    ),
  );
  const members: [string, Ptr][] = constants.map(([name], i) => [name, values[i]!]);
  try {
    members.push(["capwords", context.newBuiltinFunction("capwords", capwords)]);
    return context.runModuleSource(
      "string",
      STRING_TEMPLATE_SOURCE + STRING_FORMATTER_SOURCE,
      members,
    );
  } finally {
    for (const [, value] of members) context.release(value);
  }
};
