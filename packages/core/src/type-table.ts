import { InvalidPointerError, UserHookError } from "./errors.js";
import {
  GC_NEXT_MASK_UNREACHABLE,
  GC_NEXT_OFFSET,
  GC_PREV_MASK,
  GC_PREV_MASK_COLLECTING,
  GC_PREV_OFFSET,
  GC_PREV_SHIFT,
  OB_TYPE_OFFSET,
  OBJECT_HEAD_SIZE,
  type TypeId,
  VAR_OBJECT_HEAD_SIZE,
} from "./layout.js";
import type { LinearMemory } from "./memory.js";
import type { Ptr } from "./ptr.js";
import type { ReferenceStack } from "./reference-stack.js";
import {
  DerivedTypeFlags,
  TypeFlags,
  type TypeSpec,
  type ValuesReferenceLayout,
} from "./type-spec.js";

const ITEMS_NONE = 0;
const ITEMS_INLINE = 1;
const ITEMS_INDIRECT = 2;

/**
 * The shape of a type's reference layout, decided once per type by {@link TypeTable.define} so a
 * walk picks its loop with one load ({@link TypeTable.layoutShapes}).
 *
 * @remarks
 * `DENSE_*` is a run of references and nothing else (list, tuple): no fixed slots, stride 4, one
 * reference at item offset 0, no type object to visit and no `traverse` hook — its referents are
 * the non-NULL words `count` words from the item base, where `count` is the int32 at
 * `obj + itemCountOffsets[typeId]` and the base is `obj + itemOffsets[typeId]` (`DENSE_INLINE`,
 * a tuple) or the pointer stored there (`DENSE_INDIRECT`, a list; NULL means no items).
 * `GENERAL` is anything else with references (or a type object, or a hook): walk it with
 * {@link TypeTable.visitReferences}. `NONE` has nothing to visit.
 *
 * Use it to inline a collector pass's loop over lists and tuples (the objects of the longest
 * traversals) instead of calling {@link TypeTable.visitReferences} per object.
 *
 * @example
 * ```ts
 * import { LayoutShape, OB_TYPE_OFFSET } from "@pymem/core";
 * const typeId = memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
 * if (types.layoutShapes[typeId] === LayoutShape.DENSE_INLINE) {
 *   const count = memory.i32[(obj + types.itemCountOffsets[typeId]!) >> 2]!;
 *   const first = (obj + types.itemOffsets[typeId]!) >>> 2;
 *   for (let word = first; word < first + count; word++) visit(memory.u32[word]!);
 * }
 * ```
 */
export const LayoutShape = {
  /** No references at all. */
  NONE: 0,
  /** A run of references in a separately allocated block whose address is stored in the object. */
  DENSE_INDIRECT: 1,
  /** A run of references inside the object. */
  DENSE_INLINE: 2,
  /** Anything else: strided items, a `traverse` hook, or items beside fixed slots. */
  GENERAL: 3,
  /**
   * Fixed reference slots only (no items, no `traverse` hook), then the values of a
   * {@link ValuesReferenceLayout} if the type has one, then the type object of a heap type: a
   * user-defined cons cell, a class instance with `__slots__` or with inline values.
   */
  FIXED: 4,
} as const;

/**
 * One of the {@link LayoutShape} values.
 *
 * @example
 * ```ts
 * const shape: LayoutShape = LayoutShape.GENERAL;
 * ```
 */
export type LayoutShape = (typeof LayoutShape)[keyof typeof LayoutShape];

const LAYOUT_NONE = LayoutShape.NONE;
const LAYOUT_DENSE_INDIRECT = LayoutShape.DENSE_INDIRECT;
const LAYOUT_DENSE_INLINE = LayoutShape.DENSE_INLINE;
const LAYOUT_GENERAL = LayoutShape.GENERAL;
const LAYOUT_FIXED = LayoutShape.FIXED;

