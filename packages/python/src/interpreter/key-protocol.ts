import type { Ptr } from "@pymem/core";
import { hashPointer, ObjectKind } from "@pymem/heap";
import { builtinBaseType } from "./builtin-subclasses.js";
import { bytesHash } from "./bytes-operations.js";
import type { Machine, TypeRecord } from "./machine.js";
import { viewHash } from "./memoryview-methods.js";
import { isMemoryview } from "./memoryview-objects.js";
import { METHOD_FUNCTION_OFFSET, METHOD_SELF_OFFSET } from "./object-layouts.js";
import { Cmp } from "./operator-codes.js";
import { compare } from "./operators.js";
import { sliceHash } from "./slice-objects.js";

/**
 * `hash()` and `==` for the objects the heap cannot hash or compare itself — instances of user
 * classes, bound methods, the interpreter's other objects — installed as the heap's
 * `keyProtocol`, so that dict and set lookups call `__hash__` and `__eq__` as CPython's do.
 *
 * @module
 */

/**
 * Installs the machine's hashing and equality as `heap.keyProtocol`.
 *
 * @example
 * ```ts
 * installKeyProtocol(machine);
 * ```
 * @internal
 */
export function installKeyProtocol(m: Machine): void {
  m.heap.keyProtocol = {
    hash: (obj) => objectHash(m, obj),
    equal: (a, b) => {
      // The comparison runs Python code, which may drop the table's reference to either key.
      m.incref(a);
      m.incref(b);
      try {
        return compare(m, Cmp.EQ, a, b);
      } finally {
        m.decref(b);
        m.decref(a);
      }
    },
  };
}

/**
 * `hash(obj)` for an object of a type the heap does not know: a bound method by its function and
 * `self` (CPython: `method_hash`), an instance through its class's `__hash__` (TypeError when it
 * is None, CPython: `slot_tp_hash`, `PyObject_HashNotImplemented`), else by address
 * (`_Py_HashPointer`).
 *
 * @example
 * ```ts
 * objectHash(machine, instance);
 * ```
 */
export function objectHash(m: Machine, obj: Ptr): number {
  const heap = m.heap;
  const t = m.typeIdOf(obj);
  if (t === m.types.method) {
    const self = m.field(obj, METHOD_SELF_OFFSET);
    const hash = hashPointer(self) ^ heap.hash(m.field(obj, METHOD_FUNCTION_OFFSET));
    return hash === -1 ? -2 : hash;
  }
  if (t === m.types.bytes || t === m.types.bytearray) return bytesHash(m, obj);
  if (isMemoryview(m, obj)) return viewHash(m, obj);
  if (t === m.types.slice) return sliceHash(m, obj);
  const record = m.records[t];
  if (record?.user !== true) return hashPointer(obj);
  const method = m.lookupType(record, m.name("__hash__"));
  if (method === 0) return hashPointer(obj);
  if (method === heap.none)
    m.raise("TypeError", `unhashable type: '${record.typeName ?? record.name}'`);
  const result = m.callSpecial(obj, "__hash__", []);
  try {
    const rt = m.typeIdOf(result);
    if (rt !== heap.intType && rt !== heap.boolType)
      m.raise("TypeError", "__hash__ method should return an integer");
    // CPython: PyLong_AsSsize_t, or the int's own hash when it does not fit (32-bit Py_ssize_t).
    const value = m.numberOf(result);
    if (value >= -(2 ** 31) && value < 2 ** 31) return value === -1 ? -2 : value;
    return heap.hash(result);
  } finally {
    m.decref(result);
  }
}

/**
 * Puts `record` and the classes deriving from it into the heap's `keyProtocolTypes`, or takes
 * them out, by whether each derives from a built-in type (`class Key(str)`) and finds another
 * `__hash__` or `__eq__` along its MRO than that built-in's: dict and set lookups then call the
 * class's methods instead of hashing the value (CPython: `type_new` and `update_slot` install
 * `slot_tp_hash` / `slot_tp_richcompare` for such a class). Called when a class is made and when
 * `__hash__` or `__eq__` is assigned on one.
 *
 * @example
 * ```ts
 * noteKeyOverrides(machine, record);
 * ```
 */
export function noteKeyOverrides(m: Machine, record: TypeRecord): void {
  const types = m.heap.keyProtocolTypes;
  const hashKey = m.name("__hash__");
  const eqKey = m.name("__eq__");
  const update = (candidate: TypeRecord): void => {
    // A weakref subclass (WeakMethod) hashes by its referent unless it overrides, too.
    const base =
      builtinBaseType(m, candidate.id) ||
      (m.heap.kinds[candidate.id] === ObjectKind.WEAKREF ? m.heap.weakrefType : 0);
    const baseRecord = base === 0 ? undefined : m.records[base];
    if (
      baseRecord !== undefined &&
      (m.lookupType(candidate, hashKey) !== m.lookupType(baseRecord, hashKey) ||
        m.lookupType(candidate, eqKey) !== m.lookupType(baseRecord, eqKey))
    )
      types.add(candidate.id);
    else types.delete(candidate.id);
  };
  update(record);
  for (const candidate of m.records)
    if (candidate?.user === true && candidate !== record && m.isSubtype(candidate, record))
      update(candidate);
}
