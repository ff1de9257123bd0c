import type { Ptr } from "@pymem/core";
import type { Machine, TypeRecord } from "./machine.js";
import { repr, str } from "./object-repr.js";

/**
 * OSError's arguments as CPython 3.13 reads them (Objects/exceptions.c: `oserror_parse_args`,
 * `oserror_init`, `OSError_str`): `OSError(errno, strerror[, filename[, winerror[, filename2]]])`
 * sets `errno`, `strerror`, `filename` and `filename2` and keeps only `(errno, strerror)` as
 * `args`; `OSError(2, …)` made through OSError itself is a FileNotFoundError (the errno map of
 * `_PyExc_InitState`); and the str reads `[Errno 2] No such file or directory: 'x.txt'`.
 *
 * @module
 */

/** The attributes OSError always has (None until set). */
const OS_ERROR_ATTRIBUTES = new Set(["errno", "strerror", "filename", "filename2"]);

/** CPython's errno → OSError subclass map (the POSIX values of Linux). */
const ERRNO_SUBCLASSES: ReadonlyMap<number, string> = new Map([
  [11, "BlockingIOError"],
  [114, "BlockingIOError"],
  [115, "BlockingIOError"],
  [10, "ChildProcessError"],
  [32, "BrokenPipeError"],
  [108, "BrokenPipeError"],
  [103, "ConnectionAbortedError"],
  [111, "ConnectionRefusedError"],
  [104, "ConnectionResetError"],
  [17, "FileExistsError"],
  [2, "FileNotFoundError"],
  [21, "IsADirectoryError"],
  [20, "NotADirectoryError"],
  [4, "InterruptedError"],
  [13, "PermissionError"],
  [1, "PermissionError"],
  [3, "ProcessLookupError"],
  [110, "TimeoutError"],
]);

/** Whether `record` is OSError or derives from it. */
export function isOSErrorType(m: Machine, record: TypeRecord): boolean {
  return record.exception && m.isSubtype(record, m.builtinType("OSError"));
}

/**
 * The class `OSError(errno, strerror, …)` really makes: the errno's subclass when OSError itself
 * is called with at least two arguments and a known errno, else `record`. CPython: `OSError_new`.
 *
 * @example
 * ```ts
 * record = osErrorClassFor(m, record, positional); // OSError(2, "x") → FileNotFoundError
 * ```
 */
export function osErrorClassFor(m: Machine, record: TypeRecord, args: readonly Ptr[]): TypeRecord {
  if (record !== m.builtinType("OSError") || args.length < 2 || !m.isInt(args[0]!)) return record;
  const name = ERRNO_SUBCLASSES.get(m.numberOf(args[0]!));
  return name === undefined ? record : m.builtinType(name);
}

/**
 * Sets an OSError's `errno`/`strerror`/`filename`/`filename2` from its positional arguments and
 * keeps `(errno, strerror)` as its `args` when a filename is given (2 to 5 arguments).
 * CPython: `oserror_init`.
 */
export function initOSError(m: Machine, inst: Ptr, args: readonly Ptr[]): void {
  if (args.length < 2 || args.length > 5) return;
  const heap = m.heap;
  const set = (name: string, value: Ptr | undefined): void => {
    if (value !== undefined) heap.setAttrByKey(inst, m.name(name), value);
  };
  set("errno", args[0]);
  set("strerror", args[1]);
  set("filename", args[2]);
  set("filename2", args[4]);
  if (args.length > 2) {
    const kept = m.newTuple(args.slice(0, 2));
    heap.setSlot(inst, "args", kept);
    m.decref(kept);
  }
}

/** `errno`, `strerror`, `filename`, `filename2` of an OSError that never had them set: None. */
export function osErrorAttribute(m: Machine, record: TypeRecord, name: string): Ptr {
  return OS_ERROR_ATTRIBUTES.has(name) && isOSErrorType(m, record) ? m.incref(m.heap.none) : 0;
}

/**
 * `str()` of an OSError with an errno and strerror, or undefined for the plain exception text.
 * CPython: `OSError_str`.
 */
export function osErrorStr(m: Machine, obj: Ptr): string | undefined {
  const heap = m.heap;
  const read = (name: string): Ptr => {
    const value = heap.getAttrByKey(obj, m.name(name));
    return value === heap.none ? 0 : value;
  };
  const errno = read("errno");
  const strerror = read("strerror");
  if (errno === 0 || strerror === 0) return undefined;
  const filename = read("filename");
  const head = `[Errno ${str(m, errno)}] ${str(m, strerror)}`;
  if (filename === 0) return head;
  const filename2 = read("filename2");
  return filename2 === 0
    ? `${head}: ${repr(m, filename)}`
    : `${head}: ${repr(m, filename)} -> ${repr(m, filename2)}`;
}
