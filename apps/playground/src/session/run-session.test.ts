import type { Ptr } from "@pymem/core";
import { OutOfMemoryError } from "@pymem/core";
import { Interpreter } from "@pymem/python";
import type { Runtime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { outputUpTo } from "./recording.js";
import {
  captureStatements,
  DEFAULT_SESSION_SETTINGS,
  runSession,
  type SessionInterpreter,
  type SessionInterpreterOptions,
} from "./run-session.js";
import type { RecordedFrame } from "./session-recorder.js";

/**
 * A stand-in for @pymem/python's Interpreter that "runs" a script of TypeScript steps, one per
 * line, reporting each through onStatement exactly as the real one does. It tests the session's
 * wiring (sinks, roots, limits, dispose), not Python.
 */
class ScriptedInterpreter implements SessionInterpreter {
  readonly runtime: Runtime;
  readonly variables = new Map<string, Ptr>();
  disposed = false;
  constructor(
    private readonly options: SessionInterpreterOptions,
    private readonly script: ReadonlyArray<(self: ScriptedInterpreter) => void>,
  ) {
    this.runtime = options.runtime;
  }
  assign(name: string, value: Ptr): void {
    const old = this.variables.get(name);
    this.variables.set(name, value);
    if (old !== undefined) this.runtime.lifetime.decref(old);
  }
  print(text: string): void {
    this.options.stdout(`${text}\n`);
  }
  run() {
    let steps = 0;
    for (let line = 1; line <= this.script.length; line++) {
      steps++;
      if (steps > this.options.stepLimit) {
        this.options.stderr("StepLimitError: step limit exceeded\n");
        return { ok: false, error: { typeName: "StepLimitError", message: "limit", line }, steps };
      }
      this.options.onStatement?.({
        line,
        depth: 0,
        functionName: "<module>",
        filename: "main.py",
        steps,
      });
      try {
        this.script[line - 1]!(this);
      } catch (error) {
        if (!(error instanceof OutOfMemoryError)) throw error;
        this.options.stderr("MemoryError\n");
        return { ok: false, error: { typeName: "MemoryError", message: "", line }, steps };
      }
    }
    return { ok: true, error: undefined, steps };
  }
  globals(): Array<[string, Ptr]> {
    return [...this.variables];
  }
  frames(): RecordedFrame[] {
    return [
      {
        kind: "module",
        qualifiedName: "<module>",
        line: 1,
        locals: this.globals(),
        cells: [],
        freeVariables: [],
      },
    ];
  }
  describe(): undefined {
    return undefined;
  }
  dispose(): void {
    for (const value of this.variables.values()) this.runtime.lifetime.decref(value);
    this.variables.clear();
    this.disposed = true;
  }
}

function run(
  script: ReadonlyArray<(self: ScriptedInterpreter) => void>,
  settings = DEFAULT_SESSION_SETTINGS,
) {
  let made: ScriptedInterpreter | undefined;
  const recording = runSession("(scripted)", settings, (options) => {
    made = new ScriptedInterpreter(options, script);
    return made;
  });
  return { recording, interpreter: made! };
}

describe("runSession", () => {
  it("records each statement with the module's variables, output and the collections", () => {
    const { recording, interpreter } = run([
      (self) => self.assign("a", self.runtime.fromJS([1, 2])),
      (self) => {
        const { heap } = self.runtime;
        const a = self.variables.get("a")!;
        heap.listAppend(a, a);
        self.print("appended");
      },
      (self) => {
        const a = self.variables.get("a")!;
        self.variables.delete("a");
        self.runtime.lifetime.decref(a);
      },
      (self) => self.print(`collected ${self.runtime.gc!.collect()}`),
    ]);
    expect(recording.outcome).toMatchObject({ ok: true, steps: 4 });
    expect(recording.output.map((chunk) => chunk.text).join("")).toBe("appended\ncollected 1\n");
    expect([...recording.snapshots, recording.final].map((s) => s.line)).toEqual([1, 2, 3, 4, 4]);
    expect(recording.snapshots[1]!.graph.variables.map((v) => v.name)).toEqual(["a"]);
    expect(recording.snapshots[3]!.graph.nodes[0]).toMatchObject({
      typeName: "list",
      unreachable: true,
    });
    expect(recording.gcEvents).toHaveLength(1);
    expect(recording.gcEvents[0]!.collectedObjects.map((o) => o.typeName)).toEqual(["list"]);
    expect(interpreter.disposed).toBe(true);
    interpreter.runtime.verify();
    expect(interpreter.runtime.gc!.callbacks).toEqual([]);
  });

  it("explains the step limit in the output", () => {
    const forever = Array.from({ length: 50 }, () => () => {});
    const { recording } = run(forever, { ...DEFAULT_SESSION_SETTINGS, stepLimit: 10 });
    expect(recording.outcome).toMatchObject({ ok: false, errorType: "StepLimitError" });
    const note = recording.output.find((chunk) => chunk.stream === "note");
    expect(note?.text).toContain("more than 10 steps (the step limit");
    const final = recording.final;
    expect(outputUpTo(recording.output, final.outputLength)).toEqual(recording.output);
  });

  it("builds the runtime from the settings and explains the heap cap", () => {
    const { recording, interpreter } = run(
      [
        (self) => {
          const list = self.runtime.heap.newList();
          self.assign("big", list);
          for (;;) self.runtime.heap.listAppend(list, self.runtime.heap.none);
        },
      ],
      {
        ...DEFAULT_SESSION_SETTINGS,
        collector: "bacon-rajan",
        profile: "cpython64",
        maximumBytes: 2 * 1024 * 1024,
      },
    );
    expect(interpreter.runtime.pool.profile.name).toBe("cpython64");
    expect(recording).toMatchObject({ collector: "bacon-rajan", generationCount: 1 });
    expect(recording.outcome.errorType).toBe("MemoryError");
    expect(recording.output.at(-1)).toEqual({
      stream: "note",
      text: expect.stringContaining("the heap reached its cap of 2 MiB"),
    });
    interpreter.runtime.verify();
  });

  it("remakes any statement's snapshot by running the program again up to it", () => {
    const script = Array.from(
      { length: 30 },
      (_, i) => (self: ScriptedInterpreter) => self.assign(`v${i % 3}`, self.runtime.fromJS([i])),
    );
    const settings = {
      ...DEFAULT_SESSION_SETTINGS,
      recorder: { fullSnapshots: 5 },
    };
    const { recording } = run(script, settings);
    expect(recording.snapshots).toHaveLength(5);
    const again = captureStatements(
      "(scripted)",
      settings,
      (options) => new ScriptedInterpreter(options, script),
      20,
      22,
      recording.trace.steps[22]!,
    );
    expect(again.map((s) => s.statement)).toEqual([20, 21, 22]);
    // Statement 21 rebinds v2: the list it named is freed by reference counting.
    expect(again[1]!.graph.freed.map((o) => o.repr)).toEqual(["[17]"]);
    expect(again[2]!.graph.variables.map((v) => v.name)).toEqual(["v0", "v1", "v2"]);
    // Asked to answer early at 21: 20 and 21 as soon as they are captured, 22 when done.
    let early: readonly number[] = [];
    const rest = captureStatements(
      "(scripted)",
      settings,
      (options) => new ScriptedInterpreter(options, script),
      20,
      22,
      recording.trace.steps[22]!,
      { at: 21, send: (snapshots) => (early = snapshots.map((s) => s.statement)) },
    );
    expect(early).toEqual([20, 21]);
    expect(rest.map((s) => s.statement)).toEqual([22]);
  });

  it("does not make a step of a generator function's call, only of its body's statements", () => {
    const recording = runSession(
      "def gen(n):\n    yield n\n\ng = gen(5)\nprint(next(g))\n",
      DEFAULT_SESSION_SETTINGS,
      (options) => new Interpreter(options),
    );
    expect(recording.snapshots.map((snapshot) => [snapshot.line, snapshot.phase])).toEqual([
      [1, "statement"],
      [4, "statement"],
      [5, "statement"],
      [2, "statement"],
    ]);
  });

  it("lists the frames that returned, with their values then, however a snapshot is made", () => {
    const source =
      "def square(x):\n    y = x * x\n    return y\n\ntotal = 0\nfor i in range(4):\n    total += square(i)\nprint(total)\n";
    const settings = {
      ...DEFAULT_SESSION_SETTINGS,
      recorder: { exitedFrames: 2, fullSnapshots: 1000 },
    };
    const create = (options: SessionInterpreterOptions) => new Interpreter(options);
    const recording = runSession(source, settings, create);
    const last = recording.final;
    // The last two calls kept, oldest first; the two before them counted.
    expect(last.exitedEarlier).toBe(2);
    const squareReturned = (x: number) => ({
      qualifiedName: "square",
      line: 3,
      variables: [
        { name: "x", kind: "local", value: String(x) },
        { name: "y", kind: "local", value: String(x * x) },
      ],
      returnValue: String(x * x),
    });
    expect(last.exitedFrames).toEqual([squareReturned(2), squareReturned(3)]);
    // A return step lists the frames before it; its own frame joins after it.
    const firstReturn = recording.snapshots.find((snapshot) => snapshot.phase === "return")!;
    expect(firstReturn.exitedFrames).toEqual([]);
    expect(recording.snapshots[firstReturn.statement + 1]!.exitedFrames).toHaveLength(1);
    // A replay up to a statement lists the same frames as the recording.
    const statement = recording.statements - 1;
    const [replayed] = captureStatements(
      source,
      settings,
      create,
      statement,
      statement,
      recording.trace.steps[statement]!,
    );
    expect(replayed!.exitedFrames).toEqual(recording.snapshots[statement]!.exitedFrames);
    expect(replayed!.exitedEarlier).toBe(recording.snapshots[statement]!.exitedEarlier);
    // Off by default: nothing read at returns.
    expect(runSession(source, DEFAULT_SESSION_SETTINGS, create).final.exitedFrames).toEqual([]);
  });

  it("reports an interpreter crash as a note instead of losing the recording", () => {
    const { recording } = run([
      () => {
        throw new TypeError("bug");
      },
    ]);
    expect(recording.outcome).toMatchObject({ ok: false, errorType: "InternalError" });
    expect(recording.output.at(-1)?.text).toContain(
      "Internal error in the interpreter: TypeError: bug",
    );
  });
});
