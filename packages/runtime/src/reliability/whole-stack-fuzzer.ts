/**
 * The whole-stack model-based fuzzer: a seeded random program of Python-level operations over a
 * `createRuntime()` stack (pool, heap, refcount, a collector and its `gc` module), checked
 * against the {@link ReferenceModel} after every operation.
 *
 * Checked after every operation:
 * - nothing reachable from the program's roots (or `gc.garbage`) is freed, and no alive object
 *   references a freed one;
 * - every alive object's reference count equals the references the model holds (so an object
 *   nobody references is never left alive: that is a leak);
 * - every object's contents (list and tuple items, dict entries, slots, `__dict__` attributes,
 *   weakref referents) are what the program stored;
 * - the heap's live object count per type equals the model's (nothing leaked, nothing extra);
 * - no PEP 442 finalizer and no weakref callback ran twice; every freed object with a
 *   finalizer had it run;
 * - after a full collection (nothing frozen) every alive object is reachable, and `gc.garbage`
 *   gained exactly the unreachable objects with legacy finalizers (CPython's rule);
 * - `verify()` of heap and allocator passes (every `verifyEvery` operations, at the end, and
 *   after every throwing `traverse` hook);
 * - a user type's hooks may throw: a `traverse` hook armed to throw mid-collection aborts it with
 *   a `UserHookError` naming the hook and the type, nothing freed (a failed allocation leaves no
 *   object behind); a `clear` hook that throws (after clearing) is reported as unraisable, naming
 *   `tp_clear` and the type, and the collection goes on;
 * - after the episode drops everything (breaking `gc.garbage` cycles as a user would), the live
 *   objects and the pool's blocks are back to the baseline.
 *
 * @internal
 * @module
 */
import {
  InvalidPointerError,
  OB_TYPE_OFFSET,
  type Ptr,
  TypeFlags,
  UserHookError,
} from "@pymem/core";
import { GcTypeError, GcValueError } from "@pymem/gc";
import { internalHeap } from "@pymem/heap/internal";
import type { CollectorName } from "../api.js";
import { createRuntime, type Runtime } from "../runtime.js";
import { Prng } from "./prng.js";
import {
  BEHAVIOUR_NAMES,
  Behaviour,
  hasInstanceDict,
  isAtom,
  Kind,
  type KindCode,
  type ModelObject,
  ReferenceModel,
  TYPE_NAMES,
} from "./reference-model.js";

/** Options of {@link runFuzzEpisode}. @internal */
export interface FuzzEpisodeOptions {
  /** @defaultValue "generational" */
  collector: CollectorName;
  /** @defaultValue 1 */
  seed: number;
  /** Operations in the episode (the teardown is extra). @defaultValue 2000 */
  operations: number;
  /** Full `verify()` every this many operations. @defaultValue 64 */
  verifyEvery: number;
  /** CPython's free lists in the heap. @defaultValue true */
  freeLists: boolean;
  /** The debug allocator (guard bytes, use-after-free detection) under the heap. @defaultValue false */
  debug: boolean;
  /**
   * Called with the runtime before the first operation: the fuzzer's self-test breaks it here on
   * purpose to prove the checks catch the damage. @defaultValue undefined
   */
  sabotage: ((runtime: Runtime) => void) | undefined;
}

/** What an episode did. @internal */
export interface FuzzEpisodeResult {
  operations: number;
  objectsCreated: number;
  collections: number;
  finalizersRun: number;
  callbacksRun: number;
  /** `gc.callbacks` calls that threw (reported as unraisable; the collection went on). */
  gcCallbacksThrown: number;
  /** `traverse` hooks that threw (the collection, or the allocation that ran it, was abandoned). */
  traversesThrown: number;
  /** `clear` hooks that threw after clearing (reported as unraisable; the collection went on). */
  clearsThrown: number;
  unraisableReports: number;
  badInputsRejected: number;
}

/**
 * A result with every count at zero: an episode's start, or a suite's running totals.
 *
 * @example
 * ```ts
 * const totals = emptyFuzzEpisodeResult();
 * ```
 * @internal
 */
export function emptyFuzzEpisodeResult(): FuzzEpisodeResult {
  return {
    operations: 0,
    objectsCreated: 0,
    collections: 0,
    finalizersRun: 0,
    callbacksRun: 0,
    gcCallbacksThrown: 0,
    traversesThrown: 0,
    clearsThrown: 0,
    unraisableReports: 0,
    badInputsRejected: 0,
  };
}

/** A failed check, with everything needed to replay it. @internal */
export class FuzzFailure extends Error {
  constructor(
    readonly collector: CollectorName,
    readonly seed: number,
    readonly step: number,
    detail: string,
    recentOperations: string,
  ) {
    super(
      `whole-stack fuzz failure (collector ${collector}, seed ${seed}, operation #${step}): ${detail}\n` +
        `replay: PYMEM_FUZZ_SEED=${seed} with collector ${collector}\nlast operations:\n${recentOperations}`,
    );
    this.name = "FuzzFailure";
  }
}

const Op = {
  NEW_ATOM: 0,
  NEW_TUPLE: 1,
  NEW_LIST: 2,
  NEW_DICT: 3,
  NEW_INSTANCE: 4,
  NEW_WEAKREF: 5,
  LIST_APPEND: 6,
  LIST_SET: 7,
  LIST_POP: 8,
  DICT_SET: 9,
  DICT_DELETE: 10,
  SLOT_SET: 11,
  ATTR_SET: 12,
  DROP_ROOT: 13,
  DUPLICATE_ROOT: 14,
  DEREF_WEAKREF: 15,
  COLLECT: 16,
  STEP: 17,
  FREEZE_TOGGLE: 18,
  SET_THRESHOLD: 19,
  ENABLE_TOGGLE: 20,
  CLEAR_GARBAGE: 21,
  BAD_INPUT: 22,
  INTROSPECT: 23,
  TRAVERSE_FAULT: 24,
} as const;

/** [operation, weight]: mutations and drops dominate, so cycles and garbage are common. */
const OP_WEIGHTS: readonly (readonly [number, number])[] = [
  [Op.NEW_ATOM, 6],
  [Op.NEW_TUPLE, 3],
  [Op.NEW_LIST, 5],
  [Op.NEW_DICT, 3],
  [Op.NEW_INSTANCE, 8],
  [Op.NEW_WEAKREF, 3],
  [Op.LIST_APPEND, 8],
  [Op.LIST_SET, 4],
  [Op.LIST_POP, 3],
  [Op.DICT_SET, 6],
  [Op.DICT_DELETE, 2],
  [Op.SLOT_SET, 6],
  [Op.ATTR_SET, 8],
  [Op.DROP_ROOT, 18],
  [Op.DUPLICATE_ROOT, 2],
  [Op.DEREF_WEAKREF, 2],
  [Op.COLLECT, 2],
  [Op.STEP, 1],
  [Op.FREEZE_TOGGLE, 1],
  [Op.SET_THRESHOLD, 1],
  [Op.ENABLE_TOGGLE, 1],
  [Op.CLEAR_GARBAGE, 1],
  [Op.BAD_INPUT, 2],
  [Op.INTROSPECT, 1],
  [Op.TRAVERSE_FAULT, 2],
];

