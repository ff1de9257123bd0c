import type { Ptr } from "@pymem/core";
import { byteArrayInPlace } from "./bytearray-methods.js";
import { bytesLength } from "./bytes-objects.js";
import { bytesBinary, bytesContains, bytesHash, compareBytes } from "./bytes-operations.js";
import { getIterator } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { indexSize } from "./number-index.js";
import { getItem } from "./object-access.js";
import { Cmp, Op } from "./operator-codes.js";
import { defineSlotWrapper } from "./slot-wrappers.js";

/**
 * The special methods of `bytes` and `bytearray` as attributes of their classes (`bytes.__add__`,
 * `bytearray.__len__`, `bytes.__eq__`, …), running the same operations as the operators, with the
 * slot wrappers' checks: concatenation takes any bytes-like object, repetition an index, the
 * comparisons decline (NotImplemented) anything not bytes-like, `bytes % args` formats and its
 * reflection declines a non-bytes left operand. CPython: `bytes_as_sequence`,
 * `bytes_as_mapping`, `bytes_as_number`, `bytes_richcompare` (and bytearray's).
 *
 * @module
 */

/** The comparison dunders by {@link Cmp} code. */
const COMPARISONS: ReadonlyArray<readonly [string, number]> = [
  ["__lt__", Cmp.LT],
  ["__le__", Cmp.LE],
  ["__eq__", Cmp.EQ],
  ["__ne__", Cmp.NE],
  ["__gt__", Cmp.GT],
  ["__ge__", Cmp.GE],
];

/**
 * Installs the special methods of `bytes` and `bytearray` (bytearray's `__hash__` is None).
 *
 * @example
 * ```ts
 * installBytesSlots(machine); // then bytes.__add__(b"a", b"b") is b"ab"
 * ```
 * @internal
 */
export function installBytesSlots(m: Machine): void {
  for (const [typeName, t] of [
    ["bytes", m.types.bytes],
    ["bytearray", m.types.bytearray],
  ] as const) {
    const isSelf = (obj: Ptr): boolean => m.typeIdOf(obj) === t;
    const binary = (name: string, fn: (self: Ptr, other: Ptr) => Ptr): void =>
      defineSlotWrapper(m, typeName, isSelf, name, "binary", (self, [other]) => fn(self, other!));
    const unary = (name: string, fn: (self: Ptr) => Ptr): void =>
      defineSlotWrapper(m, typeName, isSelf, name, "unary", fn);
    binary("__add__", (self, other) => bytesBinary(m, Op.ADD, self, other));
    // CPython: wrap_indexargfunc — sq_repeat's count is an index.
    for (const name of ["__mul__", "__rmul__"])
      binary(name, (self, other) => {
        const count = m.newInt(indexSize(m, other));
        try {
          return bytesBinary(m, Op.MUL, self, count);
        } finally {
          m.decref(count);
        }
      });
    binary("__mod__", (self, other) => bytesBinary(m, Op.MOD, self, other));
    // CPython: bytes_mod on (other, self) — NotImplemented unless other is of the same kind.
    binary("__rmod__", (self, other) =>
      m.typeIdOf(other) === t ? bytesBinary(m, Op.MOD, other, self) : m.incref(m.notImplemented),
    );
    for (const [name, op] of COMPARISONS)
      binary(name, (self, other) => {
        // CPython: bytes_richcompare compares with a bytes only (a bytearray's own slot takes
        // any buffer, so b"a" == bytearray(b"a") is answered by the reflected comparison).
        if (t === m.types.bytes && m.typeIdOf(other) !== t) return m.incref(m.notImplemented);
        const result = compareBytes(m, op, self, other);
        return result === undefined ? m.incref(m.notImplemented) : m.newBool(result);
      });
    binary("__contains__", (self, item) => m.newBool(bytesContains(m, self, item)));
    binary("__getitem__", (self, key) => getItem(m, self, key));
    unary("__len__", (self) => m.newInt(bytesLength(m, self)));
    unary("__iter__", (self) => getIterator(m, self));
    if (t === m.types.bytearray) {
      // CPython: bytearray_iconcat, bytearray_irepeat (the count an index).
      binary("__iadd__", (self, other) => byteArrayInPlace(m, Op.ADD, self, other));
      binary("__imul__", (self, other) => {
        const count = m.newInt(indexSize(m, other));
        try {
          return byteArrayInPlace(m, Op.MUL, self, count);
        } finally {
          m.decref(count);
        }
      });
    }
    if (t === m.types.bytes) unary("__hash__", (self) => m.newInt(bytesHash(m, self)));
    else m.heap.dictSetItem(m.typeDict(m.builtinType(typeName)), m.name("__hash__"), m.heap.none);
  }
}
