import type { Ptr } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import { HOOK_ABSTRACT, refuseAbstractCall } from "./abstract-classes.js";
import { callSubclass, derivesFromBuiltin } from "./builtin-subclasses.js";
import { type CallSite, endCall } from "./call-site-checks.js";
import { WRAPPER_CALLABLE_OFFSET } from "./descriptor-types.js";
import { initExceptionFields } from "./exception-fields.js";
import { callExceptionGroupType, isExceptionGroupType } from "./exception-groups.js";
import { Completion, NO_RANGE } from "./frame.js";
import { callAlias } from "./generic-alias.js";
import type { Code, Machine, TypeRecord } from "./machine.js";
import { callMetaclass } from "./metaclasses.js";
import {
  BUILTIN_NATIVE_OFFSET,
  BUILTIN_SELF_OFFSET,
  FRAME_FUNCTION_OFFSET,
  FRAME_LOCALS_OFFSET,
  FUNCTION_CLOSURE_OFFSET,
  FUNCTION_CODE_OFFSET,
  FUNCTION_DEFAULTS_OFFSET,
  FUNCTION_GLOBALS_OFFSET,
  FUNCTION_KWDEFAULTS_OFFSET,
  METHOD_FUNCTION_OFFSET,
  METHOD_SELF_OFFSET,
} from "./object-layouts.js";
import { initOSError, isOSErrorType, osErrorClassFor } from "./os-error.js";
import {
  acquireFrame,
  hasStackHeadroom,
  releaseFrameSlots,
  releaseStackFrame,
  runScheduledCollection,
  tick,
} from "./run-loop.js";

/**
 * Calls: calling any callable (functions, bound methods, built-ins, classes, weakrefs, objects
 * with `__call__`) and binding arguments into a heap frame's local slots (CPython: `_PyObject_Call`,
 * `_PyEval_Vector`, `initialize_locals`). Plain functions taking the {@link Machine} first; frames
 * themselves (entering, stepping, releasing, the recursion limit) are in `run-loop.ts`.
 *
 * @module
 */

/**
 * Calls `callable` with borrowed arguments and keyword pairs; a new reference. The entry for
 * natives and helpers that hold their arguments in JavaScript (CPython: `PyObject_Call`).
 *
 * @example
 * ```ts
 * const result = call(machine, functionObject, [argument], undefined);
 * ```
 */
export function call(
  m: Machine,
  callable: Ptr,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]> | undefined,
): Ptr {
  const base = m.sp;
  m.push(m.incref(callable));
  for (const arg of args) m.push(m.incref(arg));
  let names: string[] | undefined;
  if (keywords !== undefined && keywords.length > 0) {
    names = [];
    for (const [name, value] of keywords) {
      names.push(name);
      m.push(m.incref(value));
    }
  }
  try {
    return callAt(m, base, names);
  } catch (error) {
    // Native callers may catch the exception themselves: leave the stack as they found it.
    m.unwindTo(base);
    throw error;
  }
}

/**
 * Calls the callable at `stack[base]` with the arguments above it (keyword values last, named
 * by `keywordNames`). Consumes the callable and the arguments (the stack is back at `base`
 * afterwards, also when it throws the entries are left for the unwinder). A new reference.
 * CPython: the `CALL` / `CALL_KW` opcodes; with the call expression's `site`, also their
 * eval-breaker check (see `call-site-checks.ts`), which a native calling back into Python has
 * not.
 */
