/**
 * The reference model of the whole-stack fuzzer: plain JavaScript objects for every heap object
 * the program created, the strong references between them, the program's roots and
 * `gc.garbage`. From it follow what must be alive (everything reachable), what each reference
 * count must be (the references the model holds) and how many objects of each type exist.
 *
 * @internal
 * @module
 */
import type { Ptr } from "@pymem/core";

/** What a model object is; each maps to one heap type name ({@link TYPE_NAMES}). @internal */
export const Kind = {
  INT: 0,
  FLOAT: 1,
  STR: 2,
  TUPLE: 3,
  LIST: 4,
  DICT: 5,
  WEAKREF: 6,
  /** A `__slots__ = ("a", "b")` class, GC. */
  SLOTTED: 7,
  /** A plain class (`__dict__`, weakrefable), GC. */
  PLAIN: 8,
  /** A non-GC class with one slot, which only ever holds atoms (so it is never in a cycle). */
  NON_GC: 9,
  /** A plain class with a PEP 442 finalizer (`__del__`). */
  FINALIZED: 10,
  /** A plain class with a legacy finalizer (`tp_del`): its cycles are uncollectable. */
  LEGACY: 11,
  /** The `__dict__` of an instance, owned by it. */
  INSTANCE_DICT: 12,
  /**
   * A user type written against the heap directly (`defineType`): one reference the declarative
   * layout does not describe, reported by its `traverse` hook, dropped by its `clear` and
   * `dealloc` hooks (CPython: a C type's `tp_traverse`, `tp_clear`, `tp_dealloc`).
   */
  HOOKED: 13,
} as const;

/** @internal */
export type KindCode = (typeof Kind)[keyof typeof Kind];

/** The heap type name of each {@link Kind}. @internal */
export const TYPE_NAMES: readonly string[] = [
  "int",
  "float",
  "str",
  "tuple",
  "list",
  "dict",
  "weakref.ReferenceType",
  "Slotted",
  "Plain",
  "NonGc",
  "Finalized",
  "Legacy",
  "dict",
  "Hooked",
];

/** Kinds whose instances have a `__dict__` and accept weak references. @internal */
export function hasInstanceDict(kind: number): boolean {
  return kind === Kind.PLAIN || kind === Kind.FINALIZED || kind === Kind.LEGACY;
}

/** Kinds that hold no references at all. @internal */
export function isAtom(kind: number): boolean {
  return kind === Kind.INT || kind === Kind.FLOAT || kind === Kind.STR;
}

/** What a finalizer or weakref callback does besides being counted. @internal */
export const Behaviour = {
  NOTHING: 0,
  THROW: 1,
  /** Takes a new reference to its object (the finalizer's self, the callback's weakref): a new root. */
  RESURRECT: 2,
  /** Allocates a list holding its object, kept as a root (resurrection through a new container). */
  ALLOCATE_HOLDER: 3,
  /** Allocates and drops a few objects (allocation churn inside the hook). */
  ALLOCATE_SCRATCH: 4,
  /** Calls `gc.collect()` (0 inside a collection; a real collection from a refcount death). */
  COLLECT: 5,
} as const;

/** The names of {@link Behaviour} codes, for failure reports. @internal */
export const BEHAVIOUR_NAMES = [
  "nothing",
  "throw",
  "resurrect",
  "allocate-holder",
  "allocate-scratch",
  "collect",
];

/** One heap object as the model sees it. @internal */
export class ModelObject {
  alive = true;
  /** List/tuple items, or slot values (-1 = empty) of slotted, non-GC and hooked instances. */
  items: number[] = [];
  /** Dict keys and values, in insertion order; instance dicts key by attribute index. */
  keys: number[] = [];
  values: number[] = [];
  /** An int's or float's value, a str's text. */
  atomValue: number | string = 0;
  /** The instance's `__dict__` object, or -1 before its first attribute. */
  dictId = -1;
  /** The instance an instance dict belongs to. */
  ownerId = -1;
  /** The weakref's referent, or -1 once cleared. */
  referentId = -1;
  /** The finalizer's, callback's or (hooked instances) `clear` hook's {@link Behaviour}. */
  behaviour = 0;
  /** Whether a weakref was created with a callback. */
  hasCallback = false;
  /** PEP 442 finalizer / legacy `tp_del` / weakref callback invocations. */
  finalizeCalls = 0;
  delCalls = 0;
  callbackCalls = 0;

  constructor(
    readonly id: number,
    readonly address: Ptr,
    readonly kind: KindCode,
  ) {}

