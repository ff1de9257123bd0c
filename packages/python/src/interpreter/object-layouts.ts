import { type Ptr, TypeFlags, type TypeId } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import { internalHeap } from "@pymem/heap/internal";
import { type BytesTypeIds, defineBytesTypes } from "./bytes-objects.js";

/**
 * Byte layouts of the interpreter's own object types, registered with `heap.defineType` on top of
 * core's header (`ob_refcnt` at 0, `ob_type` at 4; GC types are preceded by the GC head). Words
 * marked "raw" are plain numbers, not references; every other word is an owned reference (0 =
 * NULL) that the declarative layout reports to collectors.
 *
 * ```text
 *  type      GC │ refcnt │ type │ typeId raw │ __name__ │ __dict__ │ __base__ │ __mro__ │ weaklist │ 32
 *  function  GC │ refcnt │ type │ code raw   │ globals  │ defaults │ closure  │ __name__ │ weaklist │
 *               │ __kwdefaults__ │ __dict__ │ __annotations__ │ __qualname__ │ __doc__ │ __module__ │ 56
 *  builtin   GC │ refcnt │ type │ native raw │ __self__ │ __name__ │                      20
 *  method    GC │ refcnt │ type │ __func__   │ __self__ │ weaklist │                      20
 *  cell      GC │ refcnt │ type │ contents   │                                            12
 *  code         │ refcnt │ type │ index raw  │                                            12
 *  alias     GC │ refcnt │ type │ __origin__ │ __args__ │                                 16
 *  union     GC │ refcnt │ type │ __args__   │                                            12
 *  module    GC │ refcnt │ type │ __dict__   │ __name__ │                                 16
 *  iframe       │ refcnt │ type │ nlocals    │ function │ frame_obj │ local 0 … local n-1 │ 20 + 4n
 *  frame     GC │ refcnt │ type │ data       │ f_back │ f_trace │ f_globals │ f_locals │
 *               │ code raw │ owner raw │ line raw │ lasti raw │                          44
 *  traceback GC │ refcnt │ type │ tb_next    │ tb_frame │ tb_lineno raw │ tb_lasti raw │   24
 *  range        │ refcnt │ type │ start f64  │ stop f64 │ step f64 │                      32
 *  dict view GC │ refcnt │ type │ dict       │                                            12
 *  object       │ refcnt │ type │                                                          8
 * ```
 *
 * Interpreter frames (`iframe`, CPython 3.11+'s `_PyInterpreterFrame`) are not GC objects: one
 * lives from call to return and owns the locals; its owner — the running call, or the generator
 * it belongs to — reports them to collectors. The Python-visible `frame` object is made only when
 * something asks for it (`sys._getframe`, a traceback entry, `gi_frame`; see frame-objects.ts)
 * and is then held by the iframe (`frame_obj`). When the call returns while the frame object is
 * still referenced, the frame object takes the iframe over (CPython: `take_ownership`): it becomes
 * GC-tracked and reports the locals itself, so a cycle through a saved frame is collected.
 *
 * @module
 */

/** Type object: the heap type id it describes (raw). */
export const TYPE_ID_OFFSET = 8;
/** Type object: its `__name__` (str). */
export const TYPE_NAME_OFFSET = 12;
/** Type object: its `__dict__` (a dict: methods, class attributes). */
export const TYPE_DICT_OFFSET = 16;
/** Type object: its base type object (0 for `object`). CPython: `tp_base`. */
export const TYPE_BASE_OFFSET = 20;
/**
 * Type object: `__mro__`, a tuple starting with the class itself (0 for built-in types). It makes
 * every class part of a reference cycle, as in CPython, so a class dies only in a collection.
 */
export const TYPE_MRO_OFFSET = 24;
/** Type object: the head of its weak reference list. CPython: `tp_weaklist`. */
export const TYPE_WEAKLIST_OFFSET = 28;
/** Size of a type object. */
export const TYPE_SIZE = 32;