const OP_TABLE: number[] = OP_WEIGHTS.flatMap(([op, weight]) => new Array<number>(weight).fill(op));
const ATTRIBUTE_NAMES = ["a", "b", "c"] as const;
const SLOT_NAMES = ["a", "b"] as const;
/** Where a hooked instance keeps its one reference (the first word after the header). */
const HOOKED_FIELD_OFFSET = 8;
const RECENT = 24;
/** Full contents checks (items, entries, slots, values) every this many operations. */
const CONTENTS_EVERY = 4;

/** What an explicit full collection must achieve, computed just before it. */
interface FullCollection {
  /** Unreachable objects with legacy finalizers: gc.garbage must gain exactly these (if still alive). */
  legacy: readonly number[];
  /** Objects allowed to stay unreachable: reachable from those legacy objects. */
  exempt: Uint8Array;
}

/**
 * Runs one episode and returns its counters; throws {@link FuzzFailure} on the first failed
 * check.
 *
 * @internal
 */
export function runFuzzEpisode(options: Partial<FuzzEpisodeOptions> = {}): FuzzEpisodeResult {
  return new FuzzEpisode({
    collector: options.collector ?? "generational",
    seed: options.seed ?? 1,
    operations: options.operations ?? 2000,
    verifyEvery: options.verifyEvery ?? 64,
    freeLists: options.freeLists ?? true,
    debug: options.debug ?? false,
    sabotage: options.sabotage,
  }).run();
}

class FuzzEpisode {
  private readonly runtime: Runtime;
  private readonly model = new ReferenceModel();
  private readonly random: Prng;
  private readonly typeIds: number[] = [];
  private readonly attributeKeys: Ptr[] = [];
  private readonly baselineBlocks: number;
  private readonly hookErrors: string[] = [];
  private readonly recent: string[] = [];
  private reachableAtStart: Uint8Array = new Uint8Array(0);
  private readonly reachableIds: number[] = [];
  private readonly modelCountsByType = new Int32Array(64);
  private readonly baselineByType: Int32Array;
  private collectionsThisOp = 0;
  private teardown = false;
  private step = 0;
  private nextNumber = 0;
  /** While positive, counts `traverse` calls down; the call that brings it to 0 throws. */
  private traverseFailsIn = 0;
  /** Unraisable reports that name a hooked instance's `tp_clear`. */
  private clearReports = 0;
  private readonly result: FuzzEpisodeResult = emptyFuzzEpisodeResult();

  constructor(private readonly options: FuzzEpisodeOptions) {
    this.random = new Prng(options.seed);
    this.runtime = createRuntime({
      collector: options.collector,
      freeLists: options.freeLists,
      debug: options.debug,
      unraisableSink: (text) => {
        this.result.unraisableReports++;
        if (text.includes("tp_clear of Hooked")) this.clearReports++;
      },
      debugSink: () => {},
    });
    const { heap } = this.runtime;
    const finalize = (obj: Ptr) => this.onFinalize(obj);
    const legacyDel = (obj: Ptr) => this.onLegacyDel(obj);
    const ids = this.typeIds;
    ids[Kind.INT] = heap.intType;
    ids[Kind.FLOAT] = heap.floatType;
    ids[Kind.STR] = heap.strType;
    ids[Kind.TUPLE] = heap.tupleType;
    ids[Kind.LIST] = heap.listType;
    ids[Kind.DICT] = heap.dictType;
    ids[Kind.WEAKREF] = heap.weakrefType;
    ids[Kind.SLOTTED] = heap.defineClass({ name: "Slotted", slots: [...SLOT_NAMES] });
    ids[Kind.PLAIN] = heap.defineClass({ name: "Plain" });
    ids[Kind.NON_GC] = heap.defineClass({ name: "NonGc", slots: ["a"], gc: false });
    ids[Kind.FINALIZED] = heap.defineClass({ name: "Finalized", finalize });
    ids[Kind.LEGACY] = heap.defineClass({ name: "Legacy", legacyDel });
    ids[Kind.INSTANCE_DICT] = heap.dictType;
    ids[Kind.HOOKED] = heap.defineType({
      name: "Hooked",
      basicSize: HOOKED_FIELD_OFFSET + 4,
      flags: TypeFlags.GC,
      traverse: (obj, visit) => this.onTraverse(obj, visit),
      clear: (obj) => this.onClear(obj),
      dealloc: (obj) => this.onDealloc(obj),
    });
    // The attribute names stay interned (held here) so instance dicts add no str objects.
    for (const name of ATTRIBUTE_NAMES) this.attributeKeys.push(heap.intern(name));
    const gc = this.runtime.gc;
    if (gc !== undefined) {
      gc.callbacks.push((phase) => {
        if (phase === "start") {
          this.collectionsThisOp++;
          this.result.collections++;
        }
      });
      // In some episodes a second callback throws at every third call, at either phase: CPython
      // reports it as unraisable and the collection goes on (the checks after it prove that).
      const throwEvery = this.random.chance(1, 2) ? 3 : 0;
      let gcCallbackCalls = 0;
      if (throwEvery !== 0)
        gc.callbacks.push((phase) => {
          if (this.teardown || ++gcCallbackCalls % throwEvery !== 0) return;
          this.result.gcCallbacksThrown++;
          throw new Error(`fuzz: gc callback throws at ${phase}`);
        });
      // Frequent automatic collections, in the middle of everything.
      this.setThreshold(this.random.pick([1, 5, 10, 50]));
    }
    heap.clearFreeLists();
    this.baselineBlocks = this.runtime.pool.stats().blocksInUse;
    this.baselineByType = internalHeap(heap).liveByType.slice(0, heap.types.count);
  }

  run(): FuzzEpisodeResult {
    const { operations, verifyEvery } = this.options;
    this.options.sabotage?.(this.runtime);
    this.reconcile(undefined);
    for (this.step = 1; this.step <= operations; this.step++) {
      this.reachableAtStart = this.model.reachable().slice();
      this.collectionsThisOp = 0;
      const op = this.chooseOperation();
      this.reconcile(this.perform(op));
      if (this.step % verifyEvery === 0) this.verify();
    }
    this.result.operations = operations;
    this.dropEverything();
    return this.result;
  }

  // ───────────────────────────── choosing

  private chooseOperation(): number {
    const alive = this.model.aliveCount;
    if (this.model.roots.length === 0)
      return this.random.chance(1, 2) ? Op.NEW_LIST : Op.NEW_INSTANCE;
    // Keep the population between ~10 and ~90 objects: small graphs, many cycles.
    if (alive > 90 && this.random.chance(2, 3)) return Op.DROP_ROOT;
    if (alive < 10 && this.random.chance(1, 2)) return Op.NEW_INSTANCE;
    return this.random.pick(OP_TABLE);
  }