/** Word offsets of `gc_next` / `gc_prev` from an object's word index. */
const NEXT_WORD = GC_NEXT_OFFSET >> 2;
const PREV_WORD = GC_PREV_OFFSET >> 2;
/** The flag bits of `gc_prev` (FINALIZED | COLLECTING). */
const PREV_FLAGS = ~GC_PREV_MASK;
/** `gc_refs` of 1, as stored in `gc_prev`. */
const ONE_REF = 1 << GC_PREV_SHIFT;

/**
 * What {@link TypeTable.visitReferences} does with each reference it finds: the fixed set of
 * `tp_traverse` visitors that pymem's collectors need, applied directly over the typed arrays so
 * that no layout decoding is repeated outside this table and no referent is pushed only to be
 * popped again.
 *
 * @remarks
 * The two collector visits read and write the GC head words (`gc_next`, `gc_prev` with its
 * `gc_refs`, COLLECTING and UNREACHABLE bits) exactly as CPython's `gc.c` does; see the layout
 * constants `GC_PREV_MASK_COLLECTING`, `GC_PREV_SHIFT` and `GC_NEXT_MASK_UNREACHABLE`.
 *
 * @example
 * ```ts
 * import { ReferenceVisit } from "@pymem/core";
 * // CPython: subtract_refs() — one object's worth of visit_decref()
 * const culprit = types.visitReferences(obj, typeId, ReferenceVisit.DECREF_GC_REFS, 0, stack);
 * if (culprit !== 0) throw new Error("refcount is too small");
 * ```
 */
export const ReferenceVisit = {
  /** Push each referent onto the stack: what {@link TypeTable.pushReferences} does. */
  PUSH: 0,
  /**
   * Push the address of each non-NULL declared reference slot: what
   * {@link TypeTable.pushReferenceSlots} does (the type object and `traverse` hooks are skipped).
   */
  PUSH_SLOT: 1,
  /**
   * CPython: `visit_decref()` — for each referent that is a GC object with COLLECTING set,
   * subtract one from its `gc_refs`. A referent whose `gc_refs` is already 0 (its refcount is
   * smaller than the references found: a host bug) stops the walk and is returned.
   */
  DECREF_GC_REFS: 2,
  /**
   * CPython: `visit_reachable()` (inlined in `move_unreachable()`) — each referent that is a GC
   * object with COLLECTING set is reachable: if `move_unreachable` already parked it in the
   * unreachable list (UNREACHABLE bit in `gc_next`), unlink it and append it to the list whose
   * head is the `list` argument (the young generation being scanned); either way give it
   * `gc_refs = 1` if it had 0.
   */
  MARK_REACHABLE: 3,
} as const;

/**
 * One of the {@link ReferenceVisit} operations.
 *
 * @example
 * ```ts
 * const visit: ReferenceVisit = ReferenceVisit.MARK_REACHABLE;
 * ```
 */
export type ReferenceVisit = (typeof ReferenceVisit)[keyof typeof ReferenceVisit];

/** CPython: `visit_decref()`. Returns `referent` if its `gc_refs` would go below 0, else 0. */
function decrefGcRefs(u32: Uint32Array, typeFlags: Uint32Array, referent: Ptr): Ptr {
  if ((typeFlags[u32[(referent + OB_TYPE_OFFSET) >>> 2]!]! & TypeFlags.GC) === 0) return 0;
  const index = (referent >>> 2) + PREV_WORD;
  const prev = u32[index]!;
  if ((prev & GC_PREV_MASK_COLLECTING) === 0) return 0; // not in the generation being collected
  if (prev >>> GC_PREV_SHIFT === 0) return referent;
  u32[index] = prev - ONE_REF;
  return 0;
}