/** Function: index of its compiled code in the interpreter's code table (raw). */
export const FUNCTION_CODE_OFFSET = 8;
/** Function: the globals dict it runs in. CPython: `func_globals`. */
export const FUNCTION_GLOBALS_OFFSET = 12;
/** Function: the tuple of default values, or 0. CPython: `func_defaults`. */
export const FUNCTION_DEFAULTS_OFFSET = 16;
/** Function: the tuple of cells it closes over, or 0. CPython: `func_closure`. */
export const FUNCTION_CLOSURE_OFFSET = 20;
/** Function: its `__name__` (str). */
export const FUNCTION_NAME_OFFSET = 24;
/** Function: the head of its weak reference list. CPython: `func_weakreflist`. */
export const FUNCTION_WEAKLIST_OFFSET = 28;
/** Function: the dict of keyword-only defaults, or 0. CPython: `func_kwdefaults`. */
export const FUNCTION_KWDEFAULTS_OFFSET = 32;
/** Function: its `__dict__` (arbitrary attributes), or 0 until first used. CPython: `func_dict`. */
export const FUNCTION_DICT_OFFSET = 36;
/** Function: its `__annotations__` dict, or 0 until first asked for. CPython: `func_annotations`. */
export const FUNCTION_ANNOTATIONS_OFFSET = 40;
/** Function: an assigned `__qualname__`, or 0 for its code's. CPython: `func_qualname`. */
export const FUNCTION_QUALNAME_OFFSET = 44;
/** Function: an assigned `__doc__`, or 0 for its code's docstring. CPython: `func_doc`. */
export const FUNCTION_DOC_OFFSET = 48;
/** Function: an assigned `__module__`, or 0 for its globals' `__name__`. CPython: `func_module`. */
export const FUNCTION_MODULE_OFFSET = 52;
/** Size of a function object. */
export const FUNCTION_SIZE = 56;

/** `types.GenericAlias` (`list[int]`): the class subscripted. CPython: `gaobject.origin`. */
export const ALIAS_ORIGIN_OFFSET = 8;
/** `types.GenericAlias`: the tuple of arguments. CPython: `gaobject.args`. */
export const ALIAS_ARGS_OFFSET = 12;
/** Size of a `types.GenericAlias`. */
export const ALIAS_SIZE = 16;

/** `types.UnionType` (`int | None`): the tuple of its members. CPython: `unionobject.args`. */
export const UNION_ARGS_OFFSET = 8;
/** Size of a `types.UnionType`. */
export const UNION_SIZE = 12;

/** Code object: index of its compiled code in the interpreter's code table (raw). */
export const CODE_INDEX_OFFSET = 8;
/** Size of a code object. */
export const CODE_SIZE = 12;

/** Built-in function: index into the interpreter's native function table (raw). */
export const BUILTIN_NATIVE_OFFSET = 8;
/** Built-in function: the bound `self`, or 0. CPython: `m_self`. */
export const BUILTIN_SELF_OFFSET = 12;
/** Built-in function: its `__name__` (str). */
export const BUILTIN_NAME_OFFSET = 16;
/** Size of a built-in function object. */
export const BUILTIN_SIZE = 20;

/** Bound method: the function. CPython: `im_func`. */
export const METHOD_FUNCTION_OFFSET = 8;
/** Bound method: the instance. CPython: `im_self`. */
export const METHOD_SELF_OFFSET = 12;
/** Bound method: the head of its weak reference list. CPython: `im_weakreflist`. */
export const METHOD_WEAKLIST_OFFSET = 16;
/** Size of a bound method object. */
export const METHOD_SIZE = 20;

/** Cell: the variable's value, or 0 when unbound. CPython: `ob_ref`. */
export const CELL_CONTENTS_OFFSET = 8;
/** Size of a cell object. */
export const CELL_SIZE = 12;

/** Module: its dict. CPython: `md_dict`. */
export const MODULE_DICT_OFFSET = 8;
/** Module: its `__name__` (str). */
export const MODULE_NAME_OFFSET = 12;
/** Size of a module object. */
export const MODULE_SIZE = 16;

/** Interpreter frame: number of local slots (its `ob_size`). */
export const FRAME_COUNT_OFFSET = 8;
/** Interpreter frame: the function running in it (0 for module and class bodies). CPython: `f_funcobj`. */
export const FRAME_FUNCTION_OFFSET = 12;
/** Interpreter frame: its Python-visible frame object, 0 until one is asked for. CPython: `frame_obj`. */
export const FRAME_OBJECT_OFFSET = 16;
/** Interpreter frame: the first local slot. CPython: `localsplus`. */
export const FRAME_LOCALS_OFFSET = 20;

/**
 * Frame object: its interpreter frame — borrowed while the running call or a generator owns it,
 * owned once the frame object took it over, 0 after that was cleared. CPython: `f_frame`.
 */