  /** A reachable object (what a program can name), optionally of given kinds. */
  private pickReachable(accept?: (object: ModelObject) => boolean): ModelObject | undefined {
    const ids = this.reachableIds;
    if (ids.length === 0) return undefined;
    if (accept === undefined) return this.model.objects[this.random.pick(ids)];
    // A few random probes, then a scan from a random start.
    for (let tries = 0; tries < 4; tries++) {
      const object = this.model.objects[this.random.pick(ids)]!;
      if (object.alive && accept(object)) return object;
    }
    const start = this.random.below(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const object = this.model.objects[ids[(start + i) % ids.length]!]!;
      if (object.alive && accept(object)) return object;
    }
    return undefined;
  }

  private pickKind(kind: number): ModelObject | undefined {
    return this.pickReachable((object) => object.kind === kind);
  }

  // ───────────────────────────── performing

  private note(text: string): void {
    if (this.recent.length === RECENT) this.recent.shift();
    this.recent.push(`#${this.step} ${text}`);
  }

  private describe(object: ModelObject | undefined): string {
    if (object === undefined) return "-";
    return `${TYPE_NAMES[object.kind]}#${object.id}@${object.address}`;
  }

  /** Runs one operation. Returns, for an explicit full collection, what it must achieve. */
  private perform(op: number): FullCollection | undefined {
    const { heap, lifetime } = this.runtime;
    const gc = this.runtime.gc;
    const model = this.model;
    const random = this.random;
    switch (op) {
      case Op.NEW_ATOM: {
        const which = random.below(3);
        const number = this.nextNumber++;
        const kind = which === 0 ? Kind.INT : which === 1 ? Kind.FLOAT : Kind.STR;
        // Unique values: distinct objects never compare equal as dict keys.
        const value =
          kind === Kind.INT ? 1000 + 2 * number : kind === Kind.FLOAT ? number + 0.5 : `s${number}`;
        const address =
          typeof value === "string"
            ? heap.newStr(value)
            : kind === Kind.INT
              ? heap.newInt(value)
              : heap.newFloat(value);
        const object = this.created(address, kind);
        object.atomValue = value;
        this.note(`new ${this.describe(object)} = ${value}`);
        this.root(object);
        return undefined;
      }
      case Op.NEW_TUPLE:
      case Op.NEW_LIST: {
        const count = op === Op.NEW_TUPLE ? 1 + random.below(3) : random.below(4);
        const items: ModelObject[] = [];
        for (let i = 0; i < count; i++) {
          const item = this.pickReachable();
          if (item !== undefined) items.push(item);
        }
        if (op === Op.NEW_TUPLE && items.length === 0) return undefined;
        const kind = op === Op.NEW_TUPLE ? Kind.TUPLE : Kind.LIST;
        this.note(
          `new ${TYPE_NAMES[kind]} of [${items.map((item) => this.describe(item)).join(", ")}]`,
        );
        const addresses = items.map((item) => item.address);
        const address = op === Op.NEW_TUPLE ? heap.newTuple(addresses) : heap.newList(addresses);
        const object = this.created(address, kind);
        object.items = items.map((item) => item.id);
        this.root(object);
        return undefined;
      }
      case Op.NEW_DICT: {
        this.note("new dict");
        this.root(this.created(heap.newDict(), Kind.DICT));
        return undefined;
      }
      case Op.NEW_INSTANCE: {
        const kind = random.pick([
          Kind.SLOTTED,
          Kind.PLAIN,
          Kind.NON_GC,
          Kind.FINALIZED,
          Kind.FINALIZED,
          Kind.LEGACY,
          Kind.HOOKED,
        ] as const);
        const behaviour =
          kind === Kind.FINALIZED
            ? random.below(6)
            : kind === Kind.LEGACY
              ? random.pick([Behaviour.NOTHING, Behaviour.THROW, Behaviour.ALLOCATE_SCRATCH])
              : kind === Kind.HOOKED
                ? random.pick([Behaviour.NOTHING, Behaviour.THROW])
                : 0;
        this.note(`new ${TYPE_NAMES[kind]} (${BEHAVIOUR_NAMES[behaviour]})`);
        const typeId = this.typeIds[kind]!;
        const address = kind === Kind.HOOKED ? heap.allocate(typeId) : heap.newInstance(typeId);
        const object = this.created(address, kind);
        object.behaviour = behaviour;
        if (kind === Kind.SLOTTED) object.items = [-1, -1];
        if (kind === Kind.NON_GC || kind === Kind.HOOKED) object.items = [-1];
        this.root(object);
        return undefined;
      }
      case Op.NEW_WEAKREF: {
        const target = this.pickReachable((object) => hasInstanceDict(object.kind));
        if (target === undefined) return undefined;
        const withCallback = random.chance(1, 2);
        const behaviour = withCallback ? random.below(6) : 0;
        this.note(
          `weakref to ${this.describe(target)} callback=${withCallback ? BEHAVIOUR_NAMES[behaviour] : "none"}`,
        );
        const address = withCallback
          ? heap.newWeakref(target.address, (ref) => this.onCallback(ref))
          : heap.newWeakref(target.address);
        const existing = model.at(address);
        if (existing !== undefined) {
          // CPython shares the callback-less weakref to an object: a new reference to it.
          if (
            withCallback ||
            existing.kind !== Kind.WEAKREF ||
            existing.hasCallback ||
            existing.referentId !== target.id
          )
            this.fail(
              `newWeakref returned ${this.describe(existing)}, not a new weakref to ${this.describe(target)}`,
            );
          this.root(existing);
          return undefined;
        }
        const object = this.created(address, Kind.WEAKREF);
        object.referentId = target.id;
        object.hasCallback = withCallback;
        object.behaviour = behaviour;
        this.root(object);
        return undefined;
      }
      case Op.LIST_APPEND: {
        const list = this.pickKind(Kind.LIST);
        const value = this.pickReachable();
        if (list === undefined || value === undefined) return undefined;
        this.note(`${this.describe(list)}.append(${this.describe(value)})`);
        heap.listAppend(list.address, value.address);
        list.items.push(value.id);
        return undefined;
      }
      case Op.LIST_SET: {
        const list = this.pickReachable(
          (object) => object.kind === Kind.LIST && object.items.length > 0,
        );
        const value = this.pickReachable();
        if (list === undefined || value === undefined) return undefined;
        const index = random.below(list.items.length);
        this.note(`${this.describe(list)}[${index}] = ${this.describe(value)}`);
        // The model first: the old item's death may run a finalizer that reads the model.
        list.items[index] = value.id;
        heap.listSetItem(list.address, index, value.address);
        return undefined;
      }
      case Op.LIST_POP: {
        const list = this.pickReachable(
          (object) => object.kind === Kind.LIST && object.items.length > 0,
        );
        if (list === undefined) return undefined;
        const index = random.below(list.items.length);
        this.note(`${this.describe(list)}.pop(${index})`);
        const popped = heap.listPop(list.address, index);
        const [id] = list.items.splice(index, 1);
        const expected = model.objects[id!]!;
        if (popped !== expected.address)
          this.fail(`pop returned ${popped}, expected ${this.describe(expected)}`);
        // pop returns a new reference: keep it as a root or drop it.
        model.roots.push(expected.id);
        if (random.chance(1, 2)) this.dropRootAt(model.roots.length - 1);
        return undefined;
      }
      case Op.DICT_SET: {
        const dict = this.pickKind(Kind.DICT);
        const key = this.pickReachable((object) => isAtom(object.kind));
        const value = this.pickReachable();
        if (dict === undefined || key === undefined || value === undefined) return undefined;
        this.note(`${this.describe(dict)}[${this.describe(key)}] = ${this.describe(value)}`);
        const at = dict.keys.indexOf(key.id);
        if (at >= 0) dict.values[at] = value.id;
        else {
          dict.keys.push(key.id);
          dict.values.push(value.id);
        }
        heap.dictSetItem(dict.address, key.address, value.address);
        return undefined;
      }
      case Op.DICT_DELETE: {
        const dict = this.pickReachable(
          (object) => object.kind === Kind.DICT && object.keys.length > 0,
        );
        if (dict === undefined) return undefined;
        const at = random.below(dict.keys.length);
        const key = model.objects[dict.keys[at]!]!;
        this.note(`del ${this.describe(dict)}[${this.describe(key)}]`);
        dict.keys.splice(at, 1);
        dict.values.splice(at, 1);
        if (!heap.dictDelItem(dict.address, key.address)) this.fail("dictDelItem found no key");
        return undefined;
      }
      case Op.SLOT_SET: {
        const owner = this.pickReachable(
          (object) =>
            object.kind === Kind.SLOTTED ||
            object.kind === Kind.NON_GC ||
            object.kind === Kind.HOOKED,
        );
        if (owner === undefined) return undefined;
        const index = random.below(owner.items.length);
        // A non-GC instance only ever holds atoms, so it can never be part of a cycle.
        const value = random.chance(1, 5)
          ? undefined
          : owner.kind === Kind.NON_GC
            ? this.pickReachable((object) => isAtom(object.kind))
            : this.pickReachable();
        this.note(`${this.describe(owner)}.${SLOT_NAMES[index]} = ${this.describe(value)}`);
        owner.items[index] = value?.id ?? -1;
        if (owner.kind === Kind.HOOKED)
          heap.storeField(owner.address, HOOKED_FIELD_OFFSET, value?.address ?? 0);
        else heap.setSlot(owner.address, SLOT_NAMES[index]!, value?.address ?? 0);
        return undefined;
      }
      case Op.ATTR_SET: {
        const owner = this.pickReachable((object) => hasInstanceDict(object.kind));
        const value = this.pickReachable();
        if (owner === undefined || value === undefined) return undefined;
        const index = random.below(ATTRIBUTE_NAMES.length);
        this.note(`${this.describe(owner)}.${ATTRIBUTE_NAMES[index]} = ${this.describe(value)}`);
        this.setAttribute(owner, index, value);
        return undefined;
      }
      case Op.DROP_ROOT: {
        if (model.roots.length === 0) return undefined;
        const at = random.below(model.roots.length);
        this.note(`drop root ${this.describe(model.objects[model.roots[at]!])}`);
        this.dropRootAt(at);
        return undefined;
      }
      case Op.DUPLICATE_ROOT: {
        const object = this.pickReachable();
        if (object === undefined) return undefined;
        this.note(`new root to ${this.describe(object)}`);
        lifetime.incref(object.address);
        model.roots.push(object.id);
        return undefined;
      }
      case Op.DEREF_WEAKREF: {
        const ref = this.pickKind(Kind.WEAKREF);
        if (ref === undefined) return undefined;
        const referent = heap.weakrefGet(ref.address);
        this.note(`${this.describe(ref)}() -> ${referent}`);
        if (referent === heap.none) return undefined;
        const object = model.at(referent);
        if (object === undefined || object.id !== ref.referentId)
          this.fail(
            `${this.describe(ref)}() returned ${referent}, not its referent #${ref.referentId}`,
          );
        // Taking a strong reference from a weakref: legal even for cyclic garbage not yet collected.
        lifetime.incref(referent);
        model.roots.push(object.id);
        return undefined;
      }
      case Op.COLLECT: {
        if (gc === undefined) return undefined;
        const generation = random.below(gc.collector.generationCount);
        const full = generation === gc.collector.generationCount - 1;
        this.note(`gc.collect(${generation})`);
        const expectation = full ? this.beforeFullCollection() : undefined;
        gc.collect(generation);
        return expectation;
      }
      case Op.STEP: {
        const collector = this.runtime.collector as
          | { step?: (budget: number) => number }
          | undefined;
        if (collector?.step === undefined) return undefined;
        const budget = 1 + random.below(8);
        this.note(`step(${budget})`);
        collector.step(budget);
        return undefined;
      }
      case Op.FREEZE_TOGGLE: {
        if (gc === undefined) return undefined;
        if (gc.getFreezeCount() > 0) {
          this.note("gc.unfreeze()");
          gc.unfreeze();
        } else {
          this.note("gc.freeze()");
          gc.freeze();
        }
        return undefined;
      }
      case Op.SET_THRESHOLD: {
        if (gc === undefined) return undefined;
        const threshold = random.pick([0, 1, 3, 10, 100, 700]);
        this.note(`gc.set_threshold(${threshold})`);
        this.setThreshold(threshold);
        return undefined;
      }
      case Op.ENABLE_TOGGLE: {
        if (gc === undefined) return undefined;
        this.note(gc.isEnabled() ? "gc.disable()" : "gc.enable()");
        if (gc.isEnabled()) gc.disable();
        else gc.enable();
        return undefined;
      }
      case Op.CLEAR_GARBAGE: {
        if (gc === undefined || gc.garbage.length === 0) return undefined;
        this.note(`break and drop gc.garbage (${gc.garbage.length})`);
        this.clearGarbage();
        return undefined;
      }
      case Op.INTROSPECT: {
        this.introspect();
        return undefined;
      }
      case Op.BAD_INPUT: {
        this.badInput();
        return undefined;
      }
      case Op.TRAVERSE_FAULT:
        return this.traverseFault();
      default:
        throw new Error(`unknown operation ${op}`);
    }
  }

