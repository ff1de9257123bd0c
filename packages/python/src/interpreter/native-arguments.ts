import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";
import type { NativeFunction } from "./native.js";

/**
 * Argument checking shared by the built-in functions and the built-in types' methods, with
 * CPython's TypeError messages, and the installation of a method into a built-in type's dict.
 *
 * @module
 */

/** Keyword arguments of a native call, in call order. @internal */
export type Keywords = ReadonlyArray<readonly [string, Ptr]>;

/** Throws the TypeError CPython gives for a wrong argument count. @internal */
export function arity(
  m: Machine,
  name: string,
  args: readonly Ptr[],
  min: number,
  max: number,
): void {
  if (args.length >= min && args.length <= max) return;
  if (min === max)
    m.raise(
      "TypeError",
      min === 0
        ? `${name}() takes no arguments (${args.length} given)`
        : min === 1
          ? `${name}() takes exactly one argument (${args.length} given)`
          : `${name} expected ${min} arguments, got ${args.length}`,
    );
  if (args.length < min)
    m.raise(
      "TypeError",
      `${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${args.length}`,
    );
  m.raise(
    "TypeError",
    `${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`,
  );
}

/** Throws CPython's TypeError when a function that takes no keyword arguments got some. @internal */
export function noKeywords(m: Machine, name: string, keywords: Keywords): void {
  if (keywords.length > 0) m.raise("TypeError", `${name}() takes no keyword arguments`);
}

/**
 * The keyword arguments of a call by name, throwing CPython's TypeError for one not in `allowed`.
 * @internal
 */
export function keyword(
  m: Machine,
  name: string,
  keywords: Keywords,
  allowed: readonly string[],
): Map<string, Ptr> {
  const found = new Map<string, Ptr>();
  for (const [key, value] of keywords) {
    if (!allowed.includes(key))
      m.raise("TypeError", `${name}() got an unexpected keyword argument '${key}'`);
    found.set(key, value);
  }
  return found;
}

/**
 * Installs `fn` as method `name` of the built-in type `typeName` (in the type's dict, as CPython's
 * method descriptors are).
 *
 * @example
 * ```ts
 * defineMethod(machine, "list", "append", (_context, args) => machine.heap.none);
 * ```
 * @internal
 */
export function defineMethod(m: Machine, typeName: string, name: string, fn: NativeFunction): void {
  const record = m.builtinType(typeName);
  const obj = m.newBuiltin(m.addNative(name, fn), 0);
  m.heap.dictSetItem(m.typeDict(record), m.name(name), obj);
  m.decref(obj);
}
