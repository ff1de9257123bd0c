import { OB_TYPE_OFFSET, type Ptr } from "@pymem/core";
import { hashBigInt } from "./big-int-digits.js";
import {
  HASH_NONE,
  hashFloat,
  hashInteger,
  hashPointer,
  tupleHashAdd,
  tupleHashFinish,
  tupleHashStart,
} from "./hash.js";
import type { Heap } from "./heap.js";
import {
  COMPLEX_IMAG_OFFSET,
  COMPLEX_REAL_OFFSET,
  FLOAT_VALUE_OFFSET,
  INT_VALUE_OFFSET,
  SET_HASH_OFFSET,
  STR_BYTES_OFFSET,
  STR_DATA_OFFSET,
  STR_HASH_OFFSET,
  STR_STATE_OFFSET,
  TUPLE_ITEMS_OFFSET,
  TUPLE_SIZE_OFFSET,
  WEAKREF_HASH_OFFSET,
  WEAKREF_OBJECT_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";
import { frozensetHash } from "./set-table.js";
import { hashStrUtf8 } from "./string-hash.js";

/**
 * `hash()` and `==` for the hashable built-ins, as dict lookups need them: numbers by value across
 * int/bool/float, str by content, tuples item by item (iteratively: nesting depth is the user's),
 * everything else by identity.
 *
 * @module
 */

/** Hash of a non-tuple object of the given {@link ObjectKind}. */
export function hashScalar(heap: Heap, obj: Ptr, kind: number): number {
  switch (kind) {
    case ObjectKind.INT:
    case ObjectKind.BOOL: {
      const value = heap.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3]!;
      return !Number.isNaN(value) ? hashInteger(value) : hashBigInt(heap.intBigValue(obj));
    }
    case ObjectKind.FLOAT:
      return hashFloat(heap.memory.f64[(obj + FLOAT_VALUE_OFFSET) >>> 3]!, obj);
    case ObjectKind.COMPLEX: {
      // CPython: complex_hash — hash(real) + 1000003·hash(imag) in unsigned arithmetic.
      const f64 = heap.memory.f64;
      const real = hashFloat(f64[(obj + COMPLEX_REAL_OFFSET) >>> 3]!, obj);
      const imag = hashFloat(f64[(obj + COMPLEX_IMAG_OFFSET) >>> 3]!, obj);
      const hash = (real + Math.imul(1000003, imag)) | 0;
      return hash === -1 ? -2 : hash;
    }
    case ObjectKind.NONE:
      return HASH_NONE;
    case ObjectKind.STR: {
      const cached = heap.memory.i32[(obj + STR_HASH_OFFSET) >> 2]!;
      if (cached !== -1) return cached;
      const start = obj + STR_DATA_OFFSET;
      const hash = hashStrUtf8(
        heap.hashSecret,
        heap.memory.u8,
        start,
        start + heap.memory.u32[(obj + STR_BYTES_OFFSET) >>> 2]!,
        heap.memory.u32[(obj + STR_STATE_OFFSET) >>> 2]! >>> 1,
      );
      heap.memory.i32[(obj + STR_HASH_OFFSET) >> 2] = hash;
      return hash;
    }
    case ObjectKind.WEAKREF: {
      // CPython: weakref_hash — the referent's hash, cached; TypeError once dead and uncached.
      const cached = heap.memory.i32[(obj + WEAKREF_HASH_OFFSET) >> 2]!;
      if (cached !== -1) return cached;
      const referent = heap.memory.u32[(obj + WEAKREF_OBJECT_OFFSET) >>> 2]!;
      if (referent === 0) throw new TypeError("weak object has gone away");
      const hash = heap.hash(referent);
      heap.memory.i32[(obj + WEAKREF_HASH_OFFSET) >> 2] = hash;
      return hash;
    }
    case ObjectKind.FROZENSET: {
      const cached = heap.memory.i32[(obj + SET_HASH_OFFSET) >> 2]!;
      if (cached !== -1) return cached;
      const hash = frozensetHash(heap, obj);
      heap.memory.i32[(obj + SET_HASH_OFFSET) >> 2] = hash;
      return hash;
    }
    case ObjectKind.LIST:
    case ObjectKind.DICT:
    case ObjectKind.SET:
      throw new TypeError(`unhashable type: '${heap.typeName(obj)}'`);
    default: {
      const protocol = heap.keyProtocol;
      return protocol === undefined ? hashPointer(obj) : protocol.hash(obj);
    }
  }
}

