import type { Ptr } from "@pymem/core";
import {
  type CollectorName,
  createRuntime,
  type Runtime,
  type RuntimeOptions,
} from "@pymem/runtime";
import type { OutputChunk, RecorderOptions, Recording, Snapshot } from "./recording.js";
import { type CapturePlan, type RecordedFrame, SessionRecorder } from "./session-recorder.js";

/**
 * The part of `@pymem/python`'s `Interpreter` a session drives (so tests and the app can pass the
 * real class, and nothing else of it is assumed).
 *
 * @example
 * ```ts
 * import { Interpreter } from "@pymem/python";
 * const create: InterpreterFactory = (options) => new Interpreter(options);
 * ```
 */
export interface SessionInterpreter {
  /** The runtime the interpreter allocates from. */
  readonly runtime: Runtime;
  /** Runs a module; the result says whether it ended with an uncaught exception. */
  run(
    source: string,
    filename?: string,
  ): {
    readonly ok: boolean;
    readonly error:
      | { readonly typeName: string; readonly message: string; readonly line: number }
      | undefined;
    readonly steps: number;
  };
  /** The module's variables, borrowed. */
  globals(): Array<[name: string, value: Ptr]>;
  /** The running frames, outermost first (empty when not running). */
  frames(): readonly RecordedFrame[];
  /** CPython's repr of a function, class or module, made without running code; else undefined. */
  describe(obj: Ptr): string | undefined;
  /** Releases everything the interpreter holds. */
  dispose(): void;
}

/**
 * The options a session hands to the interpreter it creates (a subset of `InterpreterOptions`).
 *
 * @example
 * ```ts
 * const options: SessionInterpreterOptions = { runtime, stdout: write, stderr: write, stdin: () => undefined, stepLimit: 1e6, onStatement: undefined, onReturn: undefined };
 * ```
 */
export interface SessionInterpreterOptions {
  /** The runtime to run on. */
  runtime: Runtime;
  /** Receives `print` output. */
  stdout: (text: string) => void;
  /** Receives tracebacks. */
  stderr: (text: string) => void;
  /** What `input()` reads (undefined: end of input). */
  stdin: (prompt: string) => string | undefined;
  /** Statements plus loop iterations before the run stops with `StepLimitError`. */
  stepLimit: number;
  /** Called before each statement. */
  onStatement:
    | ((event: {
        readonly line: number;
        readonly depth: number;
        readonly functionName: string;
        readonly filename: string;
        readonly steps: number;
      }) => void)
    | undefined;
  /** Called when a function returns, its frame still the innermost; `value` is borrowed. */
  onReturn:
    | ((event: {
        readonly line: number;
        readonly depth: number;
        readonly functionName: string;
        readonly filename: string;
        readonly steps: number;
        readonly value: Ptr;
      }) => void)
    | undefined;
}

/**
 * Makes the interpreter a session runs.
 *
 * @example
 * ```ts
 * const create: InterpreterFactory = (options) => new Interpreter(options);
 * ```
 */
export type InterpreterFactory = (options: SessionInterpreterOptions) => SessionInterpreter;

/**
 * The settings of one run: what the playground's pickers and limits choose.
 *
 * @example
 * ```ts
 * const settings: SessionSettings = { ...DEFAULT_SESSION_SETTINGS, collector: "bacon-rajan" };
 * ```
 */
export interface SessionSettings {
  /**
   * The cycle collector.
   * @defaultValue "generational"
   */
  collector: CollectorName;
  /**
   * pymalloc's constants.
   * @defaultValue "cpython32"
   */
  profile: RuntimeOptions["profile"];
  /**
   * Statements plus loop iterations before the run is stopped.
   * @defaultValue 2000000
   */
  stepLimit: number;
  /**
   * Heap cap in bytes: allocation beyond it raises `MemoryError` in the program.
   * @defaultValue 67108864 (64 MiB)
   */
  maximumBytes: number;
  /**
   * Recording bounds.
   * @defaultValue {} (the {@link SessionRecorder}'s defaults)
   */
  recorder: Partial<RecorderOptions>;
  /**
   * The lines `input()` returns, in order; one more `input()` raises EOFError and the
   * recording says which prompt wanted it ({@link Recording.inputPrompt}).
   * @defaultValue []
   */
  inputs: readonly string[];
}

