import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { formatEntry } from "../traceback.js";
import { integerArgument } from "./arguments.js";
import { TRACEBACK_SOURCE } from "./traceback-python-part.js";

/**
 * Python's `traceback` module: `print_exc`, `format_exc`, `print_exception`, `format_exception`,
 * `format_exception_only`, `extract_tb`, `extract_stack`, `format_list`, `print_stack`,
 * `walk_tb`, `walk_stack`, `FrameSummary`, `StackSummary` and `TracebackException`, written in
 * Python (traceback-python-part.ts) over the frame objects and three natives: the source range
 * behind a `tb_lasti` / `f_lasti`, one frame's block with CPython 3.13's caret lines (the same
 * code that prints uncaught exceptions, traceback.ts), and a source line.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { traceback: tracebackModule, sys: sysModule } });
 * interpreter.run("import traceback\ntry:\n    1/0\nexcept ZeroDivisionError:\n    traceback.print_exc()");
 * ```
 */
export const tracebackModule: NativeModuleFactory = (context) => {
  // Made inside the try: when one allocation fails, the functions already made are released.
  const members: [string, Ptr][] = [];
  try {
    for (const [name, fn] of Object.entries(tracebackNatives(context)))
      members.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("traceback", TRACEBACK_SOURCE, members);
  } finally {
    for (const [, value] of members) context.release(value);
  }
};

function tracebackNatives(context: NativeContext): Record<string, NativeFunction> {
  const heap = context.heap;
  const text = (obj: Ptr): string => context.str(obj);
  return {
    // (lineno, end_lineno, colno, end_colno) of a position; (lineno, lineno, None, None) without one.
    _position(_context, [lasti, lineno]) {
      const range = context.sourcePosition(integerArgument(context, lasti!));
      if (range === undefined) return heap.newTuple([lineno!, lineno!, heap.none, heap.none]);
      const items = [range.line, range.endLine, range.column, range.endColumn].map((value) =>
        heap.newInt(value),
      );
      try {
        return heap.newTuple(items);
      } finally {
        for (const item of items) context.release(item);
      }
    },
    // CPython: StackSummary.format_frame_summary's caret part, for a summary with positions.
    _format_frame(_context, [filename, lineno, endLineno, colno, endColno, name]) {
      const file = text(filename!);
      const range = {
        line: integerArgument(context, lineno!),
        endLine: integerArgument(context, endLineno!),
        column: integerArgument(context, colno!),
        endColumn: integerArgument(context, endColno!),
      };
      const lines: string[] = [];
      for (let line = 1; line <= Math.max(range.line, range.endLine); line++)
        lines.push(line >= range.line ? context.sourceLine(file, line) : "");
      return heap.newStr(
        formatEntry({ filename: file, functionName: text(name!), range, source: lines.join("\n") }),
      );
    },
    // CPython: the hints TracebackException appends to a NameError's, AttributeError's or
    // ImportError's message.
    _suggestion_hint(_context, [value, tb]) {
      return heap.newStr(context.suggestionHint(value!, tb!));
    },
    // CPython: linecache.getline, for the files pymem compiled.
    _source_line(_context, [filename, lineno]) {
      return heap.newStr(context.sourceLine(text(filename!), integerArgument(context, lineno!)));
    },
  };
}
