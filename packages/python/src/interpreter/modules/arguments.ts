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
  if (!isInteger(context, obj))
    context.raise(
      "TypeError",
      `'${context.typeName(obj)}' object cannot be interpreted as an integer`,
    );
  return context.heap.numberValue(obj);
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
