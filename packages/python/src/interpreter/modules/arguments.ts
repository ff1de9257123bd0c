import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext } from "../native.js";

/**
 * Argument checking for the native modules, with the exact `TypeError` / `ValueError` /
 * `OverflowError` messages CPython 3.13's argument clinic produces for the same signatures.
 * Each helper raises through {@link NativeContext.raise}, so a bad call becomes a Python exception
 * before the module touches any state.
 *
 * @module
 */

/** Keyword arguments as a {@link NativeFunction} receives them. */
export type Keywords = ReadonlyArray<readonly [name: string, value: Ptr]>;

/** Largest value of a C `int` (CPython converts `generation`, thresholds and limits to one). */
const C_INT_MAX = 2 ** 31 - 1;
/** Smallest value of a C `int`. */
const C_INT_MIN = -(2 ** 31);

/**
 * Raises CPython's "takes no keyword arguments" error when `keywords` is not empty.
 *
 * @param displayName - the name as CPython prints it, without parentheses (`"gc.enable"`)
 *
 * @example
 * ```ts
 * rejectKeywords(context, "gc.is_tracked", keywords);
 * ```
 */
export function rejectKeywords(
  context: NativeContext,
  displayName: string,
  keywords: Keywords,
): void {
  if (keywords.length > 0)
    context.raise("TypeError", `${displayName}() takes no keyword arguments`);
}

/**
 * Checks a `METH_NOARGS` call: no keywords, no positional arguments.
 * CPython: `"gc.enable() takes no arguments (1 given)"`.
 *
 * @example
 * ```ts
 * expectNoArguments(context, "gc.enable", args, keywords);
 * ```
 */
export function expectNoArguments(
  context: NativeContext,
  displayName: string,
  args: readonly Ptr[],
  keywords: Keywords,
): void {
  rejectKeywords(context, displayName, keywords);
  if (args.length !== 0)
    context.raise("TypeError", `${displayName}() takes no arguments (${args.length} given)`);
}

/**
 * Checks a `METH_O` call and returns its argument (borrowed).
 * CPython: `"gc.is_tracked() takes exactly one argument (0 given)"`.
 *
 * @example
 * ```ts
 * const obj = expectOneArgument(context, "gc.is_tracked", args, keywords);
 * ```
 */
export function expectOneArgument(
  context: NativeContext,
  displayName: string,
  args: readonly Ptr[],
  keywords: Keywords,
): Ptr {
  rejectKeywords(context, displayName, keywords);
  if (args.length !== 1)
    context.raise(
      "TypeError",
      `${displayName}() takes exactly one argument (${args.length} given)`,
    );
  return args[0]!;
}

/**
 * Parses up to one optional parameter that may be passed by position or by name (argument
 * clinic's `generation: int = 2`). Returns the argument (borrowed) or `undefined` when omitted.
 *
 * @param functionName - the bare name CPython prints in these messages (`"collect"`)
 *
 * @example
 * ```ts
 * const generation = optionalArgument(context, "collect", "generation", args, keywords);
 * ```
 */
export function optionalArgument(
  context: NativeContext,
  functionName: string,
  parameterName: string,
  args: readonly Ptr[],
  keywords: Keywords,
): Ptr | undefined {
  const given = args.length + keywords.length;
  if (given > 1)
    context.raise("TypeError", `${functionName}() takes at most 1 argument (${given} given)`);
  if (keywords.length === 1) {
    const [name, value] = keywords[0]!;
    if (name !== parameterName)
      context.raise("TypeError", `${functionName}() got an unexpected keyword argument '${name}'`);
    return value;
  }
  return args[0];
}

/**
 * Whether `obj` is an `int` (a `bool` is one too, as in Python).
 *
 * @example
 * ```ts
 * isInteger(context, context.heap.true); // true
 * ```
 */
