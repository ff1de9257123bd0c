import type { Ptr } from "@pymem/core";
import { OutOfMemoryError } from "@pymem/core";
import { call } from "./calls.js";
import { PyException } from "./exceptions.js";
import { collect } from "./iteration.js";
import type { Machine } from "./machine.js";
import { findAttribute, getItem } from "./object-access.js";
import { STDLIB_MODULE_NAMES } from "./stdlib-module-names.js";
import { bestSuggestion } from "./suggestions.js";

/**
 * The hints CPython 3.13's traceback printer appends to the last line of a NameError,
 * AttributeError or ImportError (`TracebackException.__init__` and
 * `_compute_suggestion_error`): "Did you mean: 'x'?" from the names the failing frame or object
 * has, "Did you mean: 'self.x'?" inside a method, and "Did you forget to import 'x'?" for a
 * standard-library module name. Uncaught exceptions and the `traceback` module share it.
 *
 * @module
 */

/** Standard-library module names, for the "Did you forget to import" hint. */
const STDLIB_NAMES: ReadonlySet<string> = new Set(STDLIB_MODULE_NAMES);

/**
 * The text to append to `str(exc)` when printing the exception `value` (borrowed) with the
 * traceback `tb` (borrowed; 0 or None for none): "" when there is no hint or finding one fails.
 *
 * @example
 * ```ts
 * const line = `${typeName}: ${str(machine, value)}${suggestionHint(machine, value, tb)}`;
 * ```
 */
export function suggestionHint(m: Machine, value: Ptr, tb: Ptr): string {
  const owned: Ptr[] = [];
  const keep = (obj: Ptr): Ptr => {
    if (obj !== 0) owned.push(obj);
    return obj;
  };
  try {
    return hintFor(m, value, tb === m.heap.none ? 0 : tb, keep);
  } catch (error) {
    // CPython: `_compute_suggestion_error` gives up on any failure of `dir()` or the import —
    // an exhausted heap included (the traceback is printed without the hint).
    if (error instanceof OutOfMemoryError) return "";
    if (!(error instanceof PyException)) throw error;
    error.release(m);
    return "";
  } finally {
    for (const obj of owned) m.decref(obj);
  }
}

/** A new reference kept until the hint is computed (0 passes through). */
type Keep = (obj: Ptr) => Ptr;

/** CPython 3.13.0: the ImportError / NameError / AttributeError branches of TracebackException. */
function hintFor(m: Machine, value: Ptr, tb: Ptr, keep: Keep): string {
  if (value === 0 || !m.recordOf(value).exception) return "";
  const isA = (name: string): boolean => m.isSubtype(m.recordOf(value), m.builtinType(name));
  if (isA("SyntaxError")) return "";
  if (isA("ImportError")) {
    const nameFrom = attribute(m, value, "name_from", keep);
    if (nameFrom === 0 || nameFrom === m.heap.none) return "";
    const suggestion = importSuggestion(m, value, textOf(m, nameFrom), keep);
    return suggestion !== undefined ? `. Did you mean: '${suggestion}'?` : "";
  }
  const isNameError = isA("NameError");
  if (!isNameError && !isA("AttributeError")) return "";
  const name = attribute(m, value, "name", keep);
  if (name === 0 || name === m.heap.none) return "";
  const wrongName = textOf(m, name);
  const suggestion =
    wrongName === undefined
      ? undefined
      : isNameError
        ? nameSuggestion(m, tb, wrongName, keep)
        : attributeSuggestion(m, value, tb, wrongName, keep);
  let hint = suggestion !== undefined ? `. Did you mean: '${suggestion}'?` : "";
  if (isNameError && wrongName !== undefined && STDLIB_NAMES.has(wrongName))
    hint +=
      suggestion !== undefined
        ? ` Or did you forget to import '${wrongName}'?`
        : `. Did you forget to import '${wrongName}'?`;
  return hint;
}

/** `getattr(obj, name, None)` as a kept reference, or 0 when missing. */
function attribute(m: Machine, obj: Ptr, name: string, keep: Keep): Ptr {
  return keep(findAttribute(m, obj, m.name(name), name));
}