  /**
   * Arms the hooked type's `traverse` to throw at one of its next few calls, then collects,
   * steps or allocates (which may collect). A throw must be a `UserHookError` naming `traverse`
   * and `Hooked`, after which the heap verifies at once and the reconcile proves nothing was
   * freed; an allocation that threw left no object behind (the model registers none).
   */
  private traverseFault(): FullCollection | undefined {
    const gc = this.runtime.gc;
    if (gc === undefined) return undefined;
    const random = this.random;
    const failsIn = 1 + random.below(6);
    const action = random.below(3);
    const collector = this.runtime.collector as { step?: (budget: number) => number } | undefined;
    let expectation: FullCollection | undefined;
    this.traverseFailsIn = failsIn;
    try {
      if (action === 0) {
        const generation = random.below(gc.collector.generationCount);
        this.note(`traverse throws at call ${failsIn}; gc.collect(${generation})`);
        if (generation === gc.collector.generationCount - 1)
          expectation = this.beforeFullCollection();
        gc.collect(generation);
      } else if (action === 1 && collector?.step !== undefined) {
        this.note(`traverse throws at call ${failsIn}; step(8)`);
        collector.step(8);
      } else {
        this.note(`traverse throws at call ${failsIn}; new Hooked`);
        const object = this.created(
          this.runtime.heap.allocate(this.typeIds[Kind.HOOKED]!),
          Kind.HOOKED,
        );
        object.items = [-1];
        this.root(object);
      }
    } catch (error) {
      this.traverseFailsIn = 0;
      if (!(error instanceof UserHookError) || error.hook !== "traverse")
        this.fail(`a throwing traverse hook: expected UserHookError, got ${String(error)}`);
      if (error.typeName !== "Hooked" || this.model.at(error.address)?.kind !== Kind.HOOKED)
        this.fail(`UserHookError names '${error.typeName}' at ${error.address}, not a Hooked`);
      this.result.traversesThrown++;
      this.verify();
      return undefined;
    } finally {
      this.traverseFailsIn = 0;
    }
    return expectation;
  }

