import {
  DerivedTypeFlags,
  GC_NEXT_OFFSET,
  IMMORTAL_REFCNT,
  OB_TYPE_OFFSET,
  OutOfMemoryError,
  type Ptr,
  type TypeId,
} from "@pymem/core";
import {
  DICT_ENTRIES_OFFSET,
  DICT_KEYS_OFFSET,
  DICT_NENTRIES_OFFSET,
  DICT_USED_OFFSET,
  ENTRY_KEY_OFFSET,
  ENTRY_SIZE,
  ENTRY_VALUE_OFFSET,
  FLOAT_VALUE_OFFSET,
  type Heap,
  LIST_SIZE_OFFSET,
  ObjectKind,
  STR_BYTES_OFFSET,
  TUPLE_SIZE_OFFSET,
} from "@pymem/heap";
import type { Refcounter } from "@pymem/refcount";
import type { Runtime } from "@pymem/runtime";
import type { SourceRange } from "../ast.js";
import { AttributeCache } from "./attribute-cache.js";
import { BYTES_SIZE_OFFSET } from "./bytes-objects.js";
import { call } from "./calls.js";
import { type DescriptorTypeIds, defineDescriptorTypes } from "./descriptor-types.js";
import { setExceptionContext } from "./exception-chaining.js";
import { exceptionClassSlots } from "./exception-groups.js";
import { PyException, StepLimitError, type TracebackEntry } from "./exceptions.js";
import type { Frame } from "./frame.js";
import { FrameDataStack } from "./frame-data-stack.js";
import { frameObjectOf, positionId } from "./frame-objects.js";
import { holdDictItems, releaseDictItems } from "./iteration.js";
import type { ExceptionName, NativeContext, NativeFunction } from "./native.js";
import {
  BUILTIN_NAME_OFFSET,
  BUILTIN_NATIVE_OFFSET,
  BUILTIN_SELF_OFFSET,
  CELL_CONTENTS_OFFSET,
  defineInterpreterTypes,
  FUNCTION_CLOSURE_OFFSET,
  FUNCTION_CODE_OFFSET,
  FUNCTION_DEFAULTS_OFFSET,
  FUNCTION_GLOBALS_OFFSET,
  FUNCTION_NAME_OFFSET,
  type InterpreterTypeIds,
  METHOD_FUNCTION_OFFSET,
  METHOD_SELF_OFFSET,
  MODULE_DICT_OFFSET,
  MODULE_NAME_OFFSET,
  RANGE_START_OFFSET,
  RANGE_STEP_OFFSET,
  RANGE_STOP_OFFSET,
  TRACEBACK_FRAME_OFFSET,
  TRACEBACK_LASTI_OFFSET,
  TRACEBACK_LINE_OFFSET,
  TRACEBACK_NEXT_OFFSET,
  TYPE_BASE_OFFSET,
  TYPE_DICT_OFFSET,
  TYPE_ID_OFFSET,
  TYPE_NAME_OFFSET,
  VIEW_DICT_OFFSET,
} from "./object-layouts.js";
import { allocateOwning } from "./owned-allocation.js";

/**
 * The interpreter's run-time state and its small core: type records, the value stack, object
 * constructors, references, truth, and raising exceptions. The compiler's closures call into it;
 * built-ins and native modules reach it through `NativeContext`.
 *
 * Everything else the evaluator does is a module of plain functions taking the machine first:
 * - `run-loop.ts` — where execution happens: `runBlock` runs module and class bodies, `step`
 *   runs before every statement; start reading there.
 * - `calls.ts` — calling any callable and binding arguments (`call`, `callAt`, `callFunction`).
 * - `operators.ts` — arithmetic, comparison, membership (`binary`, `compare`, `contains`).
 * - `object-access.ts` — attributes and subscripts (`getAttribute`, `getItem`, …).
 * - `object-repr.ts` — `repr` and `str`.
 * - `iteration.ts` — iterating heap objects (`iterate`, `iterateOwned`, `collect`).
 *
 * Ownership is CPython's: operations take borrowed arguments and return new references; every
 * temporary that must survive a call that can raise is kept on the value stack, which the
 * unwinding code releases (CPython: the frame's value stack popped by exception unwinding).
 *
 * @module
 */

export { Completion, Frame } from "./frame.js";
export { Cmp, OP_SYMBOLS, Op } from "./operator-codes.js";

/**
 * What the interpreter knows about a type beyond the heap's registry.
 *
 * @example
 * ```ts
 * const record = machine.recordOf(obj); record.name; // "list"
 * ```
 */
export interface TypeRecord {
  /** The heap type id. */
  readonly id: TypeId;
  /** The type object (a heap object of type `type`). */
  readonly object: Ptr;
  /** `__name__`. */
  readonly name: string;
  /**
   * `__qualname__` of a class when it differs from `__name__` (`Outer.Inner`,
   * `f.<locals>.C`): taken out of the class body's namespace, as CPython's `type_new` moves it
   * to `ht_qualname`; type_repr and object_repr show it.
   */
  qualifiedName?: string;
  /**
   * The base whose instance layout the class extends (CPython: `__base__`, `best_base`);
   * undefined for `object`.
   */
  readonly base: TypeRecord | undefined;
  /** The direct bases, in order (CPython: `__bases__`); empty for `object`. */
  readonly bases: readonly TypeRecord[];
  /** The method resolution order, the class itself first (CPython: `__mro__`). */
  readonly mro: readonly TypeRecord[];
  /**
   * Which attribute hooks and data descriptors the class's MRO defines (`HOOK_*` bits of
   * descriptors.ts); 0 keeps attribute access on the fast path.
   */
  hooks: number;
  /** A class made by a `class` statement (a heap type). */
  readonly user: boolean;
  /** Derives from BaseException. */
  readonly exception: boolean;
  /** Instances are heap-class instances (`heap.defineClass`): user classes and exceptions. */
  readonly instances: boolean;
  /**
   * Instances are classes: `type` and every metaclass (a class deriving from `type`), whose
   * instances have the type-object layout. CPython: `PyType_Check` holds for their instances.
   */
  readonly classes: boolean;
  /**
   * The name messages give the type when it stands in for one of CPython's C types, whose
   * `tp_name` carries its module (`datetime.timedelta` in "unsupported operand type(s)");
   * undefined: {@link TypeRecord.name}, as a Python class's `tp_name` is its `__name__`.
   */
  typeName?: string;
}

