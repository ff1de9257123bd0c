import type { Ptr } from "@pymem/core";
import { isExceptionGroup, notesOf } from "./exception-groups.js";
import { PyException, type TracebackEntry } from "./exceptions.js";
import type { Machine } from "./machine.js";
import { TRACEBACK_NEXT_OFFSET } from "./object-layouts.js";
import { repr, str } from "./object-repr.js";
import { formatStackEntries } from "./traceback.js";

/**
 * CPython 3.13's traceback text for an uncaught exception that is, or whose chain holds, an
 * exception group (`traceback.TracebackException.format` with its `_ExceptionPrintContext`):
 * each group boxed with `| ` margins, its members numbered `+---- 1 ----`, at most 15 members
 * ("and N more exceptions") and 10 levels ("... (max_group_depth is 10)"). The exceptions inside
 * a group no longer travel, so their frames come from their `__traceback__` objects.
 *
 * @module
 */

/** CPython: TracebackException's `max_group_width` and `max_group_depth` defaults. */
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

const CAUSE_MESSAGE = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE = "\nDuring handling of the above exception, another exception occurred:\n\n";

/** One exception of the tree to print (CPython: a `TracebackException`). */
interface Node {
  readonly value: Ptr;
  readonly entries: readonly TracebackEntry[];
  readonly suppressContext: boolean;
  cause: Node | undefined;
  context: Node | undefined;
  exceptions: Node[] | undefined;
}

/** The exception's type name and message line text, as the interpreter prints them. */
export type Describe = (
  value: Ptr,
) => readonly [typeName: string, message: string, preamble?: string];

/**
 * Whether the uncaught `error`'s chain holds a group, so that {@link formatExceptionTree}
 * prints it.
 *
 * @example
 * ```ts
 * if (chainHasGroup(machine, error)) text = formatExceptionTree(machine, error, describe);
 * ```
 */
export function chainHasGroup(m: Machine, error: PyException): boolean {
  const seen = new Set<PyException>();
  for (let e: PyException | undefined = error; e !== undefined && !seen.has(e); ) {
    seen.add(e);
    if (e.value !== 0 && isExceptionGroup(m, e.value)) return true;
    e = e.cause ?? e.context;
  }
  return false;
}

/**
 * The traceback text of an uncaught exception whose chain holds a group.
 *
 * @example
 * ```ts
 * stderr(formatExceptionTree(machine, error, (value) => [machine.typeName(value), str(machine, value)]));
 * ```
 */
export function formatExceptionTree(m: Machine, error: PyException, describe: Describe): string {
  // The travelling exceptions' frames are exact; the others' come from their traceback objects.
  const travelling = new Map<Ptr, readonly TracebackEntry[]>();
  for (let e: PyException | undefined = error; e !== undefined; e = e.cause ?? e.context) {
    if (travelling.has(e.value)) break;
    travelling.set(e.value, e.entries);
  }
  const root = buildTree(m, error.value, travelling);
  const printer = new Printer(m, describe);
  printer.format(root);
  return printer.lines.join("");
}

/** The members a traceback holds, innermost frame first. */
function tracebackEntries(m: Machine, value: Ptr): TracebackEntry[] {
  const entries: TracebackEntry[] = [];
  const seen = new Set<Ptr>();
  for (let tb = m.heap.getSlot(value, "__traceback__"); tb !== 0 && !seen.has(tb); ) {
    seen.add(tb);
    const entry = m.tracebackEntries.get(tb);
    if (entry !== undefined) entries.push(entry);
    tb = m.heap.memory.u32[(tb + TRACEBACK_NEXT_OFFSET) >>> 2]!;
  }
  return entries.reverse();
}

/** CPython: TracebackException.__init__'s queue, with the `_seen` set and `compact=True`. */
function buildTree(
  m: Machine,
  rootValue: Ptr,
  travelling: ReadonlyMap<Ptr, readonly TracebackEntry[]>,
): Node {
  const heap = m.heap;
  const seen = new Set<Ptr>();
  // A group made by except* travels with no frames yet: its traceback object has them.
  const travellingEntries = (value: Ptr): readonly TracebackEntry[] | undefined => {
    const entries = travelling.get(value);
    return entries !== undefined && entries.length > 0 ? entries : undefined;
  };
  const node = (value: Ptr): Node => {
    seen.add(value);
    const suppress = heap.getSlot(value, "__suppress_context__");
    return {
      value,
      entries: travellingEntries(value) ?? tracebackEntries(m, value),
      suppressContext: suppress !== 0 && m.isTrue(suppress),
      cause: undefined,
      context: undefined,
      exceptions: undefined,
    };
  };
  const root = node(rootValue);
  const queue: Node[] = [root];
  while (queue.length > 0) {
    const current = queue.pop()!;
    const causeValue = heap.getSlot(current.value, "__cause__");
    const cause =
      causeValue !== 0 && causeValue !== heap.none && !seen.has(causeValue)
        ? node(causeValue)
        : undefined;
    const contextValue = heap.getSlot(current.value, "__context__");
    const context =
      cause === undefined &&
      !current.suppressContext &&
      contextValue !== 0 &&
      contextValue !== heap.none &&
      !seen.has(contextValue)
        ? node(contextValue)
        : undefined;
    let exceptions: Node[] | undefined;
    if (isExceptionGroup(m, current.value)) {
      const members = heap.getSlot(current.value, "exceptions");
      exceptions = [];
      for (let i = 0; i < heap.tupleLength(members); i++)
        exceptions.push(node(heap.tupleGetItem(members, i)));
    }
    current.cause = cause;
    current.context = context;
    current.exceptions = exceptions;
    if (cause !== undefined) queue.push(cause);
    if (context !== undefined) queue.push(context);
    if (exceptions !== undefined) queue.push(...exceptions);
  }
  return root;
}

