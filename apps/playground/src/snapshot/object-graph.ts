import {
  GC_NEXT_MASK_UNREACHABLE,
  GC_NEXT_OFFSET,
  GC_PREV_MASK,
  GC_PREV_OFFSET,
  type Ptr,
  ReferenceStack,
  TypeFlags,
} from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import type { Runtime } from "@pymem/runtime";
import type { CollectedObject } from "./gc-timeline.js";
import { shortRepr } from "./short-repr.js";

/**
 * A reference to an immortal atom (None, a bool, a small int, an interned string…) drawn as text
 * inside its referrer rather than as a box of its own: its count never changes, so a box would
 * say nothing, and a box per small int is what made graphs unreadable.
 *
 * @example
 * ```ts
 * const line = `${field.label} = ${field.text}`; // ".value = 3"
 * ```
 */
export interface InlineField {
  /** `[0]`, `.value`, a dict key, or empty. */
  readonly label: string;
  /** The atom's repr (`3`, `None`, `'a'`). */
  readonly text: string;
  /** Its position among the referrer's references (see {@link GraphEdge.slot}). */
  readonly slot: number;
}

/**
 * A reference of a container past those drawn at first ({@link ObjectGraphOptions.maximumReferentsPerObject}):
 * kept so the view can show the container's further items in pages without recording again.
 *
 * @example
 * ```ts
 * const row = item.to === 0 ? `${item.label} = ${item.text}` : `${item.label} → ${item.text}`;
 * ```
 */
export interface OverflowReference {
  /** Its position among the referrer's references (see {@link GraphEdge.slot}). */
  readonly slot: number;
  /** `[12]`, a dict key, or empty. */
  readonly label: string;
  /** The atom's repr written in place, or the object's short repr. */
  readonly text: string;
  /** The object's address; 0 when the value is written in place (see {@link InlineField}). */
  readonly to: number;
}

/**
 * One object drawn in the object graph.
 *
 * @example
 * ```ts
 * const label = `${node.typeName} rc=${node.refcount}`;
 * ```
 */
export interface GraphNode {
  /** The object's address (unique among live objects, so it is also the node id). */
  readonly id: number;
  /** `type(obj).__name__`. */
  readonly typeName: string;
  /** A one-line repr (see {@link shortRepr}). */
  readonly repr: string;
  /** `ob_refcnt` (what `sys.getrefcount` reports minus one; immortals report their fixed count). */
  readonly refcount: number;
  /** Whether the object is immortal (None, True, small ints, interned strings…). */
  readonly immortal: boolean;
  /** Whether the cycle collector tracks it (`gc.is_tracked`). */
  readonly tracked: boolean;
  /**
   * The generation it sits in (0 young … 2 old) under the generational collectors, or `undefined`
   * when untracked or when the collector has a single generation.
   */
  readonly generation: number | undefined;
  /**
   * Whether no variable reaches it: part of (or held by) a reference cycle that reference
   * counting alone cannot free — it waits for the collector.
   */
  readonly unreachable: boolean;
  /** Whether its references were followed (functions, classes and modules are drawn as leaves). */
  readonly expanded: boolean;
  /** References not drawn because of {@link ObjectGraphOptions.maximumReferentsPerObject}. */
  readonly hiddenReferents: number;
  /** Its references to atoms written in place, shown as text in the box (see {@link InlineField}). */
  readonly fields: readonly InlineField[];
  /**
   * The references after the drawn ones, up to {@link ObjectGraphOptions.maximumOverflowPerObject}
   * (the first of {@link hiddenReferents}), for the view to show page by page.
   */
  readonly overflow: readonly OverflowReference[];
  /**
   * Whether only an {@link overflow} reference reaches it: the view draws it once that reference
   * is shown. Such objects are leaves (their references are not followed).
   */
  readonly overflowOnly: boolean;
}

/**
 * One reference in the object graph.
 *
 * @example
 * ```ts
 * const arrow = edge.weak ? "- ->" : "-->";
 * ```
 */
export interface GraphEdge {
  /** Referrer address. */
  readonly from: number;
  /** Referent address. */
  readonly to: number;
  /** `[0]`, a dict key or `.attribute`; empty when unknown. */
  readonly label: string;
  /** A weak reference (does not own a count). */
  readonly weak: boolean;
  /**
   * Its position among the referrer's references (inline fields included): the box draws its
   * references as rows in this order, as Python Tutor draws a list's cells.
   */
  readonly slot: number;
}

