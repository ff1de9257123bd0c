import type { Ptr } from "@pymem/core";
import { newBigInt } from "./big-int-arithmetic.js";
import { parseIntText } from "./int-text.js";
import type { Machine } from "./machine.js";
import { type Keywords, keyword } from "./native-arguments.js";
import { repr } from "./object-repr.js";

/**
 * `int(x)` and `int(s, base)`: numbers truncated exactly (a float's integral part may be any
 * size), text parsed in base 0 or 2…36, user objects through `__int__` then `__index__`.
 * CPython: `long_new_impl`, `PyNumber_Long`.
 *
 * @example
 * ```ts
 * intFromArguments(machine, [machine.newStr("ff")], [["base", sixteen]]); // the int 255
 * ```
 */
export function intFromArguments(m: Machine, args: readonly Ptr[], keywords: Keywords): Ptr {
  const given = args.length + keywords.length;
  if (args.length > 2) m.raise("TypeError", `int() takes at most 2 arguments (${given} given)`);
  const baseObj = args[1] ?? keyword(m, "int", keywords, ["base"]).get("base");
  if (args.length === 0) {
    if (baseObj !== undefined) m.raise("TypeError", "int() missing string argument");
    return m.newInt(0);
  }
  const x = args[0]!;
  if (baseObj !== undefined) {
    const base = m.intArgument(baseObj, "int() base");
    if (!m.isStr(x)) m.raise("TypeError", "int() can't convert non-string with explicit base");
    return intFromText(m, x, base);
  }
  const heap = m.heap;
  if (m.isInt(x)) return m.typeIdOf(x) === heap.intType ? m.incref(x) : m.newInt(m.numberOf(x));
  if (m.typeIdOf(x) === heap.floatType) return intFromFloat(m, m.numberOf(x));
  if (m.isStr(x)) return intFromText(m, x, 10);
  for (const method of ["__int__", "__index__"]) {
    const result = m.callSpecial(x, method, []);
    if (result === 0) continue;
    if (!m.isInt(result)) {
      const name = m.typeName(result);
      m.decref(result);
      m.raise("TypeError", `${method} returned non-int (type ${name})`);
    }
    return result;
  }
  return m.raise(
    "TypeError",
    `int() argument must be a string, a bytes-like object or a real number, not '${m.typeName(x)}'`,
  );
}

/**
 * The int of a float's integral part, exactly. CPython: `PyLong_FromDouble`.
 *
 * @example
 * ```ts
 * intFromFloat(machine, 1e300); // the exact int 1000000000000000052504760255204420248704…
 * ```
 */
export function intFromFloat(m: Machine, value: number): Ptr {
  if (Number.isNaN(value)) m.raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(value)) m.raise("OverflowError", "cannot convert float infinity to integer");
  const whole = Math.trunc(value);
  if (Number.isSafeInteger(whole)) return m.newInt(whole === 0 ? 0 : whole);
  return newBigInt(m, BigInt(whole));
}

function intFromText(m: Machine, text: Ptr, base: number): Ptr {
  if (base !== 0 && !(base >= 2 && base <= 36))
    m.raise("ValueError", "int() base must be >= 2 and <= 36, or 0");
  const value = parseIntText(m, m.heap.strValue(text), base);
  if (value === undefined)
    m.raise("ValueError", `invalid literal for int() with base ${base}: ${repr(m, text)}`);
  return newBigInt(m, value);
}
