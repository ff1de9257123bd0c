import { type Ptr, TypeFlags, type TypeId } from "@pymem/core";
import { internalHeap } from "@pymem/heap/internal";
import { sendToDelegate } from "./coroutine-protocol.js";
import { setExceptionCause, setExceptionContext } from "./exception-chaining.js";
import { PyException, StepLimitError } from "./exceptions.js";
import { Completion, Frame, NO_RANGE } from "./frame.js";
import { frameObjectOf, releaseInterpreterFrame } from "./frame-objects.js";
import {
  type Continuation,
  type IteratorRuntime,
  iteratorRuntime,
  registerBuiltinType,
} from "./iterator-objects.js";
import type { Machine } from "./machine.js";
import { warnUnawaitedCoroutine } from "./native-warnings.js";
import {
  CODE_INDEX_OFFSET,
  FRAME_FUNCTION_OFFSET,
  FUNCTION_CODE_OFFSET,
  visitInterpreterFrame,
} from "./object-layouts.js";
import { repr } from "./object-repr.js";
import { hasStackHeadroom, runScheduledCollection } from "./run-loop.js";

/**
 * Generator objects (CPython: Objects/genobject.c): the heap object, its suspended frame, and
 * running it — `next`/`send`/`throw`/`close`, PEP 479's StopIteration check, and the PEP 442
 * finalizer that closes a generator dying while suspended. Coroutines (`async def`, PEP 492) are
 * the same object under another type, as in CPython (`PyCoroObject` shares `_PyGenObject_HEAD`).
 *
 * The generator owns the heap frame its function was called with (the locals) and a
 * continuation: the JavaScript generator compiled from the body (generator-compiler.ts). While
 * it is suspended, the value-stack entries of the expression it stopped in and the exceptions
 * its `except` blocks were handling are set aside in the continuation and reported to
 * collectors by the generator's traverse, so a suspended generator keeps exactly what CPython's
 * keeps alive, and a cycle through it is found and collected (its finalizer runs `finally`
 * blocks with GeneratorExit inside, before the cycle is cleared).
 *
 * ```text
 *  generator GC │ refcnt │ type │ frame │ __name__ │ __qualname__ │ weaklist │ state raw │ continuation raw │
 *               │ code raw │                                                                                36
 * ```
 *
 * @module
 */

/** Generator: its heap frame (locals), 0 once finished. CPython: `gi_iframe`. */
export const GENERATOR_FRAME_OFFSET = 8;
/** Generator: `__name__` (str). CPython: `gi_name`. */
export const GENERATOR_NAME_OFFSET = 12;
/** Generator: `__qualname__` (str). CPython: `gi_qualname`. */
export const GENERATOR_QUALNAME_OFFSET = 16;
/** Generator: the head of its weak reference list. CPython: `gi_weakreflist`. */
export const GENERATOR_WEAKLIST_OFFSET = 20;
/** Generator: a {@link GeneratorState} value (raw). CPython: `gi_frame_state`. */
export const GENERATOR_STATE_OFFSET = 24;
/** Generator: index of its continuation in the runtime's table (raw; meaningless once completed). */
export const GENERATOR_CONTINUATION_OFFSET = 28;
/** Generator: index of its function's code in the interpreter's code table (raw). CPython: `gi_code`. */
export const GENERATOR_CODE_OFFSET = 32;
/** Size of a generator object. */
export const GENERATOR_SIZE = 36;

/**
 * A generator's execution state (CPython: `gi_frame_state`'s FRAME_CREATED, FRAME_SUSPENDED,
 * FRAME_EXECUTING, FRAME_COMPLETED).
 *
 * @example
 * ```ts
 * generatorState(machine, gen) === GeneratorState.SUSPENDED;
 * ```
 */
export const GeneratorState = { CREATED: 0, SUSPENDED: 1, RUNNING: 2, COMPLETED: 3 } as const;

/**
 * How a generator is resumed: `next()`/`send(v)`, or `throw(e)`.
 *
 * @example
 * ```ts
 * resumeGenerator(machine, gen, ResumeMode.THROW, exceptionInstance);
 * ```
 */