/**
 * A named root of the graph (a variable of some frame) and what it names.
 *
 * @example
 * ```ts
 * const text = variable.inline ?? `→ ${variable.target}`;
 * ```
 */
export interface GraphVariable {
  /** The variable's name. */
  readonly name: string;
  /** The object's address (also its node id unless {@link inline} is set). */
  readonly target: number;
  /** The repr of an atom written in place of an arrow (see {@link ObjectGraphOptions.values}), else undefined. */
  readonly inline: string | undefined;
}

/**
 * The program's variables and the objects they reach, at one moment.
 *
 * @example
 * ```ts
 * for (const v of graph.variables) console.log(v.name, "→", v.target);
 * ```
 */
export interface ObjectGraph {
  /** The roots given to {@link ObjectGraphCapturer.capture}, in the same order. */
  readonly variables: readonly GraphVariable[];
  /** Objects, variables' targets first, then breadth first. */
  readonly nodes: readonly GraphNode[];
  /** References between {@link nodes}. */
  readonly edges: readonly GraphEdge[];
  /** Whether objects were left out to stay within {@link ObjectGraphOptions.maximumNodes}. */
  readonly truncated: boolean;
  /**
   * Objects drawn by the previous capture that are gone now (freed by reference counting, or by
   * a collection in between), with their references among themselves, as they were drawn then.
   */
  readonly freed: readonly CollectedObject[];
}

/**
 * Options of an {@link ObjectGraphCapturer}.
 *
 * @example
 * ```ts
 * new ObjectGraphCapturer(runtime, { maximumNodes: 40 });
 * ```
 */
export interface ObjectGraphOptions {
  /**
   * Most objects in one graph; the rest are left out and `truncated` is set.
   * @defaultValue 400
   */
  maximumNodes: number;
  /**
   * Type names drawn as leaves: their references are not followed (a function's globals would
   * pull in every module-level object).
   * @defaultValue ["function", "type", "module", "builtin_function_or_method", "code", "frame"]
   */
  leafTypes: readonly string[];
  /**
   * Most references drawn per object (a list's first items): one big container must not crowd
   * out everything else.
   * @defaultValue 12
   */
  maximumReferentsPerObject: number;
  /**
   * Most references kept per object past {@link maximumReferentsPerObject}, for the view to show
   * in pages ({@link GraphNode.overflow}); the rest of a million-item list is only counted.
   * @defaultValue 1000
   */
  maximumOverflowPerObject: number;
  /**
   * Most overflow references kept in one graph, all objects together.
   * @defaultValue 2000
   */
  maximumOverflowPerGraph: number;
  /**
   * Most objects added to one graph for overflow references alone (see {@link GraphNode.overflowOnly});
   * the other overflow references to objects show the object's repr.
   * @defaultValue 100
   */
  maximumOverflowNodes: number;
  /**
   * Most objects a cycle check visits from one candidate before giving up on it.
   * @defaultValue 500
   */
  cycleSearchLimit: number;
  /**
   * Names an object the way CPython's repr does when it can without running code (functions,
   * classes, modules: the interpreter's `describe`); undefined falls back to {@link shortRepr}.
   * @defaultValue () => undefined
   */
  describe: (obj: Ptr) => string | undefined;
  /**
   * Which values are written in place instead of drawn as boxes: `"immortal"` — None, bools,
   * small ints and interned strings, whose count never changes; `"primitives"` — every None,
   * bool, int, float and str, as Python Tutor draws them; `"none"` — every object a box (the
   * immortal ones marked so).
   * @defaultValue "immortal"
   */
  values: ValuesInPlace;
}

/**
 * Which values an object graph writes in place (see {@link ObjectGraphOptions.values}).
 *
 * @example
 * ```ts
 * new ObjectGraphCapturer(runtime, { values: "primitives" satisfies ValuesInPlace });
 * ```
 */
export type ValuesInPlace = "immortal" | "primitives" | "none";

/**
 * The options an {@link ObjectGraphCapturer} uses where none are given.
 *
 * @example
 * ```ts
 * DEFAULT_OBJECT_GRAPH_OPTIONS.maximumReferentsPerObject; // 12
 * ```
 */
