import type { SourceRange } from "../ast.js";
import type { Code } from "./machine.js";

/**
 * The JavaScript side of running code: statement completion codes and the pooled per-depth
 * {@link Frame} record (the locals themselves live in the interpreter frame, on the data stack
 * or in the heap).
 *
 * @module
 */

/**
 * The position of a frame that has not started a statement (no traceback entry yet).
 *
 * @example
 * ```ts
 * if (frame.node !== NO_RANGE) machine.record(exception, frame);
 * ```
 * @internal
 */
export const NO_RANGE: SourceRange = { line: 0, column: 0, endLine: 0, endColumn: 0 };

/**
 * Statement completion codes.
 *
 * @example
 * ```ts
 * if (body(frame) === Completion.RETURN) return frame.returnValue;
 * ```
 */
export const Completion = { NORMAL: 0, BREAK: 1, CONTINUE: 2, RETURN: 3 } as const;

/**
 * A running code block's JavaScript state (pooled per call depth, so a call allocates no JS
 * object). The locals live in the interpreter frame {@link Frame.heapFrame}.
 *
 * @example
 * ```ts
 * const value = heap.memory.u32[(frame.locals + 4 * slot) >>> 2]; // local `slot`
 * ```
 */
export class Frame {
  code!: Code;
  /** Address of local slot 0 in the heap frame. */
  locals = 0;
  /**
   * The interpreter frame (its header, then the locals): on the machine's data stack for a plain
   * call (see `frame-data-stack.ts`), else a heap object; 0 once the call returned.
   */
  heapFrame = 0;
  /** Whether {@link heapFrame} is on the data stack (not yet moved to the heap). */
  onDataStack = false;
  globals = 0;
  /** The class body's namespace dict (class blocks), else 0. */
  namespace = 0;
  /** The node running now, for tracebacks. */
  node: SourceRange = NO_RANGE;
  returnValue = 0;
  depth = 0;
  /**
   * Generator frames: the value-stack level the continuation was last resumed at. A generator
   * may resume at a different level each time, so its code keeps stack positions relative to it.
   */
  stackBase = 0;
  /**
   * Generator frames: where the operands of the expression being split around a `yield` start
   * on the value stack (read by the operand loaders, see generator-compiler.ts).
   */
  spillBase = 0;
  /** Generator frames: the generator that owns the frame (borrowed), else 0. */
  generator = 0;
  /**
   * Generator frames: the value-stack slot (relative to `stackBase`) of the sub-iterator a
   * suspended `yield from` / `await` delegates to, or -1 (CPython: `_PyGen_yf`).
   */
  delegateSlot = -1;
  /**
   * Generator frames: set by `sendToDelegate` (coroutine-protocol.ts) when the sub-iterator it drove for a
   * suspended `yield from` / `await` finished (1) or raised {@link delegateError} (2), so that
   * `delegate` picks the outcome up when the continuation resumes; else 0.
   */
  delegateOutcome = 0;
  /** Generator frames: what the sub-iterator raised when {@link delegateOutcome} is 2. */
  delegateError: unknown = undefined;
}
