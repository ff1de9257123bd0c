import type { Ptr } from "@pymem/core";
import { defineClassMethod } from "./bytes-methods.js";
import { newBytes } from "./bytes-objects.js";
import { bytesFromObject, indexArgument } from "./bytes-operations.js";
import type { Machine } from "./machine.js";
import type { Keywords } from "./native-arguments.js";
import { defineTypeMethod } from "./native-arguments.js";

/**
 * `int.to_bytes(length=1, byteorder='big', *, signed=False)` and the classmethod
 * `int.from_bytes(bytes, byteorder='big', *, signed=False)`, with real `bytes` objects.
 * CPython: `int_to_bytes_impl`, `int_from_bytes_impl` (`_PyLong_AsByteArray`,
 * `_PyLong_FromByteArray`).
 *
 * @module
 */

/** The arguments after the first of both methods, by position or keyword. */
function byteOrderArguments(
  m: Machine,
  name: string,
  args: readonly Ptr[],
  keywords: Keywords,
  firstName: string,
): { first: Ptr | undefined; little: boolean; signed: boolean } {
  const named = new Map<string, Ptr>();
  for (const [key, value] of keywords) {
    if (![firstName, "byteorder", "signed"].includes(key))
      m.raise("TypeError", `${name}() got an unexpected keyword argument '${key}'`);
    named.set(key, value);
  }
  if (args.length > 2)
    m.raise("TypeError", `${name}() takes at most 2 positional arguments (${args.length} given)`);
  const orderObj = args[1] ?? named.get("byteorder");
  let little = false;
  if (orderObj !== undefined) {
    if (!m.isStr(orderObj))
      m.raise(
        "TypeError",
        `${name}() argument 'byteorder' must be str, not ${m.typeName(orderObj)}`,
      );
    const order = m.heap.strValue(orderObj);
    if (order !== "little" && order !== "big")
      m.raise("ValueError", "byteorder must be either 'little' or 'big'");
    little = order === "little";
  }
  const signedObj = named.get("signed");
  return {
    first: args[0] ?? named.get(firstName),
    little,
    signed: signedObj !== undefined && m.isTrue(signedObj),
  };
}

/**
 * Installs `int.to_bytes` and `int.from_bytes`.
 *
 * @example
 * ```ts
 * installIntBytesMethods(machine);
 * ```
 * @internal
 */
export function installIntBytesMethods(m: Machine): void {
  const heap = m.heap;
  defineTypeMethod(
    m,
    "int",
    (obj) => m.isInt(obj),
    "to_bytes",
    0,
    2,
    true,
    (self, args, keywords) => {
      const { first, little, signed } = byteOrderArguments(m, "to_bytes", args, keywords, "length");
      const length = first !== undefined ? indexArgument(m, first) : 1;
      if (length < 0) m.raise("ValueError", "length argument must be non-negative");
      let value = heap.intBigValue(self);
      if (value < 0n && !signed) m.raise("OverflowError", "can't convert negative int to unsigned");
      const bits = BigInt(8 * length);
      const fits = signed
        ? value >= -(1n << (bits - 1n)) && value < 1n << (bits - 1n)
        : value < 1n << bits;
      if (length === 0 ? value !== 0n : !fits) m.raise("OverflowError", "int too big to convert");
      if (value < 0n) value += 1n << bits; // two's complement
      const data = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        data[little ? i : length - 1 - i] = Number(value & 0xffn);
        value >>= 8n;
      }
      return newBytes(m, data);
    },
  );
  defineClassMethod(m, "int", "from_bytes", (_context, [cls, ...args], keywords) => {
    const { first, little, signed } = byteOrderArguments(m, "from_bytes", args, keywords, "bytes");
    if (first === undefined)
      m.raise("TypeError", "from_bytes() missing required argument 'bytes' (pos 1)");
    if (m.isStr(first) || m.isInt(first))
      m.raise("TypeError", `cannot convert '${m.typeName(first)}' object to bytes`);
    const data = bytesFromObject(m, first, "bytes");
    let value = 0n;
    for (let i = 0; i < data.length; i++)
      value = (value << 8n) | BigInt(data[little ? data.length - 1 - i : i]!);
    if (signed && data.length > 0 && value >= 1n << BigInt(8 * data.length - 1))
      value -= 1n << BigInt(8 * data.length);
    // CPython: a subclass is called with the int (`bool.from_bytes` gives a bool).
    if (m.recordOfType(cls!) === m.builtinType("bool")) return m.newBool(value !== 0n);
    return heap.newIntFromBigInt(value);
  });
}