export function callAt(
  m: Machine,
  base: number,
  keywordNames: readonly string[] | undefined,
  site?: CallSite,
): Ptr {
  const callee = m.stack[base]!;
  const argumentCount = m.sp - base - 1;
  const t = m.typeIdOf(callee);
  const types = m.types;
  let result: Ptr;
  if (t === types.function) {
    result = callFunction(m, callee, 0, base + 1, keywordNames);
  } else if (
    t === types.method &&
    m.typeIdOf(m.field(callee, METHOD_FUNCTION_OFFSET)) !== types.function
  ) {
    return callMethodOfCallable(m, callee, base, keywordNames);
  } else if (t === types.method) {
    // CPython 3.13's CALL unpacks a bound method: the function replaces it on the stack and
    // `self` becomes the first argument, so a temporary method object dies before the call.
    const fn = m.incref(m.field(callee, METHOD_FUNCTION_OFFSET));
    const self = m.incref(m.field(callee, METHOD_SELF_OFFSET));
    m.stack[base] = fn;
    m.push(0);
    m.stack.copyWithin(base + 2, base + 1, m.sp - 1);
    m.stack[base + 1] = self;
    m.decref(callee);
    // A classmethod of a built-in type (`bytes.fromhex`) binds a built-in function.
    result =
      m.typeIdOf(fn) === types.builtin
        ? callNative(m, fn, base + 1, keywordNames)
        : callFunction(m, fn, 0, base + 1, keywordNames);
  } else if (t === types.builtin) {
    result = callNative(m, callee, base + 1, keywordNames);
  } else if (t === types.type) {
    result = callType(m, callee, base + 1, keywordNames);
  } else if (m.records[t]?.classes === true) {
    // A class whose metaclass is a user class: the metaclass's own __call__, else type_call.
    const method = m.lookupType(m.records[t]!, m.name("__call__"));
    result =
      method !== 0 && m.typeIdOf(method) !== types.builtin
        ? callFunctionObject(m, method, callee, base + 1, keywordNames)
        : callType(m, callee, base + 1, keywordNames);
  } else if (t === types.genericAlias) {
    const { positional, keywords } = argumentsFrom(m, base + 1, keywordNames);
    result = callAlias(m, callee, positional, keywords);
  } else if (t === m.heap.weakrefType) {
    // CPython: weakref_call — the referent, or None once it is dead.
    if (m.sp !== base + 1) m.raise("TypeError", "weakref() takes no arguments");
    const referent = m.heap.weakrefGet(callee);
    result = m.incref(referent !== 0 ? referent : m.heap.none);
  } else {
    if (t === m.descriptorTypes.staticmethod) {
      // CPython 3.10+: sm_call — a staticmethod object calls its function.
      const { positional, keywords } = argumentsFrom(m, base + 1, keywordNames);
      result = call(m, m.field(callee, WRAPPER_CALLABLE_OFFSET), positional, keywords);
      m.unwindTo(base);
      return result;
    }
    const record = m.records[t];
    const method = record?.user === true ? m.lookupType(record, m.name("__call__")) : 0;
    if (method === 0) m.raise("TypeError", `'${m.typeName(callee)}' object is not callable`);
    result = callFunctionObject(m, method, callee, base + 1, keywordNames);
  }
  // The callee itself is still at stack[base].
  m.unwindTo(base);
  if (site !== undefined && (m.collectionScheduled || !site.warm))
    return endCall(m, site, result, callee, t, argumentCount, keywordNames !== undefined);
  return result;
}

/**
 * Calls a Python function with `self` (borrowed) prepended to the arguments at `argsBase`
 * (`__call__`, `__init__`). CPython: `_PyObject_Call_Prepend`.
 */
export function callFunctionObject(
  m: Machine,
  fn: Ptr,
  self: Ptr,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  if (m.typeIdOf(fn) === m.types.function) return callFunction(m, fn, self, argsBase, names);
  // A callable that is not a plain function: insert self and call generically.
  const args = argumentsFrom(m, argsBase, names);
  return call(m, fn, [self, ...args.positional], args.keywords);
}

/**
 * The arguments at `argsBase` (borrowed) split into positional ones and keyword pairs
 * (CPython: a vectorcall's `args` and `kwnames`).
 */
export function argumentsFrom(
  m: Machine,
  argsBase: number,
  names: readonly string[] | undefined,
): { positional: Ptr[]; keywords: Array<[string, Ptr]> } {
  const count = m.sp - argsBase;
  const keywordCount = names?.length ?? 0;
  const positional: Ptr[] = [];
  for (let i = 0; i < count - keywordCount; i++) positional.push(m.stack[argsBase + i]!);
  const keywords: Array<[string, Ptr]> = [];
  for (let k = 0; k < keywordCount; k++)
    keywords.push([names![k]!, m.stack[argsBase + count - keywordCount + k]!]);
  return { positional, keywords };
}

/** Calls a built-in function or bound built-in method (CPython: `PyCFunction` call), consuming the arguments. */
export function callNative(
  m: Machine,
  callee: Ptr,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  const entry = m.natives[m.field(callee, BUILTIN_NATIVE_OFFSET)]!;
  const self = m.field(callee, BUILTIN_SELF_OFFSET);
  const { positional, keywords } = argumentsFrom(m, argsBase, names);
  if (self !== 0 && m.typeIdOf(self) !== m.types.module) positional.unshift(self);
  return entry.fn(m.context, positional, keywords);
}