/** CPython: `tuplehash`, with an explicit stack instead of recursion into nested tuples. */
export function hashTuple(heap: Heap, root: Ptr): number {
  const tuples: Ptr[] = [root];
  const positions: number[] = [0];
  const accumulators: number[] = [tupleHashStart()];
  for (;;) {
    const depth = tuples.length - 1;
    const tuple = tuples[depth]!;
    const size = heap.memory.i32[(tuple + TUPLE_SIZE_OFFSET) >> 2]!;
    const position = positions[depth]!;
    if (position === size) {
      const hash = tupleHashFinish(accumulators[depth]!, size);
      tuples.pop();
      positions.pop();
      accumulators.pop();
      if (depth === 0) return hash;
      accumulators[depth - 1] = tupleHashAdd(accumulators[depth - 1]!, hash);
      positions[depth - 1]!++;
      continue;
    }
    const item = heap.memory.u32[(tuple + TUPLE_ITEMS_OFFSET + 4 * position) >>> 2]!;
    const kind = heap.kinds[heap.memory.u32[(item + OB_TYPE_OFFSET) >>> 2]!]!;
    if (hashesThroughProtocol(heap, item)) {
      accumulators[depth] = tupleHashAdd(accumulators[depth]!, heap.keyProtocol!.hash(item));
      positions[depth] = position + 1;
      continue;
    }
    if (kind === ObjectKind.TUPLE) {
      tuples.push(item);
      positions.push(0);
      accumulators.push(tupleHashStart());
      continue;
    }
    accumulators[depth] = tupleHashAdd(accumulators[depth]!, hashScalar(heap, item, kind));
    positions[depth] = position + 1;
  }
}

/**
 * `a == b` for hashable built-ins: identity, numeric equality across int/bool/float, str
 * content, tuples item by item (with an explicit stack of pairs). Other objects compare by identity.
 *
 * @example
 * ```ts
 * objectsEqual(heap, heap.newInt(1), heap.true); // true, as 1 == True
 * ```
 */
export function objectsEqual(heap: Heap, a: Ptr, b: Ptr): boolean {
  const pairs: Ptr[] = [a, b];
  while (pairs.length > 0) {
    const right = pairs.pop()!;
    const left = pairs.pop()!;
    if (left === right) continue;
    const leftKind = heap.kinds[heap.memory.u32[(left + OB_TYPE_OFFSET) >>> 2]!]!;
    const rightKind = heap.kinds[heap.memory.u32[(right + OB_TYPE_OFFSET) >>> 2]!]!;
    if (
      isForeignKind(leftKind) ||
      isForeignKind(rightKind) ||
      hashesThroughProtocol(heap, left) ||
      hashesThroughProtocol(heap, right)
    ) {
      // CPython: PyObject_RichCompare — a user __eq__ (either side) decides.
      const protocol = heap.keyProtocol;
      if (protocol === undefined || !protocol.equal(left, right)) return false;
      continue;
    }
    if (isNumberKind(leftKind) && isNumberKind(rightKind)) {
      // Every number keeps its (real) value at the same offset; a complex adds its imaginary
      // part, which a real number's is zero. CPython: complex_richcompare.
      const f64 = heap.memory.f64;
      const leftValue = f64[(left + INT_VALUE_OFFSET) >>> 3]!;
      const rightValue = f64[(right + INT_VALUE_OFFSET) >>> 3]!;
      if (leftValue !== rightValue) {
        // A big int's slot reads NaN: compare exact values (never equal to a safe integer).
        if (!Number.isNaN(leftValue) && !Number.isNaN(rightValue)) return false;
        if (!bigNumberEquals(heap, left, leftKind, right, rightKind)) return false;
      }
      const leftImag =
        leftKind === ObjectKind.COMPLEX ? f64[(left + COMPLEX_IMAG_OFFSET) >>> 3] : 0;
      const rightImag =
        rightKind === ObjectKind.COMPLEX ? f64[(right + COMPLEX_IMAG_OFFSET) >>> 3] : 0;
      if (leftImag !== rightImag) return false;
      continue;
    }
    if (isSetKind(leftKind) && isSetKind(rightKind)) {
      if (!heap.setsEqual(left, right)) return false;
      continue;
    }
    if (leftKind !== rightKind) return false;
    if (leftKind === ObjectKind.WEAKREF) {
      // CPython: weakref_richcompare — live references compare their referents, dead ones identity.
      const u32 = heap.memory.u32;
      const leftReferent = u32[(left + WEAKREF_OBJECT_OFFSET) >>> 2]!;
      const rightReferent = u32[(right + WEAKREF_OBJECT_OFFSET) >>> 2]!;
      if (leftReferent === 0 || rightReferent === 0) return false;
      pairs.push(leftReferent, rightReferent);
      continue;
    }
    if (leftKind === ObjectKind.STR) {
      const u32 = heap.memory.u32;
      const length = u32[(left + STR_BYTES_OFFSET) >>> 2]!;
      if (length !== u32[(right + STR_BYTES_OFFSET) >>> 2]) return false;
      const u8 = heap.memory.u8;
      for (let i = 0; i < length; i++)
        if (u8[left + STR_DATA_OFFSET + i] !== u8[right + STR_DATA_OFFSET + i]) return false;
      continue;
    }
    if (leftKind === ObjectKind.TUPLE) {
      const size = heap.memory.i32[(left + TUPLE_SIZE_OFFSET) >> 2]!;
      if (size !== heap.memory.i32[(right + TUPLE_SIZE_OFFSET) >> 2]) return false;
      for (let i = size - 1; i >= 0; i--) {
        pairs.push(heap.memory.u32[(left + TUPLE_ITEMS_OFFSET + 4 * i) >>> 2]!);
        pairs.push(heap.memory.u32[(right + TUPLE_ITEMS_OFFSET + 4 * i) >>> 2]!);
      }
      continue;
    }
    return false;
  }
  return true;
}

