/**
 * The whole-stack fuzzer's own tests: episodes replay exactly from their seed, and the checks
 * catch a runtime broken on purpose (a fuzzer that cannot fail proves nothing).
 */
import type { Ptr } from "@pymem/core";
import { describe, expect, it } from "vitest";
import type { Runtime } from "../runtime.js";
import { FuzzFailure, runFuzzEpisode } from "./whole-stack-fuzzer.js";

describe("the whole-stack fuzzer", () => {
  it("replays an episode exactly from its seed", () => {
    const first = runFuzzEpisode({ collector: "generational", seed: 42, operations: 500 });
    const second = runFuzzEpisode({ collector: "generational", seed: 42, operations: 500 });
    expect(second).toEqual(first);
    expect(first.objectsCreated).toBeGreaterThan(100);
    expect(runFuzzEpisode({ collector: "generational", seed: 43, operations: 500 })).not.toEqual(
      first,
    );
  }, 30_000); // three episodes: seconds on a loaded machine

  it("injects throwing gc callbacks, each reported as unraisable while the collections go on", () => {
    let thrown = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const result = runFuzzEpisode({ collector: "generational", seed, operations: 400 });
      expect(result.unraisableReports).toBeGreaterThanOrEqual(result.gcCallbacksThrown);
      thrown += result.gcCallbacksThrown;
    }
    expect(thrown).toBeGreaterThan(0);
  }, 30_000);

  const sabotages: Record<string, (runtime: Runtime) => void> = {
    "an append that forgets its incref": (runtime) => {
      const heap = runtime.heap;
      const append = heap.listAppend.bind(heap);
      let calls = 0;
      heap.listAppend = (list: Ptr, value: Ptr) => {
        append(list, value);
        if (++calls === 20) runtime.memory.i32[value >> 2]!--;
      };
    },
    "a collector that frees nothing": (runtime) => {
      const gc = runtime.gc!;
      gc.collect = () => 0;
    },
    "a finalizer called twice": (runtime) => {
      const heap = runtime.heap;
      const newInstance = heap.newInstance.bind(heap);
      heap.newInstance = (typeId: number) => {
        const obj = newInstance(typeId);
        const spec = heap.types.spec(typeId);
        if (spec.finalize !== undefined) spec.finalize(obj);
        return obj;
      };
    },
    "a weakref that is never cleared": (runtime) => {
      const heap = runtime.heap;
      heap.clearWeakrefs = () => {};
    },
  };

  it.each(Object.entries(sabotages))("catches %s", (_, sabotage) => {
    let failure: unknown;
    for (let seed = 1; seed <= 5 && failure === undefined; seed++) {
      try {
        runFuzzEpisode({ collector: "generational", seed, operations: 2000, sabotage });
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(FuzzFailure);
    expect((failure as FuzzFailure).message).toMatch(
      /replay: PYMEM_FUZZ_SEED=\d+ with collector generational/,
    );
  });
});