/** The text of a str object, undefined for anything else (no suggestion is looked for then). */
function textOf(m: Machine, obj: Ptr): string | undefined {
  return m.isStr(obj) ? m.heap.strValue(obj) : undefined;
}

/**
 * For a NameError: `self.<name>` when the failing frame's `self` has the attribute, else the
 * closest of its locals, globals and builtins (CPython: `_compute_suggestion_error`'s NameError
 * branch — no traceback, no suggestion).
 */
function nameSuggestion(m: Machine, tb: Ptr, wrongName: string, keep: Keep): string | undefined {
  const frame = innermostFrame(m, tb, keep);
  if (frame === 0) return undefined;
  const locals = attribute(m, frame, "f_locals", keep);
  const localNames = strings(m, locals, keep);
  const candidates = [
    ...localNames,
    ...strings(m, attribute(m, frame, "f_globals", keep), keep),
    ...strings(m, attribute(m, frame, "f_builtins", keep), keep),
  ];
  if (localNames.includes("self")) {
    const self = keep(getItem(m, locals, m.name("self")));
    if (keep(findAttribute(m, self, m.name(wrongName), wrongName)) !== 0)
      return `self.${wrongName}`;
  }
  return bestSuggestion(candidates, wrongName);
}

/**
 * For an AttributeError: the closest name in `dir(exc.obj)`, leaving out underscored names
 * unless the wrong name is one or the failing frame's `self` is the object.
 */
function attributeSuggestion(
  m: Machine,
  value: Ptr,
  tb: Ptr,
  wrongName: string,
  keep: Keep,
): string | undefined {
  const obj = attribute(m, value, "obj", keep) || m.heap.none;
  let candidates = directory(m, obj, keep);
  let hideUnderscored = !wrongName.startsWith("_");
  if (hideUnderscored && tb !== 0) {
    const frame = innermostFrame(m, tb, keep);
    const locals = frame !== 0 ? attribute(m, frame, "f_locals", keep) : 0;
    if (locals !== 0 && strings(m, locals, keep).includes("self"))
      hideUnderscored = keep(getItem(m, locals, m.name("self"))) !== obj;
  }
  if (hideUnderscored) candidates = candidates.filter((name) => !name.startsWith("_"));
  return bestSuggestion(candidates, wrongName);
}

/** For `from module import wrong`: the closest name in `dir(__import__(exc.name))`. */
function importSuggestion(
  m: Machine,
  value: Ptr,
  wrongName: string | undefined,
  keep: Keep,
): string | undefined {
  if (wrongName === undefined) return undefined;
  const importer = m.heap.dictGetItem(m.builtins, m.name("__import__"));
  const moduleName = attribute(m, value, "name", keep);
  if (importer === 0 || moduleName === 0) return undefined;
  const module = keep(call(m, importer, [moduleName], undefined));
  let candidates = directory(m, module, keep);
  if (!wrongName.startsWith("_")) candidates = candidates.filter((name) => !name.startsWith("_"));
  return bestSuggestion(candidates, wrongName);
}

/** `dir(obj)`'s names. */
function directory(m: Machine, obj: Ptr, keep: Keep): string[] {
  const dir = m.heap.dictGetItem(m.builtins, m.name("dir"));
  if (dir === 0) return [];
  return strings(m, keep(call(m, dir, [obj], undefined)), keep);
}

/** The str items iteration of `iterable` yields (`list(mapping)` for a mapping's keys). */
function strings(m: Machine, iterable: Ptr, keep: Keep): string[] {
  if (iterable === 0) return [];
  const names: string[] = [];
  for (const item of collect(m, iterable)) {
    keep(item);
    if (m.isStr(item)) names.push(m.heap.strValue(item));
  }
  return names;
}

/** The frame object of the traceback's last entry (where the exception was raised), or 0. */
function innermostFrame(m: Machine, tb: Ptr, keep: Keep): Ptr {
  if (tb === 0) return 0;
  let current = tb;
  for (;;) {
    const next = attribute(m, current, "tb_next", keep);
    if (next === 0 || next === m.heap.none) break;
    current = next;
  }
  return attribute(m, current, "tb_frame", keep);
}
