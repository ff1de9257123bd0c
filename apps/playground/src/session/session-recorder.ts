import type { Ptr } from "@pymem/core";
import type { Runtime } from "@pymem/runtime";
import { GcTimelineRecorder } from "../snapshot/gc-timeline.js";
import { ObjectGraphCapturer } from "../snapshot/object-graph.js";
import { capturePoolMap, type PoolMapSummary } from "../snapshot/pool-map.js";
import type { OutputChunk, RecorderOptions, Recording, RunOutcome, Snapshot } from "./recording.js";

/**
 * The recording bounds used when none are given.
 *
 * @example
 * ```ts
 * DEFAULT_RECORDER_OPTIONS.fullSnapshots; // 1000
 * ```
 */
export const DEFAULT_RECORDER_OPTIONS: Readonly<RecorderOptions> = {
  fullSnapshots: 1000,
  maximumSnapshots: 2000,
  maximumOutputCharacters: 1_000_000,
  maximumGraphNodes: 80,
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
 * Records a run statement by statement: at each {@link recordStatement} it captures the object
 * graph of the given roots, the pool map, `sys._debugmallocstats()` and `gc.get_count()`; it
 * collects output through {@link write} and the GC timeline through `gc.callbacks`.
 *
 * @remarks
 * Recording is bounded: the first `fullSnapshots` statements are all kept, later ones sampled
 * with a stride that doubles whenever `maximumSnapshots` is reached (see {@link RecorderOptions}).
 * It only reads the heap, so the program behaves exactly as it would unrecorded. Use it with any
 * driver that can report statements — the playground's {@link runSession} wires it to the
 * `Interpreter`; tests drive a runtime by hand.
 *
 * @example
 * ```ts
 * const recorder = new SessionRecorder(runtime);
 * recorder.recordStatement({ line: 1, depth: 0, functionName: "<module>", steps: 1 }, []);
 * const recording = recorder.finish([], { ok: true, errorType: undefined, message: undefined, steps: 1, milliseconds: 0 });
 * ```
 */
export class SessionRecorder {
  private readonly runtime: Runtime;
  private readonly options: RecorderOptions;
  private readonly timeline: GcTimelineRecorder;
  private readonly graphs: ObjectGraphCapturer;
  private readonly output: OutputChunk[] = [];
  private snapshots: Snapshot[] = [];
  private previousPoolMap: PoolMapSummary | undefined;
  private drawnObjects: readonly number[] = [];
  private statements = 0;
  /** Characters of program output kept so far. */
  private outputCharacters = 0;
  private outputTruncated = false;
  /** Output chunks the latest snapshot counted: those may no longer change. */
  private countedOutput = 0;
  private stride = 1;
  private last: StatementPosition = { line: 0, depth: 0, functionName: "<module>", steps: 0 };

  constructor(runtime: Runtime, options: Partial<RecorderOptions> = {}) {
    this.runtime = runtime;
    this.options = { ...DEFAULT_RECORDER_OPTIONS, ...options };
    if (this.options.maximumSnapshots <= this.options.fullSnapshots + 1)
      throw new RangeError(
        `maximumSnapshots (${this.options.maximumSnapshots}) must exceed fullSnapshots + 1 (${this.options.fullSnapshots + 1})`,
      );
    this.timeline = new GcTimelineRecorder(runtime);
    this.graphs = new ObjectGraphCapturer(runtime, {
      maximumNodes: this.options.maximumGraphNodes,
    });
    // The objects on screen are collection candidates too (the only ones under Bacon–Rajan).
    this.timeline.extraCandidates = () => this.drawnObjects;
  }

  /**
   * Appends output. Text written since the last snapshot joins the previous chunk of the same
   * stream (snapshots count chunks, so chunks a snapshot has counted are never changed). Program
   * output beyond {@link RecorderOptions.maximumOutputCharacters} is dropped with one note;
   * the playground's own notes always get through.
   */
  write(stream: OutputChunk["stream"], text: string): void {
    if (text === "") return;
    let kept = text;
    if (stream !== "note") {
      const room = this.options.maximumOutputCharacters - this.outputCharacters;
      if (kept.length > room) {
        if (this.outputTruncated) return;
        this.outputTruncated = true;
        kept = kept.slice(0, Math.max(0, room));
        this.outputCharacters += kept.length;
        if (kept !== "") this.append(stream, kept);
        this.append(
          "note",
          `\nOutput truncated: the program wrote more than ${this.options.maximumOutputCharacters.toLocaleString("en-US")} characters; the rest is not shown.\n`,
        );
        return;
      }
      this.outputCharacters += kept.length;
    }
    this.append(stream, kept);
  }

  private append(stream: OutputChunk["stream"], text: string): void {
    const last = this.output[this.output.length - 1];
    if (last !== undefined && last.stream === stream && this.output.length > this.countedOutput)
      this.output[this.output.length - 1] = { stream, text: last.text + text };
    else this.output.push({ stream, text });
  }

  /**
   * Called before each statement runs: counts it and, unless sampling skips it, records a
   * snapshot with `roots` (the program's variables) as the graph's starting points.
   */
  recordStatement(position: StatementPosition, roots: ReadonlyArray<readonly [string, Ptr]>): void {
    const statement = this.statements++;
    this.last = position;
    this.timeline.step = statement;
    this.timeline.line = position.line;
    if (
      statement >= this.options.fullSnapshots &&
      (statement - this.options.fullSnapshots) % this.stride !== 0
    )
      return;
    this.snapshots.push(this.capture(statement, position, "statement", roots));
    if (this.snapshots.length >= this.options.maximumSnapshots) this.thin();
  }

  /**
   * Whether the next statement will be recorded: drivers can skip gathering roots otherwise.
   */
  wantsNextStatement(): boolean {
    const statement = this.statements;
    return (
      statement < this.options.fullSnapshots ||
      (statement - this.options.fullSnapshots) % this.stride === 0
    );
  }

  /** Counts a statement that {@link wantsNextStatement} said would not be recorded. */
  skipStatement(position: StatementPosition): void {
    this.statements++;
    this.last = position;
    this.timeline.step = this.statements - 1;
    this.timeline.line = position.line;
  }

  /** Records the final state and returns the whole recording. Removes the gc callback. */
  finish(roots: ReadonlyArray<readonly [string, Ptr]>, outcome: RunOutcome): Recording {
    this.timeline.step = this.statements;
    const final = this.capture(
      this.statements,
      { ...this.last, steps: outcome.steps },
      "end",
      roots,
    );
    this.snapshots.push(final);
    this.timeline.dispose();
    return {
      snapshots: this.snapshots,
      gcEvents: this.timeline.events,
      output: this.output,
      outcome,
      collector: this.runtime.collector?.name ?? "none",
      generationCount: this.runtime.gc?.collector.generationCount ?? 1,
      statements: this.statements,
      stride: this.stride,
    };
  }

  private countOutput(): number {
    this.countedOutput = this.output.length;
    return this.countedOutput;
  }

  /** Drops every other sampled snapshot (the first `fullSnapshots` stay) and doubles the stride. */
  private thin(): void {
    const keep = this.options.fullSnapshots;
    const kept = this.snapshots.slice(0, keep);
    const stride = this.stride * 2;
    for (const snapshot of this.snapshots.slice(keep))
      if ((snapshot.statement - keep) % stride === 0) kept.push(snapshot);
    this.snapshots = kept;
    this.stride = stride;
  }

  private capture(
    statement: number,
    position: StatementPosition,
    phase: Snapshot["phase"],
    roots: ReadonlyArray<readonly [string, Ptr]>,
  ): Snapshot {
    const runtime = this.runtime;
    const poolMap = capturePoolMap(runtime.pool, this.previousPoolMap);
    this.previousPoolMap = poolMap;
    const graph = this.graphs.capture(roots);
    this.drawnObjects = graph.nodes.map((node) => node.id);
    return {
      statement,
      steps: position.steps,
      line: position.line,
      functionName: position.functionName,
      depth: position.depth,
      phase,
      graph,
      poolMap,
      poolStats: runtime.pool.stats(),
      freeListSizes: runtime.heap.freeListSizes(),
      gcCounts: runtime.gc?.getCount() ?? [],
      gcEventCount: this.timeline.events.length,
      outputCount: this.countOutput(),
    };
  }
}