export const ResumeMode = { SEND: 0, THROW: 1 } as const;

/**
 * A generator's body compiled for suspension: given the generator's JS frame record, a
 * JavaScript generator that yields each yielded value (a new reference), receives each sent
 * value (a new reference) and returns the body's completion code.
 *
 * @example
 * ```ts
 * const start: GeneratorBody = function* (f) { const sent = yield value; … return Completion.NORMAL; };
 * ```
 * @internal
 */
export type GeneratorBody = (frame: Frame) => Generator<Ptr, number, Ptr>;

/**
 * The generator type id of `m`'s heap (defined on first use) with its type record.
 *
 * @example
 * ```ts
 * machine.typeIdOf(obj) === generatorType(machine);
 * ```
 */
export function generatorType(m: Machine): TypeId {
  const runtime = iteratorRuntime(m);
  if (runtime.generatorType === 0)
    runtime.generatorType = defineGeneratorType(runtime, "generator");
  registerBuiltinType(m, "generator", runtime.generatorType);
  return runtime.generatorType;
}

/**
 * The coroutine type id of `m`'s heap (defined on first use): an `async def` function's call
 * returns one (CPython: `PyCoro_Type`).
 *
 * @example
 * ```ts
 * machine.typeIdOf(obj) === coroutineType(machine);
 * ```
 */
export function coroutineType(m: Machine): TypeId {
  const runtime = iteratorRuntime(m);
  if (runtime.coroutineType === 0)
    runtime.coroutineType = defineGeneratorType(runtime, "coroutine");
  registerBuiltinType(m, "coroutine", runtime.coroutineType);
  return runtime.coroutineType;
}

/**
 * Whether `obj` is a generator or a coroutine — the objects {@link resumeGenerator} runs.
 *
 * @example
 * ```ts
 * if (isGeneratorLike(machine, it)) resumeGenerator(machine, it, ResumeMode.SEND, none);
 * ```
 */
export function isGeneratorLike(m: Machine, obj: Ptr): boolean {
  const t = m.typeIdOf(obj);
  const runtime = iteratorRuntime(m);
  return (
    t === runtime.generatorType ||
    (t !== 0 && (t === runtime.coroutineType || t === runtime.asyncGeneratorType))
  );
}

/**
 * "generator", "coroutine" or "async generator", for CPython's messages (gen_send_ex2 and
 * friends).
 */
function kindOf(m: Machine, gen: Ptr): string {
  const t = m.typeIdOf(gen);
  const runtime = iteratorRuntime(m);
  if (t === runtime.coroutineType) return "coroutine";
  return t === runtime.asyncGeneratorType ? "async generator" : "generator";
}

/**
 * The state of a generator (a {@link GeneratorState} value).
 *
 * @example
 * ```ts
 * if (generatorState(machine, gen) === GeneratorState.RUNNING) …
 * ```
 */
export function generatorState(m: Machine, gen: Ptr): number {
  return m.heap.memory.u32[(gen + GENERATOR_STATE_OFFSET) >>> 2]!;
}

/**
 * Makes the generator object a generator function's call returns (CPython: `make_gen` from
 * RETURN_GENERATOR): it takes a reference to the call's heap frame, so the frame keeps its
 * locals when the call returns, and the body does not start until the first `next()`.
 *
 * @example
 * ```ts
 * code.body = (f) => { f.returnValue = newGenerator(machine, f, start); return Completion.RETURN; };
 * newGenerator(machine, f, start, coroutineType(machine)); // an `async def`'s coroutine
 * ```
 * @internal
 */