export function isInteger(context: NativeContext, obj: Ptr): boolean {
  const kind = context.heap.kindOf(obj);
  return kind === ObjectKind.INT || kind === ObjectKind.BOOL;
}

/**
 * Converts an `int` argument to a number. CPython: `PyNumber_Index` —
 * `"'str' object cannot be interpreted as an integer"` for anything else.
 *
 * @example
 * ```ts
 * const flags = integerArgument(context, args[0]!);
 * ```
 */
export function integerArgument(context: NativeContext, obj: Ptr): number {
  if (isInteger(context, obj)) return context.heap.numberValue(obj);
  return withIndex(context, obj, (index) => context.heap.numberValue(index));
}

/**
 * Runs `use` on the int a non-int's `__index__` returns (released afterwards), or raises
 * CPython's TypeError when there is none or it returns something else. CPython: `PyNumber_Index`.
 */
function withIndex<T>(context: NativeContext, obj: Ptr, use: (index: Ptr) => T): T {
  const index = context.callSpecial(obj, "__index__", []);
  if (index === 0)
    context.raise(
      "TypeError",
      `'${context.typeName(obj)}' object cannot be interpreted as an integer`,
    );
  try {
    if (!isInteger(context, index))
      context.raise("TypeError", `__index__ returned non-int (type ${context.typeName(index)})`);
    return use(index);
  } finally {
    context.release(index);
  }
}

/**
 * Converts an `int` argument to a C `int`. CPython: `_PyLong_AsInt` —
 * `OverflowError: Python int too large to convert to C int` outside 32 bits.
 *
 * @example
 * ```ts
 * const generation = cIntArgument(context, args[0]!);
 * ```
 */
export function cIntArgument(context: NativeContext, obj: Ptr): number {
  const value = integerArgument(context, obj);
  if (value > C_INT_MAX || value < C_INT_MIN)
    context.raise("OverflowError", "Python int too large to convert to C int");
  return value;
}

/**
 * Converts an `int` argument parsed with `PyArg_ParseTuple`'s `"i"` format, whose overflow
 * messages differ from {@link cIntArgument}'s (`gc.set_threshold` uses it).
 *
 * @example
 * ```ts
 * const threshold = tupleIntArgument(context, args[0]!);
 * ```
 */
export function tupleIntArgument(context: NativeContext, obj: Ptr): number {
  const value = integerArgument(context, obj);
  if (value > C_INT_MAX) context.raise("OverflowError", "signed integer is greater than maximum");
  if (value < C_INT_MIN) context.raise("OverflowError", "signed integer is less than minimum");
  return value;
}

/**
 * A new reference to `True` or `False`.
 *
 * @example
 * ```ts
 * return booleanResult(context, collector.enabled);
 * ```
 */
export function booleanResult(context: NativeContext, value: boolean): Ptr {
  return context.newReference(value ? context.heap.true : context.heap.false);
}

/**
 * A new reference to `None`, the result of a function that returns nothing.
 *
 * @example
 * ```ts
 * return noneResult(context);
 * ```
 */
export function noneResult(context: NativeContext): Ptr {
  return context.newReference(context.heap.none);
}

/**
 * A new reference to a tuple of ints (`gc.get_count()`, `gc.get_threshold()`).
 *
 * @example
 * ```ts
 * return integerTuple(context, [2000, 10, 10]);
 * ```
 */
export function integerTuple(context: NativeContext, values: readonly number[]): Ptr {
  const heap = context.heap;
  const items: Ptr[] = [];
  try {
    for (const value of values) items.push(heap.newInt(value));
    return heap.newTuple(items);
  } finally {
    // newTuple took its own references (or failed): ours go either way.
    for (const item of items) context.release(item);
  }
}

/**
 * A new reference to a list holding `items` (borrowed).
 *
 * @example
 * ```ts
 * return listOf(context, collector.objects(-1));
 * ```
 */
export function listOf(context: NativeContext, items: readonly Ptr[]): Ptr {
  return context.heap.newList(items);
}

