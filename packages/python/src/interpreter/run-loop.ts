import type { Ptr } from "@pymem/core";
import type { SourceRange } from "../ast.js";
import { StepLimitError } from "./exceptions.js";
import { Frame, NO_RANGE } from "./frame.js";
import { detachFrameObject } from "./frame-objects.js";
import type { Code, Machine } from "./machine.js";
import {
  FRAME_COUNT_OFFSET,
  FRAME_FUNCTION_OFFSET,
  FRAME_LOCALS_OFFSET,
  FRAME_OBJECT_OFFSET,
} from "./object-layouts.js";

/**
 * Where execution happens: the interpreter's main entry. There is no bytecode loop — the
 * compiler (`compiler.ts`, `expression-compiler.ts`) turns every code object into JavaScript
 * closures, and this file runs them: {@link runBlock} runs module and class-body code in a fresh
 * heap frame (CPython: `PyEval_EvalCode`, `_PyEval_EvalFrame`), {@link step} is called before
 * every statement and loop iteration (the step limit, the line for tracebacks and the
 * `onStatement` hook), and frames are acquired, released in CPython's order and guarded by the
 * recursion limit. Function calls enter frames through `callFunction` in `calls.ts`.
 *
 * @module
 */

/**
 * Runs module or class-body code in a fresh frame with the given globals (and namespace for a
 * class body). Module-level names live in dicts; the frame holds only hidden comprehension
 * slots and, for class bodies, the `__class__` cell. CPython: `PyEval_EvalCode` (a module), the
 * class body run by `builtin___build_class__`.
 *
 * @example
 * ```ts
 * runBlock(machine, code, globals, 0, 0); // runs a compiled module in `globals`
 * ```
 */
export function runBlock(m: Machine, code: Code, globals: Ptr, namespace: Ptr, closure: Ptr): void {
  const heap = m.heap;
  if (m.depth + 1 >= m.recursionLimit || !hasStackHeadroom(m.depth))
    m.raise("RecursionError", "maximum recursion depth exceeded");
  const slotCount = code.slotNames.length;
  const heapFrame = heap.allocate(m.types.frame, slotCount);
  const locals = heapFrame + FRAME_LOCALS_OFFSET;
  const depth = code.kind === "module" ? m.depth : ++m.depth;
  const frame = acquireFrame(m);
  frame.code = code;
  frame.locals = locals;
  frame.heapFrame = heapFrame;
  frame.onDataStack = false;
  frame.globals = globals;
  frame.namespace = namespace;
  frame.returnValue = 0;
  frame.node = NO_RANGE;
  try {
    for (const slot of code.cellSlots) heap.memory.u32[(locals + 4 * slot) >>> 2] = m.newCell(0);
    for (let j = 0; j < code.freeCount; j++)
      heap.memory.u32[(locals + 4 * (code.freeStart + j)) >>> 2] = m.incref(
        heap.tupleGetItem(closure, j),
      );
    if (m.collectionScheduled) runScheduledCollection(m); // CPython: RESUME
    code.body(frame);
  } catch (error) {
    const exception = m.toPyException(error);
    if (frame.node !== NO_RANGE) m.record(exception, frame);
    throw exception;
  } finally {
    m.depth = code.kind === "module" ? depth : depth - 1;
    releaseFrameSlots(m, heapFrame, slotCount);
    // The pooled record no longer stands for a frame (see frameObjectOf).
    frame.heapFrame = 0;
  }
}

/**
 * Counts a step (a statement or loop iteration), enforces the step limit, records the line for
 * tracebacks and calls the `onStatement` hook. CPython: the eval loop's line event
 * (`INSTRUMENTED_LINE`) and `f_lineno` bookkeeping; the step limit is pymem's own.
 *
 * @example
 * ```ts
 * const statement: Stmt = (f) => { step(machine, f, node); return inner(f); };
 * ```
 */
export function step(m: Machine, frame: Frame, node: SourceRange): void {
  if (++m.steps > m.stepLimit) throw new StepLimitError(m.stepLimit, node.line);
  frame.node = node;
  if (m.onStatement !== undefined) m.onStatement(frame, node);
}

/**
 * Counts one unit of work done outside statements — an item a built-in or a comprehension takes
 * from an iterator, a call of a Python function (a lambda or key function has no statement) —
 * against the step limit, so `max(range(10**15))` stops like `while True: pass` does. One
 * increment and compare: cheap enough for every item.
 *
 * @example
 * ```ts
 * iterateOwned(machine, iterable, (item) => { tick(machine); … });
 * ```
 */
export function tick(m: Machine): void {
  if (++m.steps > m.stepLimit)
    throw new StepLimitError(m.stepLimit, m.framePool[m.depth]?.node.line ?? 0);
}