/**
 * Compiled code: one function, lambda, class body or module.
 *
 * @example
 * ```ts
 * machine.codes[index].name; // "f"
 * ```
 */
export interface Code {
  readonly name: string;
  readonly qualifiedName: string;
  readonly filename: string;
  readonly source: string;
  readonly kind: "module" | "function" | "class";
  /** Positional parameters, positional-only ones included (without `*args` / `**kwargs`). */
  readonly argumentCount: number;
  /** The positional parameters' names (CPython: `co_varnames[:co_argcount]`). */
  readonly argumentNames: readonly string[];
  /** How many of the positional parameters are positional-only (CPython: `co_posonlyargcount`). */
  readonly positionalOnlyCount: number;
  /** Keyword-only parameters' names; their slots follow the positional ones (CPython: `co_kwonlyargcount`). */
  readonly keywordOnlyNames: readonly string[];
  /** Slot of `*args` or -1. */
  readonly varargSlot: number;
  /** Slot of `**kwargs` or -1. */
  readonly kwargSlot: number;
  /** Local slot names (co_varnames + cells + frees + hidden comprehension slots). */
  readonly slotNames: string[];
  /** Slots that hold a cell made at entry. */
  readonly cellSlots: number[];
  /** First slot of the free variables (copied from the closure), and their count. */
  freeStart: number;
  freeCount: number;
  /** The body; returns a completion code. */
  body: (frame: Frame) => number;
  /**
   * Whether a call makes a generator (CPython: `CO_GENERATOR`): its first `RESUME` (an eval-breaker
   * check) runs at the first `next()`, not at the call.
   */
  generator: boolean;
  /** What an `async def` makes (CPython: `CO_COROUTINE`, `CO_ASYNC_GENERATOR`); unset otherwise. */
  asyncKind?: "coroutine" | "asyncGenerator";
  readonly line: number;
  /** `co_varnames`: the parameters, then the other locals that are not cells. */
  readonly variableNames: readonly string[];
  /** The function's docstring (its first statement, a str constant), if any. */
  docstring?: string;
}

/**
 * An inline cache for one global-name site (CPython: the `LOAD_GLOBAL` specialization's dict
 * versions): the address of the dict entry holding the name, valid while the dict's keys block is
 * the same and the entry still holds the key; and for a name known to be absent, the keys block
 * and entry count that proved it.
 *
 * @example
 * ```ts
 * const cache = new NameCache(); // one per global-name site, made at compile time
 * const value = machine.cachedLookup(cache, globals, key); // borrowed or 0
 * ```
 */
export class NameCache {
  dict = 0;
  keys = 0;
  entry = 0;
  missingKeys = 0;
  missingCount = -1;
}

/** A native function with its name, as stored in the machine's table. */
interface NativeEntry {
  readonly name: string;
  readonly fn: NativeFunction;
  /** The built-in type whose method it is (`__qualname__` is then `type.name`). */
  owner?: string;
}

/** Exception class names and their bases, in definition order. */
const EXCEPTION_TREE: ReadonlyArray<readonly [string, string | undefined]> = [
  ["BaseException", undefined],
  ["Exception", "BaseException"],
  ["ArithmeticError", "Exception"],
  ["LookupError", "Exception"],
  ["TypeError", "Exception"],
  ["ValueError", "Exception"],
  ["KeyError", "LookupError"],
  ["IndexError", "LookupError"],
  ["AttributeError", "Exception"],
  ["NameError", "Exception"],
  ["UnboundLocalError", "NameError"],
  ["ZeroDivisionError", "ArithmeticError"],
  ["OverflowError", "ArithmeticError"],
  ["RuntimeError", "Exception"],
  ["RecursionError", "RuntimeError"],
  ["NotImplementedError", "RuntimeError"],
  ["MemoryError", "Exception"],
  ["EOFError", "Exception"],
  ["StopIteration", "Exception"],
  ["AssertionError", "Exception"],
  ["ImportError", "Exception"],
  ["ModuleNotFoundError", "ImportError"],
  ["OSError", "Exception"],
  ["ConnectionError", "OSError"],
  ["BrokenPipeError", "ConnectionError"],
  ["KeyboardInterrupt", "BaseException"],
  ["SystemExit", "BaseException"],
  ["GeneratorExit", "BaseException"],
  ["ReferenceError", "Exception"],
  ["StopAsyncIteration", "Exception"],
  ["SyntaxError", "Exception"],
  ["IndentationError", "SyntaxError"],
  ["TabError", "IndentationError"],
  ["BufferError", "Exception"],
  ["SystemError", "Exception"],
  ["FloatingPointError", "ArithmeticError"],
  ["PythonFinalizationError", "RuntimeError"],
  ["TimeoutError", "OSError"],
  ["FileNotFoundError", "OSError"],
  ["FileExistsError", "OSError"],
  ["PermissionError", "OSError"],
  ["IsADirectoryError", "OSError"],
  ["NotADirectoryError", "OSError"],
  ["InterruptedError", "OSError"],
  ["BlockingIOError", "OSError"],
  ["ChildProcessError", "OSError"],
  ["ProcessLookupError", "OSError"],
  ["ConnectionAbortedError", "ConnectionError"],
  ["ConnectionRefusedError", "ConnectionError"],
  ["ConnectionResetError", "ConnectionError"],
  ["Warning", "Exception"],
  ["UserWarning", "Warning"],
  ["DeprecationWarning", "Warning"],
  ["PendingDeprecationWarning", "Warning"],
  ["SyntaxWarning", "Warning"],
  ["RuntimeWarning", "Warning"],
  ["FutureWarning", "Warning"],
  ["ImportWarning", "Warning"],
  ["UnicodeWarning", "Warning"],
  ["BytesWarning", "Warning"],
  ["ResourceWarning", "Warning"],
  ["EncodingWarning", "Warning"],
  ["UnicodeError", "ValueError"],
  ["UnicodeEncodeError", "UnicodeError"],
  ["UnicodeDecodeError", "UnicodeError"],
  // ExceptionGroup also derives from Exception (installExceptionGroups adds that base).
  ["BaseExceptionGroup", "BaseException"],
  ["ExceptionGroup", "BaseExceptionGroup"],
];

