import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { buildModule, makeAll } from "./module-support.js";
import {
  RegexTranslationError,
  type TranslatedPattern,
  translatePattern,
} from "./regex-translation.js";

/**
 * `_jsre`, the native half of pymem's `re` (re-module.ts is the Python half): compiles a Python
 * pattern to a JavaScript RegExp once (regex-translation.ts) and runs searches, returning group
 * spans in code points — what CPython's `_sre` gives `re`'s Match objects.
 *
 * @module
 */

/** How a search is anchored (CPython: `pattern.search` / `match` / `fullmatch`). */
const SEARCH = 0;
const MATCH = 1;
const FULLMATCH = 2;

interface Compiled {
  readonly pattern: TranslatedPattern;
  /** One RegExp per mode: global (search), sticky (match), sticky with an end anchor (fullmatch). */
  readonly regexps: readonly [RegExp, RegExp, RegExp];
}

function compiled(cache: Map<string, Compiled>, source: string, flags: number): Compiled {
  const key = `${flags}\u0000${source}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    const pattern = translatePattern(source, flags);
    let regexps: [RegExp, RegExp, RegExp];
    try {
      regexps = [
        new RegExp(pattern.source, `${pattern.flags}g`),
        new RegExp(pattern.source, `${pattern.flags}y`),
        new RegExp(`(?:${pattern.source})(?![\\s\\S])`, `${pattern.flags}y`),
      ];
    } catch (error) {
      throw new RegexTranslationError(
        (error as Error).message.replace(/^Invalid regular expression: /, ""),
      );
    }
    entry = { pattern, regexps };
    cache.set(key, entry);
  }
  return entry;
}

/** Code point offset → UTF-16 offset in `text` (identity when it has no astral characters). */
function utf16Offset(text: string, codePoints: number, astral: boolean): number {
  if (!astral) return codePoints;
  let units = 0;
  for (let seen = 0; seen < codePoints && units < text.length; seen++)
    units += text.codePointAt(units)! > 0xffff ? 2 : 1;
  return units;
}

/** UTF-16 offset → code point offset. */
function codePointOffset(text: string, units: number, astral: boolean): number {
  if (!astral) return units;
  let points = 0;
  for (let at = 0; at < units; points++) at += text.codePointAt(at)! > 0xffff ? 2 : 1;
  return points;
}

/**
 * The `_jsre` module factory.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { ...nativeModules } }); // `re` imports it
 * ```
 */
export const jsreModule: NativeModuleFactory = (context: NativeContext) => {
  const heap = context.heap;
  const cache = new Map<string, Compiled>();
  const text = (value: Ptr, what: string): string => {
    if (heap.typeName(value) !== "str") context.raise("TypeError", `${what} must be str`);
    return heap.strValue(value);
  };
  const integer = (value: Ptr): number => heap.numberValue(value);
  const ints = (values: readonly number[]): Ptr => {
    // Made one by one: a MemoryError part-way releases the ones made.
    const items = makeAll(
      context,
      values.map((value) => () => heap.newInt(value)),
    );
    try {
      return heap.newTuple(items);
    } finally {
      for (const item of items) context.release(item);
    }
  };
  // A new (str, int) tuple; a MemoryError part-way releases what was made.
  const strIntPair = (textValue: string, number: number): Ptr => {
    const [textObj, numberObj] = makeAll(context, [
      () => heap.newStr(textValue),
      () => heap.newInt(number),
    ]) as [Ptr, Ptr];
    try {
      return heap.newTuple([textObj, numberObj]);
    } finally {
      context.release(textObj);
      context.release(numberObj);
    }
  };
  // compile(pattern, flags) -> (groups, flags, ((name, number), ...)), (message, position) or
  // the error message (str).
  const compile: NativeFunction = (_context, args) => {
    let entry: Compiled;
    try {
      entry = compiled(cache, text(args[0]!, "pattern"), integer(args[1]!));
    } catch (error) {
      if (error instanceof RegexTranslationError) {
        if (error.position === undefined) return heap.newStr(error.message);
        // (message, position): re.error reports where in the pattern (CPython's `pos`).
        return strIntPair(error.message, error.position);
      }
      throw error;
    }
    // Made so that a MemoryError part-way releases what was made before it.
    const pairs = makeAll(
      context,
      entry.pattern.names.map(
        ([name, number]) =>
          () =>
            strIntPair(name, number),
      ),
    );
    let names: Ptr;
    try {
      names = heap.newTuple(pairs);
    } finally {
      for (const pair of pairs) context.release(pair);
    }
    const values = [names];
    try {
      values.unshift(
        ...makeAll(context, [
          () => heap.newInt(entry.pattern.groups),
          () => heap.newInt(entry.pattern.pythonFlags),
        ]),
      );
      return heap.newTuple(values);
    } finally {
      for (const value of values) context.release(value);
    }
  };
  // search(pattern, flags, string, pos, endpos, mode) -> None or (start0, end0, start1, end1, ...).
  const search: NativeFunction = (_context, args) => {
    const entry = compiled(cache, text(args[0]!, "pattern"), integer(args[1]!));
    const whole = text(args[2]!, "string");
    const astral = /[\ud800-\udbff]/.test(whole);
    const length = astral ? [...whole].length : whole.length;
    const clamp = (value: number) => Math.max(0, Math.min(length, value));
    const pos = clamp(integer(args[3]!));
    const endpos = clamp(integer(args[4]!));
    const subject = whole.slice(0, utf16Offset(whole, endpos, astral));
    if (pos > endpos) return context.newReference(heap.none);
    const regexp = entry.regexps[integer(args[5]!)] ?? entry.regexps[SEARCH];
    regexp.lastIndex = utf16Offset(whole, pos, astral);
    const found = regexp.exec(subject);
    if (found === null || found.indices === undefined) return context.newReference(heap.none);
    const spans: number[] = [];
    for (let group = 0; group <= entry.pattern.groups; group++) {
      const span = found.indices[group];
      if (span === undefined) spans.push(-1, -1);
      else
        spans.push(
          codePointOffset(whole, span[0], astral),
          codePointOffset(whole, span[1], astral),
        );
    }
    return ints(spans);
  };
  const modes: Array<[string, Ptr]> = [
    ["SEARCH", heap.newInt(SEARCH)],
    ["MATCH", heap.newInt(MATCH)],
    ["FULLMATCH", heap.newInt(FULLMATCH)],
  ];
  try {
    return buildModule(context, "_jsre", { compile, search }, modes);
  } finally {
    for (const [, value] of modes) context.release(value);
  }
};
