import type { Ptr } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import type { SourceRange } from "../ast.js";
import { StepLimitError } from "./exceptions.js";
import { Completion, Frame, NO_RANGE } from "./frame.js";
import type { Code, Machine } from "./machine.js";
import {
  BUILTIN_NATIVE_OFFSET,
  BUILTIN_SELF_OFFSET,
  FRAME_COUNT_OFFSET,
  FRAME_FUNCTION_OFFSET,
  FRAME_LOCALS_OFFSET,
  FUNCTION_CLOSURE_OFFSET,
  FUNCTION_CODE_OFFSET,
  FUNCTION_DEFAULTS_OFFSET,
  FUNCTION_GLOBALS_OFFSET,
  METHOD_FUNCTION_OFFSET,
  METHOD_SELF_OFFSET,
  releaseFrameReference,
} from "./object-layouts.js";

/**
 * Calls and frames, as {@link Machine} methods: calling any callable (functions, bound methods,
 * built-ins, classes, weakrefs, objects with `__call__`), binding arguments into a heap frame's
 * local slots, running module and class bodies, releasing frames in CPython's order, and the
 * step and recursion limits (the JavaScript stack is probed so deep recursion ends in
 * RecursionError, never a stack overflow).
 *
 * @module
 */

/**
 * The call and frame methods of {@link Machine}.
 *
 * @example
 * ```ts
 * const result = machine.call(functionObject, [argument], undefined);
 * ```
 */
export interface CallMethods {
  /** Calls `callable` with borrowed arguments; a new reference. */
  call(
    callable: Ptr,
    args: readonly Ptr[],
    keywords: ReadonlyArray<readonly [string, Ptr]> | undefined,
  ): Ptr;

  /**
   * Calls the callable at `stack[base]` with the arguments above it (keyword values last, named
   * by `keywordNames`). Consumes the callable and the arguments (the stack is back at `base`
   * afterwards, also when it throws the entries are left for the unwinder). A new reference.
   */
  callAt(base: number, keywordNames: readonly string[] | undefined): Ptr;

  /** Calls a Python function with `self` (borrowed) prepended to the arguments at `argsBase` (`__call__`, `__init__`). */
  callFunctionObject(
    fn: Ptr,
    self: Ptr,
    argsBase: number,
    names: readonly string[] | undefined,
  ): Ptr;

  /** The arguments at `argsBase` (borrowed) split into positional ones and keyword pairs. */
  argumentsFrom(
    argsBase: number,
    names: readonly string[] | undefined,
  ): { positional: Ptr[]; keywords: Array<[string, Ptr]> };

  /** Calls a built-in function or bound built-in method (CPython: `PyCFunction` call), consuming the arguments. */
  callNative(callee: Ptr, argsBase: number, names: readonly string[] | undefined): Ptr;

  /** Calls a class: `__new__` for built-in types, else a new instance and its `__init__` (CPython: `type_call`). */
  callType(typeObject: Ptr, argsBase: number, names: readonly string[] | undefined): Ptr;

  /** The pooled JS frame record of the next call depth. */
  acquireFrame(): Frame;

  /**
   * Calls a Python function: builds its frame from the arguments on the stack (stolen), runs the
   * body, releases the locals in slot order and the frame (CPython: `_PyEval_EvalFrame`,
   * `initialize_locals`, `clear_thread_frame`). `self` (borrowed, 0 for none) is the first
   * positional argument of a bound method call.
   */
  callFunction(fn: Ptr, self: Ptr, argsBase: number, names: readonly string[] | undefined): Ptr;

  /** Drops a frame's locals in slot order, then the frame (the count read from the frame). */
  releaseFrame(heapFrame: Ptr): void;

  /**
   * A returning call drops its frame: the locals in slot order, then the frame (CPython:
   * `_PyFrame_ClearLocals`) — unless a traceback still holds the frame, which then keeps the
   * locals (CPython: `take_ownership`) until that traceback dies.
   */
  releaseFrameSlots(heapFrame: Ptr, slotCount: number): void;

  /**
   * Binds positional, keyword, default, `*args` and `**kwargs` arguments into the frame's local
   * slots, with CPython's TypeErrors; then creates the cells and copies the closure's free cells.
   */
  bindArguments(
    fn: Ptr,
    code: Code,
    locals: number,
    self: Ptr,
    argsBase: number,
    names: readonly string[] | undefined,
  ): void;

  /**
   * Runs module or class-body code in a fresh frame with the given globals (and namespace for a
   * class body). Module-level names live in dicts; the frame holds only hidden comprehension
   * slots and, for class bodies, the `__class__` cell.
   */
  runBlock(code: Code, globals: Ptr, namespace: Ptr, closure: Ptr): void;

