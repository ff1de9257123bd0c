import {
  DerivedTypeFlags,
  GC_NEXT_OFFSET,
  InvalidPointerError,
  OB_SIZE_OFFSET,
  OB_TYPE_OFFSET,
  OBJECT_HEAD_SIZE,
  type Ptr,
  TypeFlags,
  type TypeId,
  type TypeSpec,
} from "@pymem/core";
import type { ClassOptions } from "./api.js";
import {
  builtinSubclassSpec,
  checkVariableSizeFields,
  copyBuiltinValue,
  END_DICT,
  hasEndDict,
  initEmptyBuiltin,
  instanceDictSlot,
  isBuiltinBase,
} from "./builtin-subclass-types.js";
import type { Heap } from "./heap.js";
import {
  DICT_ENTRIES_OFFSET,
  DICT_NENTRIES_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  INSTANCE_FIELDS_OFFSET,
} from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * User classes and their instances: `defineClass` (slots, `__dict__`, `__weakref__`, single
 * inheritance, finalizers; CPython's `type_new` layout), slot and field access, and generic
 * attributes (`PyObject_GenericSetAttr` / `PyObject_GenericGetAttr`).
 *
 * @module
 */

/**
 * Per-class metadata that only construction, attribute access and instance deallocation need.
 * Reached through `@pymem/heap/internal`.
 */
export interface ClassInfo {
  readonly name: string;
  readonly slotOffsets: ReadonlyMap<string, number>;
  /** Byte offset of the `__dict__` word; 0 without one; `END_DICT` after a variable-size body. */
  readonly dictOffset: number;
  readonly weaklistOffset: number;
  /** Reference offsets in CPython's decref order (subtype_dealloc: own slots, base slots, dict). */
  readonly deallocOrder: Uint32Array;
  readonly gc: boolean;
  readonly finalize: ((obj: Ptr) => void) | undefined;
  /** Attributes live in an untracked dict reported by the instance's traversal (CPython 3.11+). */
  readonly managedDict: boolean;
  /** The class object every instance holds a reference to (0 for none). */
  readonly typeObject: Ptr;
}

/**
 * The {@link Heap} methods for user classes and their instances.
 *
 * @example
 * ```ts
 * const Point = heap.defineClass({ name: "Point", slots: ["x", "y"] });
 * const p = heap.newInstance(Point);
 * heap.setSlot(p, "x", heap.newInt(3));
 * ```
 */
export interface InstanceOperations {
  /**
   * Defines a user class (a heap type with `__slots__`-style fields, an optional `__dict__` and
   * `__weakref__`, single inheritance and finalizers) and returns its type id.
   *
   * @example
   * ```ts
   * const Point = heap.defineClass({ name: "Point", slots: ["x", "y"] });
   * const p = heap.newInstance(Point);
   * heap.setSlot(p, "x", heap.newInt(3));
   * ```
   */
  defineClass(options: Partial<ClassOptions> & { name: string }): TypeId;

  /**
   * The byte offset of a named slot of a class, for fast field access with {@link Heap.loadField} /
   * {@link Heap.storeField}.
   *
   * @example
   * ```ts
   * const nextOffset = heap.slotOffset(Node, "next");
   * ```
   */
  slotOffset(typeId: TypeId, name: string): number;

  /**
   * A new reference to an instance of a class from {@link Heap.defineClass}: every slot empty, no
   * `__dict__` yet. GC classes' instances are tracked at creation.
   *
   * @example
   * ```ts
   * const node = heap.newInstance(Node);
   * ```
   */
  newInstance(typeId: TypeId): Ptr;

  /**
   * A new reference to an instance of a class deriving from an immutable built-in type (`int`,
   * `float`, `complex`, `str`, `tuple`) holding the value of `source` (borrowed), an object of
   * that built-in kind. CPython: `long_subtype_new` and its siblings. Throws TypeError when the
   * kinds differ, RangeError for a big int in a class whose fields follow the int's fixed part.
   *
   * @example
   * ```ts
   * const celsius = heap.newInstanceFrom(Celsius, heap.newFloat(21.5));
   * ```
   */
  newInstanceFrom(typeId: TypeId, source: Ptr): Ptr;

  /**
   * The address of the word holding an instance's `__dict__` (0 when its class has none): a
   * fixed offset, or after the items of a variable-size built-in's subclass instance (CPython:
   * `_PyObject_ComputedDictPointer`).
   *
   * @example
   * ```ts
   * const dict = heap.memory.u32[heap.dictSlot(obj) >>> 2]; // 0 until the first attribute
   * ```
   */
  dictSlot(obj: Ptr): Ptr;

  /**
   * A borrowed reference to a named slot's value, or 0 when unset.
   *
   * @example
   * ```ts
   * const x = heap.getSlot(p, "x"); // 0 until set
   * ```
   */
  getSlot(obj: Ptr, name: string): Ptr;

  /**
   * Stores into a named slot (value borrowed; 0 empties the slot). The old value is released
   * after the store (`Py_SETREF`).
   *
   * @example
   * ```ts
   * heap.setSlot(node, "next", other);
   * ```
   */
  setSlot(obj: Ptr, name: string, value: Ptr): void;

  /**
   * A borrowed reference stored at `offset` in `obj` (see {@link Heap.slotOffset}).
   *
   * @example
   * ```ts
   * const next = heap.loadField(node, heap.slotOffset(Node, "next"));
   * ```
   */
  loadField(obj: Ptr, offset: number): Ptr;

  /**
   * Stores a reference at `offset` in `obj` (value borrowed, 0 to clear), releasing the old one
   * after the store.
   *
   * @example
   * ```ts
   * heap.storeField(node, heap.slotOffset(Node, "next"), other);
   * ```
   */
  storeField(obj: Ptr, offset: number, value: Ptr): void;

  /**
   * Sets an attribute: a named slot if the class has one, else an entry of the instance's
   * `__dict__` (created on first use). CPython: `PyObject_GenericSetAttr`.
   *
   * @example
   * ```ts
   * heap.setAttr(obj, "color", heap.newStr("red"));
   * ```
   */
  setAttr(obj: Ptr, name: string, value: Ptr): void;

  /**
   * Gets an attribute as a borrowed reference (slot or `__dict__`), or 0 when missing.
   *
   * @example
   * ```ts
   * const color = heap.getAttr(obj, "color"); // 0 when missing
   * ```
   */
  getAttr(obj: Ptr, name: string): Ptr;

  /**
   * {@link Heap.setAttr} with the name given as a `str` object (an interned name, so a caller can
   * look it up once and reuse it): no string conversion per store. Returns false (storing nothing)
   * when the instance has neither a slot of that name nor a `__dict__`.
   *
   * @example
   * ```ts
   * const name = heap.intern("color");
   * heap.setAttrByKey(obj, name, value);
   * ```
   */
  setAttrByKey(obj: Ptr, key: Ptr, value: Ptr): boolean;

  /**
   * {@link Heap.getAttr} with the name given as a `str` object: a borrowed reference, or 0 when
   * missing.
   *
   * @example
   * ```ts
   * const color = heap.getAttrByKey(obj, heap.intern("color"));
   * ```
   */
  getAttrByKey(obj: Ptr, key: Ptr): Ptr;

  /**
   * Deletes an attribute (slot or `__dict__` entry) named by a `str` object. Returns false when the
   * instance has no such attribute. CPython: `PyObject_GenericSetAttr` with a NULL value.
   *
   * @example
   * ```ts
   * heap.delAttrByKey(obj, heap.intern("color"));
   * ```
   */
  delAttrByKey(obj: Ptr, key: Ptr): boolean;
}

/**
 * The implementation of {@link InstanceOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const instanceOperations: InstanceOperations & ThisType<Heap> = {
  defineClass(options) {
    const base = options.base !== undefined ? this.classes[options.base] : undefined;
    // A class deriving (directly or through other classes) from a built-in type keeps that
    // type's kind and layout, its own fields following the built-in's (CPython: type_new with a
    // built-in solid base).
    const kind = options.base !== undefined ? this.kinds[options.base]! : ObjectKind.INSTANCE;
    if (options.base !== undefined && base === undefined && !isBuiltinBase(this, options.base))
      throw new TypeError(`type '${options.name}': base ${options.base} is not a class`);
    const slots = options.slots ?? [];
    const plain = options.slots === undefined;
    const gc = options.gc ?? true;
    if (base !== undefined && base.gc !== gc)
      throw new TypeError(`type '${options.name}': gc must match the base class`);
    let offset =
      options.base !== undefined ? this.types.basicSize[options.base]! : INSTANCE_FIELDS_OFFSET;
    const slotOffsets = new Map(base?.slotOffsets ?? []);
    // A variable-size base (int, str, tuple) keeps its items where fields would go: the dict
    // goes after them (CPython's negative tp_dictoffset), and nothing else may be added.
    const endDict = kind !== ObjectKind.INSTANCE && hasEndDict(this, options.base!);
    if (endDict) checkVariableSizeFields(this, options.base!, slots);
    let dictOffset = base?.dictOffset ?? 0;
    if (dictOffset === 0 && (options.dict ?? plain)) {
      dictOffset = endDict ? END_DICT : offset;
      offset += 4;
    }
    let weaklistOffset = endDict
      ? 0
      : (base?.weaklistOffset ??
        (options.base !== undefined ? this.types.weaklistOffset[options.base]! : 0));
    if (weaklistOffset === 0 && !endDict && (options.weakrefable ?? plain)) {
      weaklistOffset = offset;
      offset += 4;
    }
    const ownSlots: number[] = [];
    for (const name of slots) {
      if (slotOffsets.has(name) || name === "__dict__" || name === "__weakref__")
        throw new TypeError(`type '${options.name}': duplicate slot '${name}'`);
      slotOffsets.set(name, offset);
      ownSlots.push(offset);
      offset += 4;
    }
    // CPython: subtype_dealloc clears the most derived slots first, then the bases', then the dict.
    const baseSlots = base !== undefined ? [...base.deallocOrder] : [];
    if (base !== undefined && base.dictOffset > 0) baseSlots.pop();
    const order = [...ownSlots, ...baseSlots];
    if (dictOffset > 0) order.push(dictOffset);
    const finalize = options.finalize ?? base?.finalize;
    // CPython 3.13 keeps inline values only for classes with object's layout: a subclass of a
    // built-in type gets an ordinary dict (tracked once it holds a container).
    const managedDict =
      kind === ObjectKind.INSTANCE &&
      (options.managedDict ?? base?.managedDict ?? false) &&
      dictOffset !== 0;
    const typeObject = options.typeObject ?? 0;
    const spec: TypeSpec =
      kind !== ObjectKind.INSTANCE
        ? builtinSubclassSpec(this, options, offset, order, {
            gc,
            dictOffset,
            managedDict,
            typeObject,
            weaklistOffset,
            finalize,
          })
        : {
            name: options.name,
            basicSize: offset,
            flags:
              (gc ? TypeFlags.GC : 0) |
              TypeFlags.BASETYPE |
              (typeObject !== 0 ? TypeFlags.HEAPTYPE : 0),
            // A managed dict is not a reference the collector sees: its values are, between the
            // slots and the type (CPython 3.13's subtype_traverse order: slots, inline values,
            // type), read by core's typed-array walk rather than a traverse hook.
            references: managedDict
              ? {
                  fixed: order.filter((o) => o !== dictOffset),
                  values: {
                    slot: dictOffset,
                    holderType: this.managedDictType,
                    entriesOffset: DICT_ENTRIES_OFFSET,
                    countOffset: DICT_NENTRIES_OFFSET,
                    stride: ENTRY_SIZE,
                    valueOffset: ENTRY_VALUE_OFFSET,
                  },
                }
              : { fixed: order },
            ...(typeObject !== 0 ? { typeObject } : {}),
            ...(managedDict ? { clear: (obj: Ptr) => clearInstance(this, obj, order) } : {}),
            ...(weaklistOffset !== 0 ? { weaklistOffset } : {}),
            ...(options.base !== undefined ? { base: options.base } : {}),
            ...(finalize !== undefined ? { finalize } : {}),
            ...(options.legacyDel !== undefined ? { del: options.legacyDel } : {}),
          };
    const id = this.registerType(kind, spec);
    this.classes[id] = {
      name: options.name,
      slotOffsets,
      dictOffset,
      weaklistOffset,
      deallocOrder: Uint32Array.from(order),
      gc,
      finalize,
      managedDict,
      typeObject,
    };
    return id;
  },

  slotOffset(typeId, name) {
    const offset = this.classes[typeId]?.slotOffsets.get(name);
    if (offset === undefined)
      throw new TypeError(`'${this.types.spec(typeId).name}' object has no slot '${name}'`);
    return offset;
  },

  newInstance(typeId) {
    const info = this.classes[typeId];
    if (info === undefined) throw new TypeError(`type id ${typeId} is not a class`);
    const obj = this.allocate(typeId);
    initEmptyBuiltin(this, obj, this.kinds[typeId]!);
    // CPython: PyType_GenericAlloc — instances of heap types own a reference to their type.
    if (info.typeObject !== 0) this.requireLifetime().incref(info.typeObject);
    return obj;
  },

  dictSlot(obj) {
    const info = this.classes[this.typeOf(obj)];
    return info === undefined || info.dictOffset === 0 ? 0 : instanceDictSlot(this, obj, info);
  },

  newInstanceFrom(typeId, source) {
    if (this.classes[typeId] === undefined) throw new TypeError(`type id ${typeId} is not a class`);
    return copyBuiltinValue(this, typeId, source);
  },

  getSlot(obj, name) {
    return this.memory.u32[(obj + this.slotOffset(this.typeOf(obj), name)) >>> 2]!;
  },

  setSlot(obj, name, value) {
    this.storeField(obj, this.slotOffset(this.typeOf(obj), name), value);
  },

  loadField(obj, offset) {
    checkField(this, obj, offset);
    return this.memory.u32[(obj + offset) >>> 2]!;
  },

  storeField(obj, offset, value) {
    checkField(this, obj, offset);
    const lifetime = this.requireLifetime();
    if (value !== 0) {
      this.checkLive(value);
      lifetime.incref(value);
    }
    const slot = (obj + offset) >>> 2;
    const old = this.memory.u32[slot]!;
    this.memory.u32[slot] = value;
    if (old !== 0) lifetime.decref(old);
  },

  setAttr(obj, name, value) {
    const info = this.classes[this.typeOf(obj)];
    const slot = info?.slotOffsets.get(name);
    if (slot !== undefined) {
      this.storeField(obj, slot, value);
      return;
    }
    if (info === undefined || info.dictOffset === 0)
      throw new TypeError(`'${this.typeName(obj)}' object has no attribute '${name}'`);
    let dict = this.memory.u32[instanceDictSlot(this, obj, info) >>> 2]!;
    if (dict === 0) {
      dict = info.managedDict ? this.newManagedDict() : this.newDict();
      this.memory.u32[instanceDictSlot(this, obj, info) >>> 2] = dict;
    }
    const key = this.intern(name);
    try {
      this.dictSetItem(dict, key, value);
    } finally {
      this.requireLifetime().decref(key);
    }
    if (info.managedDict) untrackManagedDict(this, dict);
  },

  setAttrByKey(obj, key, value) {
    const info = this.classes[this.typeOf(obj)];
    if (info === undefined) return false;
    const slot = info.slotOffsets.size !== 0 ? info.slotOffsets.get(this.strValue(key)) : undefined;
    if (slot !== undefined) {
      this.storeField(obj, slot, value);
      return true;
    }
    if (info.dictOffset === 0) return false;
    let dict = this.memory.u32[instanceDictSlot(this, obj, info) >>> 2]!;
    if (dict === 0) {
      dict = info.managedDict ? this.newManagedDict() : this.newDict();
      this.memory.u32[instanceDictSlot(this, obj, info) >>> 2] = dict;
    }
    this.dictSetItem(dict, key, value);
    if (info.managedDict) untrackManagedDict(this, dict);
    return true;
  },

  getAttrByKey(obj, key) {
    const info = this.classes[this.typeOf(obj)];
    if (info === undefined) return 0;
    if (info.slotOffsets.size !== 0) {
      const slot = info.slotOffsets.get(this.strValue(key));
      if (slot !== undefined) return this.memory.u32[(obj + slot) >>> 2]!;
    }
    if (info.dictOffset === 0) return 0;
    const dict = this.memory.u32[instanceDictSlot(this, obj, info) >>> 2]!;
    if (dict === 0) return 0;
    return this.dictGetItem(dict, key);
  },

  delAttrByKey(obj, key) {
    const info = this.classes[this.typeOf(obj)];
    if (info === undefined) return false;
    const slot = info.slotOffsets.size !== 0 ? info.slotOffsets.get(this.strValue(key)) : undefined;
    if (slot !== undefined) {
      if (this.memory.u32[(obj + slot) >>> 2] === 0) return false;
      this.storeField(obj, slot, 0);
      return true;
    }
    if (info.dictOffset === 0) return false;
    const dict = this.memory.u32[instanceDictSlot(this, obj, info) >>> 2]!;
    return dict !== 0 && this.dictDelItem(dict, key);
  },

  getAttr(obj, name) {
    const info = this.classes[this.typeOf(obj)];
    const slot = info?.slotOffsets.get(name);
    if (slot !== undefined) return this.memory.u32[(obj + slot) >>> 2]!;
    if (info === undefined || info.dictOffset === 0) return 0;
    const dict = this.memory.u32[instanceDictSlot(this, obj, info) >>> 2]!;
    if (dict === 0) return 0;
    const key = this.intern(name);
    const value = this.dictGetItem(dict, key);
    this.requireLifetime().decref(key);
    return value;
  },
};

/**
 * Keeps a managed dict out of the collector: dictSetItem tracks a dict that gains a GC value.
 * A materialized one (`obj.__dict__` was asked for) is an ordinary dict and keeps its tracking.
 */
function untrackManagedDict(heap: Heap, dict: Ptr): void {
  const collector = heap.collector;
  if (
    collector !== undefined &&
    heap.memory.u32[(dict + GC_NEXT_OFFSET) >>> 2] !== 0 &&
    heap.typeOf(dict) === heap.managedDictType
  )
    collector.untrack(dict);
}

/**
 * @internal
 * The managed dict's values, as CPython 3.13's `subtype_traverse` reports inline values; once
 * materialized, the dict itself (`_PyObject_VisitManagedDict`).
 */
export function visitManagedValues(
  heap: Heap,
  obj: Ptr,
  dictOffset: number,
  visit: (referent: Ptr) => void,
): void {
  const u32 = heap.memory.u32;
  const dict = u32[(obj + dictOffset) >>> 2]!;
  if (dict === 0) return;
  if (u32[(dict + OB_TYPE_OFFSET) >>> 2] !== heap.managedDictType) {
    visit(dict);
    return;
  }
  const entries = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]!;
  const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
  for (let i = 0; i < count; i++) {
    const value = heap.memory.u32[(entries + i * ENTRY_SIZE + ENTRY_VALUE_OFFSET) >>> 2]!;
    if (value !== 0) visit(value);
  }
}