export function newGenerator(
  m: Machine,
  f: Frame,
  body: GeneratorBody,
  type: TypeId = generatorType(m),
): Ptr {
  const heap = m.heap;
  const gen = heap.allocate(type);
  const u32 = heap.memory.u32;
  // The generator owns the frame from now on and reports its contents to collectors.
  u32[(gen + GENERATOR_FRAME_OFFSET) >>> 2] = m.incref(f.heapFrame);
  const frame = new Frame();
  frame.code = f.code;
  frame.locals = f.locals;
  frame.heapFrame = f.heapFrame;
  frame.globals = f.globals;
  frame.generator = gen;
  const continuation: Continuation = {
    iterator: body(frame),
    frame,
    saved: [],
    savedCount: 0,
    handling: [],
  };
  // Complete before the names are interned: a collection their allocation triggers traverses
  // the generator.
  u32[(gen + GENERATOR_CONTINUATION_OFFSET) >>> 2] =
    iteratorRuntime(m).addContinuation(continuation);
  u32[(gen + GENERATOR_STATE_OFFSET) >>> 2] = GeneratorState.CREATED;
  const fn = u32[(f.heapFrame + FRAME_FUNCTION_OFFSET) >>> 2]!;
  u32[(gen + GENERATOR_CODE_OFFSET) >>> 2] = u32[(fn + FUNCTION_CODE_OFFSET) >>> 2]!;
  // The code's names, interned as CPython's co_name and co_qualname are (gen_new_with_qualname
  // takes references to them): no new str per generator. Interning may allocate and grow the
  // memory: store through fresh views.
  try {
    const name = m.incref(m.name(f.code.name));
    heap.memory.u32[(gen + GENERATOR_NAME_OFFSET) >>> 2] = name;
    const qualifiedName = m.incref(m.name(f.code.qualifiedName));
    heap.memory.u32[(gen + GENERATOR_QUALNAME_OFFSET) >>> 2] = qualifiedName;
  } catch (error) {
    m.decref(gen); // a MemoryError interning a name: the unstarted generator is nobody's
    throw error;
  }
  return gen;
}

/**
 * Runs a generator until it yields or finishes (CPython: `gen_send_ex2`). `value` is the value
 * sent (SEND; owned, None for `next()`) or the exception instance thrown in (THROW; owned).
 * Returns the yielded value (a new reference), or 0 when the generator returned: its return
 * value is then in `runtime.generatorReturn` (a new reference the caller takes). An exception
 * the body raises propagates (a StopIteration becomes RuntimeError, PEP 479).
 *
 * @example
 * ```ts
 * const item = resumeGenerator(machine, gen, ResumeMode.SEND, machine.incref(machine.heap.none));
 * ```
 */
