import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction } from "../native.js";
import {
  bigIntegerArgument,
  bindPythonArguments,
  integerArgument,
  integerResult,
  isInteger,
  type PythonSignature,
} from "./arguments.js";
import { log } from "./correctly-rounded.js";
import { nextDouble, randomBelow, randomBelowBig } from "./mersenne-twister.js";
import { collectItems } from "./module-support.js";
import { withState } from "./random-state.js";

/**
 * The integer and sequence methods of `random.Random`: `randrange`, `randint`, `choice`,
 * `shuffle`, `sample` and `choices`, drawing exactly the random numbers CPython 3.13's
 * `random.py` draws, in the same order, with its errors.
 *
 * @module
 */

/** `self._randbelow(n)` for n > 0. */
export function randomIndex(context: NativeContext, self: Ptr, n: number): number {
  return withState(context, self, (state) => randomBelow(state, n));
}

/** `self._randbelow(n)` for n > 0 of any size (the safe-integer path when n is one). */
function randomIndexBig(context: NativeContext, self: Ptr, n: bigint): bigint {
  if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return BigInt(randomIndex(context, self, Number(n)));
  return withState(context, self, (state) => randomBelowBig(state, n));
}

/** `self.random()`. */
export function randomFloat(context: NativeContext, self: Ptr): number {
  return withState(context, self, nextDouble);
}

/** `seq[index]` as a new reference. */
function itemAt(context: NativeContext, seq: Ptr, index: number): Ptr {
  const key = context.heap.newInt(index);
  try {
    return context.getItem(seq, key);
  } finally {
    context.release(key);
  }
}

/** A Python list of `items` (new references, consumed). */
function listOfOwned(context: NativeContext, items: Ptr[]): Ptr {
  try {
    return context.heap.newList(items);
  } finally {
    for (const item of items) context.release(item);
  }
}

/** Releases the new references in `items`. */
function releaseAll(context: NativeContext, items: readonly Ptr[]): void {
  for (const item of items) context.release(item);
}

/** Python's `itertools.accumulate(iterable)` with `+`, as new references. */
function accumulate(context: NativeContext, iterable: Ptr): Ptr[] {
  const sums: Ptr[] = [];
  try {
    context.iterate(iterable, (item) => {
      const previous = sums.at(-1);
      sums.push(
        previous === undefined
          ? context.newReference(item)
          : context.binaryOperation("+", previous, item),
      );
      return true;
    });
  } catch (error) {
    releaseAll(context, sums);
    throw error;
  }
  return sums;
}

