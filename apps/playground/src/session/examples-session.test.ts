import { Interpreter } from "@pymem/python";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../examples/index.js";
import {
  captureStatements,
  DEFAULT_SESSION_SETTINGS,
  runSession,
  type SessionSettings,
} from "./run-session.js";
import { statementAt } from "./statement-trace.js";

function record(source: string, settings: Partial<SessionSettings> = {}) {
  return runSession(
    source,
    { ...DEFAULT_SESSION_SETTINGS, ...settings },
    (options) => new Interpreter(options),
  );
}

function stdout(recording: ReturnType<typeof record>): string {
  return recording.output
    .filter((chunk) => chunk.stream === "stdout")
    .map((chunk) => chunk.text)
    .join("");
}

describe("shipped examples on the real interpreter", () => {
  for (const example of EXAMPLES) {
    it(`${example.id}: prints what CPython 3.13 prints and records every statement`, {
      timeout: 30_000,
    }, () => {
      const recording = record(example.source);
      expect(stdout(recording)).toBe(example.expectedOutput);
      expect(recording.outcome.ok).toBe(true);
      const lines = recording.snapshots.map((snapshot) => snapshot.line);
      expect(Math.min(...lines)).toBeGreaterThan(0);
      expect(recording.final.phase).toBe("end");
      expect(recording.trace.length).toBe(recording.statements);
    });
  }

  it("shows the cycle as unreachable after del and collected by gc.collect()", () => {
    const example = EXAMPLES.find((e) => e.id === "cycles-and-the-collector")!;
    const recording = record(example.source);
    const lines = example.source.split("\n");
    const collectLine = lines.indexOf('print("unreachable objects found:", gc.collect())') + 1;
    const before = recording.snapshots.find((s) => s.line === collectLine)!;
    const unreachable = before.graph.nodes.filter((n) => n.unreachable && n.typeName === "Node");
    expect(unreachable).toHaveLength(2);
    const event = recording.gcEvents.find((e) => e.collected === 2)!;
    expect(event.generation).toBe(2);
    expect(event.line).toBe(collectLine);
    expect(event.collectedObjects.filter((o) => o.typeName === "Node")).toHaveLength(2);
    const after = recording.snapshots[recording.snapshots.indexOf(before) + 1]!;
    expect(after.graph.nodes.some((n) => n.typeName === "Node")).toBe(false);
  });

  it("shows arenas appearing and, after del points, being released", { timeout: 30_000 }, () => {
    const example = EXAMPLES.find((e) => e.id === "memory-pools")!;
    const recording = record(example.source);
    // The statement `del points`, long after the recorded snapshots: made by running again.
    const delLine = example.source.split("\n").indexOf("del points") + 1;
    const statement = recording.trace.lines.indexOf(delLine);
    expect(statement).toBeGreaterThan(recording.snapshots.length);
    const [beforeDel, afterDel] = captureStatements(
      example.source,
      DEFAULT_SESSION_SETTINGS,
      (options) => new Interpreter(options),
      statement,
      statement + 1,
      recording.trace.steps[statement + 1]!,
    );
    expect(beforeDel!.line).toBe(delLine);
    const first = recording.snapshots[0]!.poolMap.arenas.length;
    expect(beforeDel!.poolMap.arenas.length).toBeGreaterThan(first);
    expect(afterDel!.poolMap.arenasReclaimed).toBeGreaterThan(0);
    expect(afterDel!.poolMap.arenas.length).toBeLessThan(beforeDel!.poolMap.arenas.length);
    // The output at that statement is what the first run had written by then.
    expect(beforeDel!.outputLength).toBe(statementAt(recording.trace, statement).outputLength);
  });

  it("moves a surviving list through the generations", () => {
    const example = EXAMPLES.find((e) => e.id === "generations")!;
    const recording = record(example.source);
    const generationsOfSurvivor = recording.snapshots
      .map((s) =>
        s.graph.nodes.find(
          (n) => n.id === s.graph.variables.find((v) => v.name === "survivor")?.target,
        ),
      )
      .filter((node) => node !== undefined)
      .map((node) => node.generation);
    expect([...new Set(generationsOfSurvivor)]).toEqual([0, 1, 2]);
  });

  it("reports a syntax error as CPython does, with a final snapshot to show", () => {
    const recording = record("x = (1,\n");
    expect(recording.outcome).toMatchObject({ ok: false, errorType: "SyntaxError" });
    const stderr = recording.output
      .filter((c) => c.stream === "stderr")
      .map((c) => c.text)
      .join("");
    expect(stderr).toContain("SyntaxError: '(' was never closed");
    expect(recording.snapshots).toHaveLength(0);
    expect(recording.final.phase).toBe("end");
  });

  it("shows an uncaught exception's traceback and the state it left", () => {
    const recording = record("items = [1, 2]\nitems[5]\n");
    expect(recording.outcome.errorType).toBe("IndexError");
    const stderr = recording.output
      .filter((c) => c.stream === "stderr")
      .map((c) => c.text)
      .join("");
    expect(stderr).toContain('File "main.py", line 2, in <module>');
    expect(stderr).toContain("IndexError: list index out of range");
    expect(recording.final.graph.variables.map((v) => v.name)).toEqual(["items"]);
  });

  it("stops a runaway loop at the step limit and says so", () => {
    const recording = record("while True:\n    pass\n", { stepLimit: 20_000 });
    expect(recording.outcome).toMatchObject({ ok: false, errorType: "StepLimitError" });
    expect(recording.output.at(-1)).toEqual({
      stream: "note",
      text: expect.stringContaining("more than 20,000 steps (the step limit"),
    });
    expect(recording.snapshots).toHaveLength(400);
    expect(recording.trace.length).toBe(recording.statements);
  });

  it("turns the heap cap into MemoryError and says so", { timeout: 30_000 }, () => {
    const recording = record("data = []\nwhile True:\n    data.append([1, 2, 3])\n", {
      maximumBytes: 2 * 1024 * 1024,
      stepLimit: 10_000_000,
    });
    expect(recording.outcome.errorType).toBe("MemoryError");
    expect(recording.output.map((c) => c.text).join("")).toContain("MemoryError");
    expect(recording.output.at(-1)?.text).toContain("the heap reached its cap of 2 MiB");
  });
});

describe("library code", () => {
  it("steps over the Python source of a library module: every step is a line of the program", {
    timeout: 30_000,
  }, () => {
    const source =
      "import weakref\n\nclass A:\n    pass\n\na = A()\nr = weakref.ref(a)\ns = weakref.WeakSet([a])\nprint(len(s), r() is a)\n";
    const recording = record(source);
    expect(stdout(recording)).toBe("1 True\n");
    const lines = Array.from(
      { length: recording.statements },
      (_, i) => statementAt(recording.trace, i).line,
    );
    expect(lines).toEqual([1, 3, 4, 6, 7, 8, 9]);
    // No object of the weakref module's own code is drawn unless the program reaches it.
    const final = recording.snapshots.at(-1)!;
    expect(final.graph.nodes.some((node) => node.repr.includes("WeakKeyDictionary"))).toBe(false);
  });
});