/**
 * Calls a method bound around a callable that is not a function (`classmethod(GenericAlias)`):
 * the callable with `self` first. A function of its own so that `callAt`'s frame, which every
 * Python call nests, stays small. CPython: `method_vectorcall`.
 */
function callMethodOfCallable(
  m: Machine,
  callee: Ptr,
  base: number,
  keywordNames: readonly string[] | undefined,
): Ptr {
  const { positional, keywords } = argumentsFrom(m, base + 1, keywordNames);
  const self = m.field(callee, METHOD_SELF_OFFSET);
  const result = call(m, m.field(callee, METHOD_FUNCTION_OFFSET), [self, ...positional], keywords);
  m.unwindTo(base);
  return result;
}

/** Calls a class: `__new__` for built-in types, else a new instance and its `__init__` (CPython: `type_call`). */
export function callType(
  m: Machine,
  typeObject: Ptr,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  let record = m.recordOfType(typeObject);
  if (record.classes && record.user) {
    const made = callMetaclass(m, record, argsBase, names);
    m.typeCallEnteredInit = false;
    return made;
  }
  if (!record.instances) {
    // A built-in type: its constructor is the native stored under __new__.
    const typeConstructor = m.lookupType(record, m.name("__new__"));
    if (typeConstructor === 0) m.raise("TypeError", `cannot create '${record.name}' instances`);
    const made = callNative(m, typeConstructor, argsBase, names);
    m.typeCallEnteredInit = false;
    return made;
  }
  const heap = m.heap;
  if (record.user) {
    const newMethod = m.lookupType(record, m.name("__new__"));
    if (newMethod !== 0 && m.typeIdOf(newMethod) === m.descriptorTypes.staticmethod) {
      const made = callUserNew(m, record, newMethod, argsBase, names);
      m.typeCallEnteredInit = false;
      return made;
    }
  }
  if (record.exception && isExceptionGroupType(m, record)) {
    const made = callExceptionGroupType(m, record, argsBase, names);
    m.typeCallEnteredInit = false;
    return made;
  }
  if ((record.hooks & HOOK_ABSTRACT) !== 0) refuseAbstractCall(m, record, m.sp > argsBase);
  if (derivesFromBuiltin(m, record)) {
    const made = callSubclass(m, record, argsBase, names);
    m.typeCallEnteredInit = false;
    return made;
  }
  const positional: Ptr[] = [];
  if (record.exception) {
    for (let i = 0; i < m.sp - argsBase - (names?.length ?? 0); i++)
      positional.push(m.stack[argsBase + i]!);
    record = osErrorClassFor(m, record, positional);
  }
  const inst = heap.newInstance(record.id);
  m.push(inst); // owned by the stack until returned
  const instSlot = m.sp - 1;
  const argCount = instSlot - argsBase;
  if (record.exception) {
    const args = m.newTuple(positional);
    heap.setSlot(inst, "args", args);
    m.decref(args);
    if (isOSErrorType(m, record)) initOSError(m, inst, positional);
    // A class's own __init__ decides what its fields get (CPython: SyntaxError_init is its init).
    else if (m.typeIdOf(m.lookupType(record, m.name("__init__"))) !== m.types.function)
      initExceptionFields(
        m,
        record,
        inst,
        positional,
        (names ?? []).map((name, k) => [name, m.stack[argsBase + positional.length + k]!] as const),
      );
  }
  const init = m.lookupType(record, m.name("__init__"));
  if (init !== 0 && m.typeIdOf(init) === m.types.function) {
    const code = m.codes[m.field(init, FUNCTION_CODE_OFFSET)]!;
    // CPython: specialize_class_call()'s conditions for CALL_ALLOC_AND_ENTER_INIT.
    const entersInit =
      !record.exception &&
      names === undefined &&
      code.varargSlot < 0 &&
      code.kwargSlot < 0 &&
      code.argumentCount === argCount + 1;
    // Move the instance below the arguments so they stay in order: self, args…
    m.stack.copyWithin(argsBase + 1, argsBase, instSlot);
    m.stack[argsBase] = inst;
    m.sp = instSlot + 1;
    m.incref(inst);
    let result: Ptr;
    try {
      result = callFunction(m, init, 0, argsBase, names);
    } catch (error) {
      m.decref(inst);
      throw error;
    }
    // callFunction consumed self and the arguments; we still own `inst` (increfed above).
    m.typeCallEnteredInit = entersInit;
    if (result !== heap.none) {
      const typeName = m.typeName(result);
      m.decref(result);
      m.decref(inst);
      m.raise("TypeError", `__init__() should return None, not '${typeName}'`);
    }
    return inst;
  }
  m.typeCallEnteredInit = false;
  if (argCount > 0 && !record.exception)
    m.raise("TypeError", `${record.name}() takes no arguments`);
  m.sp = instSlot; // the instance leaves the stack as the result
  m.stack[instSlot] = 0;
  return inst;
}

