import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  bindArguments,
  integerArgument,
  integerResult,
  noneResult,
  type Signature,
} from "./arguments.js";
import { buildModule, makeAll } from "./module-support.js";

/**
 * Python's `bisect` module (CPython's `_bisect`): `bisect_left`, `bisect_right`, `insort_left`,
 * `insort_right` and the aliases `bisect` / `insort`, with `lo`, `hi` and `key=`, comparing
 * with Python's `<` exactly where CPython does.
 *
 * @module
 */

/** The search bounds and key of one call. */
interface Search {
  readonly lo: number;
  readonly hi: number;
  readonly key: Ptr | undefined;
}

/** Reads `lo`, `hi` and `key` as argument clinic converts them. */
function searchBounds(
  context: NativeContext,
  a: Ptr,
  loObj: Ptr | undefined,
  hiObj: Ptr | undefined,
  keyObj: Ptr | undefined,
): Search {
  const lo = loObj === undefined ? 0 : integerArgument(context, loObj);
  const hi =
    hiObj === undefined || hiObj === context.heap.none ? -1 : integerArgument(context, hiObj);
  if (lo < 0) context.raise("ValueError", "lo must be non-negative");
  return {
    lo,
    hi: hi === -1 ? context.length(a) : hi,
    key: keyObj === undefined || keyObj === context.heap.none ? undefined : keyObj,
  };
}

/** `key(a[index])` (or `a[index]`) as a new reference. */
function probe(context: NativeContext, a: Ptr, index: number, key: Ptr | undefined): Ptr {
  const indexObj = context.heap.newInt(index);
  let item: Ptr;
  try {
    item = context.getItem(a, indexObj);
  } finally {
    context.release(indexObj);
  }
  if (key === undefined) return item;
  try {
    return context.call(key, [item]);
  } finally {
    context.release(item);
  }
}

/** The insertion point for `x`. CPython: `internal_bisect_right()` / `internal_bisect_left()`. */
function bisectIndex(
  context: NativeContext,
  a: Ptr,
  x: Ptr,
  search: Search,
  right: boolean,
): number {
  let { lo, hi } = search;
  while (lo < hi) {
    const middle = Math.floor((lo + hi) / 2);
    const value = probe(context, a, middle, search.key);
    let goLeft: boolean;
    try {
      goLeft = right ? context.compare("<", x, value) : !context.compare("<", value, x);
    } finally {
      context.release(value);
    }
    if (goLeft) hi = middle;
    else lo = middle + 1;
  }
  return lo;
}

/** A clinic signature `(a, x, lo=0, hi=None, *, key=None)`. */
function signature(name: string): Signature {
  return {
    name,
    positionalOnly: 0,
    positional: ["a", "x", "lo", "hi"],
    required: 2,
    keywordOnly: ["key"],
  };
}

/** `bisect_left` / `bisect_right`. */
function bisectFunction(name: string, right: boolean): NativeFunction {
  const parameters = signature(name);
  return (context, args, keywords) => {
    const [a, x, lo, hi, key] = bindArguments(context, parameters, args, keywords);
    return integerResult(
      context,
      bisectIndex(context, a!, x!, searchBounds(context, a!, lo, hi, key), right),
    );
  };
}

/** `insort_left` / `insort_right`: bisect on `key(x)`, then `a.insert(index, x)`. */
function insortFunction(name: string, right: boolean): NativeFunction {
  const parameters = signature(name);
  return (context, args, keywords) => {
    const [a, x, lo, hi, key] = bindArguments(context, parameters, args, keywords);
    const search = searchBounds(context, a!, lo, hi, key);
    const target =
      search.key === undefined ? context.newReference(x!) : context.call(search.key, [x!]);
    let index: number;
    try {
      index = bisectIndex(context, a!, target, search, right);
    } finally {
      context.release(target);
    }
    const insert = context.getAttribute(a!, "insert");
    const indexObj = context.heap.newInt(index);
    try {
      context.release(context.call(insert, [indexObj, x!]));
    } finally {
      context.release(indexObj);
      context.release(insert);
    }
    return noneResult(context);
  };
}

/**
 * Builds the `bisect` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { bisect: bisectModule } });
 * interpreter.run("import bisect\nprint(bisect.bisect([1, 2, 3], 2))"); // 2
 * ```
 */
export const bisectModule: NativeModuleFactory = (context) => {
  // `bisect` and `insort` are the same objects as `bisect_right` and `insort_right`.
  const [bisectRight, insortRight] = makeAll(context, [
    () => context.newBuiltinFunction("bisect_right", bisectFunction("bisect_right", true)),
    () => context.newBuiltinFunction("insort_right", insortFunction("insort_right", true)),
  ]) as [Ptr, Ptr];
  try {
    return buildModule(
      context,
      "bisect",
      {
        bisect_left: bisectFunction("bisect_left", false),
        insort_left: insortFunction("insort_left", false),
      },
      [
        ["bisect_right", bisectRight],
        ["insort_right", insortRight],
        ["bisect", bisectRight],
        ["insort", insortRight],
      ],
    );
  } finally {
    context.release(bisectRight);
    context.release(insortRight);
  }
};
