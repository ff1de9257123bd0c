import type { Ptr } from "@pymem/core";
import { internalHeap } from "@pymem/heap/internal";
import type { SourceRange } from "../ast.js";
import { type Frame, NO_RANGE } from "./frame.js";
import { closeGenerator, GeneratorState, generatorState } from "./generator-objects.js";
import type { Code, Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";
import {
  CELL_CONTENTS_OFFSET,
  CODE_INDEX_OFFSET,
  clearFrameObjectLocals,
  FRAME_COUNT_OFFSET,
  FRAME_FUNCTION_OFFSET,
  FRAME_LOCALS_OFFSET,
  FRAME_OBJECT_BACK_OFFSET,
  FRAME_OBJECT_CODE_OFFSET,
  FRAME_OBJECT_DATA_OFFSET,
  FRAME_OBJECT_GLOBALS_OFFSET,
  FRAME_OBJECT_LASTI_OFFSET,
  FRAME_OBJECT_LINE_OFFSET,
  FRAME_OBJECT_NAMESPACE_OFFSET,
  FRAME_OBJECT_OFFSET,
  FRAME_OBJECT_OWNER_OFFSET,
  FRAME_OBJECT_SIZE,
  FRAME_OBJECT_TRACE_OFFSET,
  FrameOwner,
  FUNCTION_CODE_OFFSET,
  MODULE_DICT_OFFSET,
  releaseFrameReference,
} from "./object-layouts.js";

/**
 * Python-visible frame objects, made on demand as in CPython 3.11+ (`_PyFrame_GetFrameObject`):
 * a call runs in an interpreter frame (the heap record holding its locals, see object-layouts.ts)
 * and a `frame` object is allocated only when something asks for one — `sys._getframe()`, a
 * traceback entry, `gen.gi_frame`. While the call runs, the frame object reads the live frame
 * (its line, its caller); when the call returns and the frame object is still referenced, it
 * takes the interpreter frame over (`take_ownership`): it records the line and its caller's frame
 * object, is tracked by the collector from then on and reports the locals through its traverse.
 *
 * Positions (`f_lasti`, `tb_lasti`) are pymem's own: twice an index into a per-interpreter table
 * of the source ranges frames stopped at, so the `traceback` module can find the columns of the
 * failing expression (CPython reads them from `co_positions()` at the instruction offset).
 *
 * @module
 */

/** Per-interpreter state of frame objects. */
interface FrameObjectRuntime {
  /** Frame objects whose interpreter frame a call or a generator still owns → its JS record. */
  readonly live: Map<Ptr, Frame>;
  /** Source ranges by position id (0 is "no position"). */
  readonly positions: SourceRange[];
  readonly positionIds: Map<SourceRange, number>;
  /** Code table index of module and class-body code (functions carry theirs). */
  readonly codeIndexes: Map<Code, number>;
}

const runtimes = new WeakMap<Machine, FrameObjectRuntime>();

function runtimeOf(m: Machine): FrameObjectRuntime {
  let runtime = runtimes.get(m);
  if (runtime === undefined) {
    runtime = {
      live: new Map(),
      positions: [NO_RANGE],
      positionIds: new Map(),
      codeIndexes: new Map(),
    };
    runtimes.set(m, runtime);
    // CPython: frame_methods.
    const isFrame = (obj: Ptr): boolean => m.typeIdOf(obj) === m.types.frameObject;
    defineTypeMethod(m, "frame", isFrame, "clear", 0, 0, false, (self) => {
      clearFrame(m, self);
      return m.incref(m.heap.none);
    });
  }
  return runtime;
}

/**
 * The position id of a source range (the value `f_lasti` and `tb_lasti` report, halved).
 *
 * @example
 * ```ts
 * heap.memory.u32[(tb + TRACEBACK_LASTI_OFFSET) >>> 2] = 2 * positionId(machine, frame.node);
 * ```
 */
export function positionId(m: Machine, range: SourceRange): number {
  if (range === NO_RANGE) return 0;
  const runtime = runtimeOf(m);
  let id = runtime.positionIds.get(range);
  if (id === undefined) {
    id = runtime.positions.length;
    runtime.positions.push(range);
    runtime.positionIds.set(range, id);
  }
  return id;
}

/**
 * The source range of an `f_lasti` / `tb_lasti` value, or undefined for none.
 *
 * @example
 * ```ts
 * const range = positionOf(machine, lasti); // line, column, endLine, endColumn
 * ```
 */
export function positionOf(m: Machine, lasti: number): SourceRange | undefined {
  const range = runtimeOf(m).positions[lasti >>> 1];
  return range === NO_RANGE ? undefined : range;
}

/** The code table index of the code a JS frame record runs. */
function codeIndexOf(m: Machine, frame: Frame): number {
  const fn = m.heap.memory.u32[(frame.heapFrame + FRAME_FUNCTION_OFFSET) >>> 2]!;
  if (fn !== 0) return m.field(fn, FUNCTION_CODE_OFFSET);
  const runtime = runtimeOf(m);
  let index = runtime.codeIndexes.get(frame.code);
  if (index === undefined) {
    index = m.codes.indexOf(frame.code);
    if (index < 0) {
      index = m.codes.length;
      m.codes.push(frame.code);
    }
    runtime.codeIndexes.set(frame.code, index);
  }
  return index;
}

/**
 * The frame object of a running (or suspended generator's) frame, made on first use: a new
 * reference. The interpreter frame holds it from then on (`frame_obj`). CPython:
 * `_PyFrame_GetFrameObject` → `_PyFrame_MakeAndSetFrameObject` (untracked until it owns the frame).
 *
 * @example
 * ```ts
 * const frameObject = frameObjectOf(machine, machine.framePool[machine.depth]!);
 * ```
 */
export function frameObjectOf(m: Machine, frame: Frame): Ptr {
  const heap = m.heap;
  if (frame.onDataStack) moveFrameToHeap(m, frame);
  const slot = (frame.heapFrame + FRAME_OBJECT_OFFSET) >>> 2;
  const existing = heap.memory.u32[slot]!;
  if (existing !== 0) return m.incref(existing);
  const internal = internalHeap(heap);
  const frameObject = internal.allocateObject(m.types.frameObject, FRAME_OBJECT_SIZE, true);
  heap.memory.u8.fill(0, frameObject + 8, frameObject + FRAME_OBJECT_SIZE);
  internal.collectorAllocated(frameObject);
  const u32 = heap.memory.u32;
  const at = (offset: number): number => (frameObject + offset) >>> 2;
  u32[at(FRAME_OBJECT_DATA_OFFSET)] = frame.heapFrame;
  u32[at(FRAME_OBJECT_GLOBALS_OFFSET)] = m.incref(frame.globals);
  const namespace = frame.code.kind === "module" ? frame.globals : frame.namespace;
  if (frame.code.kind !== "function" && namespace !== 0)
    u32[at(FRAME_OBJECT_NAMESPACE_OFFSET)] = m.incref(namespace);
  u32[at(FRAME_OBJECT_CODE_OFFSET)] = codeIndexOf(m, frame);
  u32[at(FRAME_OBJECT_OWNER_OFFSET)] =
    frame.generator !== 0 ? FrameOwner.GENERATOR : FrameOwner.THREAD;
  // The interpreter frame owns the allocation's reference.
  u32[slot] = frameObject;
  runtimeOf(m).live.set(frameObject, frame);
  return m.incref(frameObject);
}

/**
 * Moves a running call's interpreter frame from the data stack to a heap object of the same
 * layout, with its function and locals (the references move, no count changes), and zeroes
 * the data-stack record: a frame object may outlive the call and then owns its frame. Nothing
 * has cached the record's address across this — compiled code reads `frame.locals` at each
 * access and the call reads `frame.heapFrame` when it returns. CPython makes the frame
 * object's room for the frame along with it (`_PyFrame_New_NoTrack` sized for the code) and
 * copies the frame there when the call returns (`take_ownership`); moving it now keeps one
 * owner of the locals at every moment.
 */
function moveFrameToHeap(m: Machine, frame: Frame): void {
  const heap = m.heap;
  const slotCount = frame.code.slotNames.length;
  const heapFrame = heap.allocate(m.types.frame, slotCount);
  const u32 = heap.memory.u32;
  const record = frame.heapFrame;
  const end = (record + FRAME_LOCALS_OFFSET + 4 * slotCount) >>> 2;
  u32.copyWithin(
    (heapFrame + FRAME_FUNCTION_OFFSET) >>> 2,
    (record + FRAME_FUNCTION_OFFSET) >>> 2,
    end,
  );
  u32.fill(0, (record + FRAME_FUNCTION_OFFSET) >>> 2, end);
  frame.heapFrame = heapFrame;
  frame.locals = heapFrame + FRAME_LOCALS_OFFSET;
  frame.onDataStack = false;
}

/** Whether a JS frame record is on the running stack now (not a suspended generator's). */
function isExecuting(m: Machine, frame: Frame): boolean {
  return frame.depth <= m.depth + 1 && m.framePool[frame.depth] === frame;
}

/**
 * The owner of an interpreter frame lets go of it (a returning call, a finished generator) while
 * its frame object exists: a frame object still referenced elsewhere takes the interpreter frame
 * over, with the owner's reference to it, and this returns true; otherwise the frame object is
 * dropped and the caller releases the locals. `caller` is the frame that ran it, when that is not
 * the one below it on the stack (a finished generator's resumer). CPython:
 * `_PyFrame_ClearExceptCode` with `take_ownership`.
 *
 * @example
 * ```ts
 * if (heap.memory.u32[(iframe + FRAME_OBJECT_OFFSET) >>> 2] !== 0 && detachFrameObject(m, iframe)) return;
 * ```
 */
export function detachFrameObject(m: Machine, iframe: Ptr, caller?: Frame): boolean {
  const heap = m.heap;
  const u32 = heap.memory.u32;
  const frameObject = u32[(iframe + FRAME_OBJECT_OFFSET) >>> 2]!;
  u32[(iframe + FRAME_OBJECT_OFFSET) >>> 2] = 0;
  const runtime = runtimeOf(m);
  const frame = runtime.live.get(frameObject);
  runtime.live.delete(frameObject);
  const at = (offset: number): number => (frameObject + offset) >>> 2;
  if (u32[frameObject >>> 2]! > 1 && frame !== undefined) {
    // A resumer whose call already returned (a generator finalized at shutdown) is no caller.
    const back = caller !== undefined && caller.heapFrame !== 0 ? caller : runningCaller(m, frame);
    takeOwnership(m, frameObject, frame, back);
    m.decref(frameObject);
    return true;
  }
  u32[at(FRAME_OBJECT_DATA_OFFSET)] = 0;
  u32[at(FRAME_OBJECT_OWNER_OFFSET)] = FrameOwner.CLEARED;
  m.decref(frameObject);
  return false;
}

/** The frame that called a running frame (CPython: `frame->previous`), if any. */
function runningCaller(m: Machine, frame: Frame): Frame | undefined {
  const caller =
    frame.depth > 0 && isExecuting(m, frame) ? m.framePool[frame.depth - 1] : undefined;
  return caller?.heapFrame !== 0 ? caller : undefined;
}

/** CPython: `take_ownership` — the frame object keeps the locals, its line and its caller. */
function takeOwnership(
  m: Machine,
  frameObject: Ptr,
  frame: Frame,
  caller: Frame | undefined,
): void {
  const heap = m.heap;
  const at = (offset: number): number => (frameObject + offset) >>> 2;
  heap.memory.u32[at(FRAME_OBJECT_LINE_OFFSET)] = lineOf(frame);
  heap.memory.u32[at(FRAME_OBJECT_LASTI_OFFSET)] = 2 * positionId(m, frame.node);
  if (caller !== undefined) {
    try {
      // Made before the store: making it may grow the memory, and a view read before would
      // write into the old buffer.
      const back = frameObjectOf(m, caller);
      heap.memory.u32[at(FRAME_OBJECT_BACK_OFFSET)] = back;
    } catch {
      // No memory for the caller's frame object: f_back stays None, as in CPython.
    }
  }
  heap.memory.u32[at(FRAME_OBJECT_OWNER_OFFSET)] = FrameOwner.FRAME_OBJECT;
  internalHeap(heap).track(frameObject);
}

/** `f_lineno` of a live frame: its statement's line, the code's first line before it started. */
function lineOf(frame: Frame): number {
  return frame.node !== NO_RANGE ? frame.node.line : frame.code.line;
}

/**
 * Releases an interpreter frame its owner lets go of — to its frame object if that is still
 * referenced, else the locals in slot order (CPython: `_PyFrame_ClearExceptCode`). `caller` is
 * the frame that was running it (a generator's resumer), if any: the frame object's `f_back`.
 *
 * @example
 * ```ts
 * releaseInterpreterFrame(machine, iframe); // a generator finished
 * ```
 */
export function releaseInterpreterFrame(m: Machine, iframe: Ptr, caller?: Frame): void {
  const u32 = m.heap.memory.u32;
  if (u32[iframe >>> 2] === 1 && u32[(iframe + FRAME_OBJECT_OFFSET) >>> 2] !== 0)
    if (detachFrameObject(m, iframe, caller)) return;
  releaseFrameReference(m.heap, iframe);
}

/** The frame object's code. */
function codeOfFrameObject(m: Machine, frameObject: Ptr): Code {
  return m.codes[m.field(frameObject, FRAME_OBJECT_CODE_OFFSET)]!;
}

/** A live frame object's JS record, or undefined once it owns its frame (or was cleared). */
function liveFrame(m: Machine, frameObject: Ptr): Frame | undefined {
  const owner = m.field(frameObject, FRAME_OBJECT_OWNER_OFFSET);
  if (owner === FrameOwner.FRAME_OBJECT || owner === FrameOwner.CLEARED) return undefined;
  return runtimeOf(m).live.get(frameObject);
}

/**
 * The bound local variables of a frame object, in slot order — cells and free variables by
 * their contents, hidden comprehension slots left out (CPython: `framelocalsproxy_iter`). Values
 * are borrowed.
 *
 * @example
 * ```ts
 * for (const [name, value] of frameLocals(machine, frameObject)) …
 * ```
 */
export function frameLocals(m: Machine, frameObject: Ptr): Array<[string, Ptr]> {
  const iframe = m.field(frameObject, FRAME_OBJECT_DATA_OFFSET);
  const result: Array<[string, Ptr]> = [];
  if (iframe === 0) return result;
  const code = codeOfFrameObject(m, frameObject);
  const u32 = m.heap.memory.u32;
  const count = u32[(iframe + FRAME_COUNT_OFFSET) >>> 2]!;
  code.slotNames.forEach((name, slot) => {
    if (name.startsWith("<") || slot >= count) return;
    let value = u32[(iframe + FRAME_LOCALS_OFFSET + 4 * slot) >>> 2]!;
    if (value !== 0 && isCellSlot(code, slot)) value = m.field(value, CELL_CONTENTS_OFFSET);
    if (value !== 0) result.push([name, value]);
  });
  return result;
}

function isCellSlot(code: Code, slot: number): boolean {
  return (
    code.cellSlots.includes(slot) ||
    (code.freeCount > 0 && slot >= code.freeStart && slot < code.freeStart + code.freeCount)
  );
}

/**
 * `frame.f_locals[name] = value` for a function frame: writes the local (or its cell) in place
 * (CPython: `framelocalsproxy_setitem`). Returns false when `name` is not a local of the code.
 *
 * @example
 * ```ts
 * storeFrameLocal(machine, frameObject, "x", value);
 * ```
 */
export function storeFrameLocal(m: Machine, frameObject: Ptr, name: string, value: Ptr): boolean {
  const iframe = m.field(frameObject, FRAME_OBJECT_DATA_OFFSET);
  const code = codeOfFrameObject(m, frameObject);
  const slot = code.slotNames.indexOf(name);
  if (iframe === 0 || slot < 0 || name.startsWith("<")) return false;
  const u32 = m.heap.memory.u32;
  if (slot >= u32[(iframe + FRAME_COUNT_OFFSET) >>> 2]!) return false;
  let address = iframe + FRAME_LOCALS_OFFSET + 4 * slot;
  const local = u32[address >>> 2]!;
  if (local !== 0 && isCellSlot(code, slot)) address = local + CELL_CONTENTS_OFFSET;
  const old = u32[address >>> 2]!;
  u32[address >>> 2] = m.incref(value);
  if (old !== 0) m.decref(old);
  return true;
}

/**
 * A frame object's attribute (CPython: `frame_getsetlist`, `frame_memberlist`): a new reference,
 * or 0 for a name it does not have. `f_locals` of a function frame is made by `makeLocalsProxy`.
 *
 * @example
 * ```ts
 * frameAttribute(machine, frameObject, "f_lineno", proxy);
 * ```
 */
export function frameAttribute(
  m: Machine,
  frameObject: Ptr,
  name: string,
  makeLocalsProxy: (frameObject: Ptr) => Ptr,
): Ptr {
  const heap = m.heap;
  const frame = liveFrame(m, frameObject);
  switch (name) {
    case "f_back": {
      if (frame === undefined)
        return m.incref(m.field(frameObject, FRAME_OBJECT_BACK_OFFSET) || heap.none);
      const caller = runningCaller(m, frame);
      return caller !== undefined ? frameObjectOf(m, caller) : m.incref(heap.none);
    }
    case "f_code": {
      const code = heap.allocate(m.types.code);
      heap.memory.u32[(code + CODE_INDEX_OFFSET) >>> 2] = m.field(
        frameObject,
        FRAME_OBJECT_CODE_OFFSET,
      );
      return code;
    }
    case "f_globals":
      return m.incref(m.field(frameObject, FRAME_OBJECT_GLOBALS_OFFSET));
    case "f_builtins":
      return m.incref(builtinsOf(m, m.field(frameObject, FRAME_OBJECT_GLOBALS_OFFSET)));
    case "f_locals": {
      if (codeOfFrameObject(m, frameObject).kind === "function")
        return makeLocalsProxy(frameObject);
      const namespace = m.field(frameObject, FRAME_OBJECT_NAMESPACE_OFFSET);
      return namespace !== 0 ? m.incref(namespace) : heap.newDict();
    }
    case "f_lineno":
      return m.newInt(
        frame !== undefined ? lineOf(frame) : m.field(frameObject, FRAME_OBJECT_LINE_OFFSET),
      );
    case "f_lasti":
      return m.newInt(
        frame !== undefined
          ? 2 * positionId(m, frame.node)
          : m.field(frameObject, FRAME_OBJECT_LASTI_OFFSET),
      );
    case "f_trace":
      return m.incref(m.field(frameObject, FRAME_OBJECT_TRACE_OFFSET) || heap.none);
    case "f_trace_lines":
      return m.newBool(true);
    case "f_trace_opcodes":
      return m.newBool(false);
    default:
      return 0;
  }
}

/** The builtins dict of a globals dict (CPython: `_PyEval_BuiltinsFromGlobals`). */
function builtinsOf(m: Machine, globals: Ptr): Ptr {
  const builtins = m.heap.dictGetItem(globals, m.name("__builtins__"));
  if (builtins !== 0 && m.typeIdOf(builtins) === m.types.module)
    return m.field(builtins, MODULE_DICT_OFFSET);
  if (builtins !== 0 && m.typeIdOf(builtins) === m.heap.dictType) return builtins;
  return m.builtins;
}

/**
 * `frame.f_trace = value` (None clears it): pymem keeps the function but does not call it.
 *
 * @example
 * ```ts
 * setFrameTrace(machine, frameObject, traceFunction);
 * ```
 */
export function setFrameTrace(m: Machine, frameObject: Ptr, value: Ptr): void {
  const slot = (frameObject + FRAME_OBJECT_TRACE_OFFSET) >>> 2;
  const old = m.heap.memory.u32[slot]!;
  m.heap.memory.u32[slot] = value === 0 || value === m.heap.none ? 0 : m.incref(value);
  if (old !== 0) m.decref(old);
}

/**
 * `frame.clear()` (CPython: `frame_clear`): drops a finished frame's locals; RuntimeError for a
 * running frame or a suspended generator's; a not yet started generator is closed.
 *
 * @example
 * ```ts
 * clearFrame(machine, frameObject);
 * ```
 */
function clearFrame(m: Machine, frameObject: Ptr): void {
  const owner = m.field(frameObject, FRAME_OBJECT_OWNER_OFFSET);
  if (owner === FrameOwner.THREAD) m.raise("RuntimeError", "cannot clear an executing frame");
  if (owner === FrameOwner.GENERATOR) {
    const gen = runtimeOf(m).live.get(frameObject)!.generator;
    const state = generatorState(m, gen);
    if (state === GeneratorState.RUNNING)
      m.raise("RuntimeError", "cannot clear an executing frame");
    if (state === GeneratorState.SUSPENDED)
      m.raise("RuntimeError", "cannot clear a suspended frame");
    // A generator not started yet: CPython's _PyGen_Finalize, which lets go of the frame.
    m.decref(closeGenerator(m, gen));
    return;
  }
  setFrameTrace(m, frameObject, 0);
  clearFrameObjectLocals(m.heap, frameObject);
}

/**
 * `repr(frame)`: `<frame at 0x…, file '…', line N, code f>` (CPython: `frame_repr`).
 *
 * @example
 * ```ts
 * frameRepr(machine, frameObject);
 * ```
 */
export function frameRepr(m: Machine, frameObject: Ptr): string {
  const code = codeOfFrameObject(m, frameObject);
  const frame = liveFrame(m, frameObject);
  const line = frame !== undefined ? lineOf(frame) : m.field(frameObject, FRAME_OBJECT_LINE_OFFSET);
  return `<frame at 0x${frameObject.toString(16).padStart(12, "0")}, file '${code.filename}', line ${line}, code ${code.name}>`;
}

/**
 * `sys._getframe(depth)`: the frame object `depth` calls up the stack (CPython:
 * `sys__getframe_impl`), ValueError past the outermost frame.
 *
 * @example
 * ```ts
 * const caller = getFrame(machine, 1);
 * ```
 */
export function getFrame(m: Machine, depth: number): Ptr {
  const target = m.depth - depth;
  const frame = depth >= 0 && target >= 0 ? m.framePool[target] : undefined;
  if (frame === undefined || frame.heapFrame === 0)
    return m.raise("ValueError", "call stack is not deep enough");
  return frameObjectOf(m, frame);
}
