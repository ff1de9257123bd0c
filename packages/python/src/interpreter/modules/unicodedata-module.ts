import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import {
  bidirectionalClass,
  combiningClass,
  decimalValue,
  decompositionText,
  digitValue,
  eastAsianWidth,
  generalCategory,
  hasUnicodeFlag,
  numericValue,
  UNIDATA_VERSION,
  UnicodeFlag,
} from "../../unicode/unicode-database.js";
import { characterName, lookupCharacter } from "../../unicode/unicode-names.js";
import { type NormalizationForm, normalizeText } from "../../unicode/unicode-normalization.js";
import { codePointLength } from "../code-points.js";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  booleanResult,
  expectOneArgument,
  expectPositional,
  floatResult,
  integerResult,
} from "./arguments.js";
import { buildModule } from "./module-support.js";

/**
 * Python's `unicodedata` module over CPython 3.13's Unicode 15.1.0 tables: `name`, `lookup`
 * (aliases and named sequences too), the property getters, `decomposition`, `normalize`,
 * `is_normalized` and `unidata_version`. `ucd_3_2_0` (the Unicode 3.2 database IDNA uses) is not
 * provided: it would need a second set of tables.
 *
 * @module
 */

/**
 * The code point of a one-character str argument; CPython's argument clinic `int(accept={str})`
 * check: `"name() argument 1 must be a unicode character, not str"`.
 */
function characterArgument(
  context: NativeContext,
  functionName: string,
  position: string,
  obj: Ptr,
): number {
  const heap = context.heap;
  const type = context.typeName(obj);
  if (heap.kindOf(obj) === ObjectKind.STR) {
    const text = heap.strValue(obj);
    if (codePointLength(text) === 1) return text.codePointAt(0) ?? 0;
  }
  return context.raise(
    "TypeError",
    `${functionName}() argument${position} must be a unicode character, not ${type}`,
  );
}

/** A `METH_O` property getter (`category`, `combining`, …). */
function property(
  name: string,
  read: (context: NativeContext, codePoint: number) => Ptr,
): NativeFunction {
  return (context, args, keywords) => {
    const obj = expectOneArgument(context, `unicodedata.${name}`, args, keywords);
    return read(context, characterArgument(context, name, "", obj));
  };
}

/**
 * `name`, `decimal`, `digit`, `numeric`: `(chr, default=<raise>, /)` — the default when the
 * character has no such value, else `ValueError(message)`.
 */
function valueWithDefault(
  name: string,
  message: string,
  read: (context: NativeContext, codePoint: number) => Ptr | null,
): NativeFunction {
  return (context, args, keywords) => {
    expectPositional(context, `unicodedata.${name}`, name, args, keywords, 1, 2);
    const codePoint = characterArgument(context, name, " 1", args[0] ?? 0);
    const value = read(context, codePoint);
    if (value !== null) return value;
    const fallback = args[1];
    if (fallback === undefined) return context.raise("ValueError", message);
    return context.newReference(fallback);
  };
}

function strResult(context: NativeContext, text: string): Ptr {
  return context.heap.newStr(text);
}

/** CPython: unicodedata_UCD_lookup_impl() — case-insensitive, aliases and named sequences. */
const lookup: NativeFunction = (context, args, keywords) => {
  const obj = expectOneArgument(context, "unicodedata.lookup", args, keywords);
  const heap = context.heap;
  const type = context.typeName(obj);
  let name = "";
  if (heap.kindOf(obj) === ObjectKind.STR) name = heap.strValue(obj);
  else if (type === "bytes" || type === "bytearray")
    context.iterate(obj, (byte) => {
      name += String.fromCharCode(heap.numberValue(byte));
      return true;
    });
  else return context.raise("TypeError", `a bytes-like object is required, not '${type}'`);
  if (new TextEncoder().encode(name).length > 256)
    return context.raise("KeyError", "name too long");
  const found = lookupCharacter(name, true);
  if (found === null) return context.raise("KeyError", `undefined character name '${name}'`);
  return strResult(context, found);
};

const FORMS: readonly string[] = ["NFC", "NFD", "NFKC", "NFKD"];

/** `normalize(form, unistr, /)` and `is_normalized(form, unistr, /)`. */
function normalization(
  name: string,
  finish: (context: NativeContext, text: Ptr, unchanged: boolean, normalized: string) => Ptr,
): NativeFunction {
  return (context, args, keywords) => {
    expectPositional(context, `unicodedata.${name}`, name, args, keywords, 2, 2);
    const heap = context.heap;
    const [form = 0, text = 0] = args;
    for (const [index, obj] of [form, text].entries())
      if (heap.kindOf(obj) !== ObjectKind.STR)
        context.raise(
          "TypeError",
          `${name}() argument ${index + 1} must be str, not ${context.typeName(obj)}`,
        );
    const formName = heap.strValue(form);
    if (!FORMS.includes(formName)) return context.raise("ValueError", "invalid normalization form");
    const value = heap.strValue(text);
    const normalized = normalizeText(formName as NormalizationForm, value);
    return finish(context, text, normalized === value, normalized);
  };
}

/**
 * Builds the `unicodedata` module the first time a script imports it; its tables are decoded
 * on the first call that needs them.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { unicodedata: unicodedataModule } });
 * interpreter.run("import unicodedata\nprint(unicodedata.name('é'))"); // LATIN SMALL LETTER E WITH ACUTE
 * ```
 */
export const unicodedataModule: NativeModuleFactory = (context) => {
  const version = context.heap.newStr(UNIDATA_VERSION);
  try {
    return buildModule(
      context,
      "unicodedata",
      {
        lookup,
        name: valueWithDefault("name", "no such name", (context, codePoint) => {
          const name = characterName(codePoint);
          return name === null ? null : strResult(context, name);
        }),
        decimal: valueWithDefault("decimal", "not a decimal", (context, codePoint) => {
          const value = decimalValue(codePoint);
          return value < 0 ? null : integerResult(context, value);
        }),
        digit: valueWithDefault("digit", "not a digit", (context, codePoint) => {
          const value = digitValue(codePoint);
          return value < 0 ? null : integerResult(context, value);
        }),
        numeric: valueWithDefault("numeric", "not a numeric character", (context, codePoint) => {
          const value = numericValue(codePoint);
          return value === null ? null : floatResult(context, Number(value));
        }),
        category: property("category", (context, codePoint) =>
          strResult(context, generalCategory(codePoint)),
        ),
        bidirectional: property("bidirectional", (context, codePoint) =>
          strResult(context, bidirectionalClass(codePoint)),
        ),
        combining: property("combining", (context, codePoint) =>
          integerResult(context, combiningClass(codePoint)),
        ),
        east_asian_width: property("east_asian_width", (context, codePoint) =>
          strResult(context, eastAsianWidth(codePoint)),
        ),
        mirrored: property("mirrored", (context, codePoint) =>
          integerResult(context, hasUnicodeFlag(codePoint, UnicodeFlag.mirrored) ? 1 : 0),
        ),
        decomposition: property("decomposition", (context, codePoint) =>
          strResult(context, decompositionText(codePoint)),
        ),
        normalize: normalization("normalize", (context, text, unchanged, normalized) =>
          // CPython returns the argument itself when it is already normalized.
          unchanged ? context.newReference(text) : strResult(context, normalized),
        ),
        is_normalized: normalization("is_normalized", (context, _text, unchanged) =>
          booleanResult(context, unchanged),
        ),
      },
      [["unidata_version", version]],
    );
  } finally {
    context.release(version);
  }
};