  private setThreshold(threshold: number): void {
    const gc = this.runtime.gc!;
    if (gc.collector.generationCount === 3)
      gc.setThreshold(threshold, 1 + this.random.below(10), 1 + this.random.below(10));
    else gc.setThreshold(threshold);
  }

  private setAttribute(owner: ModelObject, index: number, value: ModelObject | undefined): void {
    const { heap } = this.runtime;
    const hadDict = owner.dictId >= 0;
    if (hadDict) this.model.objects[owner.dictId]!.items[index] = value?.id ?? -1;
    heap.setAttr(owner.address, ATTRIBUTE_NAMES[index]!, value?.address ?? heap.none);
    if (!hadDict) {
      // The first attribute created the instance's __dict__: a model object of its own.
      const dictAddress = heap.loadField(
        owner.address,
        internalHeap(heap).classes[this.typeIds[owner.kind]!]!.dictOffset,
      );
      const dict = this.created(dictAddress, Kind.INSTANCE_DICT);
      dict.items = [-1, -1, -1];
      dict.items[index] = value?.id ?? -1;
      dict.ownerId = owner.id;
      owner.dictId = dict.id;
    }
  }

  private created(address: Ptr, kind: KindCode): ModelObject {
    this.result.objectsCreated++;
    return this.model.register(address, kind);
  }

  private root(object: ModelObject): void {
    this.model.roots.push(object.id);
  }

  private dropRootAt(at: number): void {
    const model = this.model;
    const id = model.roots[at]!;
    // Swap-remove first: finalizers run by the decref see the model without this root.
    model.roots[at] = model.roots[model.roots.length - 1]!;
    model.roots.pop();
    this.runtime.lifetime.decref(model.objects[id]!.address);
  }