/** Kind codes as module constants for the type predicates (a property load each otherwise). */
const KIND_INT = ObjectKind.INT;
const KIND_BOOL = ObjectKind.BOOL;
const KIND_FLOAT = ObjectKind.FLOAT;
const KIND_STR = ObjectKind.STR;

const exceptionTypeIds = new WeakMap<Heap, Map<string, TypeId>>();

/**
 * The largest int `Machine.newInt` takes: ints up to it are float64 safe integers, larger ones
 * big ints in digits (`newBigInt` in big-int-arithmetic.ts).
 *
 * @example
 * ```ts
 * machine.newInt(MAX_INT + 1); // raises OverflowError: compute it as a bigint instead
 * ```
 */
export const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * The run-time state and core of the interpreter. One per {@link Interpreter}. The operations
 * on objects are plain functions in their own modules (see the module doc; execution starts in
 * `run-loop.ts`); the class keeps the state and the small, hot core as methods so every call
 * site sees one shape.
 *
 * @example
 * ```ts
 * const machine = new Machine(runtime, options);
 * ```
 */
export class Machine {
  readonly heap: Heap;
  readonly lifetime: Refcounter;
  readonly types: InterpreterTypeIds;
  /** The type ids of `property`, `classmethod`, `staticmethod` and `super`. */
  readonly descriptorTypes: DescriptorTypeIds;
  /** Per heap type id: its record. */
  readonly records: (TypeRecord | undefined)[] = [];
  /** Built-in type records by name (`int`, `ValueError`, …). */
  readonly builtinTypes = new Map<string, TypeRecord>();
  readonly codes: Code[] = [];
  readonly natives: NativeEntry[] = [];
  /** The value stack: temporaries that must be released if an exception unwinds. */
  stack = new Uint32Array(1024);
  sp = 0;
  /** The JS frame record of each call depth, reused call after call. @internal */
  readonly framePool: Frame[] = [];
  /** Where plain calls lay out their interpreter frames (CPython: the thread's data stack). @internal */
  readonly frameData: FrameDataStack;
  depth = 0;
  steps = 0;
  stepLimit: number;
  recursionLimit: number;
  /**
   * Whether an allocation scheduled an automatic collection that the next safe point runs
   * (CPython: `_PY_GC_SCHEDULED_BIT` in the eval breaker; see `runScheduledCollection`).
   */
  collectionScheduled = false;
  /**
   * Set by every class call: whether it ran a Python `__init__` the way CPython 3.13's
   * `CALL_ALLOC_AND_ENTER_INIT` does (no `__new__` override, exact positional arguments), after
   * which a warm call site does not check the eval breaker (see `call-site-checks.ts`).
   */
  typeCallEnteredInit = false;
  onStatement: ((frame: Frame, node: SourceRange) => void) | undefined = undefined;
  /** Called as a Python function returns `value` (borrowed), its frame still the innermost. */
  onReturn: ((frame: Frame, value: Ptr) => void) | undefined = undefined;
  /** Exceptions being handled (innermost last): the context of new ones, the target of bare `raise`. */
  readonly handling: PyException[] = [];
  /** Interned names the machine itself uses (released at dispose). */
  private readonly names = new Map<string, Ptr>();
  /** Cached type attribute lookups (CPython: the method cache of `_PyType_Lookup`). */
  readonly attributeCache = new AttributeCache();
  /** The builtins dict. */
  builtins = 0;
  /**
   * Each traceback object's source position (by address, overwritten when an address is
   * reused): what an exception group's traceback prints for exceptions no longer travelling.
   */
  readonly tracebackEntries = new Map<Ptr, TracebackEntry>();
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The `NotImplemented` singleton a binary or comparison dunder returns to decline. */
  readonly notImplemented: Ptr;
  /** The `Ellipsis` singleton (`...`), immortal like CPython's `_Py_EllipsisObject`. */
  readonly ellipsis: Ptr;
  /** What `input()` reads: a line without its newline, or undefined at end of input. */
  stdin: (prompt: string) => string | undefined = () => undefined;
  /** Guards `repr` of self-containing containers (CPython: `Py_ReprEnter`). @internal */
  readonly reprActive = new Set<Ptr>();
  /** Nested C-level recursions under way (see c-recursion.ts). @internal */
  cRecursionDepth = 0;
  /** Called to import a module (set by the interpreter). */
  importModule: (name: string) => Ptr = (name) =>
    this.raise("ModuleNotFoundError", `No module named '${name}'`);
  /** Set by the interpreter: an imported module (borrowed), or 0 when it has not been imported. */
  importedModule: (name: string) => Ptr = () => 0;
  /** Set by the interpreter: formats an exception as CPython's traceback text. */
  formatException: (error: PyException) => string = () => "";
  /** Set by the interpreter: the NativeContext handed to native functions. */
  context!: NativeContext;

  constructor(
    readonly runtime: Runtime,
    options: {
      stdout: (text: string) => void;
      stderr: (text: string) => void;
      stepLimit: number;
      recursionLimit: number;
    },
  ) {
    this.heap = runtime.heap;
    this.lifetime = runtime.lifetime;
    this.frameData = new FrameDataStack(this.heap.allocator);
    this.types = defineInterpreterTypes(this.heap);
    this.descriptorTypes = defineDescriptorTypes(this.heap);
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.stepLimit = options.stepLimit;
    this.recursionLimit = options.recursionLimit;
    this.createBuiltinTypes();
    // CPython: the static, immortal _Py_NotImplementedStruct (made mortal again at dispose()).
    this.notImplemented = this.heap.allocate(this.types.notImplemented);
    this.heap.memory.u32[this.notImplemented >>> 2] = IMMORTAL_REFCNT;
    this.ellipsis = this.heap.allocate(this.types.ellipsis);
    this.heap.memory.u32[this.ellipsis >>> 2] = IMMORTAL_REFCNT;
  }

  // ─────────────────────────────────────────────────────────────── references

  incref(obj: Ptr): Ptr {
    this.lifetime.incref(obj);
    return obj;
  }

  decref(obj: Ptr): void {
    this.lifetime.decref(obj);
  }