/** `bisect.bisect_right(a, x, lo, hi)` over Python objects. */
function bisectRight(
  context: NativeContext,
  a: readonly Ptr[],
  x: Ptr,
  lo: number,
  hi: number,
): number {
  let low = lo;
  let high = hi;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (context.compare("<", x, a[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

const RANDRANGE: PythonSignature = {
  qualifiedName: "Random.randrange",
  parameters: ["self", "start", "stop", "step"],
  required: 2,
  keywordOnly: [],
};
const RANDINT: PythonSignature = {
  qualifiedName: "Random.randint",
  parameters: ["self", "a", "b"],
  required: 3,
  keywordOnly: [],
};
const CHOICE: PythonSignature = {
  qualifiedName: "Random.choice",
  parameters: ["self", "seq"],
  required: 2,
  keywordOnly: [],
};
const SHUFFLE: PythonSignature = {
  qualifiedName: "Random.shuffle",
  parameters: ["self", "x"],
  required: 2,
  keywordOnly: [],
};
const SAMPLE: PythonSignature = {
  qualifiedName: "Random.sample",
  parameters: ["self", "population", "k"],
  required: 3,
  keywordOnly: ["counts"],
};
const CHOICES: PythonSignature = {
  qualifiedName: "Random.choices",
  parameters: ["self", "population", "weights"],
  required: 2,
  keywordOnly: ["cum_weights", "k"],
};

/** CPython: `Random.randrange()` (3.13: only ints, `step` must be given with `stop`). */
function randomRange(
  context: NativeContext,
  self: Ptr,
  start: Ptr,
  stop: Ptr | undefined,
  step: Ptr | undefined,
): Ptr {
  const heap = context.heap;
  const istart = bigIntegerArgument(context, start);
  if (stop === undefined || stop === heap.none) {
    const defaultStep =
      step === undefined || (heap.kindOf(step) === ObjectKind.INT && heap.numberValue(step) === 1);
    if (!defaultStep) context.raise("TypeError", "Missing a non-None stop argument");
    if (istart > 0n) return integerResult(context, randomIndexBig(context, self, istart));
    return context.raise("ValueError", "empty range for randrange()");
  }
  const istop = bigIntegerArgument(context, stop);
  const width = istop - istart;
  const istep = step === undefined ? 1n : bigIntegerArgument(context, step);
  if (istep === 1n) {
    if (width > 0n) return integerResult(context, istart + randomIndexBig(context, self, width));
    return context.raise(
      "ValueError",
      `empty range in randrange(${context.str(start)}, ${context.str(stop)})`,
    );
  }
  if (istep === 0n) return context.raise("ValueError", "zero step for randrange()");
  const numerator = istep > 0n ? width + istep - 1n : width + istep + 1n;
  // Floor division (bigint division truncates).
  let n = numerator / istep;
  if (n * istep !== numerator && numerator < 0n !== istep < 0n) n -= 1n;
  if (n <= 0n)
    return context.raise(
      "ValueError",
      `empty range in randrange(${context.str(start)}, ${context.str(stop)}, ${context.str(step!)})`,
    );
  return integerResult(context, istart + istep * randomIndexBig(context, self, n));
}

/** Whether `obj` is a `collections.abc.Sequence` among the types pymem has. */
function isSequence(context: NativeContext, obj: Ptr): boolean {
  const kind = context.heap.kindOf(obj);
  return (
    kind === ObjectKind.LIST ||
    kind === ObjectKind.TUPLE ||
    kind === ObjectKind.STR ||
    context.typeName(obj) === "range"
  );
}

/** The indices CPython's `sample` picks from a population of `n` (k already validated). */
function sampleIndices(context: NativeContext, self: Ptr, n: number, k: number): number[] {
  let setSize = 21;
  // CPython: setsize += 4 ** _ceil(_log(k * 3, 4)), with math.log's float division.
  if (k > 5) setSize += 4 ** Math.ceil(log(k * 3) / log(4));
  const result: number[] = [];
  if (n <= setSize) {
    const pool = Array.from({ length: n }, (_, index) => index);
    for (let i = 0; i < k; i++) {
      const j = randomIndex(context, self, n - i);
      result.push(pool[j]!);
      pool[j] = pool[n - i - 1]!;
    }
  } else {
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = randomIndex(context, self, n);
      while (selected.has(j)) j = randomIndex(context, self, n);
      selected.add(j);
      result.push(j);
    }
  }
  return result;
}

/** CPython: `Random.sample()`. */
function sample(
  context: NativeContext,
  self: Ptr,
  population: Ptr,
  kObj: Ptr,
  counts: Ptr | undefined,
): Ptr {
  const heap = context.heap;
  if (!isSequence(context, population))
    context.raise("TypeError", "Population must be a sequence.  For dicts or sets, use sorted(d).");
  const n = context.length(population);
  if (counts !== undefined && counts !== heap.none) {
    const cumulative = accumulate(context, counts);
    try {
      if (cumulative.length !== n)
        context.raise("ValueError", "The number of counts does not match the population");
      const total = cumulative.pop();
      if (total === undefined) return context.raise("IndexError", "pop from empty list");
      try {
        if (!isInteger(context, total)) context.raise("TypeError", "Counts must be integers");
        const totalValue = heap.numberValue(total);
        if (totalValue <= 0)
          context.raise("ValueError", "Total of counts must be greater than zero");
        const k = sampleSize(context, kObj, totalValue);
        const selections = sampleIndices(context, self, totalValue, k);
        const items: Ptr[] = [];
        try {
          for (const selection of selections) {
            const key = heap.newInt(selection);
            try {
              items.push(
                itemAt(
                  context,
                  population,
                  bisectRight(context, cumulative, key, 0, cumulative.length),
                ),
              );
            } finally {
              context.release(key);
            }
          }
        } catch (error) {
          releaseAll(context, items);
          throw error;
        }
        return listOfOwned(context, items);
      } finally {
        context.release(total);
      }
    } finally {
      releaseAll(context, cumulative);
    }
  }
  const k = sampleSize(context, kObj, n);
  const items: Ptr[] = [];
  try {
    for (const index of sampleIndices(context, self, n, k))
      items.push(itemAt(context, population, index));
  } catch (error) {
    releaseAll(context, items);
    throw error;
  }
  return listOfOwned(context, items);
}

/** Validates `sample`'s k: `[None] * k` needs an int, then `0 <= k <= n`. */
function sampleSize(context: NativeContext, kObj: Ptr, n: number): number {
  if (!isInteger(context, kObj))
    context.raise(
      "TypeError",
      `can't multiply sequence by non-int of type '${context.typeName(kObj)}'`,
    );
  const k = context.heap.numberValue(kObj);
  if (!(k >= 0 && k <= n))
    context.raise("ValueError", "Sample larger than population or is negative");
  return k;
}

/** `choices`' k as `itertools.repeat(None, k)` takes it (negative means none). */
function choiceCount(context: NativeContext, kObj: Ptr | undefined): number {
  return kObj === undefined ? 1 : integerArgument(context, kObj);
}

/** CPython: `Random.choices()`. */
function choices(
  context: NativeContext,
  self: Ptr,
  population: Ptr,
  weights: Ptr | undefined,
  cumulativeWeights: Ptr | undefined,
  kObj: Ptr | undefined,
): Ptr {
  const heap = context.heap;
  const n = context.length(population);
  const noWeights = weights === undefined || weights === heap.none;
  if (cumulativeWeights === undefined || cumulativeWeights === heap.none) {
    if (noWeights) {
      const count = choiceCount(context, kObj);
      const items: Ptr[] = [];
      try {
        for (let i = 0; i < count; i++)
          items.push(itemAt(context, population, Math.floor(randomFloat(context, self) * n)));
      } catch (error) {
        releaseAll(context, items);
        throw error;
      }
      return listOfOwned(context, items);
    }
    if (isInteger(context, weights!)) {
      context.raise(
        "TypeError",
        `The number of choices must be a keyword argument: k=${context.str(weights!)}`,
      );
    }
    return weightedChoices(context, self, population, n, accumulate(context, weights!), kObj);
  }
  if (!noWeights) context.raise("TypeError", "Cannot specify both weights and cumulative weights");
  return weightedChoices(
    context,
    self,
    population,
    n,
    collectItems(context, cumulativeWeights),
    kObj,
  );
}

/** The weighted branch of `choices` (consumes the references in `cumulative`). */
function weightedChoices(
  context: NativeContext,
  self: Ptr,
  population: Ptr,
  n: number,
  cumulative: Ptr[],
  kObj: Ptr | undefined,
): Ptr {
  const heap = context.heap;
  try {
    if (cumulative.length !== n)
      context.raise("ValueError", "The number of weights does not match the population");
    const last = cumulative.at(-1);
    if (last === undefined) return context.raise("IndexError", "list index out of range");
    const zero = heap.newFloat(0.0);
    let totalObj: Ptr;
    try {
      totalObj = context.binaryOperation("+", last, zero);
    } finally {
      context.release(zero);
    }
    let total: number;
    try {
      if (heap.kindOf(totalObj) !== ObjectKind.FLOAT)
        context.raise("TypeError", "total of weights must be a number");
      total = heap.numberValue(totalObj);
    } finally {
      context.release(totalObj);
    }
    if (total <= 0.0) context.raise("ValueError", "Total of weights must be greater than zero");
    if (!Number.isFinite(total)) context.raise("ValueError", "Total of weights must be finite");
    const count = choiceCount(context, kObj);
    const items: Ptr[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const point = heap.newFloat(randomFloat(context, self) * total);
        try {
          items.push(
            itemAt(context, population, bisectRight(context, cumulative, point, 0, n - 1)),
          );
        } finally {
          context.release(point);
        }
      }
    } catch (error) {
      releaseAll(context, items);
      throw error;
    }
    return listOfOwned(context, items);
  } finally {
    releaseAll(context, cumulative);
  }
}

/** The methods, keyed by their Python names. */
export const randomSequenceMethods: Record<string, NativeFunction> = {
  randrange(context, args, keywords) {
    const [self, start, stop, step] = bindPythonArguments(context, RANDRANGE, args, keywords);
    return randomRange(context, self!, start!, stop, step);
  },
  // CPython: Random.randint() — randrange(a, b + 1).
  randint(context, args, keywords) {
    const [self, a, b] = bindPythonArguments(context, RANDINT, args, keywords);
    const one = context.heap.newInt(1);
    let stop: Ptr;
    try {
      stop = context.binaryOperation("+", b!, one);
    } finally {
      context.release(one);
    }
    try {
      return randomRange(context, self!, a!, stop, undefined);
    } finally {
      context.release(stop);
    }
  },
  // CPython: Random.choice()
  choice(context, args, keywords) {
    const [self, seq] = bindPythonArguments(context, CHOICE, args, keywords);
    const n = context.length(seq!);
    if (n === 0) context.raise("IndexError", "Cannot choose from an empty sequence");
    return itemAt(context, seq!, randomIndex(context, self!, n));
  },
  // CPython: Random.shuffle()
  shuffle(context, args, keywords) {
    const [self, x] = bindPythonArguments(context, SHUFFLE, args, keywords);
    const heap = context.heap;
    for (let i = context.length(x!) - 1; i >= 1; i--) {
      const j = randomIndex(context, self!, i + 1);
      const first = heap.newInt(i);
      const second = heap.newInt(j);
      try {
        const atJ = context.getItem(x!, second);
        try {
          const atI = context.getItem(x!, first);
          try {
            context.setItem(x!, first, atJ);
            context.setItem(x!, second, atI);
          } finally {
            context.release(atI);
          }
        } finally {
          context.release(atJ);
        }
      } finally {
        context.release(first);
        context.release(second);
      }
    }
    return context.newReference(heap.none);
  },
  sample(context, args, keywords) {
    const [self, population, k, counts] = bindPythonArguments(context, SAMPLE, args, keywords);
    return sample(context, self!, population!, k!, counts);
  },
  choices(context, args, keywords) {
    const [self, population, weights, cumulative, k] = bindPythonArguments(
      context,
      CHOICES,
      args,
      keywords,
    );
    return choices(context, self!, population!, weights, cumulative, k);
  },
};