export const DEFAULT_OBJECT_GRAPH_OPTIONS: Readonly<ObjectGraphOptions> = {
  maximumNodes: 400,
  maximumReferentsPerObject: 12,
  maximumOverflowPerObject: 1000,
  maximumOverflowPerGraph: 2000,
  maximumOverflowNodes: 100,
  leafTypes: ["function", "type", "module", "builtin_function_or_method", "code", "frame"],
  cycleSearchLimit: 500,
  describe: () => undefined,
  values: "immortal",
};

/** Longest walk along a GC list looking for its head (see `generations`). */
const GENERATION_WALK_LIMIT = 20_000;

/** Dicts larger than this are drawn without their entries (reading them all costs too much per step). */
const DICT_ENUMERATION_LIMIT = 4096;

/** A referent found while expanding an object. */
interface Referent {
  to: Ptr;
  label: string;
  weak: boolean;
}

/**
 * Captures {@link ObjectGraph}s of a runtime's objects from a set of named roots (the program's
 * variables), one per recorded step. It remembers the objects it has drawn, so an object that
 * no variable reaches any more but that is still alive *inside a reference cycle* — garbage
 * that only the cycle collector can free — keeps being drawn, flagged `unreachable`.
 *
 * @remarks
 * Reads the heap only (refcounts, references, GC heads); it never increments or decrements a
 * count, allocates Python objects or runs Python code, so recording cannot change what the
 * program observes. Instances are drawn with their attributes as labelled edges: the
 * `__dict__` object behind them is folded into the instance (CPython 3.13 keeps attributes
 * inline, without a dict object).
 *
 * @example
 * ```ts
 * const capturer = new ObjectGraphCapturer(runtime);
 * const graph = capturer.capture([["x", listPtr]]);
 * graph.nodes[0]?.typeName; // "list"
 * ```
 */
