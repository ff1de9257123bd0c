import type { TypeId } from "./layout.js";
import type { Ptr } from "./ptr.js";

/**
 * Type flags, mirroring CPython's `Py_TPFLAGS_*` where one exists. Combine with `|`.
 *
 * @example
 * ```ts
 * import { TypeFlags } from "@pymem/core";
 * const flags = TypeFlags.GC | TypeFlags.BASETYPE;
 * ```
 */
export const TypeFlags = {
  /** Instances carry a GC head and may be tracked by a collector. CPython: `Py_TPFLAGS_HAVE_GC`. */
  GC: 1 << 0,
  /** Instances cannot change after creation (ints, strs, tuples). CPython: `Py_TPFLAGS_IMMUTABLETYPE`. */
  IMMUTABLE: 1 << 1,
  /** The type may be subclassed. CPython: `Py_TPFLAGS_BASETYPE`. */
  BASETYPE: 1 << 2,
  /**
   * Instances hold a strong reference to the type's heap object (`typeObject`), which collectors
   * visit like any other reference. CPython: `Py_TPFLAGS_HEAPTYPE`.
   */
  HEAPTYPE: 1 << 3,
  /**
   * A collector may stop tracking an instance that survives a collection when none of its
   * references may be tracked (non-GC referents, or untracked instances of {@link TypeFlags.IMMUTABLE}
   * GC types). The heap tracks it again if it ever changes. CPython: tuples, `_PyTuple_MaybeUntrack`
   * in `untrack_tuples()` (every collection).
   */
  UNTRACK_WHEN_ATOMIC: 1 << 4,
  /**
   * Like {@link TypeFlags.UNTRACK_WHEN_ATOMIC}, but only during full (oldest-generation)
   * collections. CPython ≤ 3.13: dicts, `_PyDict_MaybeUntrack` in `untrack_dicts()`.
   */
  UNTRACK_WHEN_ATOMIC_ON_FULL: 1 << 5,
} as const;

/**
 * Bits the {@link TypeTable} computes from a spec and stores beside its {@link TypeFlags}, so hot
 * paths test one word instead of looking hooks up. Not accepted in a spec's `flags`.
 *
 * @example
 * ```ts
 * import { DerivedTypeFlags } from "@pymem/core";
 * if (types.flags[typeId]! & DerivedTypeFlags.HAS_FINALIZE) host.callFinalizer(obj);
 * ```
 */
export const DerivedTypeFlags = {
  /** `itemSize > 0`: the object has an `ob_size` field. */
  VARIABLE_SIZE: 1 << 16,
  /** The spec has a `traverse` hook. */
  HAS_TRAVERSE: 1 << 17,
  /** The spec has a `clear` hook. */
  HAS_CLEAR: 1 << 18,
  /** The spec has a PEP 442 `finalize` hook (Python's `__del__`). CPython: `tp_finalize`. */
  HAS_FINALIZE: 1 << 19,
  /** The spec has a legacy `del` hook. CPython: `tp_del`. */
  HAS_DEL: 1 << 20,
  /** The spec has its own `dealloc` hook. */
  HAS_DEALLOC: 1 << 21,
  /** `weaklistOffset > 0`: instances can be weakly referenced. */
  WEAKREFABLE: 1 << 22,
  /** The declarative layout has at least one reference slot. */
  HAS_REFERENCES: 1 << 23,
  /**
   * Every reference is a fixed slot ({@link TypeTable.fixedReferenceStarts}): no items, values,
   * `traverse` hook or type object to visit, so a cascade can push them without a visit call.
   */
  FIXED_REFERENCES_ONLY: 1 << 24,
} as const;

/**
 * Where an object's run of items lives and which words of each item are references.
 *
 * @example
 * ```ts
 * // A tuple: `ob_size` items of one reference each, stored inline after the header.
 * const tupleItems: ItemReferenceLayout = {
 *   storage: "inline", offset: 12, countOffset: 8, stride: 4, referenceOffsets: [0],
 * };
 * // A list: the item array is a separate block whose address is at offset 12.
 * const listItems: ItemReferenceLayout = {
 *   storage: "indirect", offset: 12, countOffset: 8, stride: 4, referenceOffsets: [0],
 * };
 * ```
 */
export interface ItemReferenceLayout {
  /** `"inline"`: items start at `offset` inside the object. `"indirect"`: the word at `offset` holds the address of a separate item block. */
  readonly storage: "inline" | "indirect";
  /** See `storage`. */
  readonly offset: number;
  /** Offset of the signed 32-bit item count inside the object (usually `OB_SIZE_OFFSET`). */
  readonly countOffset: number;
  /** Bytes per item. */
  readonly stride: number;
  /** Offsets, within an item, of the words that hold references (NULL words are skipped). */
  readonly referenceOffsets: readonly number[];
}