/**
 * An eval-breaker check that found a collection scheduled (CPython: `_CHECK_PERIODIC` →
 * `_Py_HandlePending` → `_Py_RunGC`): runs the automatic collection an allocation scheduled. The
 * interpreter checks where CPython 3.13 does — entering a frame (`RESUME`; not a generator's
 * creation), a loop's back edge (`JUMP_BACKWARD`, also for a `continue` or a comprehension's
 * filtered item) and the end of a call into anything but a Python function (`CALL`, see
 * `callChecksAfter`) — and tests {@link Machine.collectionScheduled} itself first, so a check
 * costs one field load.
 *
 * @example
 * ```ts
 * if (machine.collectionScheduled) runScheduledCollection(machine);
 * ```
 */
export function runScheduledCollection(m: Machine): void {
  m.collectionScheduled = false;
  const collector = m.runtime.collector as { runScheduledCollection?(): void } | undefined;
  collector?.runScheduledCollection?.();
}

/** The frame of a class body being run, for reading its `__class__` cell (CPython: `_PyEval_GetFrame`). */
export function currentFrame(m: Machine): Frame | undefined {
  return m.framePool[m.depth];
}

/** The pooled JS frame record of the next call depth (CPython: `_PyThreadState_PushFrame`). */
export function acquireFrame(m: Machine): Frame {
  let frame = m.framePool[m.depth];
  if (frame === undefined) {
    frame = new Frame();
    m.framePool[m.depth] = frame;
  }
  frame.depth = m.depth;
  return frame;
}

/**
 * A returning call drops its frame: the locals in slot order, then the frame (CPython:
 * `_PyFrame_ClearLocals`) — unless a generator owns the frame now, or a frame object still
 * referenced takes it over and keeps the locals (CPython: `take_ownership`).
 */
export function releaseFrameSlots(m: Machine, heapFrame: Ptr, slotCount: number): void {
  const u32 = m.heap.memory.u32;
  if (u32[heapFrame >>> 2]! > 1) {
    m.lifetime.decref(heapFrame);
    return;
  }
  if (u32[(heapFrame + FRAME_OBJECT_OFFSET) >>> 2] !== 0 && detachFrameObject(m, heapFrame)) return;
  const locals = heapFrame + FRAME_LOCALS_OFFSET;
  for (let i = 0; i < slotCount; i++) {
    const slot = (locals + 4 * i) >>> 2;
    const value = m.heap.memory.u32[slot]!;
    if (value === 0) continue;
    m.heap.memory.u32[slot] = 0;
    m.lifetime.decref(value);
  }
  // Every slot is empty now: an item count of 0 spares the dealloc a walk over them.
  m.heap.memory.u32[(heapFrame + FRAME_COUNT_OFFSET) >>> 2] = 0;
  m.lifetime.decref(heapFrame);
}

/**
 * A returning call drops its frame on the data stack: the locals in slot order, then the
 * function (CPython: `_PyFrame_ClearLocals`, then `f_funcobj` in `_PyFrame_ClearExceptCode`),
 * leaving every word zero for the next frame there. A frame that a frame object looks at was
 * moved to the heap before (see `moveFrameToHeap`), so nothing else can hold this one.
 */
export function releaseStackFrame(m: Machine, record: Ptr, slotCount: number): void {
  const memory = m.heap.memory;
  const lifetime = m.lifetime;
  const locals = (record + FRAME_LOCALS_OFFSET) >>> 2;
  for (let i = 0; i < slotCount; i++) {
    const value = memory.u32[locals + i]!;
    if (value === 0) continue;
    memory.u32[locals + i] = 0;
    lifetime.decref(value);
  }
  const functionSlot = (record + FRAME_FUNCTION_OFFSET) >>> 2;
  const fn = memory.u32[functionSlot]!;
  memory.u32[functionSlot] = 0;
  lifetime.decref(fn);
}

/** Python call depth from which calls check the JavaScript stack (shallower code never nears it). */
const STACK_CHECK_DEPTH = 64;

/** Small JavaScript frames that must still fit (≈ 100 KB): room for any heap operation under way. */
const STACK_HEADROOM_FRAMES = 1500;

/** Recurses `frames` levels: the JavaScript stack probe of {@link hasStackHeadroom}. */
function probe(frames: number): number {
  return frames === 0 ? 0 : 1 + probe(frames - 1);
}

/**
 * Whether the JavaScript stack still has room for another Python frame and whatever heap work
 * (deallocation cascades, finalizers) it may start. Running out of JavaScript stack in the middle
 * of a reference count update would leave the heap inconsistent, so deep recursion is stopped
 * with RecursionError before that can happen — at CPython's limit for plain recursion, earlier
 * for recursion through nested expressions. Checked every 4th level past
 * {@link STACK_CHECK_DEPTH}.
 */
export function hasStackHeadroom(depth: number): boolean {
  if (depth < STACK_CHECK_DEPTH || (depth & 3) !== 0) return true;
  try {
    probe(STACK_HEADROOM_FRAMES);
    return true;
  } catch {
    return false;
  }
}
