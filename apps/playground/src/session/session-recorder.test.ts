import type { Ptr } from "@pymem/core";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { formatMallocStats, type RunOutcome } from "./recording.js";
import { type RecordedFrame, SessionRecorder } from "./session-recorder.js";
import { statementAt } from "./statement-trace.js";

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

/** The module frame with `roots` as its variables. */
function module(roots: ReadonlyArray<readonly [string, Ptr]>): RecordedFrame[] {
  return [
    {
      kind: "module",
      qualifiedName: "<module>",
      line: 1,
      locals: [...roots],
      cells: [],
      freeVariables: [],
    },
  ];
}

describe("SessionRecorder", () => {
  it("records each statement's graph, pool map, stats and the output and gc events so far", () => {
    const runtime = createRuntime();
    const { heap, lifetime } = runtime;
    const recorder = new SessionRecorder(runtime);
    const roots: [string, Ptr][] = [];
    recorder.recordStatement(at(1), () => module(roots));
    const a = heap.newList();
    const b = heap.newList();
    heap.listAppend(a, b);
    heap.listAppend(b, a);
    roots.push(["a", a]);
    recorder.write("stdout", "made a cycle\n");
    recorder.recordStatement(at(2), () => module(roots));
    roots.length = 0;
    lifetime.decref(a);
    lifetime.decref(b);
    recorder.recordStatement(at(3), () => module(roots));
    runtime.gc!.collect();
    recorder.write("stdout", "collected\n");
    const recording = recorder.finish(module(roots), { ...OK, steps: 3 });

    expect(recording.statements).toBe(3);
    expect(recording).toMatchObject({ collector: "generational", generationCount: 3 });
    expect(
      [...recording.snapshots, recording.final].map((s) => [s.statement, s.line, s.phase]),
    ).toEqual([
      [0, 1, "statement"],
      [1, 2, "statement"],
      [2, 3, "statement"],
      [3, 3, "end"],
    ]);
    const [first, second, third] = recording.snapshots;
    const last = recording.final;
    expect(first!.graph.nodes).toEqual([]);
    expect(second!.graph.nodes.map((n) => n.id)).toEqual([a, b]);
    expect(second!.outputLength).toBe("made a cycle\n".length);
    expect(second!.frames).toEqual([
      {
        kind: "module",
        qualifiedName: "<module>",
        line: 1,
        variables: [{ name: "a", kind: "local" }],
      },
    ]);
    // After `del a`: the cycle is still there, flagged unreachable.
    expect(third!.graph.nodes.map((n) => [n.id, n.unreachable])).toEqual([
      [a, true],
      [b, true],
    ]);
    expect(third!.gcEventCount).toBe(0);
    expect(last.gcEventCount).toBe(1);
    expect(last.graph.nodes).toEqual([]);
    // The collected cycle is gone since the previous capture.
    expect(last.graph.freed.map((o) => o.id).sort()).toEqual([a, b].sort());
    expect(recording.gcEvents[0]).toMatchObject({ collected: 2, step: 2, line: 3 });
    expect(recording.gcEvents[0]!.collectedObjects.map((o) => o.id).sort()).toEqual([a, b].sort());
    expect(last.outputLength).toBe("made a cycle\ncollected\n".length);
    // The stored statistics format to exactly what the runtime prints now (nothing changed since).
    expect(formatMallocStats(last)).toBe(runtime.debugMallocStats());
    expect(last.gcCounts).toHaveLength(3);
    expect(statementAt(recording.trace, 2)).toEqual({
      line: 3,
      returning: false,
      depth: 0,
      functionName: "<module>",
      steps: 3,
      outputLength: "made a cycle\n".length,
      gcEventCount: 0,
    });
    expect(runtime.gc!.callbacks).toEqual([]);
    runtime.verify();
  });

  it("traces every statement but captures only those of its plan", () => {
    const runtime = createRuntime();
    const recorder = new SessionRecorder(runtime, {}, { from: 500, to: 502 });
    for (let i = 0; i < 1000; i++) {
      if (i === 700) recorder.write("stdout", "x");
      recorder.recordStatement(at(i + 1), () => module([]));
    }
    const recording = recorder.finish([], OK);
    expect(recording.statements).toBe(1000);
    expect(recording.trace.length).toBe(1000);
    expect(recording.snapshots.map((s) => s.statement)).toEqual([500, 501, 502]);
    expect(statementAt(recording.trace, 999)).toMatchObject({ line: 1000, outputLength: 1 });
    expect(statementAt(recording.trace, 699).outputLength).toBe(0);
    expect(statementAt(recording.trace, 700).outputLength).toBe(1);
    expect(recording.final).toMatchObject({ phase: "end", statement: 1000 });
  });

  it("records a function returning as a step of its own, with its return value", () => {
    const runtime = createRuntime();
    const recorder = new SessionRecorder(runtime);
    const value = runtime.fromJS([7]);
    recorder.recordStatement(at(1), () => module([]));
    recorder.recordReturn(
      { line: 2, depth: 1, functionName: "f", steps: 1 },
      () => module([]),
      value,
    );
    const recording = recorder.finish(module([]), OK);
    expect(recording.snapshots.map((s) => [s.phase, s.returnValue])).toEqual([
      ["statement", undefined],
      ["return", "[7]"],
    ]);
    expect(statementAt(recording.trace, 1)).toMatchObject({ returning: true, functionName: "f" });
    runtime.lifetime.decref(value);
  });

  it("joins output of one stream and counts it in characters", () => {
    const runtime = createRuntime();
    const recorder = new SessionRecorder(runtime);
    recorder.write("stdout", "a");
    recorder.write("stdout", "b");
    recorder.recordStatement(at(1), () => []);
    recorder.write("stdout", "c");
    recorder.write("stderr", "oops\n");
    recorder.write("stderr", "more\n");
    recorder.write("stdout", "d");
    const recording = recorder.finish([], OK);
    expect(recording.output).toEqual([
      { stream: "stdout", text: "abc" },
      { stream: "stderr", text: "oops\nmore\n" },
      { stream: "stdout", text: "d" },
    ]);
    expect(recording.snapshots[0]!.outputLength).toBe(2);
    expect(recording.final.outputLength).toBe(14);
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
});