/**
 * A class whose MRO defines `__new__`: `cls.__new__(cls, *args)`, then `__init__` only when the
 * result is an instance of the class (CPython: `type_call` with `slot_tp_new`). The arguments
 * stay on the stack for the caller to release.
 */
function callUserNew(
  m: Machine,
  record: TypeRecord,
  newMethod: Ptr,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  const { positional, keywords } = argumentsFrom(m, argsBase, names);
  const fn = m.field(newMethod, WRAPPER_CALLABLE_OFFSET);
  const inst = call(m, fn, [record.object, ...positional], keywords);
  // An exception's native __init__ sets its args (CPython: BaseException_init via type_call).
  return initNewInstance(m, record, inst, positional, keywords, record.exception);
}

/**
 * `type_call`'s second half: `inst.__init__(*args, **kwargs)` when `__new__` returned an instance
 * of the class and its `__init__` is a Python function (or, with `builtinInit`, any callable:
 * `list.__init__` filling a list subclass instance). Returns `inst` (owned).
 */
export function initNewInstance(
  m: Machine,
  record: TypeRecord,
  inst: Ptr,
  positional: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
  builtinInit: boolean,
): Ptr {
  if (!m.isSubtype(m.recordOf(inst), record)) return inst;
  const init = m.lookupType(record, m.name("__init__"));
  if (init === 0 || (!builtinInit && m.typeIdOf(init) !== m.types.function)) return inst;
  m.push(inst); // released by the unwinder if __init__ raises
  const result = call(m, init, [inst, ...positional], keywords);
  m.sp--;
  if (result !== m.heap.none) {
    const typeName = m.typeName(result);
    m.decref(result);
    m.decref(inst);
    m.raise("TypeError", `__init__() should return None, not '${typeName}'`);
  }
  return inst;
}

/**
 * Calls a Python function: builds its frame from the arguments on the stack (stolen), runs the
 * body, releases the locals in slot order and the frame (CPython: `_PyEval_EvalFrame`,
 * `initialize_locals`, `clear_thread_frame`). `self` (borrowed, 0 for none) is the first
 * positional argument of a bound method call.
 */
export function callFunction(
  m: Machine,
  fn: Ptr,
  self: Ptr,
  argsBase: number,
  names: readonly string[] | undefined,
): Ptr {
  const heap = m.heap;
  const code = m.codes[m.field(fn, FUNCTION_CODE_OFFSET)]!;
  if (m.depth + 1 >= m.recursionLimit || !hasStackHeadroom(m.depth))
    m.raise("RecursionError", "maximum recursion depth exceeded");
  const slotCount = code.slotNames.length;
  // A generator takes its frame over (on the heap from the start); any other call's frame is
  // laid out on the data stack and moved to the heap only if a frame object is made for it.
  const onDataStack = !code.generator;
  const frameData = m.frameData;
  const mark = frameData.top;
  const record = onDataStack
    ? frameData.push(FRAME_LOCALS_OFFSET + 4 * slotCount)
    : heap.allocate(m.types.frame, slotCount);
  heap.memory.u32[(record + FRAME_FUNCTION_OFFSET) >>> 2] = m.incref(fn);
  const locals = record + FRAME_LOCALS_OFFSET;
  const depth = ++m.depth;
  const frame = acquireFrame(m);
  frame.code = code;
  frame.locals = locals;
  frame.heapFrame = record;
  frame.onDataStack = onDataStack;
  frame.globals = m.field(fn, FUNCTION_GLOBALS_OFFSET);
  frame.namespace = 0;
  frame.returnValue = 0;
  frame.node = NO_RANGE;
  try {
    bindArguments(m, fn, code, locals, self, argsBase, names);
    m.sp = argsBase;
    tick(m);
    if (m.collectionScheduled && !code.generator) runScheduledCollection(m); // CPython: RESUME
    const completion = code.body(frame);
    const value = completion === Completion.RETURN ? frame.returnValue : heap.none;
    // CPython: the RETURN_VALUE monitoring event (sys.settrace's "return"), before the frame goes.
    if (m.onReturn !== undefined) m.onReturn(frame, value);
    frame.returnValue = 0;
    return value;
  } catch (error) {
    if (frame.returnValue !== 0) {
      m.decref(frame.returnValue);
      frame.returnValue = 0;
    }
    const exception = m.toPyException(error);
    // The traceback keeps the frame (and its locals) until the exception is released.
    if (frame.node !== NO_RANGE) m.record(exception, frame);
    throw exception;
  } finally {
    m.depth = depth - 1;
    // Read before anything runs: a finalizer the release runs reuses the pooled record. The
    // frame may have moved to the heap while it ran (a frame object was made for it).
    const heapFrame = frame.heapFrame;
    if (frame.onDataStack) releaseStackFrame(m, heapFrame, slotCount);
    else releaseFrameSlots(m, heapFrame, slotCount);
    if (onDataStack) frameData.pop(mark);
    // The pooled record no longer stands for a frame (see frameObjectOf).
    frame.heapFrame = 0;
  }
}

