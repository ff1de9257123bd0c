import type { Ptr } from "@pymem/core";
import type { Heap } from "@pymem/heap";
import type { Frame } from "./frame.js";
import { CELL_CONTENTS_OFFSET, FRAME_FUNCTION_OFFSET } from "./object-layouts.js";

/**
 * Read-only views of the running frames, for debuggers, tracers and visualisers.
 *
 * @module
 */

/**
 * One cell of a frame: a variable shared with nested functions (`cellvars`) or taken from an
 * enclosing one (`freevars`).
 *
 * @example
 * ```ts
 * for (const cell of frame.cells) console.log(cell.name, cell.contents === 0 ? "<empty>" : cell.contents);
 * ```
 */
export interface CellVariable {
  /** The variable's name. */
  readonly name: string;
  /** The cell object (borrowed). */
  readonly cell: Ptr;
  /** What the cell holds (borrowed), or 0 while it is empty (not assigned yet, or deleted). */
  readonly contents: Ptr;
}

/**
 * A running frame, as {@link Interpreter.frames} reports it: which code runs, where, and the
 * variables it binds. Every pointer is borrowed and valid only until the program continues.
 *
 * @example
 * ```ts
 * const [module, ...calls] = interpreter.frames();
 * for (const frame of calls) console.log(`${frame.qualifiedName}() line ${frame.line}`);
 * ```
 */
export interface FrameInfo {
  /** `"module"`, `"function"` (functions, methods, lambdas) or `"class"` (a class body). */
  readonly kind: "module" | "function" | "class";
  /** `co_name`: `"<module>"`, `"inc"`, `"<lambda>"`, the class name for a class body. */
  readonly name: string;
  /** `co_qualname`: `"make_counter.<locals>.inc"`, `"Node.__init__"`. */
  readonly qualifiedName: string;
  /** `f_lineno`: the line of the statement the frame runs (in a caller: the call's line); 0 before its first statement. */
  readonly line: number;
  /** Call depth: 0 for the module frame. */
  readonly depth: number;
  /** The interpreter frame holding the locals (borrowed; not the Python-visible frame object). */
  readonly frame: Ptr;
  /** The function object being run (borrowed), or 0 for module and class-body frames. */
  readonly function: Ptr;
  /**
   * The names bound in the frame and their values (borrowed), in CPython's `localsplus` order —
   * parameters first — without cells and free variables. Module frames list the module's
   * globals and class bodies their namespace, both without `__dunder__` names. Unbound locals
   * are left out.
   */
  readonly locals: ReadonlyArray<readonly [name: string, value: Ptr]>;
  /** Variables of this frame that nested functions share (`co_cellvars`), as cells. */
  readonly cells: readonly CellVariable[];
  /** Variables of enclosing functions this frame uses (`co_freevars`), as cells. */
  readonly freeVariables: readonly CellVariable[];
}

function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

function dictEntries(heap: Heap, dict: Ptr): Array<readonly [string, Ptr]> {
  const result: Array<readonly [string, Ptr]> = [];
  for (const [key, value] of heap.dictItems(dict)) {
    const name = heap.strValue(key);
    if (!isDunder(name)) result.push([name, value]);
  }
  return result;
}

function cellOf(heap: Heap, name: string, cell: Ptr): CellVariable {
  const contents = cell === 0 ? 0 : heap.memory.u32[(cell + CELL_CONTENTS_OFFSET) >>> 2]!;
  return { name, cell, contents };
}

/**
 * Describes one pooled JS frame record (see {@link Frame}): the code's names, the line, and the
 * variables read straight from the heap frame (CPython: `PyFrame_GetLocals`, without making a
 * dict). Comprehension variables (PEP 709 hidden slots) are left out.
 *
 * @example
 * ```ts
 * const info = describeFrame(heap, machine.framePool[0]!);
 * ```
 * @internal
 */
export function describeFrame(heap: Heap, frame: Frame): FrameInfo {
  const code = frame.code;
  const u32 = heap.memory.u32;
  const base = frame.locals >>> 2;
  const cellSlots = new Set(code.cellSlots);
  const freeEnd = code.freeStart + code.freeCount;
  const isFree = (slot: number): boolean =>
    code.freeCount > 0 && slot >= code.freeStart && slot < freeEnd;
  const locals: Array<readonly [string, Ptr]> = [];
  const cells: CellVariable[] = [];
  const freeVariables: CellVariable[] = [];
  code.slotNames.forEach((name, slot) => {
    if (name.startsWith("<")) return;
    const value = u32[base + slot]!;
    if (cellSlots.has(slot)) cells.push(cellOf(heap, name, value));
    else if (isFree(slot)) freeVariables.push(cellOf(heap, name, value));
    else if (value !== 0 && code.kind === "function") locals.push([name, value]);
  });
  if (code.kind === "module") locals.push(...dictEntries(heap, frame.globals));
  else if (code.kind === "class" && frame.namespace !== 0)
    locals.push(...dictEntries(heap, frame.namespace));
  return {
    kind: code.kind,
    name: code.name,
    qualifiedName: code.qualifiedName,
    line: frame.node.line,
    depth: frame.depth,
    frame: frame.heapFrame,
    function: code.kind === "function" ? u32[(frame.heapFrame + FRAME_FUNCTION_OFFSET) >>> 2]! : 0,
    locals,
    cells,
    freeVariables,
  };
}