/**
 * The settings the playground starts with.
 *
 * @example
 * ```ts
 * runSession(source, DEFAULT_SESSION_SETTINGS, create);
 * ```
 */
export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  collector: "generational",
  profile: "cpython32",
  stepLimit: 2_000_000,
  maximumBytes: 64 * 1024 * 1024,
  recorder: {},
  inputs: [],
};

/** The file name a session runs its program as (what tracebacks say). */
const PROGRAM_FILENAME = "main.py";

function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** The playground's own explanation of how a run was stopped, or undefined. */
function stopNote(errorType: string | undefined, settings: SessionSettings): string | undefined {
  if (errorType === "StepLimitError")
    return `Stopped: the program ran more than ${formatCount(settings.stepLimit)} steps (the step limit, which keeps a runaway loop from freezing the tab). Raise it under Limits to run longer.\n`;
  if (errorType === "MemoryError")
    return `Stopped: the heap reached its cap of ${formatCount(settings.maximumBytes / 1024 / 1024)} MiB (the heap cap). Raise it under Limits to allocate more.\n`;
  return undefined;
}

/** The module frame alone, for the final snapshot (the program has left every other frame). */
function moduleFrame(interpreter: SessionInterpreter, line: number): RecordedFrame {
  return {
    kind: "module",
    qualifiedName: "<module>",
    line,
    locals: interpreter.globals(),
    cells: [],
    freeVariables: [],
  };
}

/**
 * Runs `source` on a fresh runtime built from `settings` with a {@link SessionRecorder} wired
 * to the interpreter; `beforeStep` (when given) is called before each step is recorded, and
 * `finish` gets the recorder and the run's result once it returns.
 */
function recordRun<T>(
  source: string,
  settings: SessionSettings,
  createInterpreter: InterpreterFactory,
  plan: CapturePlan | undefined,
  stepLimit: number,
  beforeStep: ((recorder: SessionRecorder) => void) | undefined,
  finish: (
    recorder: SessionRecorder,
    interpreter: SessionInterpreter,
    result: ReturnType<SessionInterpreter["run"]>,
    inputPrompt: string | undefined,
  ) => T,
): T {
  let recorder: SessionRecorder | undefined;
  const sink =
    (stream: OutputChunk["stream"]) =>
    (text: string): void =>
      recorder?.write(stream, text);
  const runtime = createRuntime({
    collector: settings.collector,
    profile: settings.profile,
    maximumBytes: settings.maximumBytes,
    // CPython's PYTHONHASHSEED=0: hash() values are reproducible, so re-running a program
    // replays the same recording. The key is public, but keys whose full 32-bit SipHash values
    // collide still cost about 2^32 trial hashes each to find.
    hashSeed: 0,
    unraisableSink: sink("stderr"),
    debugSink: sink("stderr"),
  });
  let interpreter: SessionInterpreter | undefined;
  // input() answers from the settings; past them, end of input (and the prompt is noted).
  let nextInput = 0;
  let inputPrompt: string | undefined;
  const stdin = (prompt: string): string | undefined => {
    if (nextInput < settings.inputs.length) return settings.inputs[nextInput++];
    inputPrompt ??= prompt;
    return undefined;
  };
  // Only the program's own statements are steps: the Python source of a library module (weakref's
  // classes, run at import) is stepped over, as a debugger steps over the standard library.
  const ours = (event: { readonly filename: string }): boolean =>
    event.filename === PROGRAM_FILENAME;
  // Made once: the recorder calls it only for the statements it captures.
  const frames = (): readonly RecordedFrame[] => interpreter?.frames() ?? [];
  // A replay (with a plan) takes snapshots; the trace is the recording's.
  const options = plan === undefined ? settings.recorder : { ...settings.recorder, trace: false };
  recorder = new SessionRecorder(runtime, options, plan, (obj) => interpreter?.describe(obj));
  const active = recorder;
  interpreter = createInterpreter({
    runtime,
    stdout: sink("stdout"),
    stderr: sink("stderr"),
    stdin,
    stepLimit,
    onStatement: (event) => {
      if (!ours(event)) return;
      beforeStep?.(active);
      active.recordStatement(event, frames);
    },
    onReturn: (event) => {
      // Line 0: a generator or coroutine function's call making the object, before its body
      // runs (CPython's tracer reports no call there either: the body starts at the first
      // next()). Not a step, or the learner would see a return from a line that never ran.
      if (!ours(event) || event.line === 0) return;
      beforeStep?.(active);
      active.recordReturn(event, frames, event.value);
    },
  });
  let result: ReturnType<SessionInterpreter["run"]>;
  try {
    result = interpreter.run(source, PROGRAM_FILENAME);
  } catch (error) {
    // An interpreter bug, not a Python exception: show it rather than losing the recording.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    active.write("note", `Internal error in the interpreter: ${message}\n`);
    result = { ok: false, error: { typeName: "InternalError", message, line: 0 }, steps: 0 };
  }
  const value = finish(active, interpreter, result, inputPrompt);
  try {
    interpreter.dispose();
  } catch (error) {
    // The recording is complete and correct; a failure to clean up is the interpreter's bug and
    // must not cost the user the run they just watched. Reported, not hidden.
    console.error("pymem playground: Interpreter.dispose() failed", error);
  }
  return value;
}

