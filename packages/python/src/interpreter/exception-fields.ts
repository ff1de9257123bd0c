import type { Ptr } from "@pymem/core";
import type { SyntaxErrorDetails } from "../syntax-error.js";
import { formatSyntaxError } from "../syntax-error.js";
import { collect } from "./iteration.js";
import type { Machine, TypeRecord } from "./machine.js";
import { defineMethod } from "./native-arguments.js";
import { str } from "./object-repr.js";

/**
 * The fields SyntaxError and ImportError add to BaseException (CPython: `PySyntaxErrorObject`,
 * `PyImportErrorObject`, `SyntaxError_init`, `ImportError_init`, `SyntaxError_str`,
 * `ImportError_str`): they are slots of the classes (so `vars(e)` stays empty, as CPython's
 * members), None until set, filled from the constructor's arguments — `SyntaxError(msg,
 * (filename, lineno, offset, text[, end_lineno, end_offset]))`, `ImportError(msg, name=…,
 * path=…)` — and by the errors pymem raises itself (a parse error in `exec`/`eval`/`compile`, a
 * failed import).
 *
 * @module
 */

/** SyntaxError's fields in CPython's struct order. */
const SYNTAX_ERROR_FIELDS = [
  "msg",
  "filename",
  "lineno",
  "offset",
  "text",
  "end_lineno",
  "end_offset",
  "print_file_and_line",
] as const;

/** ImportError's fields in CPython's struct order. */
const IMPORT_ERROR_FIELDS = ["msg", "name", "path", "name_from"] as const;

/** NameError's field (CPython: `PyNameErrorObject`), also UnboundLocalError's. */
const NAME_ERROR_FIELDS = ["name"] as const;

/** AttributeError's fields (CPython: `PyAttributeErrorObject`). */
const ATTRIBUTE_ERROR_FIELDS = ["obj", "name"] as const;

/**
 * The slots the built-in exception class `name` adds to its base's (for `defineClass`).
 *
 * @example
 * ```ts
 * heap.defineClass({ name, base, slots: exceptionFieldSlots("SyntaxError") });
 * ```
 * @internal
 */
export function exceptionFieldSlots(name: string): readonly string[] {
  if (name === "SyntaxError") return SYNTAX_ERROR_FIELDS;
  if (name === "ImportError") return IMPORT_ERROR_FIELDS;
  if (name === "NameError") return NAME_ERROR_FIELDS;
  if (name === "AttributeError") return ATTRIBUTE_ERROR_FIELDS;
  return [];
}

/**
 * None for a SyntaxError, ImportError, NameError or AttributeError field never set (CPython: a
 * NULL `T_OBJECT` member reads None); 0 for any other attribute.
 *
 * @example
 * ```ts
 * const value = exceptionFieldDefault(machine, record, "lineno"); // None
 * ```
 */
export function exceptionFieldDefault(m: Machine, record: TypeRecord, name: string): Ptr {
  return fieldsOf(m, record).includes(name) ? m.incref(m.heap.none) : 0;
}

/**
 * Fills the fields of a new SyntaxError or ImportError `inst` from its constructor's arguments
 * (borrowed); nothing for other exceptions. CPython: `SyntaxError_init`, `ImportError_init`.
 *
 * @example
 * ```ts
 * initExceptionFields(machine, record, inst, positional, keywords);
 * ```
 */
export function initExceptionFields(
  m: Machine,
  record: TypeRecord,
  inst: Ptr,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): void {
  if (isSyntaxError(m, record)) initSyntaxError(m, inst, args);
  else if (isImportError(m, record)) initImportError(m, record, inst, args, keywords);
  else if (isSubclassOf(m, record, "NameError") || isSubclassOf(m, record, "AttributeError"))
    initKeywordFields(m, record, inst, keywords);
}

/**
 * Installs `SyntaxError.__init__` and `ImportError.__init__`, which a subclass's
 * `super().__init__(…)` reaches.
 *
 * @example
 * ```ts
 * installExceptionFields(machine);
 * ```
 * @internal
 */
export function installExceptionFields(m: Machine): void {
  for (const name of ["SyntaxError", "ImportError", "NameError", "AttributeError"])
    defineMethod(m, name, "__init__", (_c, args, keywords) => {
      const self = args[0];
      if (self === undefined || !m.isSubtype(m.recordOf(self), m.builtinType(name)))
        m.raise("TypeError", `descriptor '__init__' requires a '${name}' object`);
      const tuple = m.newTuple(args.slice(1));
      m.heap.setSlot(self, "args", tuple);
      m.decref(tuple);
      initExceptionFields(m, m.recordOf(self), self, args.slice(1), keywords);
      return m.heap.none;
    });
}

