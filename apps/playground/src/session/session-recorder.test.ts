import type { Ptr } from "@pymem/core";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { formatMallocStats, type RunOutcome } from "./recording.js";
import { SessionRecorder } from "./session-recorder.js";

const OK: RunOutcome = {
  ok: true,
  errorType: undefined,
  message: undefined,
  steps: 0,
  milliseconds: 0,
};

function at(line: number, steps = line) {
  return { line, depth: 0, functionName: "<module>", steps };
}

describe("SessionRecorder", () => {
  it("records each statement's graph, pool map, stats and the output and gc events so far", () => {
    const runtime = createRuntime();
    const { heap, lifetime } = runtime;
    const recorder = new SessionRecorder(runtime);
    const roots: [string, Ptr][] = [];
    recorder.recordStatement(at(1), roots);
    const a = heap.newList();
    const b = heap.newList();
    heap.listAppend(a, b);
    heap.listAppend(b, a);
    roots.push(["a", a]);
    recorder.write("stdout", "made a cycle\n");
    recorder.recordStatement(at(2), roots);
    roots.length = 0;
    lifetime.decref(a);
    lifetime.decref(b);
    recorder.recordStatement(at(3), roots);
    runtime.gc!.collect();
    recorder.write("stdout", "collected\n");
    const recording = recorder.finish(roots, { ...OK, steps: 3 });

    expect(recording.statements).toBe(3);
    expect(recording).toMatchObject({ collector: "generational", generationCount: 3 });
    expect(recording.snapshots.map((s) => [s.statement, s.line, s.phase])).toEqual([
      [0, 1, "statement"],
      [1, 2, "statement"],
      [2, 3, "statement"],
      [3, 3, "end"],
    ]);
    const [first, second, third, last] = recording.snapshots;
    expect(first!.graph.nodes).toEqual([]);
    expect(second!.graph.nodes.map((n) => n.id)).toEqual([a, b]);
    expect(second!.outputCount).toBe(1);
    // After `del a`: the cycle is still there, flagged unreachable.
    expect(third!.graph.nodes.map((n) => [n.id, n.unreachable])).toEqual([
      [a, true],
      [b, true],
    ]);
    expect(third!.gcEventCount).toBe(0);
    expect(last!.gcEventCount).toBe(1);
    expect(last!.graph.nodes).toEqual([]);
    expect(recording.gcEvents[0]).toMatchObject({ collected: 2, step: 2, line: 3 });
    expect(recording.gcEvents[0]!.collectedObjects.map((o) => o.id).sort()).toEqual([a, b].sort());
    expect(last!.outputCount).toBe(2);
    // The stored statistics format to exactly what the runtime prints now (nothing changed since).
    expect(formatMallocStats(last!)).toBe(runtime.debugMallocStats());
    expect(last!.gcCounts).toHaveLength(3);
    expect(runtime.gc!.callbacks).toEqual([]);
    runtime.verify();
  });

  it("bounds the recording: all of the first statements, then a doubling stride", () => {
    const runtime = createRuntime();
    const recorder = new SessionRecorder(runtime, { fullSnapshots: 10, maximumSnapshots: 20 });
    for (let i = 0; i < 1000; i++) {
      if (recorder.wantsNextStatement()) recorder.recordStatement(at(i + 1), []);
      else recorder.skipStatement(at(i + 1));
    }
    const recording = recorder.finish([], OK);
    expect(recording.statements).toBe(1000);
    expect(recording.snapshots.length).toBeLessThanOrEqual(21);
    expect(recording.snapshots.slice(0, 10).map((s) => s.statement)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(recording.stride).toBeGreaterThan(1);
    const sampled = recording.snapshots.slice(10, -1).map((s) => s.statement);
    expect(sampled.every((statement) => (statement - 10) % recording.stride === 0)).toBe(true);
    expect(sampled).toEqual([...sampled].sort((x, y) => x - y));
    expect(recording.snapshots.at(-1)!.phase).toBe("end");
  });

  it("joins output written between snapshots and never changes counted chunks", () => {
    const runtime = createRuntime();
    const recorder = new SessionRecorder(runtime);
    recorder.write("stdout", "a");
    recorder.write("stdout", "b");
    recorder.recordStatement(at(1), []);
    recorder.write("stdout", "c");
    recorder.write("stderr", "oops\n");
    recorder.write("stderr", "more\n");
    recorder.write("stdout", "d");
    const recording = recorder.finish([], OK);
    expect(recording.output).toEqual([
      { stream: "stdout", text: "ab" },
      { stream: "stdout", text: "c" },
      { stream: "stderr", text: "oops\nmore\n" },
      { stream: "stdout", text: "d" },
    ]);
    expect(recording.snapshots[0]!.outputCount).toBe(1);
    expect(recording.snapshots[1]!.outputCount).toBe(4);
  });

  it("caps program output with one note, letting the playground's notes through", () => {
    const runtime = createRuntime();
    const recorder = new SessionRecorder(runtime, { maximumOutputCharacters: 10 });
    for (let i = 0; i < 100; i++) recorder.write("stdout", "1234\n");
    recorder.write("note", "Stopped.\n");
    const recording = recorder.finish([], OK);
    const text = recording.output.map((chunk) => chunk.text).join("");
    expect(text).toBe(
      "1234\n1234\n\nOutput truncated: the program wrote more than 10 characters; the rest is not shown.\nStopped.\n",
    );
  });

  it("rejects a snapshot bound that leaves no room for sampling", () => {
    const runtime = createRuntime();
    expect(() => new SessionRecorder(runtime, { fullSnapshots: 10, maximumSnapshots: 11 })).toThrow(
      /maximumSnapshots \(11\) must exceed fullSnapshots \+ 1 \(11\)/,
    );
  });
});