/**
 * Runs `source` on a fresh runtime built from `settings` and records it: every statement in
 * the trace, full snapshots of the first ones (see `RecorderOptions.fullSnapshots`) and of the
 * end, the output and every collection.
 *
 * @remarks
 * Everything is synchronous and in memory; the step limit and the heap cap bound the time and
 * memory a run can take. Output sinks are the recording's own (never `process.stdout`), so it
 * runs unchanged in a browser. The interpreter is disposed afterwards. Snapshots of later
 * statements come from {@link captureStatements}.
 *
 * @example
 * ```ts
 * import { Interpreter } from "@pymem/python";
 * const recording = runSession("x = [1]\nprint(x)\n", DEFAULT_SESSION_SETTINGS, (o) => new Interpreter(o));
 * recording.output; // [{ stream: "stdout", text: "[1]\n" }]
 * ```
 */
export function runSession(
  source: string,
  settings: SessionSettings,
  createInterpreter: InterpreterFactory,
): Recording {
  const started = performance.now();
  return recordRun(
    source,
    settings,
    createInterpreter,
    undefined,
    settings.stepLimit,
    undefined,
    (recorder, interpreter, result, inputPrompt) => {
      const note = stopNote(result.error?.typeName, settings);
      if (note !== undefined) recorder.write("note", note);
      if (inputPrompt !== undefined)
        recorder.write(
          "note",
          "input() asked for a line and had none (so it raised EOFError): type it in the box below and press Enter — the program then runs again from the start with your answers.\n",
        );
      const line = result.error?.line ?? 0;
      const recording = recorder.finish(
        [moduleFrame(interpreter, line)],
        {
          ok: result.ok,
          errorType: result.error?.typeName,
          message: result.error?.message,
          steps: result.steps,
          milliseconds: performance.now() - started,
        },
        line,
      );
      return { ...recording, inputPrompt };
    },
  );
}

/**
 * Snapshots of statements `from` to `to` of a program recorded before with the same settings,
 * made by running it again up to statement `to` and no further: the interpreter is
 * deterministic (same heap addresses, same collections), so the snapshots are those the first
 * run would have taken. `stepsAtTo` is the step counter at statement `to` (from the recording's
 * trace); the run is stopped by the step limit right after it. With `early`, the snapshots up
 * to statement `early.at` go to `early.send` as soon as they are captured (a jump's statement
 * is drawn while the rest of its window is captured) and are left out of the result.
 *
 * @example
 * ```ts
 * const [snapshot] = captureStatements(source, settings, create, 5000, 5000, recording.trace.steps[5000]!);
 * ```
 */