/** CPython: TracebackException.format with an `_ExceptionPrintContext`. */
class Printer {
  readonly lines: string[] = [];
  private depth = 0;
  private needClose = false;

  constructor(
    private readonly m: Machine,
    private readonly describe: Describe,
  ) {}

  private indent(): string {
    return " ".repeat(2 * this.depth);
  }

  /** CPython: _ExceptionPrintContext.emit — every line gets the indent and the margin. */
  private emit(text: string, marginChar = "|"): void {
    let prefix = this.indent();
    if (this.depth > 0) prefix += `${marginChar} `;
    for (const line of text.split(/(?<=\n)/)) if (line !== "") this.lines.push(prefix + line);
  }

  format(top: Node): void {
    const chain: Array<[message: string | undefined, node: Node]> = [];
    for (let e: Node | undefined = top; e !== undefined; ) {
      if (e.cause !== undefined) {
        chain.push([CAUSE_MESSAGE, e]);
        e = e.cause;
      } else if (e.context !== undefined && !e.suppressContext) {
        chain.push([CONTEXT_MESSAGE, e]);
        e = e.context;
      } else {
        chain.push([undefined, e]);
        e = undefined;
      }
    }
    // Printed oldest first, each followed by the sentence linking it to the next.
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]![1];
      const link = i + 1 < chain.length ? chain[i]![0] : undefined;
      if (link !== undefined) this.emit(link);
      this.formatOne(node);
    }
  }

  private formatOne(node: Node): void {
    if (node.exceptions === undefined) {
      if (node.entries.length > 0)
        this.emit(`Traceback (most recent call last):\n${formatStackEntries(node.entries)}`);
      this.emit(this.exceptionOnly(node.value));
      return;
    }
    if (this.depth > MAX_GROUP_DEPTH) {
      this.emit(`... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
      return;
    }
    const topLevel = this.depth === 0;
    if (topLevel) this.depth++;
    if (node.entries.length > 0) {
      this.emit("Exception Group Traceback (most recent call last):\n", topLevel ? "+" : "|");
      this.emit(formatStackEntries(node.entries));
    }
    this.emit(this.exceptionOnly(node.value));
    const total = node.exceptions.length;
    const shown = total <= MAX_GROUP_WIDTH ? total : MAX_GROUP_WIDTH + 1;
    this.needClose = false;
    for (let i = 0; i < shown; i++) {
      const last = i === shown - 1;
      if (last) this.needClose = true;
      const truncated = i >= MAX_GROUP_WIDTH;
      const title = truncated ? "..." : `${i + 1}`;
      this.lines.push(
        `${this.indent()}${i === 0 ? "+-" : "  "}+---------------- ${title} ----------------\n`,
      );
      this.depth++;
      if (!truncated) this.format(node.exceptions[i]!);
      else {
        const remaining = total - MAX_GROUP_WIDTH;
        this.emit(`and ${remaining} more exception${remaining > 1 ? "s" : ""}\n`);
      }
      if (last && this.needClose) {
        this.lines.push(`${this.indent()}+------------------------------------\n`);
        this.needClose = false;
      }
      this.depth--;
    }
    if (topLevel) this.depth = 0;
  }

  /** CPython: TracebackException.format_exception_only — the type, message and notes. */
  private exceptionOnly(value: Ptr): string {
    const [typeName, message] = this.describe(value);
    return (
      (message === "" ? `${typeName}\n` : `${typeName}: ${message}\n`) + noteLines(this.m, value)
    );
  }
}

/**
 * The lines `__notes__` adds after an exception's message (each note's str, or the repr of a
 * `__notes__` that is not a list or tuple). CPython: format_exception_only's notes.
 *
 * @example
 * ```ts
 * text += noteLines(machine, error.value); // "hello\n"
 * ```
 */
export function noteLines(m: Machine, value: Ptr): string {
  let notes: Ptr;
  try {
    notes = notesOf(m, value);
  } catch (thrown) {
    if (thrown instanceof PyException) thrown.release(m);
    return "";
  }
  if (notes === 0) return "";
  let text = "";
  try {
    const t = m.typeIdOf(notes);
    if (t === m.heap.listType || t === m.heap.tupleType) {
      const count = t === m.heap.listType ? m.heap.listLength(notes) : m.heap.tupleLength(notes);
      for (let i = 0; i < count; i++) {
        const note =
          t === m.heap.listType ? m.heap.listGetItem(notes, i) : m.heap.tupleGetItem(notes, i);
        text += `${safeText(m, note, "note", str)}\n`;
      }
    } else if (notes !== m.heap.none) {
      text += `${safeText(m, notes, "__notes__", repr)}\n`;
    }
  } finally {
    m.decref(notes);
  }
  return text;
}

/** CPython: traceback._safe_string. */
function safeText(
  m: Machine,
  value: Ptr,
  what: string,
  convert: (m: Machine, value: Ptr) => string,
): string {
  try {
    return convert(m, value);
  } catch (thrown) {
    if (thrown instanceof PyException) thrown.release(m);
    return `<${what} str() failed>`;
  }
}