  /** Releases `obj` if not 0. */
  xdecref(obj: Ptr): void {
    if (obj !== 0) this.lifetime.decref(obj);
  }

  /** An interned `str` for `name`, owned by the machine (borrowed by callers). */
  /**
   * The interned name `text` if the machine has made it, else 0 — never allocates. For reads
   * that must not change the heap (a repr the playground takes while it records a step): a key
   * the machine never interned was never stored by its attribute and namespace paths.
   */
  existingName(text: string): Ptr {
    return this.names.get(text) ?? 0;
  }

  name(text: string): Ptr {
    let key = this.names.get(text);
    if (key === undefined) {
      key = this.heap.intern(text);
      this.names.set(text, key);
      this.attributeCache.ownName(key);
    }
    return key;
  }

  /**
   * `dict[key]` for an interned-name key through a site's {@link NameCache}: borrowed, or 0.
   * A hit reads the entry directly — no hashing, no probing.
   */
  cachedLookup(cache: NameCache, dict: Ptr, key: Ptr): Ptr {
    const u32 = this.heap.memory.u32;
    const keys = u32[(dict + DICT_KEYS_OFFSET) >>> 2]!;
    if (cache.dict === dict && cache.keys === keys && keys !== 0) {
      const entry = cache.entry;
      if (u32[(entry + ENTRY_KEY_OFFSET) >>> 2] === key)
        return u32[(entry + ENTRY_VALUE_OFFSET) >>> 2]!;
    }
    // A cached miss stays valid while no entry was added: adding always appends an entry
    // (nentries grows) or replaces the keys block.
    const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
    if (cache.dict === dict && cache.missingKeys === keys && cache.missingCount === count) return 0;
    const value = this.heap.dictGetItem(dict, key);
    if (value !== 0) this.fillNameCache(cache, dict, key);
    else {
      cache.dict = dict;
      cache.entry = 0;
      cache.keys = 0;
      cache.missingKeys = keys;
      cache.missingCount = count;
    }
    return value;
  }

  /**
   * `dict[key] = value`, stealing `value`, through a site's {@link NameCache}. A hit swaps the
   * entry's value in place (the old one released after the store, as `insertdict` does) when the
   * dict is already tracked, so CPython's MAINTAIN_TRACKING has nothing to do.
   */
  cachedStore(cache: NameCache, dict: Ptr, key: Ptr, value: Ptr): void {
    const u32 = this.heap.memory.u32;
    const keys = u32[(dict + DICT_KEYS_OFFSET) >>> 2]!;
    if (
      cache.dict === dict &&
      cache.keys === keys &&
      keys !== 0 &&
      u32[(dict + GC_NEXT_OFFSET) >>> 2] !== 0 &&
      u32[(cache.entry + ENTRY_KEY_OFFSET) >>> 2] === key
    ) {
      const slot = (cache.entry + ENTRY_VALUE_OFFSET) >>> 2;
      const old = u32[slot]!;
      u32[slot] = value;
      this.lifetime.decref(old);
      return;
    }
    try {
      this.heap.dictSetItem(dict, key, value);
    } finally {
      this.lifetime.decref(value);
    }
    this.fillNameCache(cache, dict, key);
  }

  private fillNameCache(cache: NameCache, dict: Ptr, key: Ptr): void {
    const u32 = this.heap.memory.u32;
    const entries = u32[(dict + DICT_ENTRIES_OFFSET) >>> 2]!;
    const count = u32[(dict + DICT_NENTRIES_OFFSET) >>> 2]!;
    for (let i = count - 1; i >= 0; i--) {
      const entry = entries + i * ENTRY_SIZE;
      if (u32[(entry + ENTRY_KEY_OFFSET) >>> 2] === key) {
        cache.dict = dict;
        cache.keys = u32[(dict + DICT_KEYS_OFFSET) >>> 2]!;
        cache.entry = entry;
        cache.missingCount = -1;
        return;
      }
    }
    cache.dict = 0;
  }

  /** Releases the interned names (dispose). */
  releaseNames(): void {
    for (const key of this.names.values()) this.decref(key);
    this.names.clear();
  }

  // ─────────────────────────────────────────────────────────────── value stack

  push(value: Ptr): void {
    // The growth is a call of its own: a push this small is inlined where it is used.
    if (this.sp === this.stack.length) this.growStack();
    this.stack[this.sp++] = value;
  }

  /** Doubles the value stack's capacity. */
  private growStack(): void {
    const bigger = new Uint32Array(this.stack.length * 2);
    bigger.set(this.stack);
    this.stack = bigger;
  }

  /** Releases the stack's entries above `level`, newest first (exception unwinding). */
  unwindTo(level: number): void {
    while (this.sp > level) {
      const value = this.stack[--this.sp]!;
      this.stack[this.sp] = 0;
      if (value !== 0) this.lifetime.decref(value);
    }
  }

  // ─────────────────────────────────────────────────────────────── types