export function resumeGenerator(m: Machine, gen: Ptr, mode: number, value: Ptr): Ptr {
  const heap = m.heap;
  const runtime = iteratorRuntime(m);
  const stateIndex = (gen + GENERATOR_STATE_OFFSET) >>> 2;
  const state = heap.memory.u32[stateIndex]!;
  if (state === GeneratorState.RUNNING) {
    m.decref(value);
    m.raise("ValueError", `${kindOf(m, gen)} already executing`);
  }
  if (state === GeneratorState.COMPLETED) {
    if (mode === ResumeMode.THROW) throw m.exception(value);
    m.decref(value);
    // CPython: gen_send_ex2 — an exhausted coroutine cannot be awaited or sent to again.
    if (kindOf(m, gen) === "coroutine")
      m.raise("RuntimeError", "cannot reuse already awaited coroutine");
    runtime.generatorReturn = 0;
    return 0;
  }
  if (state === GeneratorState.CREATED && mode === ResumeMode.SEND && value !== heap.none) {
    m.decref(value);
    m.raise("TypeError", `can't send non-None value to a just-started ${kindOf(m, gen)}`);
  }
  if (state === GeneratorState.CREATED && mode === ResumeMode.THROW) {
    // CPython raises it at the generator's first line without running the body.
    finishGenerator(m, gen);
    throw m.exception(value);
  }
  const continuation =
    runtime.continuations[heap.memory.u32[(gen + GENERATOR_CONTINUATION_OFFSET) >>> 2]!]!;
  // Each resumed generator nests JavaScript frames (the continuation's): stop with
  // RecursionError before the JavaScript stack could run out in the middle of heap work.
  if (m.depth + 1 >= m.recursionLimit || !hasStackHeadroom(m.depth)) {
    m.decref(value);
    m.raise("RecursionError", "maximum recursion depth exceeded");
  }
  const frame = continuation.frame;
  const depth = ++m.depth;
  frame.depth = depth;
  // While it runs, the generator's frame is the one at its depth (what frames() and tracebacks
  // read; CPython: the generator's _PyInterpreterFrame linked into the thread's frame stack);
  // the pooled frame it stands in for is put back when it suspends or ends.
  const pooled = m.framePool[depth];
  m.framePool[depth] = frame;
  const base = m.sp;
  frame.stackBase = base;
  // Setting an array's `length` is a runtime call in V8: `saved` keeps its length, `savedCount`
  // says how much of it is live; `handling` is usually empty.
  const savedCount = continuation.savedCount;
  if (savedCount !== 0) {
    const saved = continuation.saved;
    for (let i = 0; i < savedCount; i++) m.push(saved[i]!);
    continuation.savedCount = 0;
  }
  const handlingBase = m.handling.length;
  if (continuation.handling.length !== 0) {
    m.handling.push(...continuation.handling);
    continuation.handling.length = 0;
  }
  heap.memory.u32[stateIndex] = GeneratorState.RUNNING;
  const iterator = continuation.iterator!;
  // The step's outcome, read apart so that a send to a delegated sub-iterator allocates nothing.
  let done = false;
  let result: Ptr | number;
  try {
    if (mode === ResumeMode.THROW) {
      const step = iterator.throw(m.exception(value));
      done = step.done === true;
      result = step.value;
    } else {
      // CPython: the RESUME after RETURN_GENERATOR or a yield (a throw() goes to the handler).
      if (m.collectionScheduled) runScheduledCollection(m);
      const slot = frame.delegateSlot;
      result = slot < 0 ? 0 : sendToDelegate(m, frame, slot, value);
      if (result === 0) {
        const step = iterator.next(slot < 0 ? value : 0);
        done = step.done === true;
        result = step.value;
      }
    }
  } catch (thrown) {
    m.depth = depth - 1;
    restorePooledFrame(m, depth, pooled);
    m.unwindTo(base);
    if (m.handling.length !== handlingBase) m.handling.length = handlingBase;
    if (thrown instanceof StepLimitError) {
      finishGenerator(m, gen, m.framePool[m.depth]);
      throw thrown;
    }
    const error = m.toPyException(thrown);
    // The traceback entry takes the frame before the generator lets go of it.
    if (frame.node !== NO_RANGE) m.record(error, frame);
    finishGenerator(m, gen, m.framePool[m.depth]);
    const kind = kindOf(m, gen);
    if (isStopIteration(m, error.value)) throw stopToRuntimeError(m, error, kind, "StopIteration");
    // CPython: gen_send_ex2 — an async generator may not raise StopAsyncIteration either.
    if (kind === "async generator" && isInstanceOf(m, error.value, "StopAsyncIteration"))
      throw stopToRuntimeError(m, error, kind, "StopAsyncIteration");
    throw error;
  }
  m.depth = depth - 1;
  restorePooledFrame(m, depth, pooled);
  if (done) {
    m.unwindTo(base);
    const returned = result === Completion.RETURN ? frame.returnValue : m.incref(heap.none);
    frame.returnValue = 0;
    finishGenerator(m, gen, m.framePool[m.depth]);
    runtime.generatorReturn = returned;
    return 0;
  }
  // Suspended: set aside the value stack above the level it was resumed at, and the
  // exceptions its handlers are in the middle of handling.
  const saved = continuation.saved;
  let count = 0;
  for (let i = base; i < m.sp; i++) {
    saved[count++] = m.stack[i]!;
    m.stack[i] = 0;
  }
  continuation.savedCount = count;
  m.sp = base;
  if (m.handling.length !== handlingBase) {
    for (let i = handlingBase; i < m.handling.length; i++)
      continuation.handling.push(m.handling[i]!);
    m.handling.length = handlingBase;
  }
  heap.memory.u32[stateIndex] = GeneratorState.SUSPENDED;
  return result;
}

/**
 * `gen.close()` (CPython: `gen_close`): throws GeneratorExit in at the suspended `yield`; returns
 * the generator's return value (a new reference, None when it raised GeneratorExit or
 * StopIteration) and raises RuntimeError when it yields instead.
 *
 * @example
 * ```ts
 * machine.decref(closeGenerator(machine, gen));
 * ```
 */
