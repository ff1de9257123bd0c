import { InvalidPointerError } from "./errors.js";
import { OB_TYPE_OFFSET, OBJECT_HEAD_SIZE, type TypeId } from "./layout.js";
import type { LinearMemory } from "./memory.js";
import type { Ptr } from "./ptr.js";
import type { ReferenceStack } from "./reference-stack.js";
import { DerivedTypeFlags, TypeFlags, type TypeSpec } from "./type-spec.js";

const ITEMS_NONE = 0;
const ITEMS_INLINE = 1;
const ITEMS_INDIRECT = 2;
const PUBLIC_FLAGS =
  TypeFlags.GC |
  TypeFlags.IMMUTABLE |
  TypeFlags.BASETYPE |
  TypeFlags.HEAPTYPE |
  TypeFlags.UNTRACK_WHEN_ATOMIC |
  TypeFlags.UNTRACK_WHEN_ATOMIC_ON_FULL;
const INITIAL_TYPE_CAPACITY = 64;

function growUint32(array: Uint32Array<ArrayBuffer>, minimum: number): Uint32Array<ArrayBuffer> {
  if (array.length >= minimum) return array;
  const bigger = new Uint32Array(Math.max(minimum, array.length * 2));
  bigger.set(array);
  return bigger;
}

function checkOffset(spec: TypeSpec, what: string, offset: number, limit: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset % 4 !== 0 || offset + 4 > limit) {
    throw new RangeError(
      `type '${spec.name}': ${what} ${offset} must be a multiple of 4 inside [0, ${limit - 4}]`,
    );
  }
}

/**
 * The registry of types for one heap, compiled into typed arrays indexed by {@link TypeId}, and
 * the one place that interprets a {@link ReferenceLayout}.
 *
 * @remarks
 * `@pymem/heap` fills it with the built-in and user types; collectors and the dealloc cascade read
 * it. The per-type arrays (`flags`, `basicSize`, …) are public for hot paths: index them with a
 * type id read from an object's `ob_type` word. Type id 0 is reserved, so a zeroed header never
 * looks like an object.
 *
 * @example
 * ```ts
 * import { LinearMemory, ReferenceStack, TypeFlags, TypeTable } from "@pymem/core";
 * const memory = new LinearMemory();
 * const types = new TypeTable(memory);
 * const pair = types.define({ name: "pair", basicSize: 16, flags: TypeFlags.GC, references: { fixed: [8, 12] } });
 * const stack = new ReferenceStack();
 * types.pushReferences(someObject, stack);   // pushes the non-NULL referents of someObject
 * ```
 */
export class TypeTable {
  /** The memory whose objects this table describes. */
  readonly memory: LinearMemory;
  /** {@link TypeFlags} and {@link DerivedTypeFlags} per type id. */
  flags = new Uint32Array(INITIAL_TYPE_CAPACITY);
  /** `basicSize` per type id. */
  basicSize = new Uint32Array(INITIAL_TYPE_CAPACITY);
  /** `itemSize` per type id. */
  itemSize = new Uint32Array(INITIAL_TYPE_CAPACITY);
  /** `weaklistOffset` per type id (0 = not weakrefable). */
  weaklistOffset = new Uint32Array(INITIAL_TYPE_CAPACITY);
  /** Base type id per type id (0 = none). */
  baseType = new Uint32Array(INITIAL_TYPE_CAPACITY);
  /** The heap object representing each type, or 0. See {@link TypeFlags.HEAPTYPE}. */
  typeObject = new Uint32Array(INITIAL_TYPE_CAPACITY);

  private fixedStart = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private fixedCount = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemsStorage = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemsOffset = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemsCountOffset = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemsStride = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemRefStart = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemRefCount = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private fixedOffsets = new Uint32Array(INITIAL_TYPE_CAPACITY * 2);
  private fixedOffsetsLength = 0;
  private itemRefOffsets = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemRefOffsetsLength = 0;
  private readonly specs: (TypeSpec | undefined)[] = [undefined];
  private nextTypeId = 1;