/**
 * A new SyntaxError (or IndentationError, TabError) for a parse error in `filename`, with the
 * arguments CPython's parser gives it: `(msg, (filename, lineno, offset, text, end_lineno,
 * end_offset))`; a null `text` makes it None. CPython: `_PyPegen_raise_error_known_location`.
 *
 * @example
 * ```ts
 * throw machine.exception(newSyntaxError(machine, error, "<string>"));
 * ```
 */
export function newSyntaxError(
  m: Machine,
  details: SyntaxErrorDetails,
  filename: string,
  text: string | null = details.text,
): Ptr {
  const heap = m.heap;
  // Made one by one, so an allocation failing midway releases the ones made.
  const owned: Ptr[] = [];
  try {
    owned.push(m.newStr(filename));
    owned.push(m.newInt(details.lineno));
    owned.push(m.newInt(details.offset));
    owned.push(text !== null ? m.newStr(text) : m.incref(heap.none));
    owned.push(m.newInt(details.endLineno));
    owned.push(m.newInt(details.endOffset));
  } catch (error) {
    for (const item of owned) m.decref(item);
    throw error;
  }
  const location = m.tupleSteal(owned);
  let message: Ptr;
  try {
    message = m.newStr(details.msg);
  } catch (error) {
    m.decref(location);
    throw error;
  }
  const args = m.tupleSteal([message, location]);
  try {
    const inst = heap.newInstance(m.builtinType(details.kind).id);
    try {
      heap.setSlot(inst, "args", args);
      initSyntaxError(m, inst, [heap.tupleGetItem(args, 0), heap.tupleGetItem(args, 1)]);
    } catch (error) {
      m.decref(inst);
      throw error;
    }
    return inst;
  } finally {
    m.decref(args);
  }
}

/**
 * Sets `name` (a failed import's module) and `msg` (its one argument) on an ImportError made by
 * `newException`, as CPython's import machinery's `ImportError(msg, name=…)` does.
 *
 * @example
 * ```ts
 * setImportErrorName(machine, error.value, "nosuchmod");
 * ```
 */
export function setImportErrorName(m: Machine, inst: Ptr, name: string): void {
  const heap = m.heap;
  const value = m.newStr(name);
  heap.setSlot(inst, "name", value);
  m.decref(value);
  const args = heap.getSlot(inst, "args");
  if (args !== 0 && heap.tupleLength(args) === 1)
    heap.setSlot(inst, "msg", heap.tupleGetItem(args, 0));
}

/**
 * How an uncaught SyntaxError prints (CPython: `TracebackException._format_syntax_error`): the
 * `File "…", line N` block with the source line and carets before the last line, and that
 * line's message (`msg`, with ` (file)` when there is no line number); undefined for any other
 * exception.
 *
 * @example
 * ```ts
 * const display = syntaxErrorDisplay(machine, error.value);
 * ```
 */
export function syntaxErrorDisplay(
  m: Machine,
  value: Ptr,
): { readonly preamble: string; readonly message: string } | undefined {
  const record = m.recordOf(value);
  if (!isSyntaxError(m, record)) return undefined;
  const heap = m.heap;
  const field = (name: string): Ptr => {
    const found = heap.getSlot(value, name);
    return found === heap.none ? 0 : found;
  };
  const integer = (name: string): number | undefined => {
    const found = field(name);
    return found !== 0 && m.isInt(found) ? m.numberOf(found) : undefined;
  };
  const msg = field("msg");
  const message = msg !== 0 && str(m, msg) !== "" ? str(m, msg) : "<no detail available>";
  const filenameObject = field("filename");
  const filename = filenameObject !== 0 ? str(m, filenameObject) : undefined;
  const lineno = integer("lineno");
  if (lineno === undefined)
    return { preamble: "", message: filename !== undefined ? `${message} (${filename})` : message };
  const textObject = field("text");
  const offset = integer("offset");
  const location = `  File "${filename ?? "<string>"}", line ${lineno}\n`;
  if (textObject === 0 || !m.isStr(textObject) || offset === undefined)
    return { preamble: location, message };
  const full = formatSyntaxError(
    {
      kind: "SyntaxError",
      msg: message,
      lineno,
      offset,
      endLineno: integer("end_lineno") ?? lineno,
      endOffset: integer("end_offset") ?? 0,
      text: heap.strValue(textObject),
    },
    filename ?? "<string>",
  );
  return { preamble: `${full.slice(0, full.lastIndexOf("\n"))}\n`, message };
}

/**
 * `str()` of a SyntaxError: `msg (file, line N)` with the file's base name, `msg (file)`,
 * `msg (line N)` or `msg`; undefined for other exceptions. CPython: `SyntaxError_str`.
 *
 * @example
 * ```ts
 * syntaxErrorStr(machine, error); // "invalid syntax (<string>, line 1)"
 * ```
 */