export const FRAME_OBJECT_DATA_OFFSET = 8;
/** Frame object: the caller's frame object, set when it takes its frame over. CPython: `f_back`. */
export const FRAME_OBJECT_BACK_OFFSET = 12;
/** Frame object: the trace function, or 0 (None). CPython: `f_trace`. */
export const FRAME_OBJECT_TRACE_OFFSET = 16;
/** Frame object: the globals dict the code runs in. CPython: `f_globals`. */
export const FRAME_OBJECT_GLOBALS_OFFSET = 20;
/** Frame object: a module or class body's namespace dict, 0 for a function. CPython: `f_locals`. */
export const FRAME_OBJECT_NAMESPACE_OFFSET = 24;
/** Frame object: index of the code it runs in the interpreter's code table (raw). */
export const FRAME_OBJECT_CODE_OFFSET = 28;
/** Frame object: who owns its interpreter frame, a {@link FrameOwner} value (raw). CPython: `owner`. */
export const FRAME_OBJECT_OWNER_OFFSET = 32;
/** Frame object: the line it stopped at, once it took its frame over (raw). CPython: `f_lineno`. */
export const FRAME_OBJECT_LINE_OFFSET = 36;
/** Frame object: the position it stopped at, once it took its frame over (raw, see frame-objects.ts). */
export const FRAME_OBJECT_LASTI_OFFSET = 40;
/** Size of a frame object. */
export const FRAME_OBJECT_SIZE = 44;

/**
 * Who owns a frame object's interpreter frame (CPython: `FRAME_OWNED_BY_THREAD`,
 * `FRAME_OWNED_BY_GENERATOR`, `FRAME_OWNED_BY_FRAME_OBJECT`, `FRAME_CLEARED`).
 *
 * @example
 * ```ts
 * if (machine.field(frameObject, FRAME_OBJECT_OWNER_OFFSET) === FrameOwner.THREAD) …
 * ```
 */
export const FrameOwner = { THREAD: 0, GENERATOR: 1, FRAME_OBJECT: 2, CLEARED: 3 } as const;

/** Traceback: the next (inner) entry. CPython: `tb_next`. */
export const TRACEBACK_NEXT_OFFSET = 8;
/** Traceback: the frame object. CPython: `tb_frame`. */
export const TRACEBACK_FRAME_OFFSET = 12;
/** Traceback: the line number (raw). CPython: `tb_lineno`. */
export const TRACEBACK_LINE_OFFSET = 16;
/** Traceback: the position of the failing expression (raw, see frame-objects.ts). CPython: `tb_lasti`. */
export const TRACEBACK_LASTI_OFFSET = 20;
/** Size of a traceback object. */
export const TRACEBACK_SIZE = 24;

/** Range: first value (float64 holding a safe integer). */
export const RANGE_START_OFFSET = 8;
/** Range: end value, exclusive. */
export const RANGE_STOP_OFFSET = 16;
/** Range: step, never 0. */
export const RANGE_STEP_OFFSET = 24;
/** Size of a range object. */
export const RANGE_SIZE = 32;

/** `slice`: start, stop and step (CPython: `PySliceObject`; None where omitted). */
export const SLICE_START_OFFSET = 8;
/** @see SLICE_START_OFFSET */
export const SLICE_STOP_OFFSET = 12;
/** @see SLICE_START_OFFSET */
export const SLICE_STEP_OFFSET = 16;
/** @see SLICE_START_OFFSET */
export const SLICE_SIZE = 20;

/** Dict view (`dict_keys`, `dict_values`, `dict_items`): the dict it shows. CPython: `dv_dict`. */
export const VIEW_DICT_OFFSET = 8;
/** Size of a dict view. */
export const VIEW_SIZE = 12;

/** Size of a plain `object()` instance. */
export const OBJECT_SIZE = 8;

/**
 * The type ids of the interpreter's own object types.
 *
 * @example
 * ```ts
 * const types = defineInterpreterTypes(heap);
 * const cell = heap.allocate(types.cell);
 * ```
 */