/**
 * References kept in a separate holder object that an object slot points to, reported in the
 * object's place: CPython 3.13's inline values (`subtype_traverse` visits them between the slots
 * and the type), which pymem keeps in a managed dict. If the slot's referent is not of
 * `holderType` (the dict was materialized), the referent itself is reported; a NULL slot reports
 * nothing. The slot is not a reference slot: clearing it is the type's `clear` hook's job.
 * @example
 * ```ts
 * // The values of a managed dict at offset 12: entries of 12 bytes, the value at +8.
 * const values: ValuesReferenceLayout = {
 *   slot: 12, holderType: managedDictType, entriesOffset: 20, countOffset: 12, stride: 12, valueOffset: 8,
 * };
 * ```
 */
export interface ValuesReferenceLayout {
  /** Offset of the slot holding the holder object (or a materialized replacement). */
  readonly slot: number;
  /** The type whose objects hold the values: a referent of any other type is reported itself. */
  readonly holderType: TypeId;
  /** Offset, in the holder, of the word holding the address of its entry block. */
  readonly entriesOffset: number;
  /** Offset, in the holder, of the word holding how many entries are in use. */
  readonly countOffset: number;
  /** Bytes per entry. */
  readonly stride: number;
  /** Offset, within an entry, of the word holding the value (NULL words are skipped). */
  readonly valueOffset: number;
}

/**
 * Which words of an object hold references to other objects, declared as data so that collectors
 * and the dealloc cascade walk them without calling back into JavaScript per object.
 *
 * @example
 * ```ts
 * // A two-field record whose fields at offsets 8 and 12 are references.
 * const layout: ReferenceLayout = { fixed: [8, 12] };
 * ```
 */
export interface ReferenceLayout {
  /** Byte offsets of reference fields inside the object. */
  readonly fixed?: readonly number[];
  /** A run of items, each holding references. */
  readonly items?: ItemReferenceLayout;
  /** Values in a holder object, visited after `fixed` (only beside `fixed`: no items, no `traverse`). */
  readonly values?: ValuesReferenceLayout;
}

/**
 * Everything the object model needs to know about a type: sizes, flags, its declarative reference
 * layout, and optional hooks mirroring CPython's type slots.
 *
 * @remarks
 * Hooks are for behaviour the declarative layout cannot express. A `traverse` hook is called in
 * addition to the declarative walk (it reports only the extra references); give a type that has one
 * a `clear` hook as well, because only declared slots can be cleared generically.
 *
 * @example
 * ```ts
 * import { TypeFlags, TypeTable, LinearMemory, type TypeSpec } from "@pymem/core";
 * const pairSpec: TypeSpec = {
 *   name: "pair", basicSize: 16, flags: TypeFlags.GC, references: { fixed: [8, 12] },
 * };
 * const types = new TypeTable(new LinearMemory());
 * const pairType = types.define(pairSpec);
 * ```
 */
export interface TypeSpec {
  /** The type's name as Python shows it (`"list"`, `"Node"`). CPython: `tp_name`. */
  readonly name: string;
  /** Size of an instance in bytes, header included, GC head excluded. CPython: `tp_basicsize`. */
  readonly basicSize: number;
  /** Size of each inline item of a variable-size type; 0 for fixed-size types. CPython: `tp_itemsize`. */
  readonly itemSize?: number;
  /** A combination of {@link TypeFlags}. */
  readonly flags?: number;
  /** The declarative reference layout; omitted for types without references (ints, strs). */
  readonly references?: ReferenceLayout;
  /** Offset of the weak-reference list head inside an instance; 0 or omitted = not weakrefable. CPython: `tp_weaklistoffset`. */
  readonly weaklistOffset?: number;
  /** The base type, for single inheritance. CPython: `tp_base`. */
  readonly base?: TypeId;
  /** The heap object that represents the type (a class object); referenced by every instance when the type is a {@link TypeFlags.HEAPTYPE}. */
  readonly typeObject?: Ptr;
  /**
   * Reports references the declarative layout does not describe. CPython: `tp_traverse`. If it
   * throws, the collection is abandoned before anything is freed and a `UserHookError` names it.
   */
  readonly traverse?: (obj: Ptr, visit: (referent: Ptr) => void) => void;
  /** Drops the object's references to break cycles; what it throws is unraisable. CPython: `tp_clear`. */
  readonly clear?: (obj: Ptr) => void;
  /** The PEP 442 finalizer (Python's `__del__`): runs at most once per GC object. CPython: `tp_finalize`. */
  readonly finalize?: (obj: Ptr) => void;
  /** A legacy finalizer: an object in a cycle that has one is uncollectable. CPython: `tp_del`. */
  readonly del?: (obj: Ptr) => void;
  /**
   * Replaces the default deallocation (drop references, free memory with `heap.releaseObject`).
   * CPython: `tp_dealloc`. What it throws is unraisable; if the hook throws or returns with the
   * object still unreleased (and not resurrected), the default deallocation finishes it (a slot
   * the hook already set to 0 is skipped, so clear a slot before dropping its reference, as
   * `Py_CLEAR` does).
   */
  readonly dealloc?: (obj: Ptr) => void;
  /**
   * Bytes `sys.getsizeof` counts beyond the basic size and the items: a separately allocated
   * buffer the object owns, or a terminator stored after its items. CPython: the type's
   * `__sizeof__`.
   */
  readonly extraSize?: (obj: Ptr) => number;
}
