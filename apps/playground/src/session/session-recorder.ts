import type { Ptr } from "@pymem/core";
import type { FrameInfo } from "@pymem/python";
import type { Runtime } from "@pymem/runtime";
import { GcTimelineRecorder } from "../snapshot/gc-timeline.js";
import { ObjectGraphCapturer } from "../snapshot/object-graph.js";
import { capturePoolMap, type PoolMapSummary } from "../snapshot/pool-map.js";
import { shortRepr } from "../snapshot/short-repr.js";
import type {
  ExitedFrame,
  FrameSnapshot,
  OutputChunk,
  RecorderOptions,
  Recording,
  RunOutcome,
  Snapshot,
} from "./recording.js";
import { StatementTraceBuilder } from "./statement-trace.js";

/**
 * The recording bounds used when none are given.
 *
 * @example
 * ```ts
 * DEFAULT_RECORDER_OPTIONS.fullSnapshots; // 400
 * ```
 */
export const DEFAULT_RECORDER_OPTIONS: Readonly<RecorderOptions> = {
  fullSnapshots: 400,
  maximumOutputCharacters: 1_000_000,
  maximumGraphNodes: 400,
  values: "immortal",
  exitedFrames: 0,
  trace: true,
};

/**
 * Where a statement is, as the interpreter's `onStatement` reports it.
 *
 * @example
 * ```ts
 * const position: StatementPosition = { line: 3, depth: 0, functionName: "<module>", steps: 7 };
 * ```
 */
export interface StatementPosition {
  /** 1-based source line. */
  readonly line: number;
  /** Call depth (0 = module level). */
  readonly depth: number;
  /** The running function's name. */
  readonly functionName: string;
  /** The interpreter's step counter. */
  readonly steps: number;
}

/**
 * The frames of a statement, as `Interpreter.frames()` reports them (only what a recording uses).
 *
 * @example
 * ```ts
 * const frames: readonly RecordedFrame[] = interpreter.frames();
 * ```
 */
export type RecordedFrame = Pick<
  FrameInfo,
  "kind" | "qualifiedName" | "line" | "locals" | "cells" | "freeVariables"
>;

/**
 * Which statements a {@link SessionRecorder} captures in full: `from` to `to`, both included
 * (0-based statement numbers).
 *
 * @example
 * ```ts
 * const plan: CapturePlan = { from: 0, to: 399 };
 * ```
 */
export interface CapturePlan {
  /** First statement captured. */
  readonly from: number;
  /** Last statement captured. */
  readonly to: number;
}

/**
 * Records a run statement by statement: every statement goes into the compact trace; the
 * statements of the {@link CapturePlan} are captured in full — the frames, the object graph of
 * their variables, the pool map, `sys._debugmallocstats()` and `gc.get_count()`. It collects
 * output through {@link write} and the GC timeline through `gc.callbacks`.
 *
 * @remarks
 * It only reads the heap, so the program behaves exactly as it would unrecorded — which is what
 * lets the playground make a snapshot of any statement later by running the program again with
 * a plan covering just that statement. Use it with any driver that can report statements — the
 * playground's {@link runSession} wires it to the `Interpreter`; tests drive a runtime by hand.
 * With `trace: false` (a replay) it only counts statements: such a recorder hands over its
 * snapshots ({@link captured}, {@link takeCaptured}), never a {@link finish}ed recording.
 *
 * @example
 * ```ts
 * const recorder = new SessionRecorder(runtime);
 * recorder.recordStatement({ line: 1, depth: 0, functionName: "<module>", steps: 1 }, () => []);
 * const recording = recorder.finish([], { ok: true, errorType: undefined, message: undefined, steps: 1, milliseconds: 0 });
 * ```
 */
export class SessionRecorder {
  private readonly runtime: Runtime;
  private readonly options: RecorderOptions;
  private plan: CapturePlan;
  private readonly timeline: GcTimelineRecorder;
  private readonly describe: ((obj: Ptr) => string | undefined) | undefined;
  private graphs: ObjectGraphCapturer;
  private readonly output: OutputChunk[] = [];
  private readonly trace = new StatementTraceBuilder();
  private statements = 0;
  private readonly snapshots: Snapshot[] = [];
  private previousPoolMap: PoolMapSummary | undefined;
  private drawnObjects: readonly number[] = [];
  /** Characters of output kept so far (every stream). */
  private outputLength = 0;
  /** Characters of program output kept so far (notes excluded). */
  private programOutputCharacters = 0;
  private outputTruncated = false;
  private last: StatementPosition = { line: 0, depth: 0, functionName: "<module>", steps: 0 };
  /** The last function frames that returned, oldest first (see `RecorderOptions.exitedFrames`). */
  private readonly exited: ExitedFrame[] = [];
  /** Frames that returned before those of {@link exited}. */
  private exitedEarlier = 0;
  /** {@link exited} as snapshots share it until the next return. */
  private exitedShared: readonly ExitedFrame[] = [];