export interface InterpreterTypeIds extends BytesTypeIds {
  readonly object: TypeId;
  readonly type: TypeId;
  readonly function: TypeId;
  readonly builtin: TypeId;
  readonly method: TypeId;
  readonly cell: TypeId;
  readonly module: TypeId;
  /** Interpreter frames: the locals of a running call (not GC objects, not Python-visible). */
  readonly frame: TypeId;
  /** Python-visible frame objects (`sys._getframe()`), GC-tracked once they own their frame. */
  readonly frameObject: TypeId;
  readonly range: TypeId;
  readonly dictKeys: TypeId;
  readonly dictValues: TypeId;
  readonly dictItems: TypeId;
  readonly traceback: TypeId;
  /** Code objects (`f.__code__`): not GC-tracked, as CPython's. */
  readonly code: TypeId;
  /** The type of the `NotImplemented` singleton. */
  readonly notImplemented: TypeId;
  /** The type of the `Ellipsis` (`...`) singleton. CPython: `PyEllipsis_Type`. */
  readonly ellipsis: TypeId;
  /** `types.GenericAlias` (`list[int]`), GC-tracked as CPython's. */
  readonly genericAlias: TypeId;
  /** `types.UnionType` (`int | None`), GC-tracked as CPython's. */
  readonly union: TypeId;
  readonly slice: TypeId;
}

/**
 * Registers the interpreter's object types in `heap` (once per heap: type ids are never
 * unregistered, so a second interpreter on the same runtime reuses them).
 *
 * @example
 * ```ts
 * const types = defineInterpreterTypes(runtime.heap);
 * ```
 */
export function defineInterpreterTypes(heap: Heap): InterpreterTypeIds {
  const cached = registered.get(heap);
  if (cached !== undefined) return cached;
  const gc = TypeFlags.GC;
  const ids: InterpreterTypeIds = {
    object: heap.defineType({ name: "object", basicSize: OBJECT_SIZE, flags: TypeFlags.BASETYPE }),
    type: heap.defineType({
      name: "type",
      basicSize: TYPE_SIZE,
      flags: gc,
      references: {
        fixed: [TYPE_NAME_OFFSET, TYPE_DICT_OFFSET, TYPE_BASE_OFFSET, TYPE_MRO_OFFSET],
      },
      weaklistOffset: TYPE_WEAKLIST_OFFSET,
    }),
    function: heap.defineType({
      name: "function",
      basicSize: FUNCTION_SIZE,
      flags: gc,
      references: {
        // CPython: func_clear's order.
        fixed: [
          FUNCTION_GLOBALS_OFFSET,
          FUNCTION_MODULE_OFFSET,
          FUNCTION_DEFAULTS_OFFSET,
          FUNCTION_KWDEFAULTS_OFFSET,
          FUNCTION_DOC_OFFSET,
          FUNCTION_DICT_OFFSET,
          FUNCTION_CLOSURE_OFFSET,
          FUNCTION_ANNOTATIONS_OFFSET,
          FUNCTION_NAME_OFFSET,
          FUNCTION_QUALNAME_OFFSET,
        ],
      },
      weaklistOffset: FUNCTION_WEAKLIST_OFFSET,
    }),
    builtin: heap.defineType({
      name: "builtin_function_or_method",
      basicSize: BUILTIN_SIZE,
      flags: gc,
      references: { fixed: [BUILTIN_SELF_OFFSET, BUILTIN_NAME_OFFSET] },
    }),
    method: heap.defineType({
      name: "method",
      basicSize: METHOD_SIZE,
      flags: gc,
      references: { fixed: [METHOD_FUNCTION_OFFSET, METHOD_SELF_OFFSET] },
      weaklistOffset: METHOD_WEAKLIST_OFFSET,
    }),
    cell: heap.defineType({
      name: "cell",
      basicSize: CELL_SIZE,
      flags: gc,
      references: { fixed: [CELL_CONTENTS_OFFSET] },
    }),
    module: heap.defineType({
      name: "module",
      basicSize: MODULE_SIZE,
      flags: gc,
      references: { fixed: [MODULE_DICT_OFFSET, MODULE_NAME_OFFSET] },
    }),
    frame: heap.defineType({
      name: "_PyInterpreterFrame",
      basicSize: FRAME_LOCALS_OFFSET,
      itemSize: 4,
      references: {
        fixed: [FRAME_FUNCTION_OFFSET, FRAME_OBJECT_OFFSET],
        items: {
          storage: "inline",
          offset: FRAME_LOCALS_OFFSET,
          countOffset: FRAME_COUNT_OFFSET,
          stride: 4,
          referenceOffsets: [0],
        },
      },
    }),
    frameObject: defineFrameObject(heap),
    range: heap.defineType({ name: "range", basicSize: RANGE_SIZE, flags: TypeFlags.IMMUTABLE }),
    traceback: defineTraceback(heap),
    code: heap.defineType({ name: "code", basicSize: CODE_SIZE, flags: TypeFlags.IMMUTABLE }),
    dictKeys: defineView(heap, "dict_keys"),
    dictValues: defineView(heap, "dict_values"),
    dictItems: defineView(heap, "dict_items"),
    notImplemented: heap.defineType({ name: "NotImplementedType", basicSize: 8 }),
    ellipsis: heap.defineType({ name: "ellipsis", basicSize: 8 }),
    genericAlias: heap.defineType({
      name: "types.GenericAlias",
      basicSize: ALIAS_SIZE,
      flags: gc,
      references: { fixed: [ALIAS_ORIGIN_OFFSET, ALIAS_ARGS_OFFSET] },
    }),
    // CPython 3.12+: slices are GC-tracked (they may hold any object) and hashable.
    slice: heap.defineType({
      name: "slice",
      basicSize: SLICE_SIZE,
      flags: gc,
      references: { fixed: [SLICE_START_OFFSET, SLICE_STOP_OFFSET, SLICE_STEP_OFFSET] },
    }),
    union: heap.defineType({
      name: "types.UnionType",
      basicSize: UNION_SIZE,
      flags: gc,
      references: { fixed: [UNION_ARGS_OFFSET] },
    }),
    ...defineBytesTypes(heap),
  };
  registered.set(heap, ids);
  return ids;
}