/** CPython: `visit_reachable()`; `young` is the head of the list `move_unreachable` scans. */
function markReachable(u32: Uint32Array, typeFlags: Uint32Array, op: Ptr, young: Ptr): void {
  if ((typeFlags[u32[(op + OB_TYPE_OFFSET) >>> 2]!]! & TypeFlags.GC) === 0) return;
  const prevIndex = (op >>> 2) + PREV_WORD;
  const prev = u32[prevIndex]!;
  // Ignore objects in other generations and those already scanned.
  if ((prev & GC_PREV_MASK_COLLECTING) === 0) return;
  const nextIndex = (op >>> 2) + NEXT_WORD;
  const next = u32[nextIndex]!;
  if (next & GC_NEXT_MASK_UNREACHABLE) {
    // It had gc_refs = 0 when move_unreachable got to it but is reachable after all: unlink it
    // from unreachable by hand (the mask must survive on its neighbour's link) and append it to
    // young, where the scan will reach it again.
    const unreachablePrev = (prev & GC_PREV_MASK) >>> 0;
    const unreachableNext = (next & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
    u32[(unreachablePrev >>> 2) + NEXT_WORD] = next;
    const neighbourIndex = (unreachableNext >>> 2) + PREV_WORD;
    u32[neighbourIndex] = (u32[neighbourIndex]! & PREV_FLAGS) | unreachablePrev;
    // CPython: gc_list_append(op, young), then gc_refs = 1 (which replaces the prev link).
    const youngPrevIndex = (young >>> 2) + PREV_WORD;
    const last = u32[youngPrevIndex]!;
    u32[(last >>> 2) + NEXT_WORD] = op;
    u32[nextIndex] = young;
    u32[youngPrevIndex] = op;
    u32[prevIndex] = (prev & PREV_FLAGS) | ONE_REF;
  } else if (prev >>> GC_PREV_SHIFT === 0) {
    // Still ahead in young: just tell the scan it is reachable.
    u32[prevIndex] = (prev & PREV_FLAGS) | ONE_REF;
  }
}
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

/**
 * Throws unless `offset` is a multiple of 4 in [`start`, `limit` − 4]: inside the object past its
 * header (`start` = the header size), or inside an item (`start` = 0).
 */
function checkOffset(
  spec: TypeSpec,
  what: string,
  offset: number,
  start: number,
  limit: number,
): void {
  if (!Number.isInteger(offset) || offset < start || offset % 4 !== 0 || offset + 4 > limit) {
    const where =
      start > 0
        ? `past the ${start}-byte object header (ob_refcnt, ob_type${start > OBJECT_HEAD_SIZE ? ", ob_size" : ""}) inside`
        : "inside";
    throw new RangeError(
      `type '${spec.name}': ${what} ${offset} must be a multiple of 4 ${where} [${start}, ${limit - 4}]`,
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
  private layoutKind = new Uint32Array(INITIAL_TYPE_CAPACITY);
  // ReferenceLayout.values per type id (valuesSlot 0: none).
  private valuesSlot = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private valuesHolder = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private valuesEntriesOffset = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private valuesCountOffset = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private valuesStride = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private valuesValueOffset = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private fixedOffsets = new Uint32Array(INITIAL_TYPE_CAPACITY * 2);
  private fixedOffsetsLength = 0;
  private itemRefOffsets = new Uint32Array(INITIAL_TYPE_CAPACITY);
  private itemRefOffsetsLength = 0;
  private readonly specs: (TypeSpec | undefined)[] = [undefined];
  private nextTypeId = 1;

  constructor(memory: LinearMemory) {
    this.memory = memory;
  }

  /**
   * {@link LayoutShape} per type id, for collectors that inline the dense-run loop. Read it (and
   * {@link itemOffsets} / {@link itemCountOffsets}) once per pass: `define` may replace the array.
   *
   * @example
   * ```ts
   * const shapes = types.layoutShapes;
   * if (shapes[typeId] === LayoutShape.DENSE_INDIRECT) { … }
   * ```
   */
  get layoutShapes(): Uint32Array {
    return this.layoutKind;
  }

  /**
   * Per type id, the byte offset of the item run (inline) or of the pointer to it (indirect);
   * meaningful for types whose {@link layoutShapes} entry is a `DENSE_*` shape.
   *
   * @example
   * ```ts
   * const base = memory.u32[(list + types.itemOffsets[listType]!) >>> 2]!;
   * ```
   */
  get itemOffsets(): Uint32Array {
    return this.itemsOffset;
  }

  /**
   * Per type id, the byte offset of the int32 item count; meaningful for types whose
   * {@link layoutShapes} entry is a `DENSE_*` shape.
   *
   * @example
   * ```ts
   * const count = memory.i32[(list + types.itemCountOffsets[listType]!) >> 2]!;
   * ```
   */
  get itemCountOffsets(): Uint32Array {
    return this.itemsCountOffset;
  }

  /**
   * Per type id, where its fixed reference offsets start in {@link fixedReferenceOffsets}; with
   * {@link fixedReferenceCounts}, what a cascade reads for a type flagged
   * {@link DerivedTypeFlags.FIXED_REFERENCES_ONLY}. Read all three at each use: `define` may
   * replace the arrays.
   *
   * @example
   * ```ts
   * const start = types.fixedReferenceStarts[typeId]!;
   * const first = memory.u32[(obj + types.fixedReferenceOffsets[start]!) >>> 2]!;
   * ```
   */
  get fixedReferenceStarts(): Uint32Array {
    return this.fixedStart;
  }

  /**
   * Per type id, how many fixed reference offsets it has (see {@link fixedReferenceStarts}).
   *
   * @example
   * ```ts
   * const end = types.fixedReferenceStarts[typeId]! + types.fixedReferenceCounts[typeId]!;
   * ```
   */
  get fixedReferenceCounts(): Uint32Array {
    return this.fixedCount;
  }

  /**
   * Every type's fixed reference offsets, in declaration order, one run per type (see
   * {@link fixedReferenceStarts}).
   *
   * @example
   * ```ts
   * const offset = types.fixedReferenceOffsets[types.fixedReferenceStarts[typeId]!]!;
   * ```
   */
  get fixedReferenceOffsets(): Uint32Array {
    return this.fixedOffsets;
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
    // References must not overlay the header: a "reference" at ob_refcnt or ob_type (or a
    // variable-size type's ob_size) would be followed, counted and cleared as an object pointer.
    const header = itemSize > 0 ? VAR_OBJECT_HEAD_SIZE : OBJECT_HEAD_SIZE;
    const fixed = spec.references?.fixed ?? [];
    for (const offset of fixed)
      checkOffset(spec, "reference offset", offset, header, spec.basicSize);
    const items = spec.references?.items;
    if (items !== undefined) {
      checkOffset(spec, "item count offset", items.countOffset, OBJECT_HEAD_SIZE, spec.basicSize);
      if (items.storage === "indirect")
        checkOffset(spec, "item array offset", items.offset, header, spec.basicSize);
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
        checkOffset(spec, "item reference offset", offset, 0, items.stride);
    }
    const values = spec.references?.values;
    if (values !== undefined) {
      if (items !== undefined || spec.traverse !== undefined)
        throw new RangeError(
          `type '${spec.name}': reference values combine only with fixed slots (no items, no traverse)`,
        );
      checkOffset(spec, "values slot", values.slot, header, spec.basicSize);
      if (values.holderType <= 0 || values.holderType >= this.nextTypeId)
        throw new RangeError(
          `type '${spec.name}': unknown values holder type id ${values.holderType}`,
        );
      if (!Number.isInteger(values.stride) || values.stride < 4 || values.stride % 4 !== 0)
        throw new RangeError(
          `type '${spec.name}': values stride ${values.stride} must be a positive multiple of 4`,
        );
      checkOffset(spec, "values entry offset", values.valueOffset, 0, values.stride);
    }
    const weaklistOffset = spec.weaklistOffset ?? 0;
    if (weaklistOffset !== 0)
      checkOffset(spec, "weaklistOffset", weaklistOffset, header, spec.basicSize);
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
    if (
      fixed.length > 0 ||
      values !== undefined ||
      (items !== undefined && items.referenceOffsets.length > 0)
    ) {
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

    if (values !== undefined) {
      this.valuesSlot[id] = values.slot;
      this.valuesHolder[id] = values.holderType;
      this.valuesEntriesOffset[id] = values.entriesOffset;
      this.valuesCountOffset[id] = values.countOffset;
      this.valuesStride[id] = values.stride;
      this.valuesValueOffset[id] = values.valueOffset;
    }
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
    const visitsMore = (flags & TypeFlags.HEAPTYPE) !== 0 || spec.traverse !== undefined;
    if ((derived & DerivedTypeFlags.HAS_REFERENCES) === 0 && !visitsMore)
      this.layoutKind[id] = LAYOUT_NONE;
    else if (
      !visitsMore &&
      fixed.length === 0 &&
      items !== undefined &&
      items.stride === 4 &&
      items.referenceOffsets.length === 1 &&
      items.referenceOffsets[0] === 0
    ) {
      this.layoutKind[id] =
        items.storage === "inline" ? LAYOUT_DENSE_INLINE : LAYOUT_DENSE_INDIRECT;
    } else if (spec.traverse === undefined && items === undefined) {
      this.layoutKind[id] = LAYOUT_FIXED;
    } else this.layoutKind[id] = LAYOUT_GENERAL;
    if (!visitsMore && items === undefined && values === undefined)
      this.flags[id]! |= DerivedTypeFlags.FIXED_REFERENCES_ONLY;
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
    this.visitReferences(obj, this.typeOf(obj), ReferenceVisit.PUSH, 0, stack);
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
    this.visitReferences(obj, this.typeOf(obj), ReferenceVisit.PUSH_SLOT, 0, stack);
  }

  /**
   * Applies `visit` to every reference of `obj`, in the order {@link TypeTable.pushReferences}
   * reports them (declarative layout, type object, `traverse` hook). CPython: `tp_traverse` with
   * one of `gc.c`'s visitors.
   *
   * @remarks
   * The unchecked fast path for collectors: `typeId` must be the id read from `obj`'s `ob_type`
   * word and must name a registered type (objects on a collector's lists are known-good; use
   * {@link TypeTable.typeOf} to check one that is not). `list` is the young list head for
   * {@link ReferenceVisit.MARK_REACHABLE} and ignored otherwise. `stack` receives the pushes of
   * {@link ReferenceVisit.PUSH} / {@link ReferenceVisit.PUSH_SLOT}; the other visits use it only as
   * scratch space above its current length for a `traverse` hook's referents, and leave its length
   * as they found it.
   *
   * @returns 0, or for {@link ReferenceVisit.DECREF_GC_REFS} the referent whose `gc_refs` was
   * already 0 (the walk stops there).
   *
   * @example
   * ```ts
   * import { OB_TYPE_OFFSET, ReferenceVisit } from "@pymem/core";
   * // CPython: subtract_refs()
   * for (let op = firstTracked; op !== head; op = nextTracked(op)) {
   *   const typeId = memory.u32[(op + OB_TYPE_OFFSET) >>> 2]!;
   *   const culprit = types.visitReferences(op, typeId, ReferenceVisit.DECREF_GC_REFS, 0, stack);
   *   if (culprit !== 0) throw new Error(`refcount of ${culprit} is too small`);
   * }
   * ```
   */
  visitReferences(
    obj: Ptr,
    typeId: TypeId,
    visit: ReferenceVisit,
    list: Ptr,
    stack: ReferenceStack,
  ): Ptr {
    const kind = this.layoutKind[typeId]!;
    if (kind === LAYOUT_NONE) return 0;
    if (kind === LAYOUT_FIXED) return this.visitFixed(obj, typeId, visit, list, stack);
    if (kind === LAYOUT_GENERAL) return this.visitAny(obj, typeId, visit, list, stack);
    // A dense run (list, tuple): the hot case of every traversal, decoded here in one flat
    // function with a loop per visit, so V8 inlines the visitor into its loop.
    const memory = this.memory;
    const count = memory.i32[(obj + this.itemsCountOffset[typeId]!) >>> 2]!;
    if (count <= 0) return 0;
    const u32 = memory.u32;
    const offset = this.itemsOffset[typeId]!;
    const itemsBase = kind === LAYOUT_DENSE_INLINE ? obj + offset : u32[(obj + offset) >>> 2]!;
    if (itemsBase === 0) return 0;
    const first = itemsBase >>> 2;
    const end = first + count;
    const typeFlags = this.flags;
    switch (visit) {
      case ReferenceVisit.DECREF_GC_REFS:
        for (let word = first; word < end; word++) {
          const referent = u32[word]!;
          if (referent === 0) continue;
          const culprit = decrefGcRefs(u32, typeFlags, referent);
          if (culprit !== 0) return culprit;
        }
        return 0;
      case ReferenceVisit.MARK_REACHABLE:
        // Last item first, as CPython's list_traverse / tupletraverse: the order objects are
        // found reachable in is the order they are appended to the generation's list.
        for (let word = end - 1; word >= first; word--) {
          const referent = u32[word]!;
          if (referent !== 0) markReachable(u32, typeFlags, referent, list);
        }
        return 0;
      case ReferenceVisit.PUSH:
        for (let word = first; word < end; word++) {
          const referent = u32[word]!;
          if (referent !== 0) stack.push(referent);
        }
        return 0;
      default:
        for (let word = first; word < end; word++) if (u32[word] !== 0) stack.push(word << 2);
        return 0;
    }
  }

  /**
   * {@link LayoutShape.FIXED}: what {@link visitAny} does for it (the slots in declaration order,
   * then a heap type's type object), with a flat loop per visit so V8 inlines the visitor, as for
   * dense runs: user types cost what lists cost in every traversal.
   */
  private visitFixed(
    obj: Ptr,
    typeId: TypeId,
    visit: ReferenceVisit,
    list: Ptr,
    stack: ReferenceStack,
  ): Ptr {
    const u32 = this.memory.u32;
    const offsets = this.fixedOffsets;
    const typeFlags = this.flags;
    const start = this.fixedStart[typeId]!;
    const end = start + this.fixedCount[typeId]!;
    switch (visit) {
      case ReferenceVisit.DECREF_GC_REFS:
        for (let i = start; i < end; i++) {
          const referent = u32[(obj + offsets[i]!) >>> 2]!;
          if (referent === 0) continue;
          const culprit = decrefGcRefs(u32, typeFlags, referent);
          if (culprit !== 0) return culprit;
        }
        break;
      case ReferenceVisit.MARK_REACHABLE:
        for (let i = start; i < end; i++) {
          const referent = u32[(obj + offsets[i]!) >>> 2]!;
          if (referent !== 0) markReachable(u32, typeFlags, referent, list);
        }
        break;
      case ReferenceVisit.PUSH:
        for (let i = start; i < end; i++) {
          const referent = u32[(obj + offsets[i]!) >>> 2]!;
          if (referent !== 0) stack.push(referent);
        }
        break;
      default:
        for (let i = start; i < end; i++) {
          const slot = obj + offsets[i]!;
          if (u32[slot >>> 2] !== 0) stack.push(slot);
        }
        return 0; // slots only: neither the values nor the type object is one
    }
    if (this.valuesSlot[typeId] !== 0) {
      const culprit = this.visitValues(u32, obj, typeId, visit, list, stack);
      if (culprit !== 0) return culprit;
    }
    if ((typeFlags[typeId]! & TypeFlags.HEAPTYPE) === 0) return 0;
    const typeObject = this.typeObject[typeId]!;
    return typeObject === 0 ? 0 : this.visitOne(u32, visit, typeObject, 0, list, stack);
  }

  /**
   * {@link ValuesReferenceLayout}: the values of the holder in `obj`'s values slot (a managed
   * dict's entries, CPython 3.13's inline values), or the slot's referent itself if it is not a
   * holder. A flat loop per visit, as in {@link visitFixed}.
   */
  private visitValues(
    u32: Uint32Array,
    obj: Ptr,
    typeId: TypeId,
    visit: ReferenceVisit,
    list: Ptr,
    stack: ReferenceStack,
  ): Ptr {
    const holder = u32[(obj + this.valuesSlot[typeId]!) >>> 2]!;
    if (holder === 0) return 0;
    if (u32[(holder + OB_TYPE_OFFSET) >>> 2] !== this.valuesHolder[typeId])
      return this.visitOne(u32, visit, holder, 0, list, stack);
    const count = u32[(holder + this.valuesCountOffset[typeId]!) >>> 2]!;
    if (count === 0) return 0;
    const stride = this.valuesStride[typeId]! >>> 2;
    const first =
      (u32[(holder + this.valuesEntriesOffset[typeId]!) >>> 2]! >>> 2) +
      (this.valuesValueOffset[typeId]! >>> 2);
    const end = first + count * stride;
    const typeFlags = this.flags;
    switch (visit) {
      case ReferenceVisit.DECREF_GC_REFS:
        for (let word = first; word < end; word += stride) {
          const referent = u32[word]!;
          if (referent === 0) continue;
          const culprit = decrefGcRefs(u32, typeFlags, referent);
          if (culprit !== 0) return culprit;
        }
        return 0;
      case ReferenceVisit.MARK_REACHABLE:
        for (let word = first; word < end; word += stride) {
          const referent = u32[word]!;
          if (referent !== 0) markReachable(u32, typeFlags, referent, list);
        }
        return 0;
      default:
        for (let word = first; word < end; word += stride) {
          const referent = u32[word]!;
          if (referent !== 0) stack.push(referent);
        }
        return 0;
    }
  }

  /** Every layout and visit: declarative references, then the type object, then the hook. */
  private visitAny(
    obj: Ptr,
    typeId: TypeId,
    visit: ReferenceVisit,
    list: Ptr,
    stack: ReferenceStack,
  ): Ptr {
    const flags = this.flags[typeId]!;
    if (flags & DerivedTypeFlags.HAS_REFERENCES) {
      const culprit = this.visitGeneralLayout(obj, typeId, visit, list, stack);
      if (culprit !== 0) return culprit;
    }
    if (visit === ReferenceVisit.PUSH_SLOT) return 0;
    if (flags & TypeFlags.HEAPTYPE) {
      const typeObject = this.typeObject[typeId]!;
      if (typeObject !== 0) {
        const culprit = this.visitOne(this.memory.u32, visit, typeObject, 0, list, stack);
        if (culprit !== 0) return culprit;
      }
    }
    if (flags & DerivedTypeFlags.HAS_TRAVERSE) {
      if (visit === ReferenceVisit.PUSH) {
        this.callTraverse(obj, typeId, stack);
        return 0;
      }
      // Collect the hook's referents above the caller's entries, then visit them in order.
      const base = stack.length;
      this.callTraverse(obj, typeId, stack);
      const u32 = this.memory.u32;
      const items = stack.items;
      let culprit = 0;
      for (let i = base, n = stack.length; i < n && culprit === 0; i++)
        culprit = this.visitOne(u32, visit, items[i]!, 0, list, stack);
      stack.length = base;
      return culprit;
    }
    return 0;
  }

  /**
   * Calls `obj`'s `traverse` hook, pushing what it reports onto `stack`. What the hook throws
   * comes out as a {@link UserHookError} naming the hook, the type and the object (with the pushes
   * it made undone), for the collector that called to abandon its pass cleanly.
   */
  private callTraverse(obj: Ptr, typeId: TypeId, stack: ReferenceStack): void {
    const spec = this.specs[typeId]!;
    const base = stack.length;
    try {
      spec.traverse!(obj, stack.pushNonNull);
    } catch (error) {
      stack.length = base;
      throw new UserHookError("traverse", obj, spec.name, error);
    }
  }

  /** One reference found by a walk; `slot` is where it is stored (0 if nowhere). */
  private visitOne(
    u32: Uint32Array,
    visit: ReferenceVisit,
    referent: Ptr,
    slot: Ptr,
    list: Ptr,
    stack: ReferenceStack,
  ): Ptr {
    switch (visit) {
      case ReferenceVisit.DECREF_GC_REFS:
        return decrefGcRefs(u32, this.flags, referent);
      case ReferenceVisit.MARK_REACHABLE:
        markReachable(u32, this.flags, referent, list);
        return 0;
      case ReferenceVisit.PUSH:
        stack.push(referent);
        return 0;
      default:
        stack.push(slot);
        return 0;
    }
  }

  /** Fixed slots, then items of any stride with any number of references each. */
  private visitGeneralLayout(
    obj: Ptr,
    typeId: TypeId,
    visit: ReferenceVisit,
    list: Ptr,
    stack: ReferenceStack,
  ): Ptr {
    const memory = this.memory;
    const u32 = memory.u32;
    const fixedOffsets = this.fixedOffsets;
    const fixedEnd = this.fixedStart[typeId]! + this.fixedCount[typeId]!;
    for (let i = this.fixedStart[typeId]!; i < fixedEnd; i++) {
      const slot = obj + fixedOffsets[i]!;
      const referent = u32[slot >>> 2]!;
      if (referent === 0) continue;
      const culprit = this.visitOne(u32, visit, referent, slot, list, stack);
      if (culprit !== 0) return culprit;
    }
    const storage = this.itemsStorage[typeId]!;
    if (storage === ITEMS_NONE) return 0;
    const count = memory.i32[(obj + this.itemsCountOffset[typeId]!) >>> 2]!;
    if (count <= 0) return 0;
    const itemsBase =
      storage === ITEMS_INLINE
        ? obj + this.itemsOffset[typeId]!
        : u32[(obj + this.itemsOffset[typeId]!) >>> 2]!;
    if (itemsBase === 0) return 0;
    const stride = this.itemsStride[typeId]!;
    const itemRefOffsets = this.itemRefOffsets;
    const refStart = this.itemRefStart[typeId]!;
    const refEnd = refStart + this.itemRefCount[typeId]!;
    for (let item = 0, base = itemsBase; item < count; item++, base += stride) {
      for (let r = refStart; r < refEnd; r++) {
        const slot = base + itemRefOffsets[r]!;
        const referent = u32[slot >>> 2]!;
        if (referent === 0) continue;
        const culprit = this.visitOne(u32, visit, referent, slot, list, stack);
        if (culprit !== 0) return culprit;
      }
    }
    return 0;
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
    this.layoutKind = growUint32(this.layoutKind, minimum);
    this.valuesSlot = growUint32(this.valuesSlot, minimum);
    this.valuesHolder = growUint32(this.valuesHolder, minimum);
    this.valuesEntriesOffset = growUint32(this.valuesEntriesOffset, minimum);
    this.valuesCountOffset = growUint32(this.valuesCountOffset, minimum);
    this.valuesStride = growUint32(this.valuesStride, minimum);
    this.valuesValueOffset = growUint32(this.valuesValueOffset, minimum);
  }
}