export class ObjectGraphCapturer {
  private readonly runtime: Runtime;
  private readonly options: ObjectGraphOptions;
  private readonly stack = new ReferenceStack(64);
  /** Reprs of ints and floats by address, with the value they were made from (formatting is costly). */
  private numberReprs = new Map<Ptr, { value: number; kind: number; repr: string }>();
  /** GC list head address → generation (-1: the permanent generation), learnt as walks reach them. */
  private readonly listHeads = new Map<Ptr, number>();
  /** Objects drawn before, with their type id: candidates for "alive but unreachable". */
  private seen = new Map<Ptr, number>();
  /** The previous capture's objects and references, to tell which of them died since. */
  private previous: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] } = {
    nodes: [],
    edges: [],
  };
  /** The previous capture's overflow references by object (shared when unchanged). */
  private previousOverflow = new Map<Ptr, readonly OverflowReference[]>();

  constructor(runtime: Runtime, options: Partial<ObjectGraphOptions> = {}) {
    this.runtime = runtime;
    this.options = { ...DEFAULT_OBJECT_GRAPH_OPTIONS, ...options };
  }

  /** Forgets every object drawn so far (after a reset). */
  reset(): void {
    this.seen = new Map();
    this.previous = { nodes: [], edges: [] };
    this.previousOverflow = new Map();
  }

  /**
   * Whether `obj` is drawn as text in its referrer (an atom of the kind {@link
   * ObjectGraphOptions.values} names; see {@link InlineField}).
   */
  private isInline(obj: Ptr): boolean {
    const { heap, lifetime } = this.runtime;
    const values = this.options.values;
    if (values === "none" || (values === "immortal" && !lifetime.isImmortal(obj))) return false;
    const kind = heap.kindOf(obj);
    return (
      kind === ObjectKind.NONE ||
      kind === ObjectKind.BOOL ||
      kind === ObjectKind.INT ||
      kind === ObjectKind.FLOAT ||
      kind === ObjectKind.STR
    );
  }

  /**
   * The graph reached from `roots` (name, object), plus still-live cyclic objects drawn earlier
   * that no root reaches any more.
   *
   * @example
   * ```ts
   * const graph = capturer.capture(interpreter.globals());
   * ```
   */
  capture(roots: ReadonlyArray<readonly [string, Ptr]>): ObjectGraph {
    const heap = this.runtime.heap;
    const maximum = this.options.maximumNodes;
    const variables: GraphVariable[] = [];
    const order: Ptr[] = [];
    const unreachableFlag = new Set<Ptr>();
    const included = new Set<Ptr>();
    let truncated = false;
    const include = (obj: Ptr): boolean => {
      if (included.has(obj)) return true;
      if (order.length >= maximum) {
        truncated = true;
        return false;
      }
      included.add(obj);
      order.push(obj);
      return true;
    };
    for (const [name, obj] of roots) {
      const inline = heap.isLive(obj) && this.isInline(obj) ? this.reprOf(obj) : undefined;
      variables.push({ name, target: obj, inline });
      if (inline === undefined && heap.isLive(obj)) include(obj);
    }
    const edges: GraphEdge[] = [];
    const fields = new Map<Ptr, InlineField[]>();
    const expanded = new Set<Ptr>();
    const hidden = new Map<Ptr, number>();
    // Weak references do not keep objects alive, so they do not make them reachable either: they
    // are drawn once everything strongly reachable (and the unreachable cycles) is placed.
    const weakEdges: GraphEdge[] = [];
    const perObject = this.options.maximumReferentsPerObject;
    // References past the drawn ones, kept for the view to page through, and what they point at.
    const overflow = new Map<Ptr, readonly OverflowReference[]>();
    const overflowTargets = new Set<Ptr>();
    let overflowRoom = this.options.maximumOverflowPerGraph;
    // Breadth first (order doubles as the queue).
    const expandFrom = (start: number): void => {
      for (let index = start; index < order.length; index++) {
        const obj = order[index]!;
        if (!this.isExpandable(obj)) continue;
        expanded.add(obj);
        const wanted =
          perObject + Math.max(0, Math.min(overflowRoom, this.options.maximumOverflowPerObject));
        const { referents: read, total } = this.referents(obj, wanted);
        const referents = read.slice(0, perObject);
        if (total > referents.length) hidden.set(obj, total - referents.length);
        if (read.length > perObject) {
          const rows = this.overflowRows(obj, read, perObject);
          overflowRoom -= rows.length;
          overflow.set(obj, rows);
          for (const row of rows) if (row.to !== 0) overflowTargets.add(row.to);
        }
        referents.forEach((referent, slot) => {
          if (referent.weak) weakEdges.push({ from: obj, ...referent, slot });
          else if (this.isInline(referent.to)) {
            const list = fields.get(obj) ?? [];
            list.push({ label: referent.label, text: this.reprOf(referent.to), slot });
            fields.set(obj, list);
          } else if (include(referent.to)) edges.push({ from: obj, ...referent, slot });
        });
      }
    };
    expandFrom(0);
    const reachableCount = order.length;

    // Objects drawn before that nothing reaches now but that are alive inside a cycle.
    const firstOrphan = order.length;
    for (const obj of this.cyclicOrphans(included, overflowTargets)) {
      if (!include(obj)) break;
    }
    expandFrom(firstOrphan);
    for (let index = reachableCount; index < order.length; index++)
      unreachableFlag.add(order[index]!);
    const firstWeakTarget = order.length;
    for (const edge of weakEdges) if (include(edge.to)) edges.push(edge);
    expandFrom(firstWeakTarget);
    // Last, and only while there is room: objects that only overflow references reach, drawn as
    // leaves once the view shows those references (they never truncate the graph).
    const overflowOnly = new Set<Ptr>();
    for (const target of overflowTargets) {
      if (included.has(target)) continue;
      if (overflowOnly.size >= this.options.maximumOverflowNodes || order.length >= maximum) break;
      include(target);
      overflowOnly.add(target);
    }
    this.previousOverflow = overflow;

    const generationOf = this.generations(order);
    const nodes: GraphNode[] = order.map((obj) =>
      this.describe(
        obj,
        generationOf,
        unreachableFlag.has(obj),
        expanded.has(obj),
        hidden.get(obj) ?? 0,
        fields.get(obj) ?? [],
        overflow.get(obj) ?? [],
        overflowOnly.has(obj),
      ),
    );
    const freed = this.freedSincePrevious();
    const seen = new Map<Ptr, number>();
    for (const obj of order) seen.set(obj, heap.typeOf(obj));
    this.seen = seen;
    // Ghosts are drawn for objects the view drew; overflow-only ones may never have been.
    this.previous = { nodes: nodes.filter((node) => !node.overflowOnly), edges };
    return { variables, nodes, edges, truncated, freed };
  }

  /**
   * `read`'s references from `first` on as {@link OverflowReference}s: the same array as the
   * previous capture's when nothing changed, so snapshots of a loop over a long list share it.
   */
  private overflowRows(obj: Ptr, read: readonly Referent[], first: number): OverflowReference[] {
    const rows: OverflowReference[] = [];
    for (let slot = first; slot < read.length; slot++) {
      const { to, label } = read[slot]!;
      rows.push({ slot, label, text: this.reprOf(to), to: this.isInline(to) ? 0 : to });
    }
    const before = this.previousOverflow.get(obj);
    const same =
      before !== undefined &&
      before.length === rows.length &&
      rows.every((row, index) => {
        const old = before[index]!;
        return old.to === row.to && old.text === row.text && old.label === row.label;
      });
    return same ? (before as OverflowReference[]) : rows;
  }

  /**
   * The previous capture's objects that are no longer alive with the type they had: freed since
   * (by reference counting, or by a collection). An address reused within one step by an
   * object of the same type cannot be told apart and is missed.
   */
  private freedSincePrevious(): CollectedObject[] {
    const heap = this.runtime.heap;
    const gone = new Set<number>();
    for (const node of this.previous.nodes) {
      const typeId = this.seen.get(node.id);
      if (!heap.isLive(node.id) || heap.typeOf(node.id) !== typeId) gone.add(node.id);
    }
    if (gone.size === 0) return [];
    const references = new Map<number, number[]>();
    for (const edge of this.previous.edges) {
      if (!gone.has(edge.from) || !gone.has(edge.to)) continue;
      const list = references.get(edge.from) ?? [];
      list.push(edge.to);
      references.set(edge.from, list);
    }
    return this.previous.nodes
      .filter((node) => gone.has(node.id))
      .map((node) => ({
        id: node.id,
        typeName: node.typeName,
        repr: node.repr,
        references: references.get(node.id) ?? [],
      }));
  }

  private describe(
    obj: Ptr,
    generationOf: ReadonlyMap<Ptr, number | undefined>,
    unreachable: boolean,
    expanded: boolean,
    hiddenReferents: number,
    fields: readonly InlineField[],
    overflow: readonly OverflowReference[],
    overflowOnly: boolean,
  ): GraphNode {
    const { heap, lifetime, gc } = this.runtime;
    const tracked = gc?.isTracked(obj) ?? false;
    return {
      id: obj,
      typeName: heap.typeName(obj),
      repr: this.reprOf(obj),
      refcount: lifetime.refcount(obj),
      immortal: lifetime.isImmortal(obj),
      tracked,
      generation: tracked ? generationOf.get(obj) : undefined,
      unreachable,
      expanded,
      hiddenReferents,
      fields,
      overflow,
      overflowOnly,
    };
  }

  /** {@link shortRepr}, reusing the text of an int or float seen at the same address with the same value. */
  private reprOf(obj: Ptr): string {
    const heap = this.runtime.heap;
    const kind = heap.kindOf(obj);
    if (kind === ObjectKind.GENERIC) {
      const named = this.options.describe(obj);
      if (named !== undefined) return named;
    }
    if (kind !== ObjectKind.INT && kind !== ObjectKind.FLOAT) return shortRepr(heap, obj);
    const value = heap.numberValue(obj);
    const cached = this.numberReprs.get(obj);
    if (cached !== undefined && cached.kind === kind && Object.is(cached.value, value))
      return cached.repr;
    const repr = shortRepr(heap, obj);
    // Bounded: forget everything now and then rather than tracking which addresses died.
    if (this.numberReprs.size > 10_000) this.numberReprs = new Map();
    this.numberReprs.set(obj, { value, kind, repr });
    return repr;
  }

  /**
   * Under a multi-generation collector, the generation of each tracked object of `objects`: found
   * by walking its GC list (`gc_next` forwards and `gc_prev` backwards in turn) to the list head,
   * which is not an object. Every other wanted object met on the way is in the same list, so one
   * walk usually settles a whole group; recent objects sit near the tail and old ones near the
   * head, so walks are short. A walk longer than {@link GENERATION_WALK_LIMIT} gives up
   * (`undefined`). Heads are matched to generations once and cached.
   */
  private generations(objects: readonly Ptr[]): Map<Ptr, number | undefined> {
    const result = new Map<Ptr, number | undefined>();
    const gc = this.runtime.gc;
    if (gc === undefined || gc.collector.generationCount < 2) return result;
    const heap = this.runtime.heap;
    const u32 = heap.memory.u32;
    const wanted = new Set(objects.filter((obj) => gc.isTracked(obj)));
    for (const start of wanted) {
      if (result.has(start)) continue;
      const group: Ptr[] = [start];
      let forward = start;
      let backward = start;
      let generation: number | undefined;
      for (let step = 0; step < GENERATION_WALK_LIMIT; step++) {
        forward = (u32[(forward + GC_NEXT_OFFSET) >>> 2]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
        if (!heap.isLive(forward)) {
          generation = this.headGeneration(forward);
          break;
        }
        if (wanted.has(forward)) group.push(forward);
        backward = (u32[(backward + GC_PREV_OFFSET) >>> 2]! & GC_PREV_MASK) >>> 0;
        if (!heap.isLive(backward)) {
          generation = this.headGeneration(backward);
          break;
        }
        if (wanted.has(backward)) group.push(backward);
      }
      for (const member of group) result.set(member, generation);
    }
    return result;
  }

  /** Which generation's list `head` is (undefined for the permanent generation). */
  private headGeneration(head: Ptr): number | undefined {
    const cached = this.listHeads.get(head);
    if (cached !== undefined) return cached < 0 ? undefined : cached;
    const collector = this.runtime.gc!.collector;
    const u32 = this.runtime.heap.memory.u32;
    for (let generation = 0; generation < collector.generationCount; generation++) {
      const members = collector.objects(generation);
      const last = members[members.length - 1];
      if (last === undefined) continue;
      const found = (u32[(last + GC_NEXT_OFFSET) >>> 2]! & ~GC_NEXT_MASK_UNREACHABLE) >>> 0;
      this.listHeads.set(found, generation);
    }
    if (!this.listHeads.has(head)) this.listHeads.set(head, -1);
    const generation = this.listHeads.get(head)!;
    return generation < 0 ? undefined : generation;
  }

  private isExpandable(obj: Ptr): boolean {
    const { heap, lifetime } = this.runtime;
    if (lifetime.isImmortal(obj)) return false;
    const kind = heap.kindOf(obj);
    if (kind === ObjectKind.LIST || kind === ObjectKind.TUPLE || kind === ObjectKind.DICT)
      return true;
    if (kind === ObjectKind.INSTANCE || kind === ObjectKind.WEAKREF) return true;
    if (kind === ObjectKind.SET || kind === ObjectKind.FROZENSET) return true;
    if (kind !== ObjectKind.GENERIC) return false;
    return !this.options.leafTypes.includes(heap.typeName(obj));
  }

  /** The references of one object, labelled where the layout says what they are. */
  private referents(obj: Ptr, limit: number): { referents: Referent[]; total: number } {
    const heap = this.runtime.heap;
    const result: Referent[] = [];
    const kind = heap.kindOf(obj);
    // Only the first `limit` items are read: a million-item list costs no more than a short one.
    if (kind === ObjectKind.LIST) {
      const length = heap.listLength(obj);
      for (let i = 0; i < length && i < limit; i++)
        result.push({ to: heap.listGetItem(obj, i), label: `[${i}]`, weak: false });
      return { referents: result, total: length };
    }
    if (kind === ObjectKind.TUPLE) {
      const length = heap.tupleLength(obj);
      for (let i = 0; i < length && i < limit; i++)
        result.push({ to: heap.tupleGetItem(obj, i), label: `[${i}]`, weak: false });
      return { referents: result, total: length };
    }
    if (kind === ObjectKind.DICT) {
      const length = heap.dictLength(obj);
      // dictItems copies every entry: huge dicts are drawn without their entries.
      if (length > DICT_ENUMERATION_LIMIT) return { referents: result, total: length };
      this.pushDictItems(obj, "", result);
      return { referents: result.slice(0, limit), total: result.length };
    }
    if (kind === ObjectKind.WEAKREF) {
      const referent = heap.weakrefGet(obj);
      if (referent !== heap.none) result.push({ to: referent, label: "weak", weak: true });
    }
    // Everything else: the declared layout and traverse hooks, labelled where we know the slot.
    const covered = new Set<Ptr>();
    const typeId = heap.typeOf(obj);
    const types = heap.types;
    if ((types.flags[typeId]! & TypeFlags.HEAPTYPE) !== 0) covered.add(types.typeObject[typeId]!);
    if (kind === ObjectKind.INSTANCE) this.pushInstanceAttributes(obj, typeId, result, covered);
    const stack = this.stack;
    stack.length = 0;
    types.pushReferences(obj, stack);
    for (let i = 0; i < stack.length; i++) {
      const to = stack.items[i]!;
      if (covered.has(to)) continue;
      covered.add(to);
      // An instance's reference to its class is real (CPython's too) but the box already names
      // the class; drawn, it would tie every instance to one far-away node.
      if (kind === ObjectKind.INSTANCE && heap.typeName(to) === "type") continue;
      result.push({ to, label: "", weak: false });
    }
    stack.length = 0;
    return { referents: result.slice(0, limit), total: result.length };
  }

  /** Slots by name and `__dict__` entries as `.name` edges; the dict itself is folded in. */
  private pushInstanceAttributes(
    obj: Ptr,
    typeId: number,
    result: Referent[],
    covered: Set<Ptr>,
  ): void {
    const heap = this.runtime.heap;
    const info = internalHeap(heap).classes[typeId];
    if (info === undefined) return;
    const u32 = heap.memory.u32;
    for (const [name, offset] of info.slotOffsets) {
      const value = u32[(obj + offset) >>> 2]!;
      if (value === 0) continue;
      result.push({ to: value, label: `.${name}`, weak: false });
      covered.add(value);
    }
    if (info.dictOffset === 0) return;
    const dict = u32[(obj + info.dictOffset) >>> 2]!;
    if (dict === 0 || !heap.isLive(dict) || heap.kindOf(dict) !== ObjectKind.DICT) return;
    covered.add(dict);
    if (heap.dictLength(dict) > DICT_ENUMERATION_LIMIT) return;
    this.pushDictItems(dict, ".", result);
    for (const referent of result) covered.add(referent.to);
  }

  private pushDictItems(dict: Ptr, prefix: string, result: Referent[]): void {
    const heap = this.runtime.heap;
    for (const [key, value] of heap.dictItems(dict)) {
      const keyKind = heap.kindOf(key);
      const label =
        keyKind === ObjectKind.STR && prefix === "."
          ? `.${heap.strValue(key)}`
          : `[${shortRepr(heap, key, 16)}]`;
      // Keys that are containers (tuples) are objects worth drawing; str/int keys are in the label.
      if (keyKind === ObjectKind.TUPLE) result.push({ to: key, label: "key", weak: false });
      result.push({ to: value, label, weak: false });
    }
  }

  /**
   * Objects drawn before, still alive with the same type, not reached from the variables now
   * (`reached`) nor listed by a container's overflow references (`listed`), and on a reference cycle (found by a bounded search from each candidate back to itself).
   * The cycle test filters out addresses reused by unrelated temporaries.
   */
  private *cyclicOrphans(reached: ReadonlySet<Ptr>, listed: ReadonlySet<Ptr>): Generator<Ptr> {
    const { heap, lifetime } = this.runtime;
    const types = heap.types;
    for (const [obj, typeId] of this.seen) {
      if (reached.has(obj) || listed.has(obj)) continue;
      if (!heap.isLive(obj) || heap.typeOf(obj) !== typeId) continue;
      if (lifetime.isImmortal(obj) || (types.flags[typeId]! & TypeFlags.GC) === 0) continue;
      if (this.isOnCycle(obj)) yield obj;
    }
  }

  private isOnCycle(start: Ptr): boolean {
    const types = this.runtime.heap.types;
    const visited = new Set<Ptr>();
    // Breadth first: an instance also references its class, whose references reach most of
    // the heap; the short way back to `start` must be found before the search limit is spent.
    const queue: Ptr[] = [start];
    const stack = this.stack;
    for (
      let next = 0;
      next < queue.length && visited.size < this.options.cycleSearchLimit;
      next++
    ) {
      stack.length = 0;
      types.pushReferences(queue[next]!, stack);
      for (let i = 0; i < stack.length; i++) {
        const to = stack.items[i]!;
        if (to === start) {
          stack.length = 0;
          return true;
        }
        if (visited.has(to) || (types.flags[types.typeOf(to)]! & TypeFlags.GC) === 0) continue;
        visited.add(to);
        queue.push(to);
      }
    }
    stack.length = 0;
    return false;
  }
}