export function syntaxErrorStr(m: Machine, obj: Ptr): string | undefined {
  if (!isSyntaxError(m, m.recordOf(obj))) return undefined;
  const heap = m.heap;
  const filenameObject = heap.getSlot(obj, "filename");
  const filename =
    filenameObject !== 0 && m.isStr(filenameObject)
      ? heap.strValue(filenameObject).slice(heap.strValue(filenameObject).lastIndexOf("/") + 1)
      : undefined;
  const linenoObject = heap.getSlot(obj, "lineno");
  // CPython: PyLong_CheckExact — a bool or an int subclass is not a line number here.
  const lineno =
    linenoObject !== 0 && m.typeIdOf(linenoObject) === heap.intType
      ? str(m, linenoObject)
      : undefined;
  const msgObject = heap.getSlot(obj, "msg");
  const msg = str(m, msgObject !== 0 ? msgObject : heap.none);
  if (filename !== undefined && lineno !== undefined) return `${msg} (${filename}, line ${lineno})`;
  if (filename !== undefined) return `${msg} (${filename})`;
  if (lineno !== undefined) return `${msg} (line ${lineno})`;
  return msg;
}

/** The fields the built-in exception class `record` is or derives from adds (none for most). */
function fieldsOf(m: Machine, record: TypeRecord): readonly string[] {
  if (isSyntaxError(m, record)) return SYNTAX_ERROR_FIELDS;
  if (isImportError(m, record)) return IMPORT_ERROR_FIELDS;
  if (isSubclassOf(m, record, "NameError")) return NAME_ERROR_FIELDS;
  if (isSubclassOf(m, record, "AttributeError")) return ATTRIBUTE_ERROR_FIELDS;
  return [];
}

/** Whether `record` is the built-in exception class `name` or derives from it. */
function isSubclassOf(m: Machine, record: TypeRecord, name: string): boolean {
  return record.exception && m.isSubtype(record, m.builtinType(name));
}

/** Whether `record` is SyntaxError or derives from it. */
function isSyntaxError(m: Machine, record: TypeRecord): boolean {
  return isSubclassOf(m, record, "SyntaxError");
}

/** Whether `record` is ImportError or derives from it. */
function isImportError(m: Machine, record: TypeRecord): boolean {
  return isSubclassOf(m, record, "ImportError");
}

/** CPython: `SyntaxError_init` — `msg`, and the location tuple's four to six items. */
function initSyntaxError(m: Machine, inst: Ptr, args: readonly Ptr[]): void {
  const heap = m.heap;
  if (args.length >= 1) heap.setSlot(inst, "msg", args[0]!);
  if (args.length !== 2) return;
  // CPython: PySequence_Tuple(info), then PyArg_ParseTuple(info, "OOOO|OO").
  const info = collect(m, args[1]!);
  try {
    if (info.length < 4)
      m.raise("TypeError", `function takes at least 4 arguments (${info.length} given)`);
    if (info.length > 6)
      m.raise("TypeError", `function takes at most 6 arguments (${info.length} given)`);
    if (info.length === 5)
      m.raise("TypeError", "end_offset must be provided when end_lineno is provided");
    ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].forEach((name, index) => {
      const value = info[index];
      heap.setSlot(inst, name, value !== undefined && value !== heap.none ? value : 0);
    });
  } finally {
    for (const item of info) m.decref(item);
  }
}

/** CPython: `ImportError_init` — keyword-only `name`, `path`, `name_from`; `msg` from one argument. */
function initImportError(
  m: Machine,
  record: TypeRecord,
  inst: Ptr,
  args: readonly Ptr[],
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): void {
  const heap = m.heap;
  for (const [key, value] of keywords) {
    if (key !== "name" && key !== "path" && key !== "name_from")
      m.raise("TypeError", `${record.name}() got an unexpected keyword argument '${key}'`);
    heap.setSlot(inst, key, value === heap.none ? 0 : value);
  }
  if (args.length === 1) heap.setSlot(inst, "msg", args[0]!);
}

/**
 * CPython: `NameError_init`, `AttributeError_init` — the keyword-only fields (`name`; `name` and
 * `obj`), parsed as `PyArg_ParseTupleAndKeywords(empty, kwds, "|$O…")` does.
 */
function initKeywordFields(
  m: Machine,
  record: TypeRecord,
  inst: Ptr,
  keywords: ReadonlyArray<readonly [string, Ptr]>,
): void {
  const heap = m.heap;
  const fields = fieldsOf(m, record);
  const label = isSubclassOf(m, record, "NameError") ? "NameError" : "AttributeError";
  if (keywords.length > fields.length)
    m.raise(
      "TypeError",
      `${label}() takes at most ${fields.length} keyword argument${fields.length === 1 ? "" : "s"} (${keywords.length} given)`,
    );
  for (const [key] of keywords)
    if (!fields.includes(key))
      m.raise("TypeError", `${label}() got an unexpected keyword argument '${key}'`);
  for (const [key, value] of keywords) heap.setSlot(inst, key, value === heap.none ? 0 : value);
}