  private createBuiltinTypes(): void {
    const heap = this.heap;
    const t = this.types;
    const object = this.registerBuiltin("object", t.object, undefined);
    const int = this.registerBuiltin("int", heap.intType, object);
    const plain: Array<[string, TypeId]> = [
      ["type", t.type],
      ["NoneType", heap.noneType],
      ["float", heap.floatType],
      ["str", heap.strType],
      ["tuple", heap.tupleType],
      ["list", heap.listType],
      ["dict", heap.dictType],
      ["function", t.function],
      ["builtin_function_or_method", t.builtin],
      ["method", t.method],
      ["cell", t.cell],
      ["module", t.module],
      ["frame", t.frameObject],
      ["range", t.range],
      ["slice", t.slice],
      ["set", heap.setType],
      ["frozenset", heap.frozensetType],
      ["complex", heap.complexType],
      ["bytes", t.bytes],
      ["bytearray", t.bytearray],
      ["NotImplementedType", t.notImplemented],
      ["ellipsis", t.ellipsis],
      ["types.GenericAlias", t.genericAlias],
      ["types.UnionType", t.union],
      ["weakref.ReferenceType", heap.weakrefType],
      ["traceback", t.traceback],
      ["code", t.code],
      ["dict_keys", t.dictKeys],
      ["dict_values", t.dictValues],
      ["dict_items", t.dictItems],
      ["property", this.descriptorTypes.property],
      ["classmethod", this.descriptorTypes.classmethod],
      ["staticmethod", this.descriptorTypes.staticmethod],
      ["super", this.descriptorTypes.super],
    ];
    this.registerBuiltin("bool", heap.boolType, int);
    // `__name__` is the part after the module (`GenericAlias` of `types.GenericAlias`).
    for (const [name, id] of plain)
      this.registerBuiltin(name, id, object, false, name.slice(name.lastIndexOf(".") + 1));
    let ids = exceptionTypeIds.get(heap);
    if (ids === undefined) {
      ids = new Map();
      for (const [name, baseName] of EXCEPTION_TREE) {
        const base = baseName !== undefined ? ids.get(baseName) : undefined;
        ids.set(
          name,
          heap.defineClass({
            name,
            ...(base !== undefined
              ? { base, slots: exceptionClassSlots(name) }
              : {
                  // CPython: PyBaseExceptionObject's args, traceback, context, cause and
                  // suppress_context (notes live in the instance dict as `__notes__`).
                  slots: [
                    "args",
                    "__traceback__",
                    "__context__",
                    "__cause__",
                    "__suppress_context__",
                  ],
                  dict: true,
                  weakrefable: true,
                  managedDict: true,
                }),
          }),
        );
      }
      exceptionTypeIds.set(heap, ids);
    }
    for (const [name, baseName] of EXCEPTION_TREE) {
      const base = baseName !== undefined ? this.builtinTypes.get(baseName)! : object;
      this.registerBuiltin(name, ids.get(name)!, base, true);
    }
  }

  /**
   * Registers a built-in type: an immortal, untracked type object and its record. `typeName` is
   * its `__name__` when that differs from the qualified `name` (`count` of `itertools.count`).
   */
  registerBuiltin(
    name: string,
    id: TypeId,
    base: TypeRecord | undefined,
    exception = false,
    typeName = name,
  ): TypeRecord {
    const obj = this.newTypeObject(id, typeName, base?.object ?? 0, this.heap.newDict());
    // Built-in types are immortal (PEP 683) and untracked until dispose().
    this.heap.memory.u32[obj >>> 2] = IMMORTAL_REFCNT;
    this.heap.collector?.untrack(obj);
    const bases = base !== undefined ? [base] : [];
    const mro: TypeRecord[] = [];
    const record: TypeRecord = {
      id,
      object: obj,
      name,
      base,
      bases,
      mro,
      hooks: 0,
      user: false,
      exception,
      instances: exception,
      classes: id === this.types.type,
    };
    for (let r: TypeRecord | undefined = record; r !== undefined; r = r.base) mro.push(r);
    this.attributeCache.forgetType(id);
    this.records[id] = record;
    this.builtinTypes.set(name, record);
    return record;
  }

  /**
   * A new type object (refcount 1, tracked); `dict` is stolen. `metaclass` is the record of its
   * type when that is a metaclass, whose class object the new one then references (CPython: a
   * heap type's instance owns a reference to its type).
   */
  newTypeObject(id: TypeId, name: string, base: Ptr, dict: Ptr, metaclass?: TypeRecord): Ptr {
    let obj: Ptr;
    try {
      if (metaclass === undefined || metaclass.id === this.types.type)
        obj = this.heap.allocate(this.types.type);
      else {
        obj = this.heap.allocate(metaclass.id);
        this.incref(metaclass.object);
      }
    } catch (error) {
      this.decref(dict); // stolen even when the type object cannot be made
      throw error;
    }
    const u32 = this.heap.memory.u32;
    u32[(obj + TYPE_ID_OFFSET) >>> 2] = id;
    u32[(obj + TYPE_DICT_OFFSET) >>> 2] = dict;
    if (base !== 0) this.incref(base);
    u32[(obj + TYPE_BASE_OFFSET) >>> 2] = base;
    try {
      const nameObj = this.heap.newStr(name);
      this.heap.memory.u32[(obj + TYPE_NAME_OFFSET) >>> 2] = nameObj;
    } catch (error) {
      this.decref(obj); // releases the dict and the base it already holds
      throw error;
    }
    return obj;
  }

  /** Registers the record of a class made by a `class` statement. */
  registerClass(record: TypeRecord): void {
    this.attributeCache.forgetType(record.id);
    this.records[record.id] = record;
  }

  /**
   * Turns the PEP 442 finalizer of `record` and its subclasses on or off after `__del__` was
   * assigned or deleted on a class (CPython: `update_slot` for `tp_finalize`).
   */
  refreshFinalizers(record: TypeRecord): void {
    const delKey = this.name("__del__");
    const flags = this.heap.types.flags;
    for (const candidate of this.records) {
      if (candidate === undefined || !candidate.user || !this.isSubtype(candidate, record))
        continue;
      if (this.lookupType(candidate, delKey) !== 0)
        flags[candidate.id]! |= DerivedTypeFlags.HAS_FINALIZE;
      else flags[candidate.id]! &= ~DerivedTypeFlags.HAS_FINALIZE;
    }
  }

  /** The type id of a live object (no liveness check: values come from the heap). */
  typeIdOf(obj: Ptr): TypeId {
    return this.heap.memory.u32[(obj + OB_TYPE_OFFSET) >>> 2]!;
  }

  recordOf(obj: Ptr): TypeRecord {
    return this.records[this.typeIdOf(obj)]!;
  }

  /** The record of a type object (`obj` must be a type object). */
  recordOfType(typeObject: Ptr): TypeRecord {
    return this.records[this.heap.memory.u32[(typeObject + TYPE_ID_OFFSET) >>> 2]!]!;
  }

  /** Whether `obj` is a class: an instance of `type` or of a metaclass (CPython: `PyType_Check`). */
  isType(obj: Ptr): boolean {
    return this.isTypeId(this.typeIdOf(obj));
  }

  /** Whether objects of type id `t` are classes (`type` or a metaclass's instances). */
  isTypeId(t: TypeId): boolean {
    return t === this.types.type || this.records[t]?.classes === true;
  }

  builtinType(name: string): TypeRecord {
    return this.builtinTypes.get(name)!;
  }