/**
 * Checks a positional-only call without keywords the way CPython's `_PyArg_CheckPositional`
 * reports it (`"atan2 expected 2 arguments, got 1"`, `"log expected at least 1 argument, got
 * 0"`), after `_PyArg_NoKwnames` (`"math.atan2() takes no keyword arguments"`).
 *
 * @param qualifiedName - the name in the keyword message (`"math.atan2"`)
 * @param name - the name in the count message (`"atan2"`)
 *
 * @example
 * ```ts
 * expectPositional(context, "math.atan2", "atan2", args, keywords, 2, 2);
 * ```
 */
export function expectPositional(
  context: NativeContext,
  qualifiedName: string,
  name: string,
  args: readonly Ptr[],
  keywords: Keywords,
  min: number,
  max: number,
): void {
  rejectKeywords(context, qualifiedName, keywords);
  const given = args.length;
  if (given >= min && given <= max) return;
  if (min === max)
    context.raise(
      "TypeError",
      `${name} expected ${min} argument${min === 1 ? "" : "s"}, got ${given}`,
    );
  const bound = given < min ? min : max;
  context.raise(
    "TypeError",
    `${name} expected ${given < min ? "at least" : "at most"} ${bound} argument${bound === 1 ? "" : "s"}, got ${given}`,
  );
}

/**
 * The parameters of a function whose arguments CPython's argument clinic unpacks
 * (`_PyArg_UnpackKeywords`): positional-only first, then positional-or-keyword, then
 * keyword-only.
 *
 * @example
 * ```ts
 * const isclose: Signature = { name: "isclose", positionalOnly: 0, positional: ["a", "b"], required: 2, keywordOnly: ["rel_tol", "abs_tol"] };
 * ```
 */
export interface Signature {
  /** The name CPython prints (`"isclose"`). */
  readonly name: string;
  /** How many of `positional` are positional-only. */
  readonly positionalOnly: number;
  /** The parameters that may be passed by position, in order. */
  readonly positional: readonly string[];
  /** How many leading positional parameters are required. */
  readonly required: number;
  /** The keyword-only parameters (all optional). */
  readonly keywordOnly: readonly string[];
}

/**
 * Binds a call to a {@link Signature} with argument clinic's messages
 * (`"isclose() missing required argument 'b' (pos 2)"`, `"prod() takes exactly 1 positional
 * argument (2 given)"`, `"isclose() got an unexpected keyword argument 'foo'"`). Returns the
 * arguments (borrowed) by parameter name, `undefined` where omitted.
 *
 * @example
 * ```ts
 * const [a, b, relTol] = bindArguments(context, isclose, args, keywords);
 * ```
 */
export function bindArguments(
  context: NativeContext,
  signature: Signature,
  args: readonly Ptr[],
  keywords: Keywords,
): (Ptr | undefined)[] {
  const { name, positional, positionalOnly, required, keywordOnly } = signature;
  const maxPositional = positional.length;
  if (args.length > maxPositional || (args.length < required && required <= positionalOnly)) {
    const exact = required === maxPositional;
    const bound = args.length > maxPositional ? maxPositional : required;
    context.raise(
      "TypeError",
      `${name}() takes ${exact ? "exactly" : args.length > maxPositional ? "at most" : "at least"} ${bound} positional argument${bound === 1 ? "" : "s"} (${args.length} given)`,
    );
  }
  const bound: (Ptr | undefined)[] = [...args];
  bound.length = maxPositional + keywordOnly.length;
  const byName = new Map(keywords);
  // Missing required arguments are reported before unexpected or duplicated keywords.
  for (let index = args.length; index < maxPositional; index++) {
    const value = index >= positionalOnly ? byName.get(positional[index]!) : undefined;
    if (value === undefined && index < required)
      context.raise(
        "TypeError",
        `${name}() missing required argument '${positional[index]}' (pos ${index + 1})`,
      );
    bound[index] = value;
  }
  for (const [index, keyword] of keywordOnly.entries())
    bound[maxPositional + index] = byName.get(keyword);
  for (const [keyword] of keywords) {
    const index = positional.indexOf(keyword);
    if (index >= positionalOnly && index < args.length)
      context.raise(
        "TypeError",
        `argument for ${name}() given by name ('${keyword}') and position (${index + 1})`,
      );
    if ((index === -1 || index < positionalOnly) && !keywordOnly.includes(keyword))
      context.raise("TypeError", `${name}() got an unexpected keyword argument '${keyword}'`);
  }
  return bound;
}

