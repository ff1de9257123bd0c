import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { bitLength, modularPower, newBigInt } from "./big-int-arithmetic.js";
import { defineGetter } from "./builtin-getters.js";
import type { Machine } from "./machine.js";
import { arity, defineTypeMethod, type Keywords, keyword, noKeywords } from "./native-arguments.js";
import { Op } from "./operator-codes.js";
import { binary } from "./operators.js";

/**
 * The methods of `int` (`bit_length`, `bit_count`, `as_integer_ratio`, `is_integer`,
 * `conjugate`) and the `pow` built-in with its modulus form. CPython: `Objects/longobject.c`'s
 * method table, `builtin_pow_impl`.
 *
 * @module
 */

/**
 * `pow(base, exp, mod=None)`: `base ** exp`, or with a modulus the exact modular power of three
 * ints (a negative exponent through the modular inverse). CPython: `builtin_pow_impl`,
 * `PyNumber_Power`.
 *
 * @example
 * ```ts
 * builtinPow(machine, [three, minusOne, seven], []); // the int 5
 * ```
 */
export function builtinPow(m: Machine, args: readonly Ptr[], keywords: Keywords): Ptr {
  if (args.length > 3)
    m.raise("TypeError", `pow() takes at most 3 arguments (${args.length} given)`);
  const named = keyword(m, "pow", keywords, ["base", "exp", "mod"]);
  const names = ["base", "exp", "mod"];
  for (const [index, name] of names.entries())
    if (index < args.length && named.has(name))
      m.raise(
        "TypeError",
        `argument for pow() given by name ('${name}') and position (${index + 1})`,
      );
  const base = args[0] ?? named.get("base");
  const exponent = args[1] ?? named.get("exp");
  const modulus = args[2] ?? named.get("mod");
  if (base === undefined) m.raise("TypeError", "pow() missing required argument 'base' (pos 1)");
  if (exponent === undefined) m.raise("TypeError", "pow() missing required argument 'exp' (pos 2)");
  if (modulus === undefined || modulus === m.heap.none) return binary(m, Op.POW, base, exponent);
  if (!m.isInt(base) || !m.isInt(exponent) || !m.isInt(modulus)) {
    // CPython: ternary_op -> slot_nb_power, which calls the base's own __pow__ with the modulus
    // (three-argument power never tries __rpow__).
    const result = m.callSpecial(base, "__pow__", [exponent, modulus]);
    if (result !== 0 && result !== m.notImplemented) return result;
    if (m.isNumber(base) && m.isNumber(exponent) && m.isNumber(modulus))
      m.raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
    m.raise(
      "TypeError",
      `unsupported operand type(s) for ** or pow(): '${m.typeName(base)}', '${m.typeName(exponent)}', '${m.typeName(modulus)}'`,
    );
  }
  const heap = m.heap;
  return modularPower(
    m,
    heap.intBigValue(base),
    heap.intBigValue(exponent),
    heap.intBigValue(modulus),
  );
}

/**
 * `hex(x)`, `oct(x)`, `bin(x)`: an int's digits in base 16, 8 or 2 after `0x`/`0o`/`0b`, the
 * sign in front; anything else through `__index__`. CPython: `builtin_hex`, `PyNumber_ToBase`.
 *
 * @example
 * ```ts
 * integerToBase(machine, "hex", [minus255], []); // '-0xff'
 * ```
 */
export function integerToBase(
  m: Machine,
  name: "hex" | "oct" | "bin",
  args: readonly Ptr[],
  keywords: Keywords,
): Ptr {
  noKeywords(m, name, keywords);
  arity(m, name, args, 1, 1);
  let obj = args[0]!;
  let owned = false;
  if (!m.isInt(obj)) {
    obj = m.callSpecial(obj, "__index__", []);
    if (obj === 0)
      m.raise("TypeError", `'${m.typeName(args[0]!)}' object cannot be interpreted as an integer`);
    owned = true;
  }
  try {
    const value = m.heap.intBigValue(obj);
    const [radix, prefix] = name === "hex" ? [16, "0x"] : name === "oct" ? [8, "0o"] : [2, "0b"];
    const digits = (value < 0n ? -value : value).toString(radix);
    return m.newStr(`${value < 0n ? "-" : ""}${prefix}${digits}`);
  } finally {
    if (owned) m.decref(obj);
  }
}

/**
 * Installs `int.bit_length`, `int.bit_count`, `int.as_integer_ratio`, `int.is_integer`,
 * `int.conjugate` and the `real`, `imag`, `numerator` and `denominator` attributes.
 *
 * @example
 * ```ts
 * installIntMethods(machine);
 * ```
 * @internal
 */
export function installIntMethods(m: Machine): void {
  const heap = m.heap;
  const isInt = (obj: Ptr): boolean => {
    const kind = heap.kinds[m.typeIdOf(obj)];
    return kind === ObjectKind.INT || kind === ObjectKind.BOOL;
  };
  const method = (name: string, fn: (value: bigint, self: Ptr) => Ptr): void =>
    defineTypeMethod(m, "int", isInt, name, 0, 0, false, (self) =>
      fn(heap.intBigValue(self), self),
    );
  // CPython: int_bit_length_impl
  method("bit_length", (value) => m.newInt(bitLength(value)));
  // CPython: int_bit_count_impl
  method("bit_count", (value) => {
    let count = 0;
    for (const char of (value < 0n ? -value : value).toString(2)) if (char === "1") count++;
    return m.newInt(count);
  });
  // CPython: int_as_integer_ratio_impl (a bool gives plain ints)
  method("as_integer_ratio", (value) => m.tupleSteal([newBigInt(m, value), m.newInt(1)]));
  // CPython: int_is_integer_impl
  method("is_integer", () => m.newBool(true));
  // CPython: int_conjugate_impl (an int is its own conjugate; a bool gives its int)
  const exactInt = (self: Ptr): Ptr =>
    m.typeIdOf(self) === heap.intType ? m.incref(self) : newBigInt(m, heap.intBigValue(self));
  method("conjugate", (_value, self) => exactInt(self));
  // CPython: int_getsets — `real` and `numerator` are the int itself, `imag` 0, `denominator` 1.
  defineGetter(m, "int", "real", exactInt);
  defineGetter(m, "int", "imag", () => m.newInt(0));
  defineGetter(m, "int", "numerator", exactInt);
  defineGetter(m, "int", "denominator", () => m.newInt(1));
}
