import type { Module } from "./ast.js";

/**
 * A parsed module as JSON text and back, for caching parse results between processes (CPython
 * keeps compiled modules in `__pycache__/*.pyc` for the same reason: parsing is the largest
 * part of importing a module that is never run).
 *
 * The tree is plain data except for a few constant values JSON cannot hold — `bigint` ints,
 * `bytes` as `Uint8Array`, infinite floats (`1e999`) — which are written as their text and
 * listed, with the path to each, beside the tree; reading puts them back by those paths, so
 * reading is one `JSON.parse` plus a step per such constant (no reviver runs per value).
 *
 * @module
 */

/** Where a JSON-incompatible constant sits: the keys from the root, and how to rebuild it. */
type SpecialValue = readonly [
  path: ReadonlyArray<string | number>,
  type: SpecialType,
  text: string,
];

/** `bigint` int, `bytes` (latin-1 text of the bytes) or a number JSON cannot spell. */
type SpecialType = "bigint" | "bytes" | "number";

/** The format's version: a reader rejects text written by another. */
const FORMAT = 1;

/**
 * The JSON text of a parsed module, to give back to {@link syntaxTreeFromJson} later.
 *
 * @example
 * ```ts
 * const text = syntaxTreeToJson(parse("x = 10 ** 100\n"));
 * syntaxTreeFromJson(text); // a tree deep-equal to the parsed one
 * ```
 */
export function syntaxTreeToJson(module: Module): string {
  const specials: SpecialValue[] = [];
  // The stack of (value, path) pairs: an iterative walk, as a tree's depth is the program's.
  // (An array's keys are its indices as strings, which index it as well as numbers do.)
  const pending: Array<readonly [unknown, string[]]> = [[module, []]];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === "bigint") specials.push([path, "bigint", value.toString()]);
    else if (value instanceof Uint8Array) specials.push([path, "bytes", latin1Text(value)]);
    else if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0)))
      specials.push([path, "number", Object.is(value, -0) ? "-0" : String(value)]);
    else if (typeof value === "object" && value !== null)
      for (const [key, item] of Object.entries(value)) pending.push([item, [...path, key]]);
    else if (value === undefined) throw new TypeError(`undefined in a syntax tree at ${path}`);
  }
  return JSON.stringify({ format: FORMAT, specials, tree: module }, (_key, value: unknown) =>
    typeof value === "bigint" || value instanceof Uint8Array ? null : value,
  );
}

/**
 * The module {@link syntaxTreeToJson} wrote, or `undefined` for text it did not write (another
 * format version, a truncated or damaged file): the caller then parses the source instead.
 *
 * @example
 * ```ts
 * const tree = syntaxTreeFromJson(cachedText) ?? parse(source);
 * ```
 */
export function syntaxTreeFromJson(text: string): Module | undefined {
  let data: { format?: unknown; specials?: SpecialValue[]; tree?: Module };
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data?.format !== FORMAT || data.tree?.kind !== "Module" || !Array.isArray(data.specials))
    return undefined;
  for (const [path, type, valueText] of data.specials) {
    let holder = data.tree as unknown as Record<string, unknown>;
    for (let i = 0; i < path.length - 1; i++) holder = holder[path[i]!] as Record<string, unknown>;
    holder[path[path.length - 1]!] = specialValue(type, valueText);
  }
  return data.tree;
}

/** One character per byte (a loop: spreading a long bytes literal would overflow the stack). */
function latin1Text(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function specialValue(type: SpecialType, text: string): bigint | Uint8Array | number {
  if (type === "bigint") return BigInt(text);
  if (type === "bytes") return Uint8Array.from(text, (character) => character.charCodeAt(0));
  return Number(text); // "Infinity", "-Infinity", "NaN", "-0"
}