/**
 * @internal
 * `tp_clear` of a managed-dict instance: empties its slots, then drops its dict (CPython:
 * `subtype_clear` — `clear_slots`, then `_PyObject_ClearManagedDict`). The type reference stays.
 */
export function clearInstance(heap: Heap, obj: Ptr, order: readonly number[]): void {
  const lifetime = heap.requireLifetime();
  for (const offset of order) {
    const slot = (obj + offset) >>> 2;
    const referent = heap.memory.u32[slot]!;
    if (referent === 0) continue;
    heap.memory.u32[slot] = 0;
    lifetime.decref(referent);
  }
}

/**
 * Throws {@link InvalidPointerError} unless `obj` is a live object and `offset` a 4-aligned field
 * inside it past the header: a store elsewhere would overwrite the header or a neighbouring block.
 */
function checkField(heap: Heap, obj: Ptr, offset: number): void {
  const typeId = heap.typeOf(obj);
  const types = heap.types;
  let size = types.basicSize[typeId]!;
  if ((types.flags[typeId]! & DerivedTypeFlags.VARIABLE_SIZE) !== 0)
    size += types.itemSize[typeId]! * heap.memory.i32[(obj + OB_SIZE_OFFSET) >> 2]!;
  if (
    offset === offset >>> 0 &&
    (offset & 3) === 0 &&
    offset >= OBJECT_HEAD_SIZE &&
    offset + 4 <= size
  )
    return;
  const name = types.spec(typeId).name;
  throw new InvalidPointerError(
    obj,
    `field offset ${offset} is not a 4-aligned field of this '${name}' object (${OBJECT_HEAD_SIZE} to ${size - 4})`,
    name,
  );
}
