import type { Ptr } from "@pymem/core";
import { typeModified } from "./attribute-cache.js";
import type { Machine } from "./machine.js";
import type { NativeFunction } from "./native.js";

/**
 * Argument checking shared by the built-in functions and the built-in types' methods, with
 * CPython's TypeError messages, and the installation of a method into a built-in type's dict.
 *
 * @module
 */

/**
 * Keyword arguments of a native call, in call order.
 *
 * @example
 * ```ts
 * const keywords: Keywords = [["reverse", machine.heap.true]];
 * ```
 * @internal
 */
export type Keywords = ReadonlyArray<readonly [string, Ptr]>;

/**
 * Throws the TypeError CPython gives for a wrong argument count.
 *
 * @example
 * ```ts
 * arity(machine, "divmod", args, 2, 2); // "divmod expected 2 arguments, got 1"
 * ```
 * @internal
 */
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

/**
 * Throws CPython's TypeError when a function that takes no keyword arguments got some.
 *
 * @example
 * ```ts
 * noKeywords(machine, "len", keywords); // "len() takes no keyword arguments"
 * ```
 * @internal
 */
export function noKeywords(m: Machine, name: string, keywords: Keywords): void {
  if (keywords.length > 0) m.raise("TypeError", `${name}() takes no keyword arguments`);
}

/**
 * The keyword arguments of a call by name, throwing CPython's TypeError for one not in `allowed`.
 *
 * @example
 * ```ts
 * const options = keyword(machine, "sorted", keywords, ["key", "reverse"]);
 * ```
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
  const native = m.addNative(name, fn);
  m.natives[native]!.owner = typeName;
  const obj = m.newBuiltin(native, 0);
  try {
    m.heap.dictSetItem(m.typeDict(record), m.name(name), obj);
    typeModified(m, record);
  } finally {
    m.decref(obj); // the type's dict holds it (or, after a MemoryError, nothing does)
  }
}

/**
 * Installs method `name` of the built-in type `typeName` with the checks CPython's method
 * descriptors make before `fn` runs: `self` must be of the type (`isSelf`), keywords are refused
 * unless `acceptsKeywords`, and between `min` and `max` positional arguments must follow `self`
 * (CPython's messages: `list.append() takes exactly one argument (2 given)`, `get expected at
 * least 1 argument, got 0`, …).
 *
 * @example
 * ```ts
 * defineTypeMethod(machine, "list", isList, "append", 1, 1, false, (self, [item]) => {
 *   machine.heap.listAppend(self, item!);
 *   return machine.heap.none;
 * });
 * ```
 * @internal
 */
export function defineTypeMethod(
  m: Machine,
  typeName: string,
  isSelf: (obj: Ptr) => boolean,
  name: string,
  min: number,
  max: number,
  acceptsKeywords: boolean,
  fn: (self: Ptr, args: readonly Ptr[], keywords: Keywords) => Ptr,
): void {
  // CPython names a method with its type here: "list.append() takes no keyword arguments".
  // Made once, not per call.
  const qualifiedName = `${typeName}.${name}`;
  defineMethod(m, typeName, name, (_context, args, keywords) => {
    const self = args[0]!;
    if (!isSelf(self))
      m.raise(
        "TypeError",
        `descriptor '${name}' for '${typeName}' objects doesn't apply to a '${m.typeName(self)}' object`,
      );
    const rest = args.slice(1);
    if (!acceptsKeywords) noKeywords(m, qualifiedName, keywords);
    const given = rest.length;
    if (given < min || given > max)
      m.raise("TypeError", methodArityMessage(typeName, name, given, min, max));
    return fn(self, rest, keywords);
  });
}

/** CPython's TypeError text for a built-in method called with `given` positional arguments. */
function methodArityMessage(
  typeName: string,
  name: string,
  given: number,
  min: number,
  max: number,
): string {
  // CPython: METH_NOARGS / METH_O methods name their type; argument-clinic ones do not.
  if (min === max && min <= 1)
    return `${typeName}.${name}() takes ${min === 0 ? "no arguments" : "exactly one argument"} (${given} given)`;
  if (min === max) return `${name} expected ${min} arguments, got ${given}`;
  const bound = given < min ? min : max;
  return `${name} expected ${given < min ? "at least" : "at most"} ${bound} argument${bound === 1 ? "" : "s"}, got ${given}`;
}