  constructor(memory: LinearMemory) {
    this.memory = memory;
  }

  /** Number of type ids in use, plus one for the reserved id 0; valid ids are `1 .. count - 1`. */
  get count(): number {
    return this.nextTypeId;
  }

  /**
   * Registers a type and returns its id. Validates the layout: every offset must be a multiple of
   * 4 inside the object (or inside an item), and flags must be {@link TypeFlags}.
   *
   * @example
   * ```ts
   * const nodeType = types.define({ name: "Node", basicSize: 12, flags: TypeFlags.GC, references: { fixed: [8] } });
   * ```
   */
  define(spec: TypeSpec): TypeId {
    const flags = spec.flags ?? 0;
    if ((flags & ~PUBLIC_FLAGS) !== 0)
      throw new RangeError(`type '${spec.name}': unknown flag bits ${flags & ~PUBLIC_FLAGS}`);
    if (
      !Number.isInteger(spec.basicSize) ||
      spec.basicSize < OBJECT_HEAD_SIZE ||
      spec.basicSize % 4 !== 0
    ) {
      throw new RangeError(
        `type '${spec.name}': basicSize ${spec.basicSize} must be a multiple of 4, at least ${OBJECT_HEAD_SIZE}`,
      );
    }
    const itemSize = spec.itemSize ?? 0;
    if (!Number.isInteger(itemSize) || itemSize < 0)
      throw new RangeError(`type '${spec.name}': itemSize must be a non-negative integer`);
    const fixed = spec.references?.fixed ?? [];
    for (const offset of fixed) checkOffset(spec, "reference offset", offset, spec.basicSize);
    const items = spec.references?.items;
    if (items !== undefined) {
      checkOffset(spec, "item count offset", items.countOffset, spec.basicSize);
      if (items.storage === "indirect")
        checkOffset(spec, "item array offset", items.offset, spec.basicSize);
      else if (
        !Number.isInteger(items.offset) ||
        items.offset < OBJECT_HEAD_SIZE ||
        items.offset % 4 !== 0
      ) {
        throw new RangeError(
          `type '${spec.name}': inline items offset ${items.offset} must be a multiple of 4 past the header`,
        );
      }
      if (!Number.isInteger(items.stride) || items.stride < 4 || items.stride % 4 !== 0) {
        throw new RangeError(
          `type '${spec.name}': item stride ${items.stride} must be a positive multiple of 4`,
        );
      }
      for (const offset of items.referenceOffsets)
        checkOffset(spec, "item reference offset", offset, items.stride);
    }
    const weaklistOffset = spec.weaklistOffset ?? 0;
    if (weaklistOffset !== 0) checkOffset(spec, "weaklistOffset", weaklistOffset, spec.basicSize);
    if (spec.base !== undefined && (spec.base <= 0 || spec.base >= this.nextTypeId)) {
      throw new RangeError(`type '${spec.name}': unknown base type id ${spec.base}`);
    }

    const id = this.nextTypeId++;
    this.ensureTypeCapacity(id + 1);
    let derived = 0;
    if (itemSize > 0) derived |= DerivedTypeFlags.VARIABLE_SIZE;
    if (spec.traverse) derived |= DerivedTypeFlags.HAS_TRAVERSE;
    if (spec.clear) derived |= DerivedTypeFlags.HAS_CLEAR;
    if (spec.finalize) derived |= DerivedTypeFlags.HAS_FINALIZE;
    if (spec.del) derived |= DerivedTypeFlags.HAS_DEL;
    if (spec.dealloc) derived |= DerivedTypeFlags.HAS_DEALLOC;
    if (weaklistOffset !== 0) derived |= DerivedTypeFlags.WEAKREFABLE;
    if (fixed.length > 0 || (items !== undefined && items.referenceOffsets.length > 0)) {
      derived |= DerivedTypeFlags.HAS_REFERENCES;
    }
    this.flags[id] = flags | derived;
    this.basicSize[id] = spec.basicSize;
    this.itemSize[id] = itemSize;
    this.weaklistOffset[id] = weaklistOffset;
    this.baseType[id] = spec.base ?? 0;
    this.typeObject[id] = spec.typeObject ?? 0;

    this.fixedOffsets = growUint32(this.fixedOffsets, this.fixedOffsetsLength + fixed.length);
    this.fixedStart[id] = this.fixedOffsetsLength;
    this.fixedCount[id] = fixed.length;
    for (const offset of fixed) this.fixedOffsets[this.fixedOffsetsLength++] = offset;

    if (items === undefined) {
      this.itemsStorage[id] = ITEMS_NONE;
    } else {
      this.itemsStorage[id] = items.storage === "inline" ? ITEMS_INLINE : ITEMS_INDIRECT;
      this.itemsOffset[id] = items.offset;
      this.itemsCountOffset[id] = items.countOffset;
      this.itemsStride[id] = items.stride;
      const refs = items.referenceOffsets;
      this.itemRefOffsets = growUint32(
        this.itemRefOffsets,
        this.itemRefOffsetsLength + refs.length,
      );
      this.itemRefStart[id] = this.itemRefOffsetsLength;
      this.itemRefCount[id] = refs.length;
      for (const offset of refs) this.itemRefOffsets[this.itemRefOffsetsLength++] = offset;
    }
    this.specs.push(spec);
    return id;
  }

