import type { Ptr } from "@pymem/core";
import { collect } from "./iteration.js";
import type { Machine } from "./machine.js";
import { bindArguments, type Signature } from "./modules/arguments.js";
import type { Keywords } from "./native-arguments.js";

/**
 * `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the module `name` names
 * (relative to the importing module's package for `level` > 0), or its top-level package when
 * `fromlist` is empty (`__import__('os.path')` is `os`). CPython: `builtin___import___impl` →
 * `PyImport_ImportModuleLevelObject` (`resolve_name`, the `fromlist` rule of `import_find_and_load`).
 *
 * @module
 */

/** `__import__`'s argument clinic signature. */
const IMPORT_SIGNATURE: Signature = {
  name: "__import__",
  positionalOnly: 0,
  positional: ["name", "globals", "locals", "fromlist", "level"],
  required: 1,
  keywordOnly: [],
};

/**
 * Runs `__import__(…)`; a new reference to the module it returns.
 *
 * @example
 * ```ts
 * define("__import__", (_c, args, keywords) => builtinImport(machine, args, keywords));
 * ```
 * @internal
 */
export function builtinImport(m: Machine, given: readonly Ptr[], keywords: Keywords): Ptr {
  const heap = m.heap;
  const [name, globals, , fromlist, levelArgument] = bindArguments(
    m.context,
    IMPORT_SIGNATURE,
    given,
    keywords,
  );
  if (!m.isStr(name!)) m.raise("TypeError", "module name must be a string");
  const level = levelArgument === undefined ? 0 : m.intArgument(levelArgument, "level");
  if (level < 0) m.raise("ValueError", "level must be >= 0");
  const text = heap.strValue(name!);
  const fullName = level > 0 ? resolveName(m, text, globals, level) : text;
  if (fullName === "") m.raise("ValueError", "Empty module name");
  const module = m.importModule(fullName);
  if (fromlist !== undefined && fromlist !== heap.none && hasItems(m, fromlist)) return module;
  // An empty fromlist: the top-level package (CPython: `import a.b` binds `a`).
  const dot = text.indexOf(".");
  if (level > 0 || dot < 0) return module;
  m.decref(module);
  return m.importModule(text.slice(0, dot));
}

/** Whether `fromlist` (any iterable, as CPython's PyObject_IsTrue on it) is non-empty. */
function hasItems(m: Machine, fromlist: Ptr): boolean {
  if (!m.isTrue(fromlist)) return false;
  const items = collect(m, fromlist);
  for (const item of items) m.decref(item);
  return items.length > 0;
}

/**
 * The absolute name of `name` imported `level` packages up from the module whose globals are
 * given. CPython: `resolve_name` (its KeyError and ImportError texts).
 */
function resolveName(m: Machine, name: string, globals: Ptr | undefined, level: number): string {
  const heap = m.heap;
  if (globals === undefined || m.typeIdOf(globals) !== heap.dictType)
    m.raise("TypeError", "globals must be a dict");
  const packageValue = heap.dictGetItem(globals, m.name("__package__"));
  let parent: string;
  if (packageValue !== 0 && packageValue !== heap.none) {
    if (!m.isStr(packageValue)) m.raise("TypeError", "package must be a string");
    parent = heap.strValue(packageValue);
  } else {
    const moduleName = heap.dictGetItem(globals, m.name("__name__"));
    if (moduleName === 0) m.raise("KeyError", "'__name__' not in globals");
    if (!m.isStr(moduleName)) m.raise("TypeError", "__name__ must be a string");
    const isPackage = heap.dictGetItem(globals, m.name("__path__")) !== 0;
    const text = heap.strValue(moduleName);
    parent = isPackage ? text : text.slice(0, Math.max(0, text.lastIndexOf(".")));
  }
  if (parent === "")
    m.raise("ImportError", "attempted relative import with no known parent package");
  const pieces = parent.split(".");
  if (pieces.length < level)
    m.raise("ImportError", "attempted relative import beyond top-level package");
  const base = pieces.slice(0, pieces.length - (level - 1)).join(".");
  return name === "" ? base : `${base}.${name}`;
}