  constructor(
    runtime: Runtime,
    options: Partial<RecorderOptions> = {},
    plan?: CapturePlan,
    describe?: (obj: Ptr) => string | undefined,
  ) {
    this.runtime = runtime;
    this.options = { ...DEFAULT_RECORDER_OPTIONS, ...options };
    this.plan = plan ?? { from: 0, to: this.options.fullSnapshots - 1 };
    this.timeline = new GcTimelineRecorder(runtime);
    this.describe = describe;
    this.graphs = this.newGraphCapturer();
    // The objects on screen are collection candidates too (the only ones under Bacon–Rajan).
    this.timeline.extraCandidates = () => this.drawnObjects;
  }

  /**
   * Appends output. Program output beyond {@link RecorderOptions.maximumOutputCharacters} is
   * dropped with one note; the playground's own notes always get through.
   */
  write(stream: OutputChunk["stream"], text: string): void {
    if (text === "") return;
    let kept = text;
    if (stream !== "note") {
      const room = this.options.maximumOutputCharacters - this.programOutputCharacters;
      if (kept.length > room) {
        if (this.outputTruncated) return;
        this.outputTruncated = true;
        kept = kept.slice(0, Math.max(0, room));
        this.programOutputCharacters += kept.length;
        if (kept !== "") this.append(stream, kept);
        this.append(
          "note",
          `\nOutput truncated: the program wrote more than ${this.options.maximumOutputCharacters.toLocaleString("en-US")} characters; the rest is not shown.\n`,
        );
        return;
      }
      this.programOutputCharacters += kept.length;
    }
    this.append(stream, kept);
  }

  private append(stream: OutputChunk["stream"], text: string): void {
    this.outputLength += text.length;
    const last = this.output[this.output.length - 1];
    if (last !== undefined && last.stream === stream)
      this.output[this.output.length - 1] = { stream, text: last.text + text };
    else this.output.push({ stream, text });
  }

  /**
   * Called before each statement runs: adds it to the trace and, when the plan covers it,
   * captures a snapshot with `frames()` (called only then) as the graph's roots.
   */
  recordStatement(position: StatementPosition, frames: () => readonly RecordedFrame[]): void {
    this.recordStep(position, frames, undefined);
  }

  /**
   * Called when a function returns `value` (its frame still the innermost of `frames()`): a step
   * of its own, as Python Tutor shows it. The value's short repr is taken now, while it surely
   * lives.
   */
  recordReturn(
    position: StatementPosition,
    frames: () => readonly RecordedFrame[],
    value: Ptr,
  ): void {
    this.recordStep(position, frames, value);
  }

  private recordStep(
    position: StatementPosition,
    frames: () => readonly RecordedFrame[],
    returnValue: Ptr | undefined,
  ): void {
    const statement = this.statements++;
    this.last = position;
    this.timeline.step = statement;
    this.timeline.line = position.line;
    if (this.options.trace)
      this.trace.add(
        position.line,
        position.depth,
        position.functionName,
        position.steps,
        this.outputLength,
        this.timeline.events.length,
        returnValue !== undefined,
      );
    let read: readonly RecordedFrame[] | undefined;
    if (this.wantsStatement(statement)) {
      read = frames();
      const snapshot = this.capture(
        statement,
        position,
        returnValue === undefined ? "statement" : "return",
        read,
      );
      this.snapshots.push(
        returnValue === undefined
          ? snapshot
          : { ...snapshot, returnValue: this.valueRepr(returnValue) },
      );
    }
    // Every return counts, captured or not: a snapshot's exited frames are those of the whole
    // run so far, however the snapshot was made (recorded, replayed from the start or from a
    // checkpoint).
    if (returnValue !== undefined && this.options.exitedFrames > 0)
      this.noteExited((read ?? frames()).at(-1), position.line, returnValue);
  }

  /** CPython's repr of a function, class or module by name; else the {@link shortRepr}. */
  private valueRepr(value: Ptr): string {
    return this.describe?.(value) ?? shortRepr(this.runtime.heap, value);
  }

  /** Keeps `frame` (a function returning `value` from `line`) among the last exited frames. */
  private noteExited(frame: RecordedFrame | undefined, line: number, value: Ptr): void {
    if (frame === undefined || frame.kind !== "function") return;
    const variables: Array<ExitedFrame["variables"][number]> = frame.locals.map(
      ([name, local]) => ({ name, kind: "local", value: this.valueRepr(local) }),
    );
    for (const [kind, cells] of [
      ["cell", frame.cells],
      ["free", frame.freeVariables],
    ] as const)
      for (const cell of cells)
        if (cell.cell !== 0)
          variables.push({ name: cell.name, kind, value: this.valueRepr(cell.cell) });
    this.exited.push({
      qualifiedName: frame.qualifiedName,
      line,
      variables,
      returnValue: this.valueRepr(value),
    });
    if (this.exited.length > this.options.exitedFrames) {
      this.exited.shift();
      this.exitedEarlier++;
    }
    this.exitedShared = [...this.exited];
  }

