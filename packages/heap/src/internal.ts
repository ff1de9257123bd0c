/**
 * `@pymem/heap/internal`: the {@link Heap} members the sibling packages share (`@pymem/refcount`'s
 * cascade and pointer checks, the runtime's fuzzer, the interpreter), which `@pymem/heap`'s public
 * types leave out (tagged internal there, and stripped from its declarations). Not for
 * applications: no semver promise covers this entry point.
 *
 * @example
 * ```ts
 * import { Heap } from "@pymem/heap";
 * import { internalHeap } from "@pymem/heap/internal";
 * const heap = internalHeap(new Heap());
 * heap.liveBits; // the live-object bitmap
 * ```
 *
 * @packageDocumentation
 */
import type { Lifetime, Ptr, ReferenceStack, TypeId } from "@pymem/core";
import type { CallbackTable } from "./callback-table.js";
import type { Heap } from "./heap.js";
import type { ClassInfo } from "./instance-objects.js";
import type { HashSecret } from "./string-hash.js";

export type { CallbackTable, WeakrefCallback } from "./callback-table.js";
export type { ClassInfo } from "./instance-objects.js";

/**
 * The internal members of a {@link Heap}; their documentation is on the members in `heap.ts`.
 * {@link internalHeap} type-checks, in the heap's source, that `Heap` has every one of them.
 *
 * @example
 * ```ts
 * const heap: InternalHeap = internalHeap(runtime.heap);
 * ```
 */
export interface HeapInternals {
  /** One bit per 8-byte granule: set ⇔ an object starts there and is alive. Do not write. */
  readonly liveBits: Uint32Array;
  /** Per type id: the `ObjectKind` (the cascade's fast paths dispatch on it). */
  readonly kinds: Uint8Array;
  /** Per type id: how many objects of that type are alive. */
  readonly liveByType: Int32Array;
  /** Per type id: the class metadata of `defineClass` classes. */
  readonly classes: readonly (ClassInfo | undefined)[];
  /** The weakref callbacks, by the id stored in a weakref's callback word. */
  readonly callbacks: CallbackTable;
  /** The key of the `str` hash (SipHash-1-3). */
  readonly hashSecret: HashSecret;
  /** Builds and throws the error for a pointer that is not a live object. */
  throwNotLive(obj: Ptr, what: string): never;
  /** Debug mode: the type name a freed object had, or `undefined`. */
  freedTypeName(obj: Ptr): string | undefined;
  /** The attached lifetime, or an error saying that `@pymem/refcount` must be attached. */
  requireLifetime(): Lifetime;
  /** Releases a list or tuple whose references the caller has already taken. */
  releaseSequence(obj: Ptr, typeId: TypeId, kind: number): void;
  /** Allocates an object's memory and header only; GC objects then need {@link collectorAllocated}. */
  allocateObject(typeId: TypeId, size: number, gc: boolean): Ptr;
  /** Reports a GC object allocated by {@link allocateObject} to the collector (counts, threshold). */
  collectorAllocated(obj: Ptr): void;
  /** Tracks `obj` with the attached collector, if any. */
  track(obj: Ptr): void;
  /** Releases an exact int or float at refcount zero (the float free list, else the allocator). */
  releaseNumber(obj: Ptr, typeId: TypeId): void;
  /** Pushes a dying object's references onto `stack`, then releases it. */
  disposeObject(obj: Ptr, typeId: TypeId, stack: ReferenceStack): void;
  /** A built-in list's `tp_clear` for the cascade: empties it, pushing its items. */
  clearListInto(obj: Ptr, stack: ReferenceStack): void;
  /** CPython: `list_resize`. */
  listResize(obj: Ptr, newSize: number): void;
}

/**
 * A {@link Heap} with its internal members in its type.
 *
 * @example
 * ```ts
 * class Refcounter { constructor(heap: Heap) { this.heap = internalHeap(heap); } heap: InternalHeap; }
 * ```
 */
export type InternalHeap = Heap & HeapInternals;

/**
 * The same heap, typed with its internal members (no copy, no cost). Compiled against the heap's
 * source, this line is what proves `Heap` has every member of {@link HeapInternals}.
 *
 * @example
 * ```ts
 * if (!isLiveObject(internalHeap(heap).liveBits, obj)) throw new Error("not an object");
 * ```
 */
export function internalHeap(heap: Heap): InternalHeap {
  return heap;
}