  /** Whether `record` is `ancestor` or derives from it (CPython: `PyType_IsSubtype`, by MRO). */
  isSubtype(record: TypeRecord | undefined, ancestor: TypeRecord): boolean {
    if (record === undefined) return false;
    const mro = record.mro;
    for (let i = 0; i < mro.length; i++) if (mro[i] === ancestor) return true;
    return false;
  }

  /** Looks `key` up in a type's dict and its bases' (CPython: `_PyType_Lookup`); borrowed or 0. */
  lookupType(record: TypeRecord, key: Ptr): Ptr {
    return this.attributeCache.lookup(this, record, key);
  }

  typeDict(record: TypeRecord): Ptr {
    return this.heap.memory.u32[(record.object + TYPE_DICT_OFFSET) >>> 2]!;
  }

  /** The name Python shows for an object's type. */
  typeName(obj: Ptr): string {
    const record = this.recordOf(obj);
    return record.typeName ?? record.name;
  }

  // ─────────────────────────────────────────────────────────────── errors

  /** Creates an exception instance of a built-in class with `(message,)` as args. */
  newException(name: string, message: string | undefined): Ptr {
    const record = this.builtinTypes.get(name) ?? this.builtinType("RuntimeError");
    const inst = this.heap.newInstance(record.id);
    try {
      let args = this.heap.emptyTuple;
      if (message !== undefined) {
        const text = this.heap.newStr(message);
        try {
          args = this.heap.newTuple([text]);
        } finally {
          this.decref(text);
        }
      }
      this.heap.setSlot(inst, "args", args);
      this.decref(args);
    } catch (error) {
      this.decref(inst); // out of memory half-way: the instance goes, MemoryError is raised
      throw error;
    }
    return inst;
  }

  /** Raises a built-in exception. */
  raise(
    name: ExceptionName | "ModuleNotFoundError" | "ImportError" | "LookupError",
    message: string,
  ): never {
    throw this.exception(this.newException(name, message));
  }

  /** Wraps an owned exception instance, chaining the exception being handled as its context. */
  exception(value: Ptr): PyException {
    const handled = this.handling[this.handling.length - 1];
    let context: PyException | undefined;
    if (handled !== undefined && handled.value !== value) {
      setExceptionContext(this, value, handled.value);
      context = new PyException(this.incref(handled.value), undefined);
      // Copy the handled exception's chain lazily: the printer only needs entries and values.
      context.entries.push(...handled.entries);
      if (handled.context !== undefined) context.context = this.copyException(handled.context);
      if (handled.cause !== undefined) context.cause = this.copyException(handled.cause);
      context.suppressContext = handled.suppressContext;
    }
    return new PyException(value, context);
  }

  /**
   * A copy of `source` and its chain (values increfed, frames shared) for another exception to
   * link to: the context or cause of a new exception.
   */
  copyException(source: PyException): PyException {
    const copy = new PyException(this.incref(source.value), undefined);
    copy.entries.push(...source.entries);
    if (source.context !== undefined) copy.context = this.copyException(source.context);
    if (source.cause !== undefined) copy.cause = this.copyException(source.cause);
    copy.suppressContext = source.suppressContext;
    return copy;
  }