/**
 * Binds positional, keyword, default, `*args` and `**kwargs` arguments into the frame's local
 * slots, with CPython's TypeErrors; then creates the cells and copies the closure's free cells.
 */
export function bindArguments(
  m: Machine,
  fn: Ptr,
  code: Code,
  locals: number,
  self: Ptr,
  argsBase: number,
  names: readonly string[] | undefined,
): void {
  const heap = m.heap;
  const stack = m.stack;
  const count = m.sp - argsBase;
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
    code.keywordOnlyNames.length === 0 &&
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
  const given = positionalCount + (self !== 0 ? 1 : 0);
  const extra: Ptr[] = [];
  if (self !== 0) {
    if (argumentCount > 0) storeLocal(heap, base, next++, m.incref(self));
    else if (code.varargSlot >= 0) extra.push(m.incref(self));
  }
  // Extra positional arguments without *args stay on the stack (released by the unwinder) and
  // are reported after the keywords, as CPython's initialize_locals does.
  for (let i = 0; i < positionalCount; i++) {
    if (next < argumentCount) {
      storeLocal(heap, base, next++, stack[argsBase + i]!);
      stack[argsBase + i] = 0;
    } else if (code.varargSlot >= 0) {
      extra.push(stack[argsBase + i]!);
      stack[argsBase + i] = 0;
    } else break;
  }
  if (code.varargSlot >= 0) storeLocal(heap, base, code.varargSlot, m.tupleSteal(extra));
  let kwargs = 0;
  if (code.kwargSlot >= 0) {
    kwargs = heap.newDict();
    storeLocal(heap, base, code.kwargSlot, kwargs);
  }
  for (let k = 0; k < keywordCount; k++) {
    const name = names![k]!;
    const index = argsBase + positionalCount + k;
    const value = stack[index]!;
    const slot = keywordSlot(code, name);
    if (slot >= 0) {
      if (heap.memory.u32[base + slot]! !== 0)
        m.raise("TypeError", `${code.qualifiedName}() got multiple values for argument '${name}'`);
      stack[index] = 0;
      storeLocal(heap, base, slot, value);
    } else if (kwargs !== 0) {
      // The value moves from the stack into **kwargs (dictSetItem took its own reference); it
      // leaves the stack only once stored, so a failing store leaves it to the stack's cleanup.
      heap.dictSetItem(kwargs, m.name(name), value);
      stack[index] = 0;
      m.decref(value);
    } else {
      const positionalOnly = code.argumentNames
        .slice(0, code.positionalOnlyCount)
        .filter((parameter) => names!.includes(parameter));
      if (positionalOnly.length > 0)
        m.raise(
          "TypeError",
          `${code.qualifiedName}() got some positional-only arguments passed as keyword arguments: '${positionalOnly.join(", ")}'`,
        );
      m.raise("TypeError", `${code.qualifiedName}() got an unexpected keyword argument '${name}'`);
    }
  }
  const defaults = m.field(fn, FUNCTION_DEFAULTS_OFFSET);
  const defaultCount = defaults === 0 ? 0 : heap.tupleLength(defaults);
  if (given > argumentCount && code.varargSlot < 0)
    raiseTooManyPositional(m, code, base, given, defaultCount);
  const firstDefault = argumentCount - defaultCount;
  const missing: string[] = [];
  for (let i = 0; i < argumentCount; i++) {
    if (heap.memory.u32[base + i]! !== 0) continue;
    if (i >= firstDefault)
      storeLocal(heap, base, i, m.incref(heap.tupleGetItem(defaults, i - firstDefault)));
    else missing.push(code.argumentNames[i]!);
  }
  if (missing.length > 0) raiseMissing(m, code, missing, "positional");
  const keywordOnlyCount = code.keywordOnlyNames.length;
  if (keywordOnlyCount > 0) {
    const keywordDefaults = m.field(fn, FUNCTION_KWDEFAULTS_OFFSET);
    for (let i = 0; i < keywordOnlyCount; i++) {
      const slot = argumentCount + i;
      if (heap.memory.u32[base + slot]! !== 0) continue;
      const name = code.keywordOnlyNames[i]!;
      const value = keywordDefaults !== 0 ? heap.dictGetItem(keywordDefaults, m.name(name)) : 0;
      if (value !== 0) storeLocal(heap, base, slot, m.incref(value));
      else missing.push(name);
    }
    if (missing.length > 0) raiseMissing(m, code, missing, "keyword-only");
  }
  for (const slot of code.cellSlots) {
    const current = heap.memory.u32[base + slot]!;
    const cell = m.newCell(current);
    if (current !== 0) m.decref(current);
    storeLocal(heap, base, slot, cell);
  }
  if (code.freeCount > 0) {
    const closure = m.field(fn, FUNCTION_CLOSURE_OFFSET);
    for (let j = 0; j < code.freeCount; j++)
      storeLocal(heap, base, code.freeStart + j, m.incref(heap.tupleGetItem(closure, j)));
  }
}