export function closeGenerator(m: Machine, gen: Ptr): Ptr {
  const heap = m.heap;
  const state = generatorState(m, gen);
  if (state === GeneratorState.CREATED) {
    finishGenerator(m, gen);
    return m.incref(heap.none);
  }
  if (state === GeneratorState.COMPLETED) return m.incref(heap.none);
  const runtime = iteratorRuntime(m);
  let yielded: Ptr;
  try {
    yielded = resumeGenerator(m, gen, ResumeMode.THROW, m.newException("GeneratorExit", undefined));
  } catch (thrown) {
    if (thrown instanceof PyException) {
      const record = m.recordOf(thrown.value);
      if (
        m.isSubtype(record, m.builtinType("GeneratorExit")) ||
        m.isSubtype(record, m.builtinType("StopIteration"))
      ) {
        thrown.release(m);
        return m.incref(heap.none);
      }
    }
    throw thrown;
  }
  if (yielded !== 0) {
    m.decref(yielded);
    m.raise("RuntimeError", `${kindOf(m, gen)} ignored GeneratorExit`);
  }
  const result = runtime.generatorReturn;
  runtime.generatorReturn = 0;
  return result;
}

/** Whether `value` is a StopIteration instance. */
function isStopIteration(m: Machine, value: Ptr): boolean {
  return isInstanceOf(m, value, "StopIteration");
}

/** Whether `value` is an instance of the built-in exception type `typeName`. */
function isInstanceOf(m: Machine, value: Ptr, typeName: string): boolean {
  return m.isSubtype(m.recordOf(value), m.builtinType(typeName));
}

/**
 * PEP 479: a StopIteration escaping a generator (PEP 525: a StopIteration or StopAsyncIteration
 * escaping an async generator) becomes RuntimeError caused by it (CPython:
 * `_PyGen_SetStopIterationValue`'s caller sets both `__cause__` and `__context__`).
 */
function stopToRuntimeError(
  m: Machine,
  error: PyException,
  kind: string,
  stopName: string,
): PyException {
  const replacement = new PyException(
    m.newException("RuntimeError", `${kind} raised ${stopName}`),
    undefined,
  );
  setExceptionContext(m, replacement.value, error.value);
  setExceptionCause(m, replacement.value, error.value);
  replacement.cause = error;
  replacement.suppressContext = true;
  return replacement;
}

/**
 * A finished generator lets go of its frame — the locals die in slot order unless its frame
 * object is still referenced, which then takes it over (with `resumer`'s frame as its `f_back`
 * when the generator finished running) — and of its continuation (CPython: `gen_send_ex2`
 * clearing the frame on return or error).
 */
function finishGenerator(m: Machine, gen: Ptr, resumer?: Frame): void {
  const heap = m.heap;
  const u32 = heap.memory.u32;
  const stateIndex = (gen + GENERATOR_STATE_OFFSET) >>> 2;
  const state = u32[stateIndex]!;
  u32[stateIndex] = GeneratorState.COMPLETED;
  const frame = u32[(gen + GENERATOR_FRAME_OFFSET) >>> 2]!;
  u32[(gen + GENERATOR_FRAME_OFFSET) >>> 2] = 0;
  // A frame object still referenced takes the frame over (and reports its locals from now on).
  if (frame !== 0) releaseInterpreterFrame(m, frame, resumer);
  if (state === GeneratorState.COMPLETED) return;
  const runtime = iteratorRuntime(m);
  const index = u32[(gen + GENERATOR_CONTINUATION_OFFSET) >>> 2]!;
  const continuation = runtime.continuations[index]!;
  runtime.dropContinuation(index);
  continuation.iterator = undefined;
  // A generator dropped while suspended (its finalizer already ran or failed): the value
  // stack entries, then the exceptions it was handling.
  const saved = continuation.saved.slice(0, continuation.savedCount);
  continuation.savedCount = 0;
  for (const value of saved) if (value !== 0) m.decref(value);
  const handling = continuation.handling.splice(0);
  for (const error of handling) error.release(m);
}

