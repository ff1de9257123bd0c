import type { Ptr } from "@pymem/core";
import { asciiRepr } from "./ascii-repr.js";
import {
  bytesData,
  checkBytesSize,
  isBytesLike,
  newBytes,
  newBytesOfType,
} from "./bytes-objects.js";
import type { Machine } from "./machine.js";
import { getItem } from "./object-access.js";
import { percentFormat, sequenceItems } from "./operators.js";

/**
 * printf-style formatting of bytes (PEP 461): `b'%s=%d' % (b'x', 5)`. `%s` and `%b` take
 * bytes-like objects, `%r` / `%a` an object's ASCII repr, `%c` a byte value or one byte, and
 * the numeric conversions are formatted as `str % value` formats them, then encoded.
 * CPython: `_PyBytes_FormatEx`.
 *
 * @module
 */

/** One conversion specifier: `%(key)flags width .precision type`. */
const SPECIFIER = /%(?:\(([^)]*)\))?([-+ #0]*)(\d*|\*)(?:\.(\d*))?([sbradicxXoeEfFgG%])/g;

/** Latin-1 text of bytes (one character per byte), the form the format is parsed in. */
function latin1(data: Uint8Array): string {
  let text = "";
  for (let i = 0; i < data.length; i += 4096)
    text += String.fromCharCode(...data.subarray(i, i + 4096));
  return text;
}

/**
 * `format % args` for a bytes or bytearray `format`; the result has its type.
 *
 * @example
 * ```ts
 * bytesPercentFormat(machine, format, args);
 * ```
 */
export function bytesPercentFormat(m: Machine, format: Ptr, args: Ptr): Ptr {
  const heap = m.heap;
  const text = latin1(bytesData(m, format));
  const values = m.typeIdOf(args) === heap.tupleType ? sequenceItems(m, args) : [args];
  let index = 0;
  const held: Ptr[] = [];
  const next = (key: string | undefined): Ptr => {
    if (key !== undefined) {
      const keyObject = newBytes(
        m,
        Uint8Array.from(key, (char) => char.charCodeAt(0)),
      );
      try {
        const value = getItem(m, args, keyObject);
        held.push(value);
        return value;
      } finally {
        m.decref(keyObject);
      }
    }
    const value = values[index++];
    if (value === undefined) return m.raise("TypeError", "not enough arguments for format string");
    return value;
  };
  try {
    let size = 0;
    const out = text.replace(
      SPECIFIER,
      (whole, key: string | undefined, flags: string, width: string, _precision, type: string) => {
        if (type === "%") return "%";
        const value = next(key);
        let body: string;
        if (type === "s" || type === "b") {
          if (!isBytesLike(m, value))
            m.raise(
              "TypeError",
              `%b requires a bytes-like object, or an object that implements __bytes__, not '${m.typeName(value)}'`,
            );
          body = latin1(bytesData(m, value));
        } else if (type === "r" || type === "a") body = asciiRepr(m, value);
        else if (type === "c") {
          if (isBytesLike(m, value) && bytesData(m, value).length === 1)
            body = latin1(bytesData(m, value));
          else if (m.isInt(value) && m.numberOf(value) >= 0 && m.numberOf(value) < 256)
            body = String.fromCharCode(m.numberOf(value));
          else
            m.raise(
              "TypeError",
              m.isInt(value)
                ? "%c arg not in range(256)"
                : "%c requires an integer in range(256) or a single byte",
            );
        } else {
          // The numeric conversions are the str ones, on ASCII text.
          const spec = m.newStr(whole.replace(/^%\([^)]*\)/, "%"));
          try {
            const formatted = percentFormat(m, spec, value);
            body = heap.strValue(formatted);
            m.decref(formatted);
            return body;
          } finally {
            m.decref(spec);
          }
        }
        const padded = Number(width || 0);
        size += Math.max(padded, body.length);
        checkBytesSize(heap, size);
        return flags.includes("-") ? body.padEnd(padded) : body.padStart(padded);
      },
    );
    if (!excusesUnused(m, args) && index < values.length)
      m.raise("TypeError", "not all arguments converted during bytes formatting");
    return newBytesOfType(
      m,
      m.typeIdOf(format),
      Uint8Array.from(out, (char) => char.charCodeAt(0)),
    );
  } finally {
    for (const value of held) m.decref(value);
  }
}

/**
 * Whether `args` is a mapping that excuses arguments left unconverted: its type has
 * `__getitem__` and it is not a tuple, bytes, bytearray or str. CPython: `_PyBytes_FormatEx`'s
 * `dict`.
 */
function excusesUnused(m: Machine, args: Ptr): boolean {
  const heap = m.heap;
  const t = m.typeIdOf(args);
  if (t === heap.tupleType || isBytesLike(m, args) || m.isStr(args)) return false;
  return t === heap.dictType || m.lookupType(m.recordOf(args), m.name("__getitem__")) !== 0;
}
