import type { Ptr } from "@pymem/core";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { Op } from "./operator-codes.js";
import { binary } from "./operators.js";

/**
 * `sum(iterable, start)` (CPython: `builtin_sum_impl`): `start + item + …` through `+`, except
 * that a run of floats (and ints a C long holds) added to a float total is summed in doubles
 * with Neumaier's compensation, as CPython 3.12+ does — so `sum([0.1] * 10)` is `1.0`.
 *
 * @module
 */

/** Largest magnitude of an int CPython's float path takes (`PyLong_AsLongAndOverflow`, 64-bit long). */
const LONG_LIMIT = 2 ** 63;

/**
 * Sums `iterable` onto `start` (borrowed); a new reference.
 *
 * @example
 * ```ts
 * const total = sumItems(machine, list, machine.newInt(0));
 * ```
 */
export function sumItems(m: Machine, iterable: Ptr, start: Ptr): Ptr {
  const heap = m.heap;
  const level = m.sp;
  m.push(m.incref(start));
  // The float run: its running double and compensation, live while `compensating`.
  let compensating = false;
  let sum = 0;
  let compensation = 0;
  const settle = (): void => {
    // CPython: "if (c && isfinite(c)) f_result += c" when the run ends.
    if (compensation !== 0 && Number.isFinite(compensation)) sum += compensation;
    m.decref(m.stack[level]!);
    m.stack[level] = m.newFloat(sum);
    compensating = false;
  };
  iterate(m, iterable, (item) => {
    const total = m.stack[level]!;
    if (!compensating && m.typeIdOf(total) === heap.floatType) {
      compensating = true;
      sum = m.numberOf(total);
      compensation = 0;
    }
    if (compensating) {
      const t = m.typeIdOf(item);
      const value =
        t === heap.floatType || (t === heap.intType && Math.abs(m.numberOf(item)) < LONG_LIMIT)
          ? m.numberOf(item)
          : Number.NaN;
      // A big int reads NaN: it leaves the float path, as an overflowing long does in CPython.
      if (t === heap.floatType || !Number.isNaN(value)) {
        // CPython: the improved Kahan–Babuška algorithm by Arnold Neumaier.
        const next = sum + value;
        compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
        sum = next;
        return true;
      }
      settle();
    }
    const next = binary(m, Op.ADD, m.stack[level]!, item);
    m.decref(m.stack[level]!);
    m.stack[level] = next;
    return true;
  });
  if (compensating) settle();
  m.sp = level;
  return m.stack[level]!;
}
