import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";
import { repr } from "./object-repr.js";

/** `ascii(repr(value))`: non-ASCII characters escaped. CPython: `PyObject_ASCII`. */
export function asciiRepr(m: Machine, value: Ptr): string {
  return Array.from(repr(m, value), (char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x80) return char;
    const hex = code.toString(16);
    return code < 0x100
      ? `\\x${hex.padStart(2, "0")}`
      : code < 0x10000
        ? `\\u${hex.padStart(4, "0")}`
        : `\\U${hex.padStart(8, "0")}`;
  }).join("");
}