  /**
   * The spec a type was defined with.
   *
   * @example
   * ```ts
   * types.spec(listType).name; // "list"
   * ```
   */
  spec(typeId: TypeId): TypeSpec {
    const spec = this.specs[typeId];
    if (spec === undefined) throw new RangeError(`unknown type id ${typeId}`);
    return spec;
  }

  /**
   * Sets the heap object that represents a type (for {@link TypeFlags.HEAPTYPE} types, whose
   * class object is usually created after the type id it describes).
   *
   * @example
   * ```ts
   * types.setTypeObject(nodeType, classObject);
   * ```
   */
  setTypeObject(typeId: TypeId, typeObject: Ptr): void {
    this.spec(typeId);
    this.typeObject[typeId] = typeObject;
  }

  /**
   * The type id stored in an object's header, checked to name a registered type; throws
   * {@link InvalidPointerError} otherwise (a freed, foreign or corrupted object).
   *
   * @example
   * ```ts
   * if (types.typeOf(obj) === listType) console.log("a list");
   * ```
   */
  typeOf(obj: Ptr): TypeId {
    const typeId = this.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
    if (typeId === 0 || typeId >= this.nextTypeId) {
      throw new InvalidPointerError(obj, `header names no registered type (ob_type = ${typeId})`);
    }
    return typeId;
  }

  /**
   * The name of an object's type.
   *
   * @example
   * ```ts
   * types.typeName(obj); // "list"
   * ```
   */
  typeName(obj: Ptr): string {
    return this.specs[this.typeOf(obj)]!.name;
  }

  /**
   * Pushes the address of every object `obj` references onto `stack`: the non-NULL words of its
   * declarative layout, then its type object (for {@link TypeFlags.HEAPTYPE} types), then whatever
   * its `traverse` hook reports. CPython: `tp_traverse`.
   *
   * @example
   * ```ts
   * const before = stack.length;
   * types.pushReferences(obj, stack);
   * while (stack.length > before) visit(stack.pop());
   * ```
   */
  pushReferences(obj: Ptr, stack: ReferenceStack): void {
    const typeId = this.typeOf(obj);
    const flags = this.flags[typeId]!;
    if (flags & DerivedTypeFlags.HAS_REFERENCES) this.walkLayout(obj, typeId, stack, false);
    if (flags & TypeFlags.HEAPTYPE) {
      const typeObject = this.typeObject[typeId]!;
      if (typeObject !== 0) stack.push(typeObject);
    }
    if (flags & DerivedTypeFlags.HAS_TRAVERSE)
      this.specs[typeId]!.traverse!(obj, stack.pushNonNull);
  }