  /** Calls `visit` with every strong reference this object holds. */
  forEachReference(visit: (id: number) => void): void {
    for (const id of this.items) if (id >= 0) visit(id);
    for (const id of this.keys) if (id >= 0) visit(id);
    for (const id of this.values) if (id >= 0) visit(id);
    if (this.dictId >= 0) visit(this.dictId);
  }
}

/** The reference model. @internal */
export class ReferenceModel {
  /** Every object ever registered, by id. */
  readonly objects: ModelObject[] = [];
  /** The alive ones (compacted by {@link compact}; may briefly hold just-killed ones). */
  alive: ModelObject[] = [];
  /** Killed since the last {@link takeKilled}. */
  private killed: ModelObject[] = [];
  /** The latest object registered at each address. */
  readonly byAddress = new Map<Ptr, number>();
  /** Model ids the program holds one reference to each (a multiset). */
  readonly roots: number[] = [];
  /** Model ids of `gc.garbage`, each holding one reference. */
  garbage: number[] = [];
  aliveCount = 0;
  private marks = new Uint8Array(256);
  private counts = new Int32Array(256);
  private readonly stack: number[] = [];

  /**
   * Registers a new heap object. An alive model object at the same address must have been freed
   * for the allocator to hand it out again: it is marked dead (the checks then prove that
   * nothing still referenced it).
   */
  register(address: Ptr, kind: KindCode): ModelObject {
    const previous = this.byAddress.get(address);
    if (previous !== undefined) this.kill(this.objects[previous]!);
    const object = new ModelObject(this.objects.length, address, kind);
    this.objects.push(object);
    this.alive.push(object);
    this.byAddress.set(address, object.id);
    this.aliveCount++;
    return object;
  }

  kill(object: ModelObject): void {
    if (!object.alive) return;
    object.alive = false;
    this.aliveCount--;
    this.killed.push(object);
  }

  /** The objects killed since the last call. */
  takeKilled(): ModelObject[] {
    const killed = this.killed;
    this.killed = [];
    return killed;
  }

  /** Drops killed objects from {@link alive}. */
  compact(): void {
    if (this.alive.length !== this.aliveCount)
      this.alive = this.alive.filter((object) => object.alive);
  }

  /** The alive model object at `address`, or undefined. */
  at(address: Ptr): ModelObject | undefined {
    const id = this.byAddress.get(address);
    if (id === undefined) return undefined;
    const object = this.objects[id]!;
    return object.alive ? object : undefined;
  }

  /**
   * Ids reachable from the roots and `gc.garbage`, as a membership array indexed by id. The
   * array is reused by the next call: copy it to keep it.
   */
  reachable(): Uint8Array {
    const length = this.objects.length;
    if (this.marks.length < length) this.marks = new Uint8Array(length * 2);
    const seen = this.marks;
    seen.fill(0, 0, length);
    const stack = this.stack;
    stack.length = 0;
    for (const id of this.roots) stack.push(id);
    for (const id of this.garbage) stack.push(id);
    const objects = this.objects;
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen[id] === 1) continue;
      seen[id] = 1;
      const object = objects[id]!;
      if (!object.alive) continue;
      for (const next of object.items) if (next >= 0 && seen[next] === 0) stack.push(next);
      for (const next of object.keys) if (seen[next] === 0) stack.push(next);
      for (const next of object.values) if (seen[next] === 0) stack.push(next);
      if (object.dictId >= 0 && seen[object.dictId] === 0) stack.push(object.dictId);
    }
    return seen;
  }

  /**
   * The reference count each alive object must have: roots, garbage and references held by
   * alive objects. The array is reused by the next call.
   */
  expectedRefcounts(): Int32Array {
    const length = this.objects.length;
    if (this.counts.length < length) this.counts = new Int32Array(length * 2);
    const counts = this.counts;
    counts.fill(0, 0, length);
    for (const id of this.roots) counts[id]!++;
    for (const id of this.garbage) counts[id]!++;
    for (const object of this.alive) {
      if (!object.alive) continue;
      for (const id of object.items) if (id >= 0) counts[id]!++;
      for (const id of object.keys) counts[id]!++;
      for (const id of object.values) counts[id]!++;
      if (object.dictId >= 0) counts[object.dictId]!++;
    }
    return counts;
  }

  /** Alive model ids (a fresh array). */
  aliveIds(): number[] {
    return this.alive.filter((object) => object.alive).map((object) => object.id);
  }
}