/**
 * Converts a number argument to a double. CPython: `PyFloat_AsDouble` —
 * `"must be real number, not str"` for anything but `int`, `bool` and `float`.
 *
 * @example
 * ```ts
 * const x = realArgument(context, args[0]!);
 * ```
 */
export function realArgument(context: NativeContext, obj: Ptr): number {
  const kind = context.heap.kindOf(obj);
  if (kind === ObjectKind.FLOAT) return context.heap.numberValue(obj);
  if (kind === ObjectKind.INT || kind === ObjectKind.BOOL) return intAsDouble(context, obj);
  // A class's __float__ first, then its __index__ (CPython: nb_float, then nb_index).
  const real = context.callSpecial(obj, "__float__", []);
  if (real !== 0)
    try {
      if (context.heap.kindOf(real) !== ObjectKind.FLOAT)
        context.raise(
          "TypeError",
          `${context.typeName(obj)}.__float__ returned non-float (type ${context.typeName(real)})`,
        );
      return context.heap.numberValue(real);
    } finally {
      context.release(real);
    }
  const index = context.callSpecial(obj, "__index__", []);
  if (index === 0) context.raise("TypeError", `must be real number, not ${context.typeName(obj)}`);
  try {
    if (!isInteger(context, index))
      context.raise("TypeError", `__index__ returned non-int (type ${context.typeName(index)})`);
    return intAsDouble(context, index);
  } finally {
    context.release(index);
  }
}

/** An int as the nearest double, or CPython's OverflowError past the float range (`PyLong_AsDouble`). */
function intAsDouble(context: NativeContext, obj: Ptr): number {
  const value = context.heap.numberValue(obj);
  // A big int past the float range reads as an infinity.
  if (!Number.isFinite(value)) context.raise("OverflowError", "int too large to convert to float");
  return value;
}

/**
 * Converts an `int` argument to a `bigint`. CPython: `PyNumber_Index` —
 * `"'float' object cannot be interpreted as an integer"` for anything else.
 *
 * @example
 * ```ts
 * const n = bigIntegerArgument(context, args[0]!);
 * ```
 */
export function bigIntegerArgument(context: NativeContext, obj: Ptr): bigint {
  if (isInteger(context, obj)) return context.heap.intBigValue(obj);
  return withIndex(context, obj, (index) => context.heap.intBigValue(index));
}

/**
 * A new reference to the `int` `value`, of any size (beyond the safe-integer range its digits
 * live in the object, as CPython's). A `number` must be an integer.
 *
 * @example
 * ```ts
 * return integerResult(context, 120n);
 * ```
 */
export function integerResult(context: NativeContext, value: bigint | number): Ptr {
  if (typeof value === "number" && Number.isSafeInteger(value))
    return context.heap.newInt(value === 0 ? 0 : value);
  return context.heap.newIntFromBigInt(BigInt(value));
}

/**
 * A new reference to the `float` `value`.
 *
 * @example
 * ```ts
 * return floatResult(context, 0.5);
 * ```
 */
export function floatResult(context: NativeContext, value: number): Ptr {
  return context.heap.newFloat(value);
}

