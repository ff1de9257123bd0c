import type { Ptr } from "@pymem/core";
import type { NativeFunction } from "../native.js";
import { expectPositional } from "./arguments.js";
import { makeAll } from "./module-support.js";

/**
 * The csv reader's per-character state machine in TypeScript (CPython: `parse_process_char` in
 * Modules/_csv.c), so a quoted row parses at native speed; csv-module.ts's `reader.__next__`
 * still reads the lines, converts saved fields (`QUOTE_NONNUMERIC`, `QUOTE_NOTNULL`, …) and
 * raises `csv.Error`.
 *
 * @module
 */

/** The reader's states, numbered as csv-module.ts's Python part numbers them. */
const START_RECORD = 0;
const START_FIELD = 1;
const ESCAPED_CHAR = 2;
const IN_FIELD = 3;
const IN_QUOTED_FIELD = 4;
const ESCAPE_IN_QUOTED_FIELD = 5;
const QUOTE_IN_QUOTED_FIELD = 6;
const EAT_CRNL = 7;
const AFTER_ESCAPED_CRNL = 8;

/** The end of the line the reader was handed (a line need not end with a newline). */
const EOL = "";

/** What one line left: the state, the field under way, and the fields it completed. */
interface LineResult {
  state: number;
  field: string[];
  unquoted: boolean;
  readonly saved: { readonly text: string; readonly unquoted: boolean }[];
  error: string | undefined;
}

/** The dialect settings the state machine reads (undefined: no such character). */
interface Settings {
  readonly delimiter: string;
  readonly quotechar: string | undefined;
  readonly escapechar: string | undefined;
  readonly doublequote: boolean;
  readonly skipspace: boolean;
  readonly strict: boolean;
  readonly limit: number;
}

/** Runs the state machine over `line` and then its end. CPython: `parse_process_char`. */
function processLine(line: string, start: LineResult, settings: Settings): LineResult {
  const { delimiter, quotechar, escapechar, doublequote, skipspace, strict, limit } = settings;
  const result = start;
  let { state, field, unquoted } = result;
  const save = (): void => {
    result.saved.push({ text: field.join(""), unquoted });
    field = [];
    unquoted = true;
  };
  const add = (c: string): boolean => {
    if (field.length >= limit) {
      result.error = `field larger than field limit (${limit})`;
      return false;
    }
    field.push(c);
    return true;
  };
  const characters = [...line, EOL];
  loop: for (let c of characters) {
    if (state === START_RECORD) {
      if (c === EOL) break;
      if (c === "\n" || c === "\r") {
        state = EAT_CRNL;
        continue;
      }
      state = START_FIELD;
    }
    switch (state) {
      case START_FIELD:
        if (c === EOL || c === "\n" || c === "\r") {
          save();
          state = c === EOL ? START_RECORD : EAT_CRNL;
        } else if (c === quotechar) {
          unquoted = false;
          state = IN_QUOTED_FIELD;
        } else if (c === escapechar) state = ESCAPED_CHAR;
        else if (c === " " && skipspace) {
          // skipped
        } else if (c === delimiter) save();
        else {
          if (!add(c)) break loop;
          state = IN_FIELD;
        }
        continue;
      case ESCAPED_CHAR:
        if (c === "\n" || c === "\r") state = AFTER_ESCAPED_CRNL;
        else {
          if (c === EOL) c = "\n";
          state = IN_FIELD;
        }
        if (!add(c)) break loop;
        continue;
      case AFTER_ESCAPED_CRNL:
        if (c === EOL) continue;
        state = IN_FIELD;
        break;
    }
    switch (state) {
      case IN_FIELD:
        if (c === EOL || c === "\n" || c === "\r") {
          save();
          state = c === EOL ? START_RECORD : EAT_CRNL;
        } else if (c === escapechar) state = ESCAPED_CHAR;
        else if (c === delimiter) {
          save();
          state = START_FIELD;
        } else if (!add(c)) break loop;
        break;
      case IN_QUOTED_FIELD:
        if (c === EOL) {
          // the quoted field goes on in the next line
        } else if (c === escapechar) state = ESCAPE_IN_QUOTED_FIELD;
        else if (c === quotechar) state = doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        else if (!add(c)) break loop;
        break;
      case ESCAPE_IN_QUOTED_FIELD:
        if (c === EOL) c = "\n";
        if (!add(c)) break loop;
        state = IN_QUOTED_FIELD;
        break;
      case QUOTE_IN_QUOTED_FIELD:
        if (c === quotechar) {
          if (!add(c)) break loop;
          state = IN_QUOTED_FIELD;
        } else if (c === delimiter) {
          save();
          state = START_FIELD;
        } else if (c === EOL || c === "\n" || c === "\r") {
          save();
          state = c === EOL ? START_RECORD : EAT_CRNL;
        } else if (!strict) {
          if (!add(c)) break loop;
          state = IN_FIELD;
        } else {
          result.error = `'${delimiter}' expected after '${quotechar}'`;
          break loop;
        }
        break;
      case EAT_CRNL:
        if (c === EOL) state = START_RECORD;
        else if (c !== "\n" && c !== "\r") {
          result.error =
            "new-line character seen in unquoted field - do you need to open the file with newline=''?";
          break loop;
        }
        break;
    }
  }
  result.state = state;
  result.field = field;
  result.unquoted = unquoted;
  return result;
}