/**
 * `a == b` where one side is a big int (its float64 slot a NaN): equal only to a big int of the
 * same value or a float (or complex with no imaginary part) holding exactly that integer.
 * CPython: `long_richcompare`, `float_richcompare`.
 */
function bigNumberEquals(heap: Heap, a: Ptr, aKind: number, b: Ptr, bKind: number): boolean {
  const exact = (obj: Ptr, kind: number): bigint | undefined => {
    if (kind === ObjectKind.INT || kind === ObjectKind.BOOL) return heap.intBigValue(obj);
    const value = heap.memory.f64[(obj + INT_VALUE_OFFSET) >>> 3]!;
    return Number.isInteger(value) ? BigInt(value) : undefined;
  };
  const x = exact(a, aKind);
  return x !== undefined && x === exact(b, bKind);
}

/**
 * Whether `obj` is an instance of a class in {@link Heap.keyProtocolTypes} (a `str` subclass with
 * its own `__hash__`, …), which hashes and compares through the key protocol, not by value.
 */
function hashesThroughProtocol(heap: Heap, obj: Ptr): boolean {
  const types = heap.keyProtocolTypes;
  return (
    types.size !== 0 &&
    heap.keyProtocol !== undefined &&
    types.has(heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!)
  );
}

/** Kinds whose hashing and equality belong to the {@link Heap.keyProtocol}. */
function isForeignKind(kind: number): boolean {
  return kind === ObjectKind.INSTANCE || kind === ObjectKind.GENERIC;
}

function isSetKind(kind: number): boolean {
  return kind === ObjectKind.SET || kind === ObjectKind.FROZENSET;
}

function isNumberKind(kind: number): boolean {
  return (
    kind === ObjectKind.INT ||
    kind === ObjectKind.BOOL ||
    kind === ObjectKind.FLOAT ||
    kind === ObjectKind.COMPLEX
  );
}

/**
 * The {@link Heap} methods for hashing and key equality, as dicts use them.
 *
 * @example
 * ```ts
 * heap.hash(heap.newInt(1)) === heap.hash(heap.true); // true
 * heap.keysEqual(heap.newInt(1), heap.true); // true
 * ```
 */
export interface HashOperations {
  /**
   * `hash(obj)` with CPython's 32-bit rules: numbers hash by value across int/bool/float, strs by
   * content (SipHash-1-3 keyed by the heap's hash secret, cached in the str), tuples by their
   * items (iteratively), frozensets by their keys (cached), instances through
   * {@link Heap.keyProtocol} (by address without one). Lists, dicts and sets throw
   * `TypeError: unhashable type`.
   *
   * @example
   * ```ts
   * heap.hash(heap.newFloat(2)) === heap.hash(heap.newInt(2)); // true
   * ```
   */
  hash(obj: Ptr): number;

  /**
   * `hash(obj)` by the built-in rules of its kind, even for an instance of a class in
   * {@link Heap.keyProtocolTypes}: what `str.__hash__(self)` computes for a `str` subclass.
   * CPython: `unicode_hash`, `long_hash`, `tuplehash`, … called directly.
   *
   * @example
   * ```ts
   * heap.builtinHash(key) === heap.hash(heap.newStr("a")); // for a str subclass instance "a"
   * ```
   */
  builtinHash(obj: Ptr): number;

  /**
   * `a == b` for hashable built-ins: identity, numeric equality across int/bool/float, str
   * content, tuples item by item (iteratively), sets and frozensets by their keys; instances
   * through {@link Heap.keyProtocol} (by identity without one).
   *
   * @example
   * ```ts
   * heap.keysEqual(heap.newInt(1), heap.true); // true, as 1 == True
   * ```
   */
  keysEqual(a: Ptr, b: Ptr): boolean;
}

/**
 * The implementation of {@link HashOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const hashOperations: HashOperations & ThisType<Heap> = {
  hash(obj) {
    if (hashesThroughProtocol(this, obj)) return this.keyProtocol!.hash(obj);
    return this.builtinHash(obj);
  },

  builtinHash(obj) {
    const kind = this.kindOf(obj);
    if (kind === ObjectKind.TUPLE) return hashTuple(this, obj);
    return hashScalar(this, obj, kind);
  },

  keysEqual(a, b) {
    return objectsEqual(this, a, b);
  },
};