  /**
   * Turns anything thrown during execution into a {@link PyException}: heap exhaustion becomes
   * `MemoryError`, JavaScript stack exhaustion `RecursionError`. The step limit passes through.
   */
  toPyException(error: unknown): PyException {
    if (error instanceof PyException) return error;
    if (error instanceof StepLimitError) throw error;
    if (error instanceof OutOfMemoryError) {
      // The failed allocation left the heap consistent; MemoryError's own object is small.
      return this.exception(this.newException("MemoryError", undefined));
    }
    // JavaScript stack exhaustion (deep recursion through nested expressions): plain string
    // tests only, since a regular expression could itself overflow a nearly full stack.
    if (error instanceof RangeError && error.message.toLowerCase().indexOf("stack") >= 0)
      return this.exception(
        this.newException("RecursionError", "maximum recursion depth exceeded"),
      );
    // A stdout/stderr writer whose reader went away (Node's EPIPE): CPython's print raises
    // BrokenPipeError there, and so does pymem's.
    if ((error as { code?: unknown } | undefined)?.code === "EPIPE")
      return this.exception(this.newException("BrokenPipeError", "[Errno 32] Broken pipe"));
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof TypeError) return this.exception(this.newException("TypeError", message));
    return this.exception(this.newException("RuntimeError", `pymem internal error: ${message}`));
  }

  /** Adds `frame`'s position to an exception's traceback once per frame. */
  record(error: PyException, frame: Frame): void {
    if (error.recordedDepth === frame.depth) return;
    error.recordedDepth = frame.depth;
    error.entries.push(this.entryOf(frame));
    try {
      this.addTraceback(error.value, frame);
    } catch (thrown) {
      // No memory for the traceback entry: MemoryError replaces the exception, as when
      // CPython's PyTraceBack_Here fails, and the exception's references are dropped.
      error.release(this);
      throw thrown;
    }
  }

  /**
   * Prepends a traceback entry for `frame` to the exception instance's `__traceback__`
   * (CPython: `PyTraceBack_Here`); the entry holds the frame, so its locals outlive the call.
   */
  addTraceback(value: Ptr, frame: Frame): void {
    const heap = this.heap;
    const record = this.recordOf(value);
    if (!record.exception || frame.heapFrame === 0) return;
    // Before the entry exists: numbering the position may allocate (and fail with MemoryError).
    const lasti = 2 * positionId(this, frame.node);
    const tb = heap.allocate(this.types.traceback);
    const u32 = heap.memory.u32;
    const slot = (value + heap.slotOffset(record.id, "__traceback__")) >>> 2;
    u32[(tb + TRACEBACK_NEXT_OFFSET) >>> 2] = u32[slot]!; // the old chain moves into the entry
    u32[(tb + TRACEBACK_LINE_OFFSET) >>> 2] = frame.node.line;
    u32[(tb + TRACEBACK_LASTI_OFFSET) >>> 2] = lasti;
    u32[slot] = tb;
    // CPython: PyTraceBack_Here takes the frame object, made now if nothing asked for it yet
    // (before the store: making it may grow the memory, and a view read first would be stale).
    const frameObject = frameObjectOf(this, frame);
    heap.memory.u32[(tb + TRACEBACK_FRAME_OFFSET) >>> 2] = frameObject;
    this.tracebackEntries.set(tb, this.entryOf(frame));
  }

  entryOf(frame: Frame): TracebackEntry {
    return {
      filename: frame.code.filename,
      functionName: frame.code.name,
      range: frame.node,
      source: frame.code.source,
    };
  }

  // ─────────────────────────────────────────────────────────────── numbers and strings

  newInt(value: number): Ptr {
    // Callers that can leave the safe range compute exactly instead (big-int-arithmetic.ts).
    if (!(value <= MAX_INT && value >= -MAX_INT))
      this.raise("OverflowError", "int result is not a safe integer (pymem internal limit)");
    return this.heap.newInt(value === 0 ? 0 : value);
  }

  newFloat(value: number): Ptr {
    return this.heap.newFloat(value);
  }

  newStr(text: string): Ptr {
    return this.heap.newStr(text);
  }

  newBool(value: boolean): Ptr {
    return value ? this.heap.true : this.heap.false;
  }

  /** A new reference to None. */
  none(): Ptr {
    return this.heap.none;
  }

  /** The float64 of an int, bool or float (caller checked the kind). */
  numberOf(obj: Ptr): number {
    // An int's value sits where a float's does (INT_VALUE_OFFSET === FLOAT_VALUE_OFFSET).
    return this.heap.memory.f64[(obj + FLOAT_VALUE_OFFSET) >>> 3]!;
  }

  // By kind, so instances of int, float and str subclasses pass (CPython: PyLong_Check,
  // PyFloat_Check, PyUnicode_Check); the operators test exact types before their dunders.
  isInt(obj: Ptr): boolean {
    const kind = this.heap.kinds[this.typeIdOf(obj)];
    return kind === KIND_INT || kind === KIND_BOOL;
  }

  isNumber(obj: Ptr): boolean {
    const kind = this.heap.kinds[this.typeIdOf(obj)];
    return kind === KIND_INT || kind === KIND_BOOL || kind === KIND_FLOAT;
  }

  isStr(obj: Ptr): boolean {
    return this.heap.kinds[this.typeIdOf(obj)] === KIND_STR;
  }

  strOf(obj: Ptr): string {
    return this.heap.strValue(obj);
  }

  /** An int argument as a JS number, or a TypeError naming what was expected. */
  intArgument(obj: Ptr, what: string): number {
    if (!this.isInt(obj))
      this.raise("TypeError", `${what} must be an integer, not '${this.typeName(obj)}'`);
    const value = this.numberOf(obj);
    // A big int (NaN here) does not fit a C index. CPython: PyLong_AsSsize_t.
    if (Number.isNaN(value))
      this.raise("OverflowError", "Python int too large to convert to C ssize_t");
    return value;
  }

  // ─────────────────────────────────────────────────────────────── objects

  newTuple(items: ArrayLike<Ptr>): Ptr {
    return items.length === 0 ? this.heap.emptyTuple : this.heap.newTuple(items);
  }

  /** A tuple made of owned references (stolen). */
  tupleSteal(items: Ptr[]): Ptr {
    try {
      return this.newTuple(items);
    } finally {
      for (const item of items) this.decref(item);
    }
  }

  /**
   * A new list of new strs, one per text: when one allocation fails (MemoryError) the strs
   * already made are released, so nothing leaks.
   */
  newStrList(texts: readonly string[]): Ptr {
    return this.listSteal(this.newStrs(texts));
  }

  /** A new tuple of new strs, one per text; nothing leaks when an allocation fails. */
  newStrTuple(texts: readonly string[]): Ptr {
    return this.tupleSteal(this.newStrs(texts));
  }

  /** New strs, one per text (owned); the ones made are released when an allocation fails. */
  private newStrs(texts: readonly string[]): Ptr[] {
    const items: Ptr[] = [];
    try {
      for (const text of texts) items.push(this.newStr(text));
    } catch (error) {
      for (const item of items) this.decref(item);
      throw error;
    }
    return items;
  }

  /** A list made of owned references (stolen). */
  listSteal(items: Ptr[]): Ptr {
    try {
      return this.heap.newList(items);
    } finally {
      for (const item of items) this.decref(item);
    }
  }

  newRange(start: number, stop: number, step: number): Ptr {
    const obj = this.heap.allocate(this.types.range);
    const f64 = this.heap.memory.f64;
    f64[(obj + RANGE_START_OFFSET) >>> 3] = start;
    f64[(obj + RANGE_STOP_OFFSET) >>> 3] = stop;
    f64[(obj + RANGE_STEP_OFFSET) >>> 3] = step;
    return obj;
  }

  rangeValues(obj: Ptr): [start: number, stop: number, step: number] {
    const f64 = this.heap.memory.f64;
    return [
      f64[(obj + RANGE_START_OFFSET) >>> 3]!,
      f64[(obj + RANGE_STOP_OFFSET) >>> 3]!,
      f64[(obj + RANGE_STEP_OFFSET) >>> 3]!,
    ];
  }

  rangeLength(start: number, stop: number, step: number): number {
    if (step > 0) return stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }

  /** A new dict view (`dict_keys` …) of `dict` (borrowed). */
  newView(typeId: TypeId, dict: Ptr): Ptr {
    const view = this.heap.allocate(typeId);
    this.heap.memory.u32[(view + VIEW_DICT_OFFSET) >>> 2] = this.incref(dict);
    return view;
  }

  /** 0 when `obj` is not a dict view, else 1 keys, 2 values, 3 items. */
  viewKind(t: TypeId): number {
    const types = this.types;
    return t === types.dictKeys ? 1 : t === types.dictValues ? 2 : t === types.dictItems ? 3 : 0;
  }

  /** A view's items as new references (keys, values, or `(key, value)` tuples). */
  viewItems(view: Ptr, kind: number): Ptr[] {
    const dict = this.field(view, VIEW_DICT_OFFSET);
    const items: Ptr[] = [];
    // Held while tuples are allocated: an allocation may run finalizers that clear the dict.
    const pairs = holdDictItems(this, dict);
    try {
      for (const [key, value] of pairs) {
        if (kind === 1) items.push(this.incref(key));
        else if (kind === 2) items.push(this.incref(value));
        else items.push(this.heap.newTuple([key, value]));
      }
    } catch (error) {
      for (const item of items) this.decref(item);
      throw error;
    } finally {
      releaseDictItems(this, pairs);
    }
    return items;
  }

  newCell(contents: Ptr): Ptr {
    const cell = this.heap.allocate(this.types.cell);
    if (contents !== 0) this.incref(contents);
    this.heap.memory.u32[(cell + CELL_CONTENTS_OFFSET) >>> 2] = contents;
    return cell;
  }

  /** A new function object; every argument is borrowed (0 for none). */
  newFunction(code: number, globals: Ptr, defaults: Ptr, closure: Ptr, name: string): Ptr {
    const nameObj = this.heap.newStr(name);
    const fn = allocateOwning(this, this.types.function, [nameObj]);
    const u32 = this.heap.memory.u32;
    u32[(fn + FUNCTION_CODE_OFFSET) >>> 2] = code;
    u32[(fn + FUNCTION_GLOBALS_OFFSET) >>> 2] = this.incref(globals);
    if (defaults !== 0) u32[(fn + FUNCTION_DEFAULTS_OFFSET) >>> 2] = this.incref(defaults);
    if (closure !== 0) u32[(fn + FUNCTION_CLOSURE_OFFSET) >>> 2] = this.incref(closure);
    u32[(fn + FUNCTION_NAME_OFFSET) >>> 2] = nameObj;
    return fn;
  }

  /** Registers a native function and returns its index. */
  addNative(name: string, fn: NativeFunction): number {
    this.natives.push({ name, fn });
    return this.natives.length - 1;
  }

  /** A new `builtin_function_or_method` for a registered native, bound to `self` when given. */
  newBuiltin(native: number, self: Ptr): Ptr {
    const nameObj = this.heap.newStr(this.natives[native]!.name);
    const obj = allocateOwning(this, this.types.builtin, [nameObj]);
    const u32 = this.heap.memory.u32;
    u32[(obj + BUILTIN_NATIVE_OFFSET) >>> 2] = native;
    if (self !== 0) u32[(obj + BUILTIN_SELF_OFFSET) >>> 2] = this.incref(self);
    u32[(obj + BUILTIN_NAME_OFFSET) >>> 2] = nameObj;
    return obj;
  }

  newMethod(fn: Ptr, self: Ptr): Ptr {
    const obj = this.heap.allocate(this.types.method);
    const u32 = this.heap.memory.u32;
    u32[(obj + METHOD_FUNCTION_OFFSET) >>> 2] = this.incref(fn);
    u32[(obj + METHOD_SELF_OFFSET) >>> 2] = this.incref(self);
    return obj;
  }

  /** A new module object; its dict is stolen. */
  newModule(name: string, dict: Ptr): Ptr {
    let obj: Ptr;
    try {
      obj = this.heap.allocate(this.types.module);
    } catch (error) {
      this.decref(dict); // owned: a MemoryError must not leak it
      throw error;
    }
    this.heap.memory.u32[(obj + MODULE_DICT_OFFSET) >>> 2] = dict;
    try {
      this.heap.memory.u32[(obj + MODULE_NAME_OFFSET) >>> 2] = this.heap.newStr(name);
    } catch (error) {
      this.decref(obj); // releases the dict with it
      throw error;
    }
    return obj;
  }

  field(obj: Ptr, offset: number): Ptr {
    return this.heap.memory.u32[(obj + offset) >>> 2]!;
  }

  functionName(fn: Ptr): string {
    return this.heap.strValue(this.field(fn, FUNCTION_NAME_OFFSET));
  }

  // ─────────────────────────────────────────────────────────────── truth, repr, str

  isTrue(obj: Ptr): boolean {
    const heap = this.heap;
    if (obj === heap.true) return true;
    if (obj === heap.false || obj === heap.none) return false;
    const t = this.typeIdOf(obj);
    if (t === heap.intType || t === heap.floatType) return this.numberOf(obj) !== 0;
    if (t === heap.strType) return heap.memory.u32[(obj + STR_BYTES_OFFSET) >>> 2] !== 0;
    if (t === heap.listType) return heap.memory.u32[(obj + LIST_SIZE_OFFSET) >>> 2] !== 0;
    if (t === heap.tupleType) return heap.memory.u32[(obj + TUPLE_SIZE_OFFSET) >>> 2] !== 0;
    if (t === heap.dictType) return heap.memory.u32[(obj + DICT_USED_OFFSET) >>> 2] !== 0;
    if (t === heap.setType || t === heap.frozensetType) return heap.setLength(obj) !== 0;
    if (t === heap.complexType) return heap.complexReal(obj) !== 0 || heap.complexImag(obj) !== 0;
    if (t === this.types.bytes || t === this.types.bytearray)
      return heap.memory.u32[(obj + BYTES_SIZE_OFFSET) >>> 2] !== 0;
    if (t === this.types.range) {
      const [start, stop, step] = this.rangeValues(obj);
      return this.rangeLength(start, stop, step) > 0;
    }
    if (this.viewKind(t) !== 0) return heap.dictLength(this.field(obj, VIEW_DICT_OFFSET)) !== 0;
    const record = this.records[t];
    if (record?.user === true) {
      const bool = this.callSpecial(obj, "__bool__", []);
      if (bool !== 0) {
        const result = bool === heap.true;
        if (bool !== heap.true && bool !== heap.false) {
          const name = this.typeName(bool);
          this.decref(bool);
          this.raise("TypeError", `__bool__ should return bool, returned ${name}`);
        }
        return result;
      }
      const length = this.callSpecial(obj, "__len__", []);
      if (length !== 0) {
        const value = this.numberOf(length);
        this.decref(length);
        return value !== 0;
      }
    }
    return true;
  }

  /**
   * Calls a special method (`__bool__`, `__repr__`, …) found on the object's class, returning a
   * new reference, or 0 when the class does not define it.
   */
  callSpecial(obj: Ptr, name: string, args: readonly Ptr[]): Ptr {
    const record = this.recordOf(obj);
    if (!record.user) return 0;
    const method = this.lookupType(record, this.name(name));
    if (method === 0) return 0;
    return call(this, method, [obj, ...args], undefined);
  }
}