/**
 * `_parse_line(line, state, field, unquoted, delimiter, quotechar, escapechar, doublequote,
 * skipinitialspace, strict, limit, pairs)` → `(state, field, unquoted, saved, error)`: `saved`
 * lists the fields the line completed — as `(text, unquoted)` pairs when `pairs` (the quoting
 * mode converts unquoted fields), else as the strs themselves — and `error` is the message of
 * the `csv.Error` to raise (or None). Characters absent from the dialect are passed as None.
 *
 * @example
 * ```ts
 * pythonSourceModuleWithNatives("csv", source, { _parse_line: parseLine });
 * ```
 * @internal
 */
export const parseLine: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_parse_line", "_parse_line", args, keywords, 12, 12);
  const pairs = context.isTrue(args[11]!);
  const heap = context.heap;
  const none = heap.none;
  const text = (obj: Ptr): string => heap.strValue(obj);
  const optional = (obj: Ptr): string | undefined => (obj === none ? undefined : text(obj));
  const result = processLine(
    text(args[0]!),
    {
      state: heap.numberValue(args[1]!),
      field: [...text(args[2]!)],
      unquoted: context.isTrue(args[3]!),
      saved: [],
      error: undefined,
    },
    {
      delimiter: text(args[4]!),
      quotechar: optional(args[5]!),
      escapechar: optional(args[6]!),
      doublequote: context.isTrue(args[7]!),
      skipspace: context.isTrue(args[8]!),
      strict: context.isTrue(args[9]!),
      limit: heap.numberValue(args[10]!),
    },
  );
  const saved = heap.newList();
  try {
    // Each pair made and appended on its own: a MemoryError part-way releases what was made.
    for (const { text: fieldText, unquoted } of result.saved) {
      const textObj = heap.newStr(fieldText);
      let item = textObj;
      if (pairs)
        try {
          item = heap.newTuple([textObj, unquoted ? heap.true : heap.false]);
        } finally {
          context.release(textObj);
        }
      try {
        heap.listAppend(saved, item);
      } finally {
        context.release(item);
      }
    }
    const parts = makeAll(context, [
      () => heap.newInt(result.state),
      () => heap.newStr(result.field.join("")),
      () => context.newReference(result.unquoted ? heap.true : heap.false),
      () => context.newReference(saved),
      () => (result.error === undefined ? context.newReference(none) : heap.newStr(result.error)),
    ]);
    try {
      return heap.newTuple(parts);
    } finally {
      for (const part of parts) context.release(part);
    }
  } finally {
    context.release(saved);
  }
};
