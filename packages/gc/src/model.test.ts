/**
 * Model-based test: random object graphs and mutations against a reference model of
 * reachability, run on every shipped collector. Invariants: nothing reachable from the test's
 * roots is ever freed; after a full collection the live objects are exactly the reachable ones;
 * no finalizer runs twice; the heap verifies. Some classes have hooks that throw — a finalizer
 * and a `tp_clear` (reported as unraisable, the collection completes) and a `traverse` hook that
 * throws during `brokenCollect` (the collection is abandoned with `UserHookError`, nothing
 * freed) — and every invariant must hold after them too.
 */
import { type Ptr, TypeFlags, UserHookError } from "@pymem/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectorCases, setup } from "./test-support/collector-cases.js";

type Op =
  | { kind: "new"; classIndex: number }
  | { kind: "link"; from: number; slot: 0 | 1; to: number }
  | { kind: "unlink"; from: number; slot: 0 | 1 }
  | { kind: "drop"; root: number }
  | { kind: "collect"; generation: number }
  | { kind: "brokenCollect"; generation: number }
  | { kind: "step"; budget: number };

/** Plain, Finalized, Resurrector, ThrowingFinalizer, ThrowingClear, Hooked. */
const CLASS_COUNT = 6;

const slotArbitrary = fc.constantFrom(0 as const, 1 as const);
// Weighted towards links and drops, so cycles with finalizers (and resurrections inside a
// collection) are common.
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("new" as const),
      classIndex: fc.nat({ max: CLASS_COUNT - 1 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("link" as const),
      from: fc.nat(),
      slot: slotArbitrary,
      to: fc.nat(),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("unlink" as const),
      from: fc.nat(),
      slot: slotArbitrary,
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("drop" as const), root: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant("collect" as const), generation: fc.nat({ max: 2 }) }),
    weight: 1,
  },
  // A collection (or increment) during which the Hooked type's traverse hook throws.
  {
    arbitrary: fc.record({
      kind: fc.constant("brokenCollect" as const),
      generation: fc.nat({ max: 2 }),
    }),
    weight: 1,
  },
  // One bounded increment (collectors with `step`): mutations then happen mid-cycle.
  {
    arbitrary: fc.record({
      kind: fc.constant("step" as const),
      budget: fc.integer({ min: 1, max: 6 }),
    }),
    weight: 4,
  },
);

describe.each(collectorCases)("model: random graphs on $name", (collectorCase) => {
  it("live objects are exactly the reachable ones after a full collection", () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 80 }), (ops) => {
        const { heap, gc } = setup(collectorCase);
        const roots: number[] = []; // model ids the test holds a reference to
        const edges: [number, number][] = []; // model id → [slot0, slot1] (-1 = empty)
        const addresses: Ptr[] = [];
        const idOf = new Map<Ptr, number>();
        const finalizations = new Map<number, number>();
        const finalize = (resurrect: boolean) => (obj: Ptr) => {
          const id = idOf.get(obj)!;
          finalizations.set(id, (finalizations.get(id) ?? 0) + 1);
          if (resurrect) {
            heap.incref(obj); // resurrected: the test now holds it
            roots.push(id);
          }
        };
        let traverseBroken = false;
        const classes = [
          heap.defineClass("Plain", 2),
          heap.defineClass("Finalized", 2, { finalize: finalize(false) }),
          heap.defineClass("Resurrector", 2, { finalize: finalize(true) }),
          heap.defineClass("ThrowingFinalizer", 2, {
            finalize: (obj) => {
              finalize(false)(obj);
              throw new Error("__del__ failed");
            },
          }),
          // Clears its slots, then throws: the cycle must still be broken.
          heap.defineClass("ThrowingClear", 2, {
            clear: (obj) => {
              heap.set(obj, 0, 0);
              heap.set(obj, 1, 0);
              throw new Error("tp_clear failed");
            },
          }),
          heap.defineType(
            {
              name: "Hooked",
              basicSize: 16,
              flags: TypeFlags.GC,
              references: { fixed: [8, 12] },
              traverse: () => {
                if (traverseBroken) throw new Error("traverse failed");
              },
            },
            2,
          ),
        ];
        expect(classes).toHaveLength(CLASS_COUNT);
        const reachable = (): Set<number> => {
          const seen = new Set<number>();
          const stack = [...roots];
          while (stack.length > 0) {
            const id = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            for (const next of edges[id]!) if (next >= 0) stack.push(next);
          }
          return seen;
        };
        // Prefer recent objects: small graphs with many cycles.
        const pickReachable = (n: number): number | undefined => {
          const live = [...reachable()].sort((a, b) => b - a).slice(0, 4);
          return live.length === 0 ? undefined : live[n % live.length];
        };
        for (const op of ops) {
          if (op.kind === "new") {
            const obj = heap.newInstance(classes[op.classIndex]!);
            idOf.set(obj, addresses.length);
            roots.push(addresses.length);
            addresses.push(obj);
            edges.push([-1, -1]);
          } else if (op.kind === "link") {
            const from = pickReachable(op.from);
            const to = pickReachable(op.to);
            if (from === undefined || to === undefined) continue;
            heap.set(addresses[from]!, op.slot, addresses[to]!);
            edges[from]![op.slot] = to;
          } else if (op.kind === "unlink") {
            const from = pickReachable(op.from);
            if (from === undefined) continue;
            edges[from]![op.slot] = -1;
            heap.set(addresses[from]!, op.slot, 0);
          } else if (op.kind === "drop") {
            if (roots.length === 0) continue;
            const [id] = roots.splice(op.root % roots.length, 1);
            heap.decref(addresses[id!]!);
          } else if (op.kind === "step") {
            (gc.collector as { step?: (budget: number) => number }).step?.(op.budget);
          } else if (op.kind === "brokenCollect") {
            traverseBroken = true;
            try {
              const generation = Math.min(op.generation, gc.collector.generationCount - 1);
              const step = (gc.collector as { step?: (budget: number) => number }).step;
              if (step !== undefined && op.generation === 0) step.call(gc.collector, 4);
              else gc.collect(generation);
            } catch (error) {
              expect(error).toBeInstanceOf(UserHookError);
            } finally {
              traverseBroken = false;
            }
            expect(gc.collector.collecting).toBe(false);
            heap.verify();
          } else {
            gc.collect(Math.min(op.generation, gc.collector.generationCount - 1));
          }
          // Everything reachable is alive and intact (no tp_clear on a resurrected object).
          for (const id of reachable()) {
            const obj = addresses[id]!;
            expect(heap.isAlive(obj)).toBe(true);
            for (const slot of [0, 1]) {
              const target = edges[id]![slot]!;
              expect(heap.get(obj, slot)).toBe(target < 0 ? 0 : addresses[target]);
            }
          }
        }
        gc.collect();
        const live = reachable();
        // Freed ids may have had their addresses reused by later objects: compare counts and the
        // reachable set, which are unambiguous.
        expect(heap.liveCount()).toBe(live.size);
        for (const id of live) expect(heap.isAlive(addresses[id]!)).toBe(true);
        for (const count of finalizations.values()) expect(count).toBe(1);
        expect(gc.garbage).toEqual([]);
        for (const report of heap.unraisable)
          expect(["__del__ failed", "tp_clear failed"]).toContain((report.error as Error).message);
        heap.verify();
      }),
      { numRuns: 200 },
    );
  });
});