export function captureStatements(
  source: string,
  settings: SessionSettings,
  createInterpreter: InterpreterFactory,
  from: number,
  to: number,
  stepsAtTo: number,
  early?: { readonly at: number; readonly send: (snapshots: readonly Snapshot[]) => void },
): Snapshot[] {
  // One statement more at the front: "what changed since the previous step" needs the graph
  // before `from` (new objects, refcount changes, objects freed by reference counting).
  const first = Math.max(0, from - 1);
  let sent = 0;
  return recordRun(
    source,
    settings,
    createInterpreter,
    { from: first, to },
    stepsAtTo,
    // Before statement `early.at + 1` runs, the snapshots up to `early.at` are all captured.
    early === undefined
      ? undefined
      : (recorder) => {
          if (sent > 0 || recorder.statementCount !== early.at + 1) return;
          const captured = recorder.captured();
          sent = captured.length;
          early.send(captured.filter((snapshot) => snapshot.statement >= from));
        },
    (recorder) => {
      recorder.dispose();
      return recorder
        .captured()
        .slice(sent)
        .filter((snapshot) => snapshot.statement >= from);
    },
  );
}

/**
 * Where a {@link runReplayCursor} goes next: the statements to capture, and whether they carry
 * on the window it captured just before it paused (`from` is then the statement it paused
 * before): the two windows are then captured exactly as one would be — the first part of a jump
 * is shown while the cursor captures the rest.
 *
 * @example
 * ```ts
 * const next: CursorPlan = { from: position, to: position + 24, continues: true };
 * ```
 */
export interface CursorPlan extends CapturePlan {
  /** Carry on the window just captured (only when `from` is the statement paused before). */
  readonly continues?: boolean;
}

/**
 * What a {@link runReplayCursor} asks its owner: where to go next when it pauses, and what to do
 * with the last snapshots when the program ends.
 *
 * @example
 * ```ts
 * const hooks: ReplayCursorHooks = { pause: (at, snapshots) => ({ from: at, to: at + 10 }), end: () => {} };
 * ```
 */
export interface ReplayCursorHooks {
  /**
   * The replay reached statement `position` (it has not run yet); `snapshots` are those captured
   * since the last pause. Returns the statements to capture next — `from` (at least `position`)
   * to `to` — after which it pauses again, before statement `to + 1`; `{ from: Infinity, to:
   * Infinity }` lets it run to the end.
   */
  pause(position: number, snapshots: readonly Snapshot[]): CursorPlan;
  /** The program ended (or stopped) before the next pause: the snapshots captured since the last. */
  end(snapshots: readonly Snapshot[]): void;
}

/**
 * Replays a program recorded before with the same settings, pausing before statement
 * `firstPause` and then wherever {@link ReplayCursorHooks.pause} says: a cursor that only moves
 * forward and captures the statements it is sent through. It returns when the program ends.
 * The snapshots are those {@link captureStatements} makes (the interpreter is deterministic and
 * the recorder only reads memory), but reaching statement `to` from a cursor paused at
 * `position` costs only the statements in between — the playground keeps several paused in
 * workers as checkpoints (`CheckpointPool`).
 *
 * @remarks
 * `pause` is called synchronously from inside the run; a worker blocks in it (`Atomics.wait`)
 * until the page says where to go. Every plan should start one statement before the first
 * snapshot wanted, as {@link captureStatements} does, so that snapshot can be compared with the
 * one before it (objects new, changed or freed since).
 *
 * @example
 * ```ts
 * runReplayCursor(source, settings, create, 5000, {
 *   pause: (position, snapshots) => { show(snapshots); return nextWindow(); },
 *   end: (snapshots) => show(snapshots),
 * });
 * ```
 */
export function runReplayCursor(
  source: string,
  settings: SessionSettings,
  createInterpreter: InterpreterFactory,
  firstPause: number,
  hooks: ReplayCursorHooks,
): void {
  let pauseAt = firstPause;
  recordRun(
    source,
    settings,
    createInterpreter,
    { from: 0, to: -1 },
    settings.stepLimit,
    (recorder) => {
      const position = recorder.statementCount;
      if (position !== pauseAt) return;
      // The recorder keeps capturing nothing until it is told a plan.
      const plan = hooks.pause(position, recorder.takeCaptured({ from: 0, to: -1 }, true));
      recorder.takeCaptured(
        { from: Math.max(plan.from, position), to: plan.to },
        plan.continues === true && plan.from === position,
      );
      pauseAt = Math.max(plan.to + 1, position + 1);
    },
    (recorder) => {
      recorder.dispose();
      hooks.end(recorder.takeCaptured({ from: 0, to: -1 }));
    },
  );
}
