import {
  DerivedTypeFlags,
  OB_SIZE_OFFSET,
  OB_TYPE_OFFSET,
  OBJECT_HEAD_SIZE,
  type Ptr,
  TypeFlags,
  type TypeId,
  type TypeSpec,
} from "@pymem/core";
import type { ClassOptions } from "./api.js";
import type { Heap } from "./heap.js";
import { type ClassInfo, clearInstance, visitManagedValues } from "./instance-objects.js";
import {
  SET_HASH_OFFSET,
  SET_MASK_OFFSET,
  SET_MIN_SIZE,
  SET_SMALLTABLE_OFFSET,
  SET_TABLE_OFFSET,
  STR_STATE_OFFSET,
  TUPLE_ITEMS_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * Classes deriving from a built-in type (`class Stack(list)`): the type spec that keeps the
 * built-in's kind, layout and hooks and adds the class's own fields (`__dict__`, `__weakref__`,
 * `__slots__`) after them. CPython: `type_new` with a built-in solid base, `subtype_traverse`,
 * `subtype_clear`.
 *
 * @module
 */

/**
 * The {@link ObjectKind}s a class may derive from with `defineClass({ base })` (CPython: the
 * built-in types with `Py_TPFLAGS_BASETYPE`): int, float, complex, str, tuple, list, dict, set,
 * frozenset, and the weakref type (`weakref.ref`).
 *
 * @example
 * ```ts
 * SUBCLASSABLE_KINDS.includes(heap.kinds[heap.listType]!); // true
 * ```
 */
export const SUBCLASSABLE_KINDS: readonly number[] = [
  ObjectKind.INT,
  ObjectKind.FLOAT,
  ObjectKind.STR,
  ObjectKind.TUPLE,
  ObjectKind.LIST,
  ObjectKind.DICT,
  ObjectKind.SET,
  ObjectKind.FROZENSET,
  ObjectKind.COMPLEX,
  ObjectKind.WEAKREF,
];

/**
 * Whether a class may derive from the built-in type `base` (CPython: `Py_TPFLAGS_BASETYPE`): one
 * of the {@link SUBCLASSABLE_KINDS}, or a fixed-size type of declared references registered with
 * {@link Heap.defineType} and flagged `BASETYPE` (`property`, `classmethod`, `staticmethod`),
 * whose instances keep its reference slots and add the class's fields after them.
 *
 * @example
 * ```ts
 * isBuiltinBase(heap, heap.listType); // true
 * ```
 */
export function isBuiltinBase(heap: Heap, base: TypeId): boolean {
  const kind = heap.kinds[base]!;
  if (SUBCLASSABLE_KINDS.includes(kind)) return true;
  const flags = heap.types.flags[base]!;
  return (
    kind === ObjectKind.GENERIC &&
    (flags & TypeFlags.BASETYPE) !== 0 &&
    (flags & DerivedTypeFlags.VARIABLE_SIZE) === 0 &&
    heap.types.spec(base).traverse === undefined
  );
}

/** The instance fields a built-in subclass adds, as `defineClass` computed them. @internal */
export interface AddedFields {
  readonly gc: boolean;
  readonly dictOffset: number;
  readonly managedDict: boolean;
  readonly typeObject: Ptr;
  readonly weaklistOffset: number;
  readonly finalize: ((obj: Ptr) => void) | undefined;
}

/** `ClassInfo.dictOffset` of a dict stored after a variable-size body. @internal */
export const END_DICT = -1;

/**
 * Whether a class deriving from `base` keeps its dict after the base's variable-size body:
 * `int` (digits), `str`, `tuple` — CPython's built-ins with a `tp_itemsize`.
 *
 * @internal
 */
export function hasEndDict(heap: Heap, base: number): boolean {
  const kind = heap.kinds[base];
  return kind === ObjectKind.INT || kind === ObjectKind.STR || kind === ObjectKind.TUPLE;
}

/**
 * Throws CPython's TypeError for `__slots__` names in a subclass of a variable-size built-in
 * (CPython: type_new — "nonempty __slots__ not supported for subtype of 'str'").
 *
 * @internal
 */
export function checkVariableSizeFields(heap: Heap, base: number, slots: readonly string[]): void {
  if (slots.some((slot) => slot !== "__dict__" && slot !== "__weakref__"))
    throw new TypeError(
      `nonempty __slots__ not supported for subtype of '${heap.types.spec(rootBuiltinType(heap, base)).name}'`,
    );
}

/**
 * The address of an instance's `__dict__` word: at its class's fixed offset, or after the
 * variable-size body rounded to a word (CPython: `_PyObject_ComputedDictPointer`).
 *
 * @internal
 */
export function instanceDictSlot(heap: Heap, obj: Ptr, info: ClassInfo): Ptr {
  if (info.dictOffset > 0) return obj + info.dictOffset;
  return obj + bodyEnd(heap, obj);
}

/** Where a variable-size built-in's body ends in `obj` (a subclass instance), rounded to a word. */
function bodyEnd(heap: Heap, obj: Ptr): number {
  const types = heap.types;
  const typeId = heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
  const root = rootBuiltinType(heap, typeId);
  let end = types.basicSize[root]!;
  if (heap.kinds[typeId] === ObjectKind.INT) end += 4 * heap.bigIntDigitCount(obj);
  else end += types.itemSize[root]! * heap.memory.u32[(obj + OB_SIZE_OFFSET) >>> 2]!;
  return (end + 3) & ~3;
}

/**
 * The spec of a class deriving from a built-in type: the root built-in's item layout and hooks,
 * then the added fields, then (with a managed dict) the attribute values and the class object.
 * `order` is the added fields in CPython's release order.
 *
 * @internal
 */
export function builtinSubclassSpec(
  heap: Heap,
  options: Partial<ClassOptions> & { name: string },
  basicSize: number,
  order: readonly number[],
  fields: AddedFields,
): TypeSpec {
  const base = options.base!;
  const rootSpec = heap.types.spec(rootBuiltinType(heap, base));
  const { dictOffset, managedDict, typeObject } = fields;
  const rootTraverse = rootSpec.traverse;
  const rootClear = rootSpec.clear;
  // A type of declared references (property) keeps its slots first, as CPython's base part.
  const rootFixed = rootSpec.references?.fixed ?? [];
  const fixed = [...rootFixed, ...(managedDict ? order.filter((o) => o !== dictOffset) : order)];
  const items = rootSpec.references?.items;
  const endDict = dictOffset === END_DICT;
  // The dict after a variable-size body has no fixed offset: the hooks find it.
  const dictAfterBody = (obj: Ptr): Ptr => heap.memory.u32[(obj + bodyEnd(heap, obj)) >>> 2]!;
  return {
    name: options.name,
    basicSize,
    itemSize: heap.types.itemSize[base]!,
    flags:
      (fields.gc ? TypeFlags.GC : 0) |
      TypeFlags.BASETYPE |
      (typeObject !== 0 ? TypeFlags.HEAPTYPE : 0),
    references: {
      ...(fixed.length > 0 ? { fixed } : {}),
      ...(items !== undefined ? { items } : {}),
    },
    ...(typeObject !== 0 && !managedDict ? { typeObject } : {}),
    ...(rootTraverse !== undefined || managedDict || endDict
      ? {
          traverse: (obj: Ptr, visit: (referent: Ptr) => void) => {
            rootTraverse?.(obj, visit);
            if (endDict) {
              const dict = dictAfterBody(obj);
              if (dict !== 0) visit(dict);
            }
            if (!managedDict) return;
            visitManagedValues(heap, obj, dictOffset, visit);
            if (typeObject !== 0) visit(typeObject);
          },
        }
      : {}),
    // CPython: subtype_clear — the added slots and the dict, then the base's tp_clear.
    clear: (obj: Ptr) => {
      clearInstance(heap, obj, order);
      if (endDict) clearEndDict(heap, obj);
      if (rootClear !== undefined) rootClear(obj);
      else clearInstance(heap, obj, rootFixed);
    },
    ...(fields.weaklistOffset !== 0 ? { weaklistOffset: fields.weaklistOffset } : {}),
    base,
    ...(fields.finalize !== undefined ? { finalize: fields.finalize } : {}),
    ...(options.legacyDel !== undefined ? { del: options.legacyDel } : {}),
  };
}

/**
 * Initialises a new, zero-filled instance of a class deriving from `set` or `frozenset` as an
 * empty set (its table is the inline small table). Other kinds are valid empty when zero-filled.
 *
 * @internal
 */
export function initEmptyBuiltin(heap: Heap, obj: Ptr, kind: number): void {
  if (kind !== ObjectKind.SET && kind !== ObjectKind.FROZENSET) return;
  heap.memory.u32[(obj + SET_MASK_OFFSET) >>> 2] = SET_MIN_SIZE - 1;
  heap.memory.u32[(obj + SET_TABLE_OFFSET) >>> 2] = obj + SET_SMALLTABLE_OFFSET;
  heap.memory.i32[(obj + SET_HASH_OFFSET) >> 2] = -1;
}

/**
 * A new instance of `typeId` (a class deriving from an immutable built-in: `int`, `float`,
 * `complex`, `str`, `tuple`) holding the value of `source`, an object of the same kind: its body
 * is copied and its items (a tuple's) gain a reference. CPython: `long_subtype_new`,
 * `float_subtype_new`, `unicode_subtype_new`, `tuple_subtype_new`.
 *
 * @internal
 */
export function copyBuiltinValue(heap: Heap, typeId: TypeId, source: Ptr): Ptr {
  const kind = heap.kinds[typeId]!;
  const sourceType = heap.typeOf(source);
  if (heap.kinds[sourceType] !== kind || !COPYABLE_KINDS.includes(kind))
    throw new TypeError(
      `cannot make a '${heap.types.spec(typeId).name}' from a '${heap.types.spec(sourceType).name}'`,
    );
  const types = heap.types;
  const u32 = heap.memory.u32;
  const count =
    (types.flags[sourceType]! & DerivedTypeFlags.VARIABLE_SIZE) !== 0
      ? u32[(source + OB_SIZE_OFFSET) >>> 2]!
      : 0;
  let valueEnd = types.basicSize[sourceType]! + types.itemSize[sourceType]! * count;
  if (kind === ObjectKind.INT) valueEnd += 4 * heap.bigIntDigitCount(source);
  // A variable-size value's class keeps its dict word after the value (see instanceDictSlot).
  const size =
    hasEndDict(heap, typeId) &&
    types.basicSize[typeId]! > types.basicSize[rootBuiltinType(heap, typeId)]!
      ? ((valueEnd + 3) & ~3) + 4
      : Math.max(valueEnd, types.basicSize[typeId]!);
  const gc = (types.flags[typeId]! & TypeFlags.GC) !== 0;
  const obj = heap.allocateObject(typeId, size, gc);
  const u8 = heap.memory.u8;
  u8.copyWithin(obj + OBJECT_HEAD_SIZE, source + OBJECT_HEAD_SIZE, source + valueEnd);
  u8.fill(0, obj + valueEnd, obj + size);
  // An interned str's copy is not interned: the intern table keeps pointing at the original.
  if (kind === ObjectKind.STR) u32[(obj + STR_STATE_OFFSET) >>> 2]! &= ~1;
  if (kind === ObjectKind.TUPLE) {
    const lifetime = heap.requireLifetime();
    for (let i = 0; i < count; i++) {
      const item = u32[((obj + TUPLE_ITEMS_OFFSET) >>> 2) + i]!;
      if (item !== 0) lifetime.incref(item);
    }
  }
  if (gc) {
    heap.collectorAllocated(obj);
    heap.track(obj);
  }
  const typeObject = heap.classes[typeId]!.typeObject;
  if (typeObject !== 0) heap.requireLifetime().incref(typeObject);
  return obj;
}

/** The kinds whose value {@link copyBuiltinValue} can copy (no separately allocated blocks). */
const COPYABLE_KINDS: readonly number[] = [
  ObjectKind.INT,
  ObjectKind.FLOAT,
  ObjectKind.COMPLEX,
  ObjectKind.STR,
  ObjectKind.TUPLE,
];

/** The built-in type a class derives its layout from (`list` for a subclass of a subclass of list). */
function rootBuiltinType(heap: Heap, typeId: TypeId): TypeId {
  let root = typeId;
  while (heap.classes[root] !== undefined) root = heap.types.baseType[root]!;
  return root;
}

/**
 * Drops the dict stored after a variable-size body, NULL first (CPython: `subtype_clear`'s
 * `Py_CLEAR(*dictptr)`).
 *
 * @internal
 */
export function clearEndDict(heap: Heap, obj: Ptr): void {
  const slot = (obj + bodyEnd(heap, obj)) >>> 2;
  const dict = heap.memory.u32[slot]!;
  if (dict === 0) return;
  heap.memory.u32[slot] = 0;
  heap.requireLifetime().decref(dict);
}
