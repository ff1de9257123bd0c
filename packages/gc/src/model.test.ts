/**
 * Model-based test: random object graphs and mutations against a reference model of
 * reachability, run on every shipped collector. Invariants: nothing reachable from the test's
 * roots is ever freed; after a full collection the live objects are exactly the reachable ones;
 * no finalizer runs twice; the heap verifies.
 */
import type { Ptr } from "@pymem/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectorCases, setup } from "./test-support/collector-cases.js";

type Op =
  | { kind: "new"; finalizer: 0 | 1 | 2 }
  | { kind: "link"; from: number; slot: 0 | 1; to: number }
  | { kind: "unlink"; from: number; slot: 0 | 1 }
  | { kind: "drop"; root: number }
  | { kind: "collect"; generation: number }
  | { kind: "step"; budget: number };

const slotArbitrary = fc.constantFrom(0 as const, 1 as const);
// Weighted towards links and drops, so cycles with finalizers (and resurrections inside a
// collection) are common.
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("new" as const),
      finalizer: fc.constantFrom(0 as const, 1 as const, 2 as const),
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
        const classes = [
          heap.defineClass("Plain", 2),
          heap.defineClass("Finalized", 2, { finalize: finalize(false) }),
          heap.defineClass("Resurrector", 2, { finalize: finalize(true) }),
        ];
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
            const obj = heap.newInstance(classes[op.finalizer]!);
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
        heap.verify();
      }),
      { numRuns: 200 },
    );
  });
});
