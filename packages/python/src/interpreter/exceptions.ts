import type { Ptr } from "@pymem/core";
import type { SourceRange } from "../ast.js";

/**
 * The JavaScript side of a raised Python exception, and the step-limit stop.
 *
 * @module
 */

/**
 * One line of a traceback: where a frame was when the exception passed through it.
 *
 * @example
 * ```ts
 * const entry: TracebackEntry = { filename: "x.py", functionName: "f", range, source: "x = 1" };
 * ```
 */
export interface TracebackEntry {
  /** The file the code came from. */
  readonly filename: string;
  /** The code's name (`"<module>"`, the function's name). */
  readonly functionName: string;
  /** The node that was running (the call, operation or statement that raised). */
  readonly range: SourceRange;
  /** The source text of the whole file, for the quoted line. */
  readonly source: string;
}

/**
 * What releasing a {@link PyException} needs: the machine's decref.
 *
 * @example
 * ```ts
 * error.release(machine);
 * ```
 */
export interface ExceptionOwner {
  decref(obj: Ptr): void;
}

/**
 * A Python exception travelling through the interpreter as a JavaScript throw. It owns one
 * reference to the exception instance (`value`) and, when it was raised while another was being
 * handled, to that one (`context`, CPython's `__context__`), released by {@link PyException.release}.
 *
 * @example
 * ```ts
 * try { machine.run(code); } catch (error) { if (error instanceof PyException) error.release(machine); }
 * ```
 */
export class PyException {
  /** Frames the exception left, innermost first. */
  readonly entries: TracebackEntry[] = [];
  /** Call depth of the last frame recorded in {@link PyException.entries} (-1: none yet). */
  recordedDepth = -1;
  /** Whether `raise ... from …` hid the context. */
  suppressContext = false;
  /**
   * The exception given by `raise … from cause` (CPython: `__cause__`), with the frames it
   * left when it was one being handled; owns a reference like `context`.
   */
  cause: PyException | undefined = undefined;

  constructor(
    /** The exception instance (an owned reference). */
    public value: Ptr,
    /** The exception being handled when this one was raised (CPython: `__context__`). */
    public context: PyException | undefined = undefined,
  ) {}

  /**
   * Drops the references this exception holds (its instance — whose `__traceback__` holds the
   * frames it passed through — and its context chain). Pass the machine or a decref function.
   */
  release(owner: ExceptionOwner | ((obj: Ptr) => void)): void {
    const decref = typeof owner === "function" ? owner : (obj: Ptr) => owner.decref(obj);
    const pending: PyException[] = [this];
    while (pending.length > 0) {
      const current = pending.pop()!;
      const value = current.value;
      current.value = 0;
      if (value !== 0) decref(value);
      if (current.context !== undefined) pending.push(current.context);
      if (current.cause !== undefined) pending.push(current.cause);
      current.context = undefined;
      current.cause = undefined;
    }
  }
}

/**
 * Thrown when a run exceeds {@link InterpreterOptions.stepLimit}: not a Python exception, so no
 * `except` clause or `finally` block runs; the run ends and reports it.
 *
 * @example
 * ```ts
 * if (error instanceof StepLimitError) console.log(error.message);
 * ```
 */
export class StepLimitError extends Error {
  constructor(
    /** The limit that was reached. */
    readonly limit: number,
    /** The line that was about to run. */
    readonly line: number,
  ) {
    super(`step limit of ${limit} statements and loop iterations exceeded at line ${line}`);
    this.name = "StepLimitError";
  }
}