  /**
   * Before a full collection: the alive legacy-finalizer objects nobody can reach (the collection
   * must move them to gc.garbage) and everything they reach, which survives this collection in
   * CPython (move_legacy_finalizer_reachable) even where it is freed from them during it.
   */
  private beforeFullCollection(): FullCollection {
    const model = this.model;
    const reachable = model.reachable();
    const legacy: number[] = [];
    for (const object of model.objects)
      if (object.alive && object.kind === Kind.LEGACY && reachable[object.id] !== 1)
        legacy.push(object.id);
    const exempt = new Uint8Array(model.objects.length);
    const stack = [...legacy];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (exempt[id] === 1) continue;
      exempt[id] = 1;
      model.objects[id]!.forEachReference((next) => stack.push(next));
    }
    return { legacy, exempt };
  }

  /** Breaks the references of every gc.garbage object and drops them, as a program would. */
  private clearGarbage(): void {
    const gc = this.runtime.gc!;
    const { lifetime } = this.runtime;
    const model = this.model;
    const entries = gc.garbage.splice(0);
    const objects = entries.map((address) => {
      const object = model.at(address);
      if (object === undefined) this.fail(`gc.garbage holds unknown object ${address}`);
      return object;
    });
    // The references held by gc.garbage are now held by the model's roots until dropped.
    model.garbage = [];
    for (const object of objects) model.roots.push(object.id);
    for (const object of objects) {
      if (object.dictId >= 0)
        for (let index = 0; index < ATTRIBUTE_NAMES.length; index++)
          this.setAttribute(object, index, undefined);
    }
    for (const object of objects) {
      const at = model.roots.lastIndexOf(object.id);
      model.roots.splice(at, 1);
      lifetime.decref(object.address);
    }
  }

  /**
   * The gc module's views agree with the model: `get_referents` of a container lists exactly its
   * references, `get_referrers` of an object includes every tracked container that holds it, and
   * `get_objects()` holds only live GC objects.
   */
  private introspect(): void {
    const gc = this.runtime.gc;
    const heap = this.runtime.heap;
    const objects = this.model.objects;
    if (gc === undefined) return;
    const container = this.pickReachable(
      (object) =>
        object.kind === Kind.LIST ||
        object.kind === Kind.DICT ||
        object.kind === Kind.TUPLE ||
        object.kind === Kind.SLOTTED ||
        object.kind === Kind.HOOKED,
    );
    if (container === undefined) return;
    this.note(`gc.get_referents(${this.describe(container)}), gc.get_referrers, gc.get_objects()`);
    const referents = gc.getReferents(container.address).sort((a, b) => a - b);
    const expected: Ptr[] = [];
    container.forEachReference((id) => expected.push(objects[id]!.address));
    expected.sort((a, b) => a - b);
    if (referents.join() !== expected.join())
      this.fail(
        `gc.get_referents(${this.describe(container)}) = [${referents}], expected [${expected}]`,
      );
    if (gc.collector.generationCount === 0) return;
    const all = gc.getObjects();
    for (const obj of all)
      if (!heap.isLive(obj) || (heap.types.flags[heap.typeOf(obj)]! & TypeFlags.GC) === 0)
        this.fail(`gc.get_objects() holds ${obj}, not a live GC object`);
    const target = this.pickReachable();
    if (target === undefined || all.length === 0) return;
    const referrers = new Set(gc.getReferrers(target.address));
    const tracked = new Set(all);
    for (const holder of this.model.alive) {
      let holds = false;
      holder.forEachReference((id) => {
        if (id === target.id) holds = true;
      });
      if (holds && tracked.has(holder.address) && !referrers.has(holder.address))
        this.fail(
          `gc.get_referrers(${this.describe(target)}) misses tracked ${this.describe(holder)}`,
        );
    }
  }

  /** Invalid calls: each must throw its typed error and change nothing (the reconcile proves it). */
  private badInput(): void {
    const { heap, lifetime } = this.runtime;
    const gc = this.runtime.gc;
    const expectThrow = (
      what: string,
      errorClass: new (...args: never[]) => Error,
      action: () => unknown,
    ) => {
      this.note(`bad input: ${what}`);
      try {
        action();
      } catch (error) {
        if (error instanceof errorClass) {
          this.result.badInputsRejected++;
          return;
        }
        this.fail(`${what}: expected ${errorClass.name}, got ${String(error)}`);
      }
      this.fail(`${what}: expected ${errorClass.name}, nothing thrown`);
    };
    const list = this.pickKind(Kind.LIST);
    const dict = this.pickKind(Kind.DICT);
    const any = this.pickReachable();
    if (any === undefined) return;
    switch (this.random.below(8)) {
      case 0:
        if (dict !== undefined && list !== undefined)
          expectThrow("unhashable dict key", TypeError, () =>
            heap.dictSetItem(dict.address, list.address, any.address),
          );
        return;
      case 1:
        if (list !== undefined)
          expectThrow("list index out of range", RangeError, () =>
            heap.listSetItem(list.address, list.items.length + 3, any.address),
          );
        return;
      case 2: {
        const atom = this.pickReachable((object) => isAtom(object.kind));
        if (atom !== undefined)
          expectThrow("weakref to an int/float/str", TypeError, () =>
            heap.newWeakref(atom.address),
          );
        return;
      }
      case 3: {
        const slotted = this.pickKind(Kind.SLOTTED);
        if (slotted !== undefined)
          expectThrow("unknown slot", TypeError, () =>
            heap.setSlot(slotted.address, "missing", any.address),
          );
        return;
      }
      case 4:
        expectThrow("incref of a misaligned pointer", InvalidPointerError, () =>
          lifetime.incref(any.address + 4),
        );
        return;
      case 5:
        if (gc !== undefined) expectThrow("gc.collect(99)", GcValueError, () => gc.collect(99));
        return;
      case 6:
        if (gc !== undefined)
          expectThrow("gc.set_threshold(1.5)", GcTypeError, () => gc.setThreshold(1.5));
        return;
      default:
        if (gc !== undefined)
          expectThrow("gc.get_objects(-2)", GcValueError, () => gc.getObjects(-2));
        return;
    }
  }

  // ───────────────────────────── hooks (user code run by the runtime)

  private hookTarget(address: Ptr, what: string): ModelObject | undefined {
    const object = this.model.at(address);
    if (object === undefined) this.hookErrors.push(`${what} called for unknown object ${address}`);
    return object;
  }

  private onFinalize(address: Ptr): void {
    const object = this.hookTarget(address, "finalizer");
    if (object === undefined) return;
    object.finalizeCalls++;
    this.result.finalizersRun++;
    if (!this.teardown) this.behave(object, object.behaviour);
  }

  private onLegacyDel(address: Ptr): void {
    const object = this.hookTarget(address, "legacy __del__");
    if (object === undefined) return;
    object.delCalls++;
    this.result.finalizersRun++;
    if (!this.teardown) this.behave(object, object.behaviour);
  }

  /** The hooked type's `tp_traverse`: its one reference, unless armed to throw at this call. */
  private onTraverse(obj: Ptr, visit: (referent: Ptr) => void): void {
    if (this.traverseFailsIn > 0 && --this.traverseFailsIn === 0)
      throw new Error(`fuzz: traverse of Hooked@${obj} throws`);
    const referent = this.runtime.heap.memory.u32[(obj + HOOKED_FIELD_OFFSET) >>> 2]!;
    if (referent !== 0) visit(referent);
  }

  /** The hooked type's `tp_clear`: `Py_CLEAR` of its reference, then a throw if it is to. */
  private onClear(obj: Ptr): void {
    const object = this.hookTarget(obj, "clear");
    if (object === undefined) return;
    object.items[0] = -1;
    this.runtime.heap.storeField(obj, HOOKED_FIELD_OFFSET, 0);
    if (object.behaviour === Behaviour.THROW) {
      this.result.clearsThrown++;
      throw new Error(`fuzz: clear of ${this.describe(object)} throws`);
    }
  }

  /**
   * The hooked type's `tp_dealloc`: `Py_CLEAR` of the reference the default deallocation cannot
   * see, then the memory (a `dealloc` hook releases its object itself).
   */
  private onDealloc(obj: Ptr): void {
    const heap = this.runtime.heap;
    heap.storeField(obj, HOOKED_FIELD_OFFSET, 0);
    heap.releaseObject(obj, this.typeIds[Kind.HOOKED]!);
  }

  private onCallback(address: Ptr): void {
    const object = this.hookTarget(address, "weakref callback");
    if (object === undefined) return;
    object.callbackCalls++;
    this.result.callbacksRun++;
    if (!this.teardown) this.behave(object, object.behaviour);
  }

  private behave(object: ModelObject, behaviour: number): void {
    const { heap, lifetime } = this.runtime;
    switch (behaviour) {
      case Behaviour.THROW:
        throw new Error(`fuzz: hook of ${this.describe(object)} throws`);
      case Behaviour.RESURRECT:
        lifetime.incref(object.address);
        this.model.roots.push(object.id);
        return;
      case Behaviour.ALLOCATE_HOLDER: {
        const holder = this.created(heap.newList([object.address]), Kind.LIST);
        holder.items = [object.id];
        this.root(holder);
        return;
      }
      case Behaviour.ALLOCATE_SCRATCH: {
        const scratch = heap.newList([heap.newFloat(1.25), heap.newStr("scratch")]);
        // newList increfs its items: drop the creation references, then the list.
        lifetime.decref(heap.listGetItem(scratch, 0));
        lifetime.decref(heap.listGetItem(scratch, 1));
        lifetime.decref(scratch);
        return;
      }
      case Behaviour.COLLECT:
        this.runtime.gc?.collect();
        return;
      default:
        return;
    }
  }

  // ───────────────────────────── checking

  private fail(detail: string): never {
    throw new FuzzFailure(
      this.options.collector,
      this.options.seed,
      this.step,
      detail,
      this.recent.join("\n"),
    );
  }

  private verify(): void {
    try {
      this.runtime.verify();
    } catch (error) {
      this.fail(`verify(): ${String(error)}`);
    }
  }

  /**
   * Brings the model up to date with the heap (deaths by refcount or collection), then checks
   * every invariant. `fullCollection` is set after an explicit full collection, with the
   * unreachable legacy objects found before it.
   */
  private reconcile(fullCollection: FullCollection | undefined): void {
    const { heap } = this.runtime;
    const gc = this.runtime.gc;
    const model = this.model;
    const objects = model.objects;
    const u32 = heap.memory.u32;
    const i32 = heap.memory.i32;
    const typeIds = this.typeIds;
    if (this.hookErrors.length > 0) this.fail(this.hookErrors.join("; "));
    if (this.clearReports !== this.result.clearsThrown)
      this.fail(
        `${this.result.clearsThrown} clear hooks threw, ${this.clearReports} unraisable reports name tp_clear of Hooked`,
      );

    // gc.garbage holds a strong reference to each entry.
    const previousGarbage = model.garbage;
    const garbage: number[] = [];
    for (const address of gc?.garbage ?? []) {
      const object = model.at(address);
      if (object === undefined) this.fail(`gc.garbage holds unknown object ${address}`);
      if (object.kind !== Kind.LEGACY)
        this.fail(
          `gc.garbage holds ${this.describe(object)}: only legacy finalizers are uncollectable`,
        );
      garbage.push(object.id);
    }
    model.garbage = garbage;

    // Deaths: an object is dead once its address is no longer a live object, or was reused.
    for (const object of model.alive) {
      if (!object.alive) continue;
      const address = object.address;
      if (!heap.isLive(address) || model.byAddress.get(address) !== object.id) model.kill(object);
      else if (u32[(address + OB_TYPE_OFFSET) >>> 2] !== typeIds[object.kind])
        this.fail(`${this.describe(object)} now has type ${heap.typeName(address)}`);
    }
    model.compact();
    for (const object of model.takeKilled()) {
      if (object.kind === Kind.FINALIZED && object.finalizeCalls !== 1)
        this.fail(
          `${this.describe(object)} was freed after ${object.finalizeCalls} finalizer calls (expected 1)`,
        );
      if (object.kind === Kind.LEGACY && object.delCalls === 0)
        this.fail(`${this.describe(object)} was freed without its legacy finalizer running`);
    }

    for (const id of model.roots)
      if (!objects[id]!.alive) this.fail(`a root was freed: ${this.describe(objects[id])}`);
    for (const id of model.garbage)
      if (!objects[id]!.alive)
        this.fail(`a gc.garbage entry was freed: ${this.describe(objects[id])}`);

    const alive = model.alive;
    const modelCounts = this.modelCountsByType;
    modelCounts.fill(0);
    for (const object of alive) {
      modelCounts[typeIds[object.kind]!]!++;
      object.forEachReference((id) => {
        if (!objects[id]!.alive)
          this.fail(`${this.describe(object)} references freed ${this.describe(objects[id])}`);
      });
    }
    const expected = model.expectedRefcounts();
    const contents = this.step % CONTENTS_EVERY === 0 || fullCollection !== undefined;
    for (const object of alive) {
      const count = i32[object.address >> 2]!;
      const want = expected[object.id]!;
      if (want === 0)
        this.fail(`leak: ${this.describe(object)} is alive with no references (refcount ${count})`);
      if (count !== want)
        this.fail(
          `${this.describe(object)} has refcount ${count}, the model holds ${want} references`,
        );
      if (object.finalizeCalls > 1)
        this.fail(`${this.describe(object)}'s finalizer ran ${object.finalizeCalls} times`);
      if (object.callbackCalls > 1)
        this.fail(`${this.describe(object)}'s callback ran ${object.callbackCalls} times`);
      if (object.kind === Kind.WEAKREF) this.checkWeakref(object);
      else if (contents) this.checkContents(object);
    }

    // Per type: the heap's live objects are exactly the baseline plus the model's.
    const liveByType = internalHeap(heap).liveByType;
    for (let typeId = 1; typeId < this.baselineByType.length; typeId++) {
      const want = this.baselineByType[typeId]! + modelCounts[typeId]!;
      const have = liveByType[typeId]!;
      if (have !== want)
        this.fail(
          `${have} live '${heap.types.spec(typeId).name}' objects, expected ${want} (baseline + model)`,
        );
    }

    const reachable = model.reachable();
    const reachableIds = this.reachableIds;
    reachableIds.length = 0;
    for (const object of alive) if (reachable[object.id] === 1) reachableIds.push(object.id);

    if (fullCollection !== undefined && gc !== undefined && gc.getFreezeCount() === 0) {
      for (const object of alive) {
        if (reachable[object.id] !== 1 && fullCollection.exempt[object.id] !== 1)
          this.fail(
            `after a full collection ${this.describe(object)} is unreachable but alive (${this.whyAlive(object)})`,
          );
      }
      const before = new Set(previousGarbage);
      const added = model.garbage.filter((id) => !before.has(id)).sort((a, b) => a - b);
      const wanted = [...fullCollection.legacy]
        .filter((id) => added.includes(id) || objects[id]!.alive)
        .sort((a, b) => a - b);
      if (added.join() !== wanted.join())
        this.fail(
          `gc.garbage gained [${added}], expected the unreachable legacy objects [${wanted}]; missing: ${wanted
            .filter((id) => !added.includes(id))
            .map((id) => `${this.describe(objects[id])} (${this.whyAlive(objects[id]!)})`)
            .join("; ")}`,
        );
    }
  }

  /** Who holds an object, for failure reports. */
  private whyAlive(object: ModelObject): string {
    const gc = this.runtime.gc;
    const holders = this.model.objects
      .filter((holder) => {
        if (!holder.alive) return false;
        let holds = false;
        holder.forEachReference((id) => {
          if (id === object.id) holds = true;
        });
        return holds;
      })
      .map(
        (holder) =>
          `${this.describe(holder)}${gc?.isTracked(holder.address) ? "" : " (untracked)"}`,
      );
    const generations: number[] = [];
    if (gc !== undefined)
      for (let generation = 0; generation < gc.collector.generationCount; generation++)
        if (gc.getObjects(generation).includes(object.address)) generations.push(generation);
    const owner =
      object.ownerId >= 0 ? `, owner ${this.describe(this.model.objects[object.ownerId])}` : "";
    return `refcount ${this.runtime.lifetime.refcount(object.address)}, ${gc?.isTracked(object.address) ? "tracked" : "untracked"}, in generations [${generations}] (frozen ${gc?.getFreezeCount()})${owner}, held by [${holders.join(", ")}]`;
  }

  /** A weakref returns its referent while that lives, None once it is freed or cleared. */
  private checkWeakref(object: ModelObject): void {
    const { heap } = this.runtime;
    const objects = this.model.objects;
    const address = object.address;
    const referent = heap.weakrefGet(address);
    if (object.referentId < 0) {
      if (referent !== heap.none)
        this.fail(`${this.describe(object)} was cleared but returns ${referent}`);
      return;
    }
    const target = objects[object.referentId]!;
    if (!target.alive) {
      if (referent !== heap.none)
        this.fail(
          `${this.describe(object)}: referent ${this.describe(target)} is freed but the weakref returns ${referent}`,
        );
      object.referentId = -1;
      return;
    }
    if (referent === target.address) {
      if (object.callbackCalls > 0)
        this.fail(
          `${this.describe(object)}'s callback ran but its referent is alive and uncleared`,
        );
      return;
    }
    if (referent !== heap.none)
      this.fail(`${this.describe(object)} returns ${referent}, expected ${this.describe(target)}`);
    // Cleared while its referent lives on: only a collection that found the referent
    // unreachable (then resurrected by a finalizer) does that, as CPython's handle_weakrefs.
    if (this.collectionsThisOp === 0 && this.reachableAtStart[target.id] === 1)
      this.fail(
        `${this.describe(object)} was cleared although ${this.describe(target)} is alive and no collection ran`,
      );
    object.referentId = -1;
    return;
  }

  private checkContents(object: ModelObject): void {
    const { heap } = this.runtime;
    const objects = this.model.objects;
    const address = object.address;
    const expectAt = (what: string, actual: Ptr, id: number) => {
      const want = id < 0 ? 0 : objects[id]!.address;
      if (actual !== want)
        this.fail(
          `${this.describe(object)}${what} is ${actual}, expected ${this.describe(objects[id])}`,
        );
    };
    switch (object.kind) {
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.STR: {
        const value = object.kind === Kind.STR ? heap.strValue(address) : heap.numberValue(address);
        if (value !== object.atomValue)
          this.fail(`${this.describe(object)} holds ${value}, expected ${object.atomValue}`);
        return;
      }
      case Kind.LIST:
      case Kind.TUPLE: {
        const length =
          object.kind === Kind.LIST ? heap.listLength(address) : heap.tupleLength(address);
        if (length !== object.items.length)
          this.fail(
            `${this.describe(object)} has length ${length}, expected ${object.items.length}`,
          );
        for (let i = 0; i < length; i++) {
          const item =
            object.kind === Kind.LIST
              ? heap.listGetItem(address, i)
              : heap.tupleGetItem(address, i);
          expectAt(`[${i}]`, item, object.items[i]!);
        }
        return;
      }
      case Kind.DICT: {
        const items = heap.dictItems(address);
        if (items.length !== object.keys.length)
          this.fail(
            `${this.describe(object)} has ${items.length} entries [${items.map(([key]) => this.runtime.repr(key)).join(", ")}], expected ${object.keys.length} [${object.keys.map((id) => this.runtime.repr(objects[id]!.address)).join(", ")}]`,
          );
        for (let i = 0; i < items.length; i++) {
          expectAt(` key ${i}`, items[i]![0], object.keys[i]!);
          expectAt(` value ${i}`, items[i]![1], object.values[i]!);
        }
        return;
      }
      case Kind.SLOTTED:
      case Kind.NON_GC:
        for (let i = 0; i < object.items.length; i++)
          expectAt(`.${SLOT_NAMES[i]}`, heap.getSlot(address, SLOT_NAMES[i]!), object.items[i]!);
        return;
      case Kind.HOOKED:
        expectAt(".field", heap.loadField(address, HOOKED_FIELD_OFFSET), object.items[0]!);
        return;
      case Kind.INSTANCE_DICT: {
        const owner = objects[object.ownerId]!;
        for (let i = 0; i < ATTRIBUTE_NAMES.length; i++) {
          const value = heap.dictGetItem(address, this.attributeKeys[i]!);
          const id = object.items[i]!;
          // An attribute set to None (by clearGarbage) reads as None; never set reads as missing.
          if (id < 0 && (value === 0 || value === heap.none)) continue;
          expectAt(` (${this.describe(owner)}.__dict__) ['${ATTRIBUTE_NAMES[i]}']`, value, id);
        }
        return;
      }
      case Kind.PLAIN:
      case Kind.FINALIZED:
      case Kind.LEGACY: {
        const dictAddress = heap.loadField(
          address,
          internalHeap(heap).classes[this.typeIds[object.kind]!]!.dictOffset,
        );
        expectAt(".__dict__", dictAddress, object.dictId);
        return;
      }
      default:
        return;
    }
  }

  // ───────────────────────────── the end

  /** Drops every reference the program holds and checks the memory is back to the baseline. */
  private dropEverything(): void {
    const { heap, lifetime } = this.runtime;
    const gc = this.runtime.gc;
    const model = this.model;
    this.teardown = true;
    this.step = this.options.operations + 1;
    this.note("teardown");
    if (gc !== undefined) {
      if (gc.getFreezeCount() > 0) gc.unfreeze();
      while (model.roots.length > 0) this.dropRootAt(model.roots.length - 1);
      this.reconcile(undefined);
      for (let round = 0; round < 8 && model.aliveCount > 0; round++) {
        const expectation = this.beforeFullCollection();
        gc.collect();
        this.reconcile(expectation);
        if (gc.garbage.length > 0) this.clearGarbage();
        this.reconcile(undefined);
      }
    } else {
      // No collector: break every reference of every object first (leaked cycles included —
      // their addresses are still valid), then drop the roots.
      // A temporary root on every object first, so that breaking one frees none under our feet.
      for (const object of model.objects) {
        if (!object.alive) continue;
        lifetime.incref(object.address);
        model.roots.push(object.id);
      }
      for (const object of model.objects) {
        if (!object.alive) continue;
        if (object.kind === Kind.LIST)
          while (object.items.length > 0) {
            object.items.pop();
            lifetime.decref(heap.listPop(object.address));
          }
        else if (object.kind === Kind.DICT)
          while (object.keys.length > 0) {
            const key = model.objects[object.keys.pop()!]!;
            object.values.pop();
            heap.dictDelItem(object.address, key.address);
          }
        else if (object.kind === Kind.SLOTTED || object.kind === Kind.NON_GC)
          for (let i = 0; i < object.items.length; i++) {
            object.items[i] = -1;
            heap.setSlot(object.address, SLOT_NAMES[i]!, 0);
          }
        else if (object.kind === Kind.HOOKED) {
          object.items[0] = -1;
          heap.storeField(object.address, HOOKED_FIELD_OFFSET, 0);
        } else if (object.kind === Kind.INSTANCE_DICT)
          // Through the dict itself: its owner may be gone (a dict that holds itself outlives it).
          for (let index = 0; index < ATTRIBUTE_NAMES.length; index++) {
            if (object.items[index]! < 0) continue;
            object.items[index] = -1;
            heap.dictDelItem(object.address, this.attributeKeys[index]!);
          }
      }
      // Tuples cannot form cycles on their own: with every mutable link gone, refcounting frees all.
      while (model.roots.length > 0) this.dropRootAt(model.roots.length - 1);
      this.reconcile(undefined);
    }
    if (model.aliveCount !== 0)
      this.fail(
        `${model.aliveCount} objects still alive after dropping everything: ${model
          .aliveIds()
          .slice(0, 10)
          .map((id) => this.describe(model.objects[id]))
          .join(", ")}`,
      );
    for (const key of this.attributeKeys) lifetime.decref(key);
    heap.clearFreeLists();
    this.verify();
    const blocks = this.runtime.pool.stats().blocksInUse;
    if (blocks !== this.baselineBlocks - this.attributeKeys.length)
      this.fail(
        `${blocks} blocks in use after dropping everything, baseline ${this.baselineBlocks - this.attributeKeys.length}`,
      );
  }
}