/**
 * The parameters of a method CPython defines in Python (`def seed(self, a=None, version=2)`),
 * for {@link bindPythonArguments}.
 *
 * @example
 * ```ts
 * const seed: PythonSignature = { qualifiedName: "Random.seed", parameters: ["self", "a", "version"], required: 1, keywordOnly: [] };
 * ```
 */
export interface PythonSignature {
  /** The name in messages (`"Random.seed"`). */
  readonly qualifiedName: string;
  /** Positional-or-keyword parameters, `self` included. */
  readonly parameters: readonly string[];
  /** How many leading parameters have no default. */
  readonly required: number;
  /** Keyword-only parameters (all with defaults). */
  readonly keywordOnly: readonly string[];
}

/** CPython's `substitution_cost()` in Python/suggestions.c: case changes are cheaper. */
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? 1 : 2;
}

/** Levenshtein distance with moves costing 2 and case changes 1. CPython: `levenshtein_distance()`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index * 2);
  for (let i = 1; i <= a.length; i++) {
    const current = [i * 2];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 2,
        current[j - 1]! + 2,
        previous[j - 1]! + substitutionCost(a[i - 1]!, b[j - 1]!),
      );
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The closest of `candidates` to `name` within CPython's distance bound, for "Did you mean 'k'?"
 * hints. CPython: `_Py_CalculateSuggestions()`.
 */
function suggestion(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const bound = Math.min(
      Math.floor(((name.length + candidate.length + 3) * 2) / 6),
      bestDistance - 1,
    );
    const distance = editDistance(name, candidate);
    if (distance > bound) continue;
    if (best === undefined || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` — CPython's list of missing names. */
function quotedNames(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length <= 2) return quoted.join(" and ");
  return `${quoted.slice(0, -1).join(", ")}, and ${quoted.at(-1)}`;
}

/**
 * Binds a call the way CPython binds a Python function's arguments, with its messages
 * (`"Random.randint() missing 1 required positional argument: 'b'"`, `"Random.seed() takes
 * from 1 to 3 positional arguments but 4 were given"`). Returns the arguments (borrowed) in
 * parameter order, keyword-only ones last, `undefined` where omitted.
 *
 * @example
 * ```ts
 * const [self, a, version] = bindPythonArguments(context, seedSignature, args, keywords);
 * ```
 */
export function bindPythonArguments(
  context: NativeContext,
  signature: PythonSignature,
  args: readonly Ptr[],
  keywords: Keywords,
): (Ptr | undefined)[] {
  const { qualifiedName, parameters, required, keywordOnly } = signature;
  if (args.length > parameters.length) {
    const count = parameters.length;
    const takes =
      required === count
        ? `${count} positional argument${count === 1 ? "" : "s"}`
        : `from ${required} to ${count} positional arguments`;
    context.raise(
      "TypeError",
      `${qualifiedName}() takes ${takes} but ${args.length} ${args.length === 1 ? "was" : "were"} given`,
    );
  }
  const bound: (Ptr | undefined)[] = [...args];
  bound.length = parameters.length + keywordOnly.length;
  for (const [name, value] of keywords) {
    let index = parameters.indexOf(name);
    if (index === -1) {
      const keywordIndex = keywordOnly.indexOf(name);
      if (keywordIndex === -1) {
        const hint = suggestion(name, [...parameters, ...keywordOnly]);
        context.raise(
          "TypeError",
          `${qualifiedName}() got an unexpected keyword argument '${name}'${hint === undefined ? "" : `. Did you mean '${hint}'?`}`,
        );
      }
      index = parameters.length + keywordIndex;
    } else if (bound[index] !== undefined) {
      context.raise("TypeError", `${qualifiedName}() got multiple values for argument '${name}'`);
    }
    bound[index] = value;
  }
  const missing = parameters.slice(0, required).filter((_, index) => bound[index] === undefined);
  if (missing.length > 0)
    context.raise(
      "TypeError",
      `${qualifiedName}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${quotedNames(missing)}`,
    );
  return bound;
}