/**
 * The local slot a keyword argument binds: a positional parameter that is not positional-only,
 * or a keyword-only one; -1 when none (CPython: the `co_varnames` search of initialize_locals).
 */
function keywordSlot(code: Code, name: string): number {
  const position = code.argumentNames.indexOf(name);
  if (position >= code.positionalOnlyCount) return position;
  const keywordOnly = code.keywordOnlyNames.indexOf(name);
  return keywordOnly >= 0 ? code.argumentCount + keywordOnly : -1;
}

/**
 * CPython's `too_many_positional`: "f() takes 2 positional arguments but 3 were given", with
 * the default range ("from 1 to 3") and the keyword-only arguments given.
 */
function raiseTooManyPositional(
  m: Machine,
  code: Code,
  base: number,
  given: number,
  defaultCount: number,
): never {
  const argumentCount = code.argumentCount;
  let keywordOnlyGiven = 0;
  for (let i = 0; i < code.keywordOnlyNames.length; i++)
    if (m.heap.memory.u32[base + argumentCount + i]! !== 0) keywordOnlyGiven++;
  const plural = defaultCount > 0 || argumentCount !== 1;
  const signature =
    defaultCount > 0
      ? `from ${argumentCount - defaultCount} to ${argumentCount}`
      : `${argumentCount}`;
  const keywordOnly =
    keywordOnlyGiven > 0
      ? ` positional argument${given !== 1 ? "s" : ""} (and ${keywordOnlyGiven} keyword-only argument${keywordOnlyGiven !== 1 ? "s" : ""})`
      : "";
  return m.raise(
    "TypeError",
    `${code.qualifiedName}() takes ${signature} positional argument${plural ? "s" : ""} but ${given}${keywordOnly} ${given === 1 && keywordOnlyGiven === 0 ? "was" : "were"} given`,
  );
}

/**
 * CPython's `missing_arguments`: "f() missing 2 required positional arguments: 'a' and 'b'"
 * ('a', 'b', and 'c' for three or more).
 */
function raiseMissing(m: Machine, code: Code, missing: readonly string[], kind: string): never {
  const quoted = missing.map((name) => `'${name}'`);
  const list =
    quoted.length === 1
      ? quoted[0]
      : quoted.length === 2
        ? `${quoted[0]} and ${quoted[1]}`
        : `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
  return m.raise(
    "TypeError",
    `${code.qualifiedName}() missing ${missing.length} required ${kind} argument${missing.length === 1 ? "" : "s"}: ${list}`,
  );
}

/** Writes local slot `slot` of the frame whose slot 0 is at word `base`. */
function storeLocal(heap: Heap, base: number, slot: number, value: Ptr): void {
  heap.memory.u32[base + slot] = value;
}