  /** The frame of a class body being run, for reading its `__class__` cell. */
  currentFrame(): Frame | undefined;

  /** Counts a step (a statement or loop iteration) and enforces the limit. */
  step(frame: Frame, node: SourceRange): void;
}

/**
 * The implementation of {@link CallMethods}, installed on `Machine.prototype`.
 *
 * @internal
 *
 * @example
 * ```ts
 * Object.defineProperties(Machine.prototype, Object.getOwnPropertyDescriptors(callMethods));
 * ```
 */
export const callMethods: CallMethods & ThisType<Machine> = {
  /** Calls `callable` with borrowed arguments; a new reference. */
  call(
    callable: Ptr,
    args: readonly Ptr[],
    keywords: ReadonlyArray<readonly [string, Ptr]> | undefined,
  ): Ptr {
    const base = this.sp;
    this.push(this.incref(callable));
    for (const arg of args) this.push(this.incref(arg));
    let names: string[] | undefined;
    if (keywords !== undefined && keywords.length > 0) {
      names = [];
      for (const [name, value] of keywords) {
        names.push(name);
        this.push(this.incref(value));
      }
    }
    try {
      return this.callAt(base, names);
    } catch (error) {
      // Native callers may catch the exception themselves: leave the stack as they found it.
      this.unwindTo(base);
      throw error;
    }
  },

  /**
   * Calls the callable at `stack[base]` with the arguments above it (keyword values last, named
   * by `keywordNames`). Consumes the callable and the arguments (the stack is back at `base`
   * afterwards, also when it throws the entries are left for the unwinder). A new reference.
   */
  callAt(base: number, keywordNames: readonly string[] | undefined): Ptr {
    const callee = this.stack[base]!;
    const t = this.typeIdOf(callee);
    const types = this.types;
    let result: Ptr;
    if (t === types.function) {
      result = this.callFunction(callee, 0, base + 1, keywordNames);
    } else if (t === types.method) {
      // CPython 3.13's CALL unpacks a bound method: the function replaces it on the stack and
      // `self` becomes the first argument, so a temporary method object dies before the call.
      const fn = this.incref(this.field(callee, METHOD_FUNCTION_OFFSET));
      const self = this.incref(this.field(callee, METHOD_SELF_OFFSET));
      this.stack[base] = fn;
      this.push(0);
      this.stack.copyWithin(base + 2, base + 1, this.sp - 1);
      this.stack[base + 1] = self;
      this.decref(callee);
      result = this.callFunction(fn, 0, base + 1, keywordNames);
    } else if (t === types.builtin) {
      result = this.callNative(callee, base + 1, keywordNames);
    } else if (t === types.type) {
      result = this.callType(callee, base + 1, keywordNames);
    } else if (t === this.heap.weakrefType) {
      // CPython: weakref_call — the referent, or None once it is dead.
      if (this.sp !== base + 1) this.raise("TypeError", "weakref() takes no arguments");
      const referent = this.heap.weakrefGet(callee);
      result = this.incref(referent !== 0 ? referent : this.heap.none);
    } else {
      const record = this.records[t];
      const method = record?.user === true ? this.lookupType(record, this.name("__call__")) : 0;
      if (method === 0)
        this.raise("TypeError", `'${this.typeName(callee)}' object is not callable`);
      result = this.callFunctionObject(method, callee, base + 1, keywordNames);
    }
    // The callee itself is still at stack[base].
    this.unwindTo(base);
    return result;
  },

  callFunctionObject(
    fn: Ptr,
    self: Ptr,
    argsBase: number,
    names: readonly string[] | undefined,
  ): Ptr {
    if (this.typeIdOf(fn) === this.types.function)
      return this.callFunction(fn, self, argsBase, names);
    // A callable that is not a plain function: insert self and call generically.
    const args = this.argumentsFrom(argsBase, names);
    return this.call(fn, [self, ...args.positional], args.keywords);
  },

  argumentsFrom(
    argsBase: number,
    names: readonly string[] | undefined,
  ): { positional: Ptr[]; keywords: Array<[string, Ptr]> } {
    const count = this.sp - argsBase;
    const keywordCount = names?.length ?? 0;
    const positional: Ptr[] = [];
    for (let i = 0; i < count - keywordCount; i++) positional.push(this.stack[argsBase + i]!);
    const keywords: Array<[string, Ptr]> = [];
    for (let k = 0; k < keywordCount; k++)
      keywords.push([names![k]!, this.stack[argsBase + count - keywordCount + k]!]);
    return { positional, keywords };
  },

  callNative(callee: Ptr, argsBase: number, names: readonly string[] | undefined): Ptr {
    const entry = this.natives[this.field(callee, BUILTIN_NATIVE_OFFSET)]!;
    const self = this.field(callee, BUILTIN_SELF_OFFSET);
    const { positional, keywords } = this.argumentsFrom(argsBase, names);
    if (self !== 0 && this.typeIdOf(self) !== this.types.module) positional.unshift(self);
    return entry.fn(this.context, positional, keywords);
  },

  callType(typeObject: Ptr, argsBase: number, names: readonly string[] | undefined): Ptr {
    const record = this.recordOfType(typeObject);
    if (!record.instances) {
      // A built-in type: its constructor is the native stored under __new__.
      const typeConstructor = this.lookupType(record, this.name("__new__"));
      if (typeConstructor === 0)
        this.raise("TypeError", `cannot create '${record.name}' instances`);
      return this.callNative(typeConstructor, argsBase, names);
    }
    const heap = this.heap;
    const inst = heap.newInstance(record.id);
    this.push(inst); // owned by the stack until returned
    const instSlot = this.sp - 1;
    const argCount = instSlot - argsBase;
    if (record.exception) {
      const positional: Ptr[] = [];
      for (let i = 0; i < argCount - (names?.length ?? 0); i++)
        positional.push(this.stack[argsBase + i]!);
      const args = this.newTuple(positional);
      heap.setSlot(inst, "args", args);
      this.decref(args);
    }
    const init = this.lookupType(record, this.name("__init__"));
    if (init !== 0 && this.typeIdOf(init) === this.types.function) {
      // Move the instance below the arguments so they stay in order: self, args…
      this.stack.copyWithin(argsBase + 1, argsBase, instSlot);
      this.stack[argsBase] = inst;
      this.sp = instSlot + 1;
      this.incref(inst);
      let result: Ptr;
      try {
        result = this.callFunction(init, 0, argsBase, names);
      } catch (error) {
        this.decref(inst);
        throw error;
      }
      // callFunction consumed self and the arguments; we still own `inst` (increfed above).
      if (result !== heap.none) {
        const typeName = this.typeName(result);
        this.decref(result);
        this.decref(inst);
        this.raise("TypeError", `__init__() should return None, not '${typeName}'`);
      }
      return inst;
    }
    if (argCount > 0 && !record.exception)
      this.raise("TypeError", `${record.name}() takes no arguments`);
    this.sp = instSlot; // the instance leaves the stack as the result
    this.stack[instSlot] = 0;
    return inst;
  },

  acquireFrame(): Frame {
    let frame = this.framePool[this.depth];
    if (frame === undefined) {
      frame = new Frame();
      this.framePool[this.depth] = frame;
    }
    frame.depth = this.depth;
    return frame;
  },

  /**
   * Calls a Python function: builds its frame from the arguments on the stack (stolen), runs the
   * body, releases the locals in slot order and the frame (CPython: `_PyEval_EvalFrame`,
   * `initialize_locals`, `clear_thread_frame`). `self` (borrowed, 0 for none) is the first
   * positional argument of a bound method call.
   */
  callFunction(fn: Ptr, self: Ptr, argsBase: number, names: readonly string[] | undefined): Ptr {
    const heap = this.heap;
    const code = this.codes[this.field(fn, FUNCTION_CODE_OFFSET)]!;
    if (this.depth + 1 >= this.recursionLimit || !hasStackHeadroom(this.depth))
      this.raise("RecursionError", "maximum recursion depth exceeded");
    const slotCount = code.slotNames.length;
    const heapFrame = heap.allocate(this.types.frame, slotCount);
    heap.memory.u32[(heapFrame + FRAME_FUNCTION_OFFSET) >>> 2] = this.incref(fn);
    const locals = heapFrame + FRAME_LOCALS_OFFSET;
    const depth = ++this.depth;
    const frame = this.acquireFrame();
    frame.code = code;
    frame.locals = locals;
    frame.heapFrame = heapFrame;
    frame.globals = this.field(fn, FUNCTION_GLOBALS_OFFSET);
    frame.namespace = 0;
    frame.returnValue = 0;
    frame.node = NO_RANGE;
    try {
      this.bindArguments(fn, code, locals, self, argsBase, names);
      this.sp = argsBase;
      const completion = code.body(frame);
      const value = completion === Completion.RETURN ? frame.returnValue : heap.none;
      frame.returnValue = 0;
      return value;
    } catch (error) {
      if (frame.returnValue !== 0) {
        this.decref(frame.returnValue);
        frame.returnValue = 0;
      }
      const exception = this.toPyException(error);
      // The traceback keeps the frame (and its locals) until the exception is released.
      if (frame.node !== NO_RANGE) this.record(exception, frame);
      throw exception;
    } finally {
      this.depth = depth - 1;
      this.releaseFrameSlots(heapFrame, slotCount);
    }
  },

  /** Drops a frame's locals in slot order, then the frame (the count read from the frame). */
  releaseFrame(heapFrame: Ptr): void {
    releaseFrameReference(this.heap, heapFrame);
  },

  /**
   * A returning call drops its frame: the locals in slot order, then the frame (CPython:
   * `_PyFrame_ClearLocals`) — unless a traceback still holds the frame, which then keeps the
   * locals (CPython: `take_ownership`) until that traceback dies.
   */
  releaseFrameSlots(heapFrame: Ptr, slotCount: number): void {
    if (this.heap.memory.u32[heapFrame >>> 2]! > 1) {
      this.lifetime.decref(heapFrame);
      return;
    }
    const locals = heapFrame + FRAME_LOCALS_OFFSET;
    for (let i = 0; i < slotCount; i++) {
      const slot = (locals + 4 * i) >>> 2;
      const value = this.heap.memory.u32[slot]!;
      if (value === 0) continue;
      this.heap.memory.u32[slot] = 0;
      this.lifetime.decref(value);
    }
    // Every slot is empty now: an item count of 0 spares the dealloc a walk over them.
    this.heap.memory.u32[(heapFrame + FRAME_COUNT_OFFSET) >>> 2] = 0;
    this.lifetime.decref(heapFrame);
  },

  bindArguments(
    fn: Ptr,
    code: Code,
    locals: number,
    self: Ptr,
    argsBase: number,
    names: readonly string[] | undefined,
  ): void {
    const heap = this.heap;
    const stack = this.stack;
    const count = this.sp - argsBase;
    const keywordCount = names?.length ?? 0;
    const positionalCount = count - keywordCount;
    const argumentCount = code.argumentCount;
    let next = 0;
    // Locals are written straight into the frame (no closure per call: this is the call path).
    const base = locals >>> 2;
    if (
      keywordCount === 0 &&
      self === 0 &&
      positionalCount === argumentCount &&
      code.varargSlot < 0 &&
      code.kwargSlot < 0 &&
      code.cellSlots.length === 0 &&
      code.freeCount === 0
    ) {
      // The common call `f(a, b)`: the arguments move from the stack into the first slots.
      const u32 = heap.memory.u32;
      for (let i = 0; i < argumentCount; i++) {
        u32[base + i] = stack[argsBase + i]!;
        stack[argsBase + i] = 0;
      }
      return;
    }
    if (self !== 0) {
      if (argumentCount === 0 && code.varargSlot < 0)
        this.raise(
          "TypeError",
          `${code.qualifiedName}() takes 0 positional arguments but 1 was given`,
        );
      if (argumentCount > 0) storeLocal(heap, base, next++, this.incref(self));
    }
    const extra: Ptr[] = [];
    if (self !== 0 && argumentCount === 0) extra.push(this.incref(self));
    for (let i = 0; i < positionalCount; i++) {
      const value = stack[argsBase + i]!;
      if (next < argumentCount) {
        stack[argsBase + i] = 0;
        storeLocal(heap, base, next++, value);
      } else if (code.varargSlot >= 0) {
        stack[argsBase + i] = 0;
        extra.push(value);
      } else {
        const given = positionalCount + (self !== 0 ? 1 : 0);
        this.raise(
          "TypeError",
          `${code.qualifiedName}() takes ${argumentCount} positional argument${argumentCount === 1 ? "" : "s"} but ${given} ${given === 1 ? "was" : "were"} given`,
        );
      }
    }
    if (code.varargSlot >= 0) storeLocal(heap, base, code.varargSlot, this.tupleSteal(extra));
    let kwargs = 0;
    if (code.kwargSlot >= 0) {
      kwargs = heap.newDict();
      storeLocal(heap, base, code.kwargSlot, kwargs);
    }
    for (let k = 0; k < keywordCount; k++) {
      const name = names![k]!;
      const position = code.argumentNames.indexOf(name);
      const index = argsBase + positionalCount + k;
      const value = stack[index]!;
      if (position >= 0) {
        if (heap.memory.u32[base + position]! !== 0)
          this.raise(
            "TypeError",
            `${code.qualifiedName}() got multiple values for argument '${name}'`,
          );
        stack[index] = 0;
        storeLocal(heap, base, position, value);
      } else if (kwargs !== 0) {
        // The value moves from the stack into **kwargs (dictSetItem took its own reference).
        stack[index] = 0;
        heap.dictSetItem(kwargs, this.name(name), value);
        this.decref(value);
      } else {
        this.raise(
          "TypeError",
          `${code.qualifiedName}() got an unexpected keyword argument '${name}'`,
        );
      }
    }
    const defaults = this.field(fn, FUNCTION_DEFAULTS_OFFSET);
    const defaultCount = defaults === 0 ? 0 : heap.tupleLength(defaults);
    const firstDefault = argumentCount - defaultCount;
    const missing: string[] = [];
    for (let i = 0; i < argumentCount; i++) {
      if (heap.memory.u32[base + i]! !== 0) continue;
      if (i >= firstDefault)
        storeLocal(heap, base, i, this.incref(heap.tupleGetItem(defaults, i - firstDefault)));
      else missing.push(`'${code.argumentNames[i]}'`);
    }
    if (missing.length > 0) {
      const list =
        missing.length === 1
          ? missing[0]
          : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
      this.raise(
        "TypeError",
        `${code.qualifiedName}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`,
      );
    }
    for (const slot of code.cellSlots) {
      const current = heap.memory.u32[base + slot]!;
      const cell = this.newCell(current);
      if (current !== 0) this.decref(current);
      storeLocal(heap, base, slot, cell);
    }
    if (code.freeCount > 0) {
      const closure = this.field(fn, FUNCTION_CLOSURE_OFFSET);
      for (let j = 0; j < code.freeCount; j++)
        storeLocal(heap, base, code.freeStart + j, this.incref(heap.tupleGetItem(closure, j)));
    }
  },

  /**
   * Runs module or class-body code in a fresh frame with the given globals (and namespace for a
   * class body). Module-level names live in dicts; the frame holds only hidden comprehension
   * slots and, for class bodies, the `__class__` cell.
   */
  runBlock(code: Code, globals: Ptr, namespace: Ptr, closure: Ptr): void {
    const heap = this.heap;
    if (this.depth + 1 >= this.recursionLimit || !hasStackHeadroom(this.depth))
      this.raise("RecursionError", "maximum recursion depth exceeded");
    const slotCount = code.slotNames.length;
    const heapFrame = heap.allocate(this.types.frame, slotCount);
    const locals = heapFrame + FRAME_LOCALS_OFFSET;
    const depth = code.kind === "module" ? this.depth : ++this.depth;
    const frame = this.acquireFrame();
    frame.code = code;
    frame.locals = locals;
    frame.heapFrame = heapFrame;
    frame.globals = globals;
    frame.namespace = namespace;
    frame.returnValue = 0;
    frame.node = NO_RANGE;
    try {
      for (const slot of code.cellSlots)
        heap.memory.u32[(locals + 4 * slot) >>> 2] = this.newCell(0);
      for (let j = 0; j < code.freeCount; j++)
        heap.memory.u32[(locals + 4 * (code.freeStart + j)) >>> 2] = this.incref(
          heap.tupleGetItem(closure, j),
        );
      code.body(frame);
    } catch (error) {
      const exception = this.toPyException(error);
      if (frame.node !== NO_RANGE) this.record(exception, frame);
      throw exception;
    } finally {
      this.depth = code.kind === "module" ? depth : depth - 1;
      this.releaseFrameSlots(heapFrame, slotCount);
    }
  },

  /** The frame of a class body being run, for reading its `__class__` cell. */
  currentFrame(): Frame | undefined {
    return this.framePool[this.depth];
  },

  /** Counts a step (a statement or loop iteration) and enforces the limit. */
  step(frame: Frame, node: SourceRange): void {
    if (++this.steps > this.stepLimit) throw new StepLimitError(this.stepLimit, node.line);
    frame.node = node;
    if (this.onStatement !== undefined) this.onStatement(frame, node);
  },
};

/** Python call depth from which calls check the JavaScript stack (shallower code never nears it). */
const STACK_CHECK_DEPTH = 64;
/** Small JavaScript frames that must still fit (≈ 100 KB): room for any heap operation under way. */
const STACK_HEADROOM_FRAMES = 1500;

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
function hasStackHeadroom(depth: number): boolean {
  if (depth < STACK_CHECK_DEPTH || (depth & 3) !== 0) return true;
  try {
    probe(STACK_HEADROOM_FRAMES);
    return true;
  } catch {
    return false;
  }
}

/** Writes local slot `slot` of the frame whose slot 0 is at word `base`. */
function storeLocal(heap: Heap, base: number, slot: number, value: Ptr): void {
  heap.memory.u32[base + slot] = value;
}