const registered = new WeakMap<Heap, InterpreterTypeIds>();

/**
 * Drops a reference to a frame. The last one releases its locals in slot order, then the frame
 * (CPython: `frame_dealloc` → `_PyFrame_ClearLocals`). Used by frames' owners: a returning
 * call, or a traceback.
 *
 * @example
 * ```ts
 * releaseFrameReference(heap, heapFrame); // locals die in slot order if it was the last reference
 * ```
 */
export function releaseFrameReference(heap: Heap, frame: Ptr): void {
  const lifetime = internalHeap(heap).requireLifetime();
  const u32 = heap.memory.u32;
  if (u32[frame >>> 2] === 1) {
    const count = u32[(frame + FRAME_COUNT_OFFSET) >>> 2]!;
    for (let i = 0; i < count; i++) {
      const slot = (frame + FRAME_LOCALS_OFFSET + 4 * i) >>> 2;
      const value = heap.memory.u32[slot]!;
      if (value === 0) continue;
      heap.memory.u32[slot] = 0;
      lifetime.decref(value);
    }
    // Every slot is empty now: a count of 0 spares the dealloc a walk over them.
    heap.memory.u32[(frame + FRAME_COUNT_OFFSET) >>> 2] = 0;
  }
  lifetime.decref(frame);
}

/**
 * Reports an interpreter frame's contents to a collector's `visit`: its frame object, its function
 * and its locals. Called by the frame's owner (a generator, or the frame object that took it over).
 * CPython: `_PyFrame_Traverse`.
 *
 * @example
 * ```ts
 * traverse: (gen, visit) => visitInterpreterFrame(heap, frameOf(gen), visit),
 * ```
 * @internal
 */
export function visitInterpreterFrame(
  heap: Heap,
  frame: Ptr,
  visit: (referent: Ptr) => void,
): void {
  const u32 = heap.memory.u32;
  const frameObject = u32[(frame + FRAME_OBJECT_OFFSET) >>> 2]!;
  if (frameObject !== 0) visit(frameObject);
  const fn = u32[(frame + FRAME_FUNCTION_OFFSET) >>> 2]!;
  if (fn !== 0) visit(fn);
  const count = u32[(frame + FRAME_COUNT_OFFSET) >>> 2]!;
  for (let i = 0; i < count; i++) {
    const value = heap.memory.u32[(frame + FRAME_LOCALS_OFFSET + 4 * i) >>> 2]!;
    if (value !== 0) visit(value);
  }
}

/** The frame object's interpreter frame when the frame object owns it, else 0. */
function ownedFrameData(heap: Heap, frameObject: Ptr): Ptr {
  const u32 = heap.memory.u32;
  return u32[(frameObject + FRAME_OBJECT_OWNER_OFFSET) >>> 2] === FrameOwner.FRAME_OBJECT
    ? u32[(frameObject + FRAME_OBJECT_DATA_OFFSET) >>> 2]!
    : 0;
}