/**
 * What a type built on the generator's layout adds to it (the async generator: PEP 525's
 * `PyAsyncGenObject` extends `_PyGenObject_HEAD` the same way).
 *
 * @example
 * ```ts
 * defineGeneratorType(iteratorRuntime(machine), "async_generator", { basicSize: 40, references: [32], finalize });
 * ```
 * @internal
 */
export interface GeneratorTypeExtension {
  /** The object's size, at least {@link GENERATOR_SIZE}. */
  readonly basicSize: number;
  /** Offsets of further owned references, after the generator's fields. */
  readonly references: readonly number[];
  /**
   * Runs before the generator's own finalizer, after the weak references are cleared; returns
   * true when it dealt with the object (CPython: `_PyGen_Finalize`'s async generator branch,
   * which calls the finalizer hook instead of closing).
   */
  readonly finalize: (gen: Ptr) => boolean;
}

/**
 * Defines a type with the generator's layout and hooks — traverse, clear, the PEP 442
 * finalizer, dealloc — named `name` ("generator", "coroutine", "async_generator").
 *
 * @example
 * ```ts
 * const id = defineGeneratorType(iteratorRuntime(machine), "generator");
 * ```
 * @internal
 */
export function defineGeneratorType(
  runtime: IteratorRuntime,
  name: string,
  extension?: GeneratorTypeExtension,
): TypeId {
  const m = runtime.machine;
  const heap = m.heap;
  const ownedFields = [
    GENERATOR_NAME_OFFSET,
    GENERATOR_QUALNAME_OFFSET,
    ...(extension?.references ?? []),
  ];
  let id = 0;
  id = heap.defineType({
    name,
    basicSize: extension?.basicSize ?? GENERATOR_SIZE,
    flags: TypeFlags.GC,
    references: { fixed: ownedFields },
    weaklistOffset: GENERATOR_WEAKLIST_OFFSET,
    // CPython: gen_traverse → _PyFrame_Traverse (the function, the locals, the value stack).
    traverse: (gen, visit) => {
      const u32 = heap.memory.u32;
      const frame = u32[(gen + GENERATOR_FRAME_OFFSET) >>> 2]!;
      if (frame !== 0) visitInterpreterFrame(heap, frame, visit);
      const state = u32[(gen + GENERATOR_STATE_OFFSET) >>> 2]!;
      if (state === GeneratorState.COMPLETED) return;
      const continuation =
        runtime.continuations[u32[(gen + GENERATOR_CONTINUATION_OFFSET) >>> 2]!]!;
      for (let i = 0; i < continuation.savedCount; i++) {
        const value = continuation.saved[i]!;
        if (value !== 0) visit(value);
      }
      for (const error of continuation.handling) if (error.value !== 0) visit(error.value);
    },
    // CPython: frame_tp_clear on the generator's frame — drops what traverse reported.
    clear: (gen) => finishGenerator(runtime.machine, gen),
    // CPython: _PyGen_Finalize — close a suspended generator, reporting what close() raises.
    finalize: (gen) => {
      heap.clearWeakrefs(gen);
      if (extension?.finalize(gen) === true) return;
      finalizeGenerator(runtime, gen);
    },
    // CPython: gen_dealloc — the frame (locals in slot order), then the names.
    dealloc: (gen) => {
      finishGenerator(runtime.machine, gen);
      const u32 = heap.memory.u32;
      const lifetime = internalHeap(heap).requireLifetime();
      for (const offset of ownedFields) {
        const value = u32[(gen + offset) >>> 2]!;
        u32[(gen + offset) >>> 2] = 0;
        if (value !== 0) lifetime.decref(value);
      }
      heap.releaseObject(gen, id);
    },
  });
  return id;
}

/**
 * CPython: `_PyGen_Finalize`, reached from `gen_dealloc` after the generator's weak references
 * were cleared — so the type's finalize hook clears them first (their callbacks run before the
 * generator's `finally` blocks, as in CPython; in a collection they are already cleared).
 */