  /**
   * Pushes the address of every declared reference *slot* of `obj` that holds a non-NULL
   * reference, so a caller can clear the slot and drop the reference (the default `tp_clear` and
   * the dealloc cascade). References reported only by a `traverse` hook, and the type object, are
   * not slots and are not pushed.
   *
   * @example
   * ```ts
   * types.pushReferenceSlots(obj, stack);
   * while (stack.length > 0) {
   *   const slot = stack.pop();
   *   const referent = memory.u32[slot >>> 2]!;
   *   memory.u32[slot >>> 2] = 0;
   *   lifetime.decref(referent);
   * }
   * ```
   */
  pushReferenceSlots(obj: Ptr, stack: ReferenceStack): void {
    const typeId = this.typeOf(obj);
    if (this.flags[typeId]! & DerivedTypeFlags.HAS_REFERENCES)
      this.walkLayout(obj, typeId, stack, true);
  }

  private walkLayout(obj: Ptr, typeId: TypeId, stack: ReferenceStack, pushSlots: boolean): void {
    const u32 = this.memory.u32;
    const fixedEnd = this.fixedStart[typeId]! + this.fixedCount[typeId]!;
    for (let i = this.fixedStart[typeId]!; i < fixedEnd; i++) {
      const slot = obj + this.fixedOffsets[i]!;
      const referent = u32[slot >>> 2]!;
      if (referent !== 0) stack.push(pushSlots ? slot : referent);
    }
    const storage = this.itemsStorage[typeId]!;
    if (storage === ITEMS_NONE) return;
    const count = this.memory.i32[(obj + this.itemsCountOffset[typeId]!) >> 2]!;
    if (count <= 0) return;
    const itemsBase =
      storage === ITEMS_INLINE
        ? obj + this.itemsOffset[typeId]!
        : u32[(obj + this.itemsOffset[typeId]!) >>> 2]!;
    if (itemsBase === 0) return;
    const stride = this.itemsStride[typeId]!;
    const refStart = this.itemRefStart[typeId]!;
    const refEnd = refStart + this.itemRefCount[typeId]!;
    if (refEnd - refStart === 1 && this.itemRefOffsets[refStart] === 0 && stride === 4) {
      // The common case (tuple, list): a dense array of references.
      const first = itemsBase >>> 2;
      const end = first + count;
      for (let word = first; word < end; word++) {
        const referent = u32[word]!;
        if (referent !== 0) stack.push(pushSlots ? word << 2 : referent);
      }
      return;
    }
    for (let item = 0, base = itemsBase; item < count; item++, base += stride) {
      for (let r = refStart; r < refEnd; r++) {
        const slot = base + this.itemRefOffsets[r]!;
        const referent = u32[slot >>> 2]!;
        if (referent !== 0) stack.push(pushSlots ? slot : referent);
      }
    }
  }

  private ensureTypeCapacity(minimum: number): void {
    if (this.flags.length >= minimum) return;
    this.flags = growUint32(this.flags, minimum);
    this.basicSize = growUint32(this.basicSize, minimum);
    this.itemSize = growUint32(this.itemSize, minimum);
    this.weaklistOffset = growUint32(this.weaklistOffset, minimum);
    this.baseType = growUint32(this.baseType, minimum);
    this.typeObject = growUint32(this.typeObject, minimum);
    this.fixedStart = growUint32(this.fixedStart, minimum);
    this.fixedCount = growUint32(this.fixedCount, minimum);
    this.itemsStorage = growUint32(this.itemsStorage, minimum);
    this.itemsOffset = growUint32(this.itemsOffset, minimum);
    this.itemsCountOffset = growUint32(this.itemsCountOffset, minimum);
    this.itemsStride = growUint32(this.itemsStride, minimum);
    this.itemRefStart = growUint32(this.itemRefStart, minimum);
    this.itemRefCount = growUint32(this.itemRefCount, minimum);
  }
}
