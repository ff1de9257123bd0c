/**
 * Fault injection over the whole stack: a representative workload (lists, dicts, tuples, strs,
 * floats, instances with slots and dicts, weakrefs with callbacks, a collection with finalizers
 * that allocate) is run once to count its allocations, then once per k with the k-th allocation
 * failing. Each run must surface a typed OutOfMemoryError at that point (or, where CPython would,
 * report it as unraisable from a finalizer or callback), leave heap and allocator verifying, and
 * — once everything it held is dropped — give every block and object back.
 */
import { OutOfMemoryError, type Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import { COLLECTOR_NAMES } from "../api.js";
import {
  createInstrumentedRuntime,
  type InstrumentedRuntime,
  takeBaseline,
} from "./instrumented-runtime.js";

/**
 * The workload. Every new reference it obtains goes into `held` at once, so that whatever
 * allocation fails, the caller can drop exactly what was built so far.
 */
function workload(runtime: InstrumentedRuntime, held: Ptr[]): void {
  const { heap, lifetime } = runtime;
  const hold = (obj: Ptr): Ptr => {
    held.push(obj);
    return obj;
  };
  const Plain = heap.defineClass({ name: "Plain" });
  const Slotted = heap.defineClass({ name: "Slotted", slots: ["left", "right"] });
  const Finalized = heap.defineClass({
    name: "Finalized",
    finalize: (obj) => {
      // A finalizer that allocates: its OutOfMemoryError is unraisable, as in CPython.
      const scratch = heap.newList([obj]);
      lifetime.decref(scratch);
    },
  });
  const Legacy = heap.defineClass({
    name: "Legacy",
    legacyDel: () => {
      const scratch = heap.newFloat(0.5);
      lifetime.decref(scratch);
    },
  });

  // A list that grows by appends (realloc of its item block) of ints, floats and strs.
  const list = hold(heap.newList());
  for (let i = 0; i < 48; i++) {
    const item = hold(
      i % 3 === 0
        ? heap.newInt(1000 + i)
        : i % 3 === 1
          ? heap.newFloat(i / 3)
          : heap.newStr(`s${i}`),
    );
    heap.listAppend(list, item);
  }
  // Pops shrink the item block (a realloc that may fail too); each popped item is a new reference.
  const shrinking = hold(heap.newList());
  for (let i = 0; i < 16; i++) heap.listAppend(shrinking, heap.listGetItem(list, i));
  for (let i = 0; i < 14; i++) held.push(heap.listPop(shrinking, 0));
  // A dict that resizes, keyed by strs, holding the list and tuples.
  const dict = hold(heap.newDict());
  for (let i = 0; i < 24; i++) {
    const key = hold(heap.newStr(`key${i}`));
    const value = hold(heap.newTuple([list, key, heap.none]));
    heap.dictSetItem(dict, key, value);
  }
  // Instances: attributes in a __dict__, slots, a self-cycle through the dict.
  const plain = hold(heap.newInstance(Plain));
  heap.setAttr(plain, "items", list);
  heap.setAttr(plain, "table", dict);
  heap.setAttr(plain, "me", plain);
  const slotted = hold(heap.newInstance(Slotted));
  heap.setSlot(slotted, "left", plain);
  heap.setSlot(slotted, "right", slotted);
  // Weakrefs with callbacks that allocate; one without.
  hold(heap.newWeakref(plain));
  hold(
    heap.newWeakref(plain, () => {
      const scratch = heap.newStr("callback");
      lifetime.decref(scratch);
    }),
  );
  // Cycles of finalizer objects and legacy finalizers, dropped and then collected.
  const first = heap.newInstance(Finalized);
  held.push(first);
  const second = hold(heap.newInstance(Finalized));
  heap.setAttr(first, "next", second);
  heap.setAttr(second, "next", first);
  const legacy = hold(heap.newInstance(Legacy));
  heap.setAttr(legacy, "peer", legacy);
  for (const obj of [first, second, legacy, plain, slotted]) {
    held.splice(held.lastIndexOf(obj), 1);
    lifetime.decref(obj);
  }
  runtime.gc?.collect();
  // After the collection: more allocation into survivors, one of them a large (raw) block.
  heap.listAppend(list, hold(heap.newStr("after collection")));
  heap.dictSetItem(dict, hold(heap.newStr("large")), hold(heap.newStr("x".repeat(2000))));
}

/** Drops everything `held` owns, collects, and checks the state is back to `baseline`. */
function dropEverything(runtime: InstrumentedRuntime, held: Ptr[]): void {
  const { heap, lifetime } = runtime;
  for (let i = held.length - 1; i >= 0; i--) lifetime.decref(held[i]!);
  held.length = 0;
  // Legacy finalizers keep their cycle uncollectable (gc.garbage): break it as a user would.
  const gc = runtime.gc;
  if (gc !== undefined) {
    gc.collect();
    for (const obj of gc.garbage.splice(0)) {
      for (const [name] of [["peer"]] as const) heap.setAttr(obj, name, heap.none);
      lifetime.decref(obj);
    }
    gc.collect();
  }
}

const collectors = COLLECTOR_NAMES.filter((name) => name !== "none");
// Every collector over the pool, and the default one over the debug allocator too.
const cases = [
  ...collectors.map((collector) => ({ collector, debug: false })),
  { collector: "generational" as const, debug: true },
];

describe.each(cases)(
  "fault injection with the $collector collector (debug $debug)",
  ({ collector, debug }) => {
    it("every failing allocation gives OutOfMemoryError, verifies, and leaks nothing", () => {
      // The dry run counts the allocations (and proves the workload itself leaks nothing).
      const dry = createInstrumentedRuntime({ collector, debug });
      const dryBaseline = takeBaseline(dry.heap);
      const dryHeld: Ptr[] = [];
      dry.faults.arm(0); // counts the workload's allocations only
      workload(dry, dryHeld);
      const allocations = dry.faults.allocationCount;
      dropEverything(dry, dryHeld);
      expect(takeBaseline(dry.heap)).toEqual(dryBaseline);
      expect(allocations).toBeGreaterThan(120);

      let thrown = 0;
      let reported = 0;
      let absorbed = 0;
      for (let k = 1; k <= allocations; k++) {
        const runtime = createInstrumentedRuntime({ collector, debug });
        const baseline = takeBaseline(runtime.heap);
        const held: Ptr[] = [];
        runtime.faults.arm(k);
        let error: unknown;
        try {
          workload(runtime, held);
        } catch (caught) {
          error = caught;
        }
        runtime.faults.disarm();
        expect(runtime.faults.faultsInjected, `k=${k}`).toBe(1);
        if (error !== undefined) {
          if (!(error instanceof OutOfMemoryError)) throw error;
          expect(error.message).toContain(`allocation #${k}`);
          thrown++;
        } else if (runtime.unraisable.join("").includes("MemoryError")) {
          // A finalizer's or callback's allocation failed: reported as unraisable, as in CPython.
          reported++;
        } else {
          // A list shrink that could not get its smaller block keeps the larger one.
          absorbed++;
        }
        runtime.heap.verify();
        dropEverything(runtime, held);
        runtime.heap.verify();
        expect(takeBaseline(runtime.heap), `k=${k}`).toEqual(baseline);
      }
      process.stdout.write(
        `[fault injection] ${collector}${debug ? " (debug)" : ""}: ${allocations} allocations failed one at a time — ` +
          `${thrown} OutOfMemoryError, ${reported} unraisable, ${absorbed} absorbed by a list shrink\n`,
      );
      expect(thrown + reported + absorbed).toBe(allocations);
      expect(thrown).toBeGreaterThan(reported + absorbed);
      expect(reported).toBeGreaterThan(0);
    }, 60_000);
  },
);

describe("fault injection with debug allocator and no collector", () => {
  it("a list/dict/str workload leaks nothing for every failing allocation", () => {
    const build = (runtime: InstrumentedRuntime, held: Ptr[]) => {
      const { heap } = runtime;
      const list = heap.newList();
      held.push(list);
      const dict = heap.newDict();
      held.push(dict);
      for (let i = 0; i < 20; i++) {
        const key = heap.newStr(`k${i}`);
        held.push(key);
        const value = heap.newFloat(i + 0.25);
        held.push(value);
        heap.dictSetItem(dict, key, value);
        heap.listAppend(list, value);
      }
    };
    const dry = createInstrumentedRuntime({ collector: "none", debug: true });
    const dryHeld: Ptr[] = [];
    dry.faults.arm(0);
    build(dry, dryHeld);
    const allocations = dry.faults.allocationCount;
    process.stdout.write(
      `[fault injection] none (debug): ${allocations} allocations failed one at a time\n`,
    );
    for (let k = 1; k <= allocations; k++) {
      const runtime = createInstrumentedRuntime({ collector: "none", debug: true });
      const baseline = takeBaseline(runtime.heap);
      const held: Ptr[] = [];
      runtime.faults.arm(k);
      expect(() => build(runtime, held)).toThrow(OutOfMemoryError);
      runtime.faults.disarm();
      runtime.heap.verify();
      for (let i = held.length - 1; i >= 0; i--) runtime.lifetime.decref(held[i]!);
      runtime.heap.verify();
      expect(takeBaseline(runtime.heap), `k=${k}`).toEqual(baseline);
    }
  });
});