  private wantsStatement(statement: number): boolean {
    return statement >= this.plan.from && statement <= this.plan.to;
  }

  /** The snapshots captured so far (a re-run that only wanted those stops here). */
  captured(): readonly Snapshot[] {
    return this.snapshots;
  }

  /** Statements recorded so far: the number of the next one. */
  get statementCount(): number {
    return this.statements;
  }

  /**
   * Hands over the snapshots captured so far and captures the statements of `plan` from now on
   * (a replay paused at a checkpoint, then sent on to the next statements wanted). With
   * `continues`, the plan carries on the window captured just before it (what the graph
   * remembers is kept): the two together are then captured exactly as one window would be.
   */
  takeCaptured(plan: CapturePlan, continues = false): Snapshot[] {
    this.plan = plan;
    if (continues) return this.snapshots.splice(0);
    // From here on, capture as a fresh recorder would: what the graph remembers of the objects
    // drawn before (unreachable ones stay drawn) and the pool map it shares unchanged pools with
    // start over, so a window's snapshots are those of a fresh replay up to it.
    this.graphs = this.newGraphCapturer();
    this.previousPoolMap = undefined;
    this.drawnObjects = [];
    return this.snapshots.splice(0);
  }

  private newGraphCapturer(): ObjectGraphCapturer {
    return new ObjectGraphCapturer(this.runtime, {
      maximumNodes: this.options.maximumGraphNodes,
      values: this.options.values,
      ...(this.describe === undefined ? {} : { describe: this.describe }),
    });
  }

  /**
   * Records the final state and returns the whole recording. Removes the gc callback. `line` is
   * the line the run stopped at (an uncaught exception's); 0 keeps the last statement's.
   */
  finish(frames: readonly RecordedFrame[], outcome: RunOutcome, line = 0): Recording {
    const statements = this.statements;
    this.timeline.step = statements;
    // Objects freed "just now" only mean something when the previous statement was captured.
    const comparable = this.snapshots.at(-1)?.statement === statements - 1;
    const final = this.capture(
      statements,
      { ...this.last, line: line > 0 ? line : this.last.line, steps: outcome.steps },
      "end",
      frames,
      comparable,
    );
    this.timeline.dispose();
    return {
      trace: this.trace.finish(),
      snapshots: this.snapshots,
      final,
      gcEvents: this.timeline.events,
      output: this.output,
      outcome,
      collector: this.runtime.collector?.name ?? "none",
      generationCount: this.runtime.gc?.collector.generationCount ?? 1,
      statements,
      memoryBytes: this.runtime.heap.memory.byteLength,
      inputPrompt: undefined,
    };
  }

  /** Removes the gc callback without a final snapshot (a re-run that stopped early). */
  dispose(): void {
    this.timeline.dispose();
  }

  private capture(
    statement: number,
    position: StatementPosition,
    phase: Snapshot["phase"],
    frames: readonly RecordedFrame[],
    comparable = true,
  ): Snapshot {
    const runtime = this.runtime;
    const poolMap = capturePoolMap(runtime.pool, this.previousPoolMap);
    this.previousPoolMap = poolMap;
    const roots: Array<readonly [string, Ptr]> = [];
    const frameSnapshots: FrameSnapshot[] = frames.map((frame) => {
      const variables: Array<FrameSnapshot["variables"][number]> = [];
      for (const [name, value] of frame.locals) {
        variables.push({ name, kind: "local" });
        roots.push([name, value]);
      }
      for (const [kind, cells] of [
        ["cell", frame.cells],
        ["free", frame.freeVariables],
      ] as const)
        for (const cell of cells) {
          if (cell.cell === 0) continue;
          variables.push({ name: cell.name, kind });
          roots.push([cell.name, cell.cell]);
        }
      return { kind: frame.kind, qualifiedName: frame.qualifiedName, line: frame.line, variables };
    });
    const captured = this.graphs.capture(roots);
    const graph = comparable ? captured : { ...captured, freed: [] };
    this.drawnObjects = graph.nodes.map((node) => node.id);
    return {
      statement,
      steps: position.steps,
      line: position.line,
      functionName: position.functionName,
      depth: position.depth,
      phase,
      frames: frameSnapshots,
      returnValue: undefined,
      exitedFrames: this.exitedShared,
      exitedEarlier: this.exitedEarlier,
      graph,
      poolMap,
      poolStats: runtime.pool.stats(),
      freeListSizes: runtime.heap.freeListSizes(),
      gcCounts: runtime.gc?.getCount() ?? [],
      gcEventCount: this.timeline.events.length,
      outputLength: this.outputLength,
    };
  }
}