function finalizeGenerator(runtime: IteratorRuntime, gen: Ptr): void {
  const m = runtime.machine;
  const state = generatorState(m, gen);
  // CPython: _PyGen_Finalize — a coroutine that never started warns that it was never awaited.
  if (state === GeneratorState.CREATED && kindOf(m, gen) === "coroutine")
    warnUnawaitedCoroutine(m, gen);
  if (state === GeneratorState.CREATED || state === GeneratorState.COMPLETED) return;
  const level = m.sp;
  const handling = m.handling.splice(0);
  try {
    m.decref(closeGenerator(m, gen));
  } catch (thrown) {
    m.unwindTo(level);
    if (thrown instanceof StepLimitError) return;
    const error = m.toPyException(thrown);
    try {
      m.stderr(`Exception ignored in: ${repr(m, gen)}\n${m.formatException(error)}`);
    } finally {
      error.release(m);
    }
  } finally {
    m.handling.push(...handling);
  }
}

/**
 * A generator's read-only attributes (CPython: `gen_getsetlist`, `gen_memberlist`): `__name__`,
 * `__qualname__`, `gi_running`, `gi_suspended` — a coroutine's `cr_running`, `cr_suspended`
 * (`coro_getsetlist`), an async generator's `ag_suspended` (`async_gen_getsetlist`), and what a
 * suspended one awaits (`gi_yieldfrom`, `cr_await`, `ag_await`). A new reference, or 0 for any other name.
 *
 * @example
 * ```ts
 * generatorAttribute(machine, gen, "gi_running"); // False while it is not executing
 * ```
 */
export function generatorAttribute(m: Machine, gen: Ptr, name: string): Ptr {
  const u32 = m.heap.memory.u32;
  const kind = kindOf(m, gen);
  const prefix = kind === "coroutine" ? "cr_" : kind === "generator" ? "gi_" : "ag_";
  if (name === "__name__") return m.incref(u32[(gen + GENERATOR_NAME_OFFSET) >>> 2]!);
  if (name === "__qualname__") return m.incref(u32[(gen + GENERATOR_QUALNAME_OFFSET) >>> 2]!);
  // An async generator's `ag_running` is its own flag (async-generator-objects.ts).
  if (name === `${prefix}running` && kind !== "async generator")
    return m.newBool(generatorState(m, gen) === GeneratorState.RUNNING);
  if (name === `${prefix}suspended`)
    return m.newBool(generatorState(m, gen) === GeneratorState.SUSPENDED);
  if (name === `${prefix}frame`) {
    // CPython: _gen_getframe — None once the generator finished.
    if (generatorState(m, gen) === GeneratorState.COMPLETED) return m.incref(m.heap.none);
    const runtime = iteratorRuntime(m);
    const index = u32[(gen + GENERATOR_CONTINUATION_OFFSET) >>> 2]!;
    return frameObjectOf(m, runtime.continuations[index]!.frame);
  }
  if (name === `${prefix}code`) {
    const code = m.heap.allocate(m.types.code);
    u32[(code + CODE_INDEX_OFFSET) >>> 2] = u32[(gen + GENERATOR_CODE_OFFSET) >>> 2]!;
    return code;
  }
  if (name === (kind === "generator" ? "gi_yieldfrom" : `${prefix}await`))
    return m.incref(delegatedTo(m, gen) || m.heap.none);
  return 0;
}

/**
 * The sub-iterator a suspended generator's `yield from` / `await` delegates to (borrowed), or 0
 * (CPython: `_PyGen_yf`, read by `gi_yieldfrom`, `cr_await`, `ag_await`).
 */
function delegatedTo(m: Machine, gen: Ptr): Ptr {
  if (generatorState(m, gen) !== GeneratorState.SUSPENDED) return 0;
  const u32 = m.heap.memory.u32;
  const continuation =
    iteratorRuntime(m).continuations[u32[(gen + GENERATOR_CONTINUATION_OFFSET) >>> 2]!]!;
  const slot = continuation.frame.delegateSlot;
  return slot < 0 ? 0 : (continuation.saved[slot] ?? 0);
}

/**
 * Puts back the pooled frame a resumed generator's frame stood in for (a fresh one when the pool
 * had none at that depth yet): the generator's own frame must never be reused for a call.
 */
function restorePooledFrame(m: Machine, depth: number, pooled: Frame | undefined): void {
  m.framePool[depth] = pooled ?? new Frame();
}