/** Drops the reference in field `offset` of `obj`, leaving 0. */
function dropField(heap: Heap, obj: Ptr, offset: number): void {
  const u32 = heap.memory.u32;
  const value = u32[(obj + offset) >>> 2]!;
  u32[(obj + offset) >>> 2] = 0;
  if (value !== 0) internalHeap(heap).requireLifetime().decref(value);
}

function defineFrameObject(heap: Heap): TypeId {
  let id = 0;
  id = heap.defineType({
    name: "frame",
    basicSize: FRAME_OBJECT_SIZE,
    flags: TypeFlags.GC,
    references: {
      fixed: [
        FRAME_OBJECT_BACK_OFFSET,
        FRAME_OBJECT_TRACE_OFFSET,
        FRAME_OBJECT_GLOBALS_OFFSET,
        FRAME_OBJECT_NAMESPACE_OFFSET,
      ],
    },
    // CPython: frame_traverse — the interpreter frame's contents once the frame object owns it.
    traverse: (frameObject, visit) => {
      const frame = ownedFrameData(heap, frameObject);
      if (frame !== 0) visitInterpreterFrame(heap, frame, visit);
    },
    // CPython: frame_tp_clear — the trace function and the locals (the frame object stays usable).
    clear: (frameObject) => {
      dropField(heap, frameObject, FRAME_OBJECT_TRACE_OFFSET);
      clearFrameObjectLocals(heap, frameObject);
    },
    // CPython: frame_dealloc — the locals if it owns them, then f_back and f_trace.
    dealloc: (frameObject) => {
      const frame = ownedFrameData(heap, frameObject);
      heap.memory.u32[(frameObject + FRAME_OBJECT_DATA_OFFSET) >>> 2] = 0;
      if (frame !== 0) releaseFrameReference(heap, frame);
      for (const offset of [
        FRAME_OBJECT_BACK_OFFSET,
        FRAME_OBJECT_TRACE_OFFSET,
        FRAME_OBJECT_GLOBALS_OFFSET,
        FRAME_OBJECT_NAMESPACE_OFFSET,
      ])
        dropField(heap, frameObject, offset);
      heap.releaseObject(frameObject, id);
    },
  });
  return id;
}

/**
 * Drops the locals a frame object owns, in slot order, and a class body's namespace (CPython:
 * `frame_tp_clear`, and `frame.clear()` on a finished frame). The frame object keeps its
 * function, code and line.
 *
 * @example
 * ```ts
 * clearFrameObjectLocals(heap, frameObject); // frame.f_locals is {} afterwards
 * ```
 * @internal
 */
export function clearFrameObjectLocals(heap: Heap, frameObject: Ptr): void {
  const frame = ownedFrameData(heap, frameObject);
  if (frame !== 0) {
    const count = heap.memory.u32[(frame + FRAME_COUNT_OFFSET) >>> 2]!;
    for (let i = 0; i < count; i++) dropField(heap, frame, FRAME_LOCALS_OFFSET + 4 * i);
  }
  dropField(heap, frameObject, FRAME_OBJECT_NAMESPACE_OFFSET);
}

function defineTraceback(heap: Heap): TypeId {
  let id = 0;
  id = heap.defineType({
    name: "traceback",
    basicSize: TRACEBACK_SIZE,
    flags: TypeFlags.GC,
    references: { fixed: [TRACEBACK_NEXT_OFFSET, TRACEBACK_FRAME_OFFSET] },
    // CPython: tb_clear.
    clear: (tb) => {
      dropField(heap, tb, TRACEBACK_FRAME_OFFSET);
      dropField(heap, tb, TRACEBACK_NEXT_OFFSET);
    },
    // CPython: tb_dealloc — tb_next first (the innermost frame dies first), then tb_frame.
    dealloc: (tb) => {
      dropField(heap, tb, TRACEBACK_NEXT_OFFSET);
      dropField(heap, tb, TRACEBACK_FRAME_OFFSET);
      heap.releaseObject(tb, id);
    },
  });
  return id;
}

function defineView(heap: Heap, name: string): TypeId {
  return heap.defineType({
    name,
    basicSize: VIEW_SIZE,
    flags: TypeFlags.GC,
    references: { fixed: [VIEW_DICT_OFFSET] },
  });
}
