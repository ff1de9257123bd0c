import type { Ptr } from "@pymem/core";
import { setImportErrorName } from "./exception-fields.js";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { findAttribute, getAttribute } from "./object-access.js";
import { MODULE_DICT_OFFSET } from "./object-layouts.js";

/**
 * What an import statement and `__import__` do around finding a module (CPython:
 * `PyImport_ImportModuleLevelObject` and `resolve_name` in Python/import.c, `_handle_fromlist`
 * in importlib, `import_from` in Python/ceval.c): relative names resolved against the importing
 * module's package, a package's submodules named in a `from` list imported, and the names taken
 * from the module.
 *
 * @module
 */

/**
 * The absolute module name of a relative import of `name` (`""` for `from . import x`) at
 * `level` dots, in a module whose globals are `globals` (CPython: `resolve_name`): the package
 * from `__package__`, else `__spec__.parent`, else `__name__` (itself when the module is a
 * package).
 *
 * @example
 * ```ts
 * resolveRelativeName(m, globals, "helpers", 1); // "pkg.helpers" inside pkg/main.py
 * ```
 */
export function resolveRelativeName(m: Machine, globals: Ptr, name: string, level: number): string {
  const heap = m.heap;
  const entry = (key: string): Ptr => heap.dictGetItem(globals, m.name(key));
  let packageName: string;
  const declared = entry("__package__");
  const spec = entry("__spec__");
  if (declared !== 0 && declared !== heap.none) {
    if (!m.isStr(declared)) m.raise("TypeError", "package must be a string");
    packageName = heap.strValue(declared);
  } else if (spec !== 0 && spec !== heap.none) {
    const parent = getAttribute(m, spec, m.name("parent"), "parent");
    try {
      if (!m.isStr(parent)) m.raise("TypeError", "__spec__.parent must be a string");
      packageName = heap.strValue(parent);
    } finally {
      m.decref(parent);
    }
  } else {
    const moduleName = entry("__name__");
    if (moduleName === 0) m.raise("KeyError", "'__name__' not in globals");
    if (!m.isStr(moduleName)) m.raise("TypeError", "__name__ must be a string");
    packageName = heap.strValue(moduleName);
    if (entry("__path__") === 0)
      packageName = packageName.slice(0, Math.max(0, packageName.lastIndexOf(".")));
  }
  if (packageName === "")
    m.raise("ImportError", "attempted relative import with no known parent package");
  let end = packageName.length;
  for (let up = 1; up < level; up++) {
    end = packageName.lastIndexOf(".", end - 1);
    if (end < 0) m.raise("ImportError", "attempted relative import beyond top-level package");
  }
  const base = packageName.slice(0, end);
  return name === "" ? base : `${base}.${name}`;
}

/**
 * CPython: `_handle_fromlist` — for a package (a module with `__path__`), imports each name of
 * `names` that is not yet an attribute as a submodule; `*` stands for the package's `__all__`.
 * A submodule that does not exist is not an error here (the name lookup reports it).
 *
 * @example
 * ```ts
 * importFromList(m, pkg, ["helpers"]); // from pkg import helpers
 * ```
 */
export function importFromList(m: Machine, module: Ptr, names: readonly string[]): void {
  if (m.typeIdOf(module) !== m.types.module) return;
  const dict = m.field(module, MODULE_DICT_OFFSET);
  if (m.heap.dictGetItem(dict, m.name("__path__")) === 0) return;
  const packageName = moduleName(m, module);
  if (packageName === undefined) return;
  for (const name of names) {
    if (name === "*") {
      importFromList(
        m,
        module,
        allNames(m, module).filter((entry) => entry !== "*"),
      );
      continue;
    }
    if (findPresent(m, module, name)) continue;
    const fullName = `${packageName}.${name}`;
    try {
      m.decref(m.importModule(fullName));
    } catch (error) {
      // CPython: a ModuleNotFoundError for that very submodule means "not a submodule".
      const thrown = m.toPyException(error);
      if (!isMissingModule(m, thrown.value, fullName)) throw thrown;
      thrown.release(m);
    }
  }
}

/**
 * `from module import name` (CPython: `import_from`): the attribute, or the submodule
 * `sys.modules` holds under `module.__name__ + "." + name` (a circular import midway); else
 * CPython's ImportError naming the module's file and, while the module is still running its
 * code, the circular import. A new reference.
 *
 * @example
 * ```ts
 * const value = importName(m, module, m.name("sqrt"), "sqrt");
 * ```
 */
export function importName(m: Machine, module: Ptr, key: Ptr, name: string): Ptr {
  const value = findAttribute(m, module, key, name);
  if (value !== 0) return value;
  const packageName = moduleName(m, module);
  if (packageName !== undefined) {
    const submodule = m.importedModule(`${packageName}.${name}`);
    if (submodule !== 0) return m.incref(submodule);
  }
  const shown = packageName ?? "<unknown module name>";
  const file = moduleFile(m, module);
  const location = file ?? "unknown location";
  const message = isInitializing(m, module)
    ? `cannot import name '${name}' from partially initialized module '${shown}' (most likely due to a circular import) (${location})`
    : `cannot import name '${name}' from '${shown}' (${location})`;
  const inst = m.newException("ImportError", message);
  try {
    setImportErrorName(m, inst, shown);
    const missing = m.newStr(name);
    m.heap.setSlot(inst, "name_from", missing);
    m.decref(missing);
    if (file !== undefined) {
      const path = m.newStr(file);
      m.heap.setSlot(inst, "path", path);
      m.decref(path);
    }
  } catch (error) {
    m.decref(inst);
    throw error;
  }
  throw m.exception(inst);
}

/** Whether `module` has the attribute `name` (without raising). */
function findPresent(m: Machine, module: Ptr, name: string): boolean {
  const value = findAttribute(m, module, m.name(name), name);
  if (value === 0) return false;
  m.decref(value);
  return true;
}

/** The str entries of `module.__all__` (none when it has no list or tuple of them). */
function allNames(m: Machine, module: Ptr): string[] {
  const all = findAttribute(m, module, m.name("__all__"), "__all__");
  if (all === 0) return [];
  try {
    const names: string[] = [];
    const t = m.typeIdOf(all);
    if (t === m.heap.listType)
      for (let index = 0; index < m.heap.listLength(all); index++) {
        const item = m.heap.listGetItem(all, index);
        if (m.isStr(item)) names.push(m.heap.strValue(item));
      }
    else if (t === m.heap.tupleType)
      for (let index = 0; index < m.heap.tupleLength(all); index++) {
        const item = m.heap.tupleGetItem(all, index);
        if (m.isStr(item)) names.push(m.heap.strValue(item));
      }
    return names;
  } finally {
    m.decref(all);
  }
}

/** A module's `__name__` when it is a str. */
function moduleName(m: Machine, module: Ptr): string | undefined {
  return moduleEntry(m, module, "__name__");
}

/** A module's `__file__` when it is a str. */
function moduleFile(m: Machine, module: Ptr): string | undefined {
  return moduleEntry(m, module, "__file__");
}

/** The str value of a module's namespace entry `key`, if it has one. */
function moduleEntry(m: Machine, module: Ptr, key: string): string | undefined {
  if (m.typeIdOf(module) !== m.types.module) return undefined;
  const value = m.heap.dictGetItem(m.field(module, MODULE_DICT_OFFSET), m.name(key));
  return value !== 0 && m.isStr(value) ? m.heap.strValue(value) : undefined;
}

/** CPython: `_PyModuleSpec_IsInitializing` — the module's code is still running. */
function isInitializing(m: Machine, module: Ptr): boolean {
  if (m.typeIdOf(module) !== m.types.module) return false;
  const spec = m.heap.dictGetItem(m.field(module, MODULE_DICT_OFFSET), m.name("__spec__"));
  if (spec === 0 || spec === m.heap.none) return false;
  const flag = findAttribute(m, spec, m.name("_initializing"), "_initializing");
  if (flag === 0) return false;
  try {
    return m.isTrue(flag);
  } finally {
    m.decref(flag);
  }
}

/** Whether `error` is the ModuleNotFoundError for the module `name` itself. */
function isMissingModule(m: Machine, error: Ptr, name: string): boolean {
  if (!m.isSubtype(m.recordOf(error), m.builtinType("ModuleNotFoundError"))) return false;
  const missing = m.heap.getSlot(error, "name");
  return missing !== 0 && m.isStr(missing) && m.heap.strValue(missing) === name;
}

/**
 * `__import__(name, globals, locals, fromlist, level)` (CPython:
 * `PyImport_ImportModuleLevelObject`): imports the module, resolving a relative name against
 * `globals`; returns the top-level package for `import a.b` (no from list), else the module
 * itself after importing the from list's submodules. A new reference.
 *
 * @example
 * ```ts
 * const os = importModuleLevel(m, name, undefined, undefined, undefined); // __import__("os")
 * ```
 */
export function importModuleLevel(
  m: Machine,
  name: Ptr,
  globals: Ptr | undefined,
  fromList: Ptr | undefined,
  level: Ptr | undefined,
): Ptr {
  const heap = m.heap;
  if (!m.isStr(name)) m.raise("TypeError", "module name must be a string");
  const text = heap.strValue(name);
  let depth = 0;
  if (level !== undefined) {
    if (!m.isInt(level) || m.typeIdOf(level) === heap.floatType)
      m.raise("TypeError", `'${m.typeName(level)}' object cannot be interpreted as an integer`);
    depth = m.numberOf(level);
  }
  if (depth < 0) m.raise("ValueError", "level must be >= 0");
  let absolute = text;
  if (depth > 0) {
    if (globals === undefined || m.typeIdOf(globals) !== heap.dictType)
      m.raise("TypeError", "globals must be a dict");
    absolute = resolveRelativeName(m, globals, text, depth);
  } else if (text === "") m.raise("ValueError", "Empty module name");
  const module = m.importModule(absolute);
  const hasFromList = fromList !== undefined && fromList !== heap.none && m.isTrue(fromList);
  if (hasFromList) {
    try {
      importFromList(m, module, fromListNames(m, fromList));
    } catch (error) {
      m.decref(module);
      throw error;
    }
    return module;
  }
  const dot = text.indexOf(".");
  if (dot < 0 || (depth > 0 && text === "")) return module;
  m.decref(module);
  if (depth === 0) return m.importModule(text.slice(0, dot));
  // `__import__('b.c', level=1)` in pkg: the package `pkg.b`, cut from the resolved name.
  const front = absolute.slice(0, absolute.length - (text.length - dot));
  const found = m.importedModule(front);
  if (found === 0) m.raise("KeyError", `'${front}' not in sys.modules as expected`);
  return m.incref(found);
}

/** The names of a from list (CPython's `_handle_fromlist` wants str items). */
function fromListNames(m: Machine, fromList: Ptr): string[] {
  const names: string[] = [];
  iterate(m, fromList, (item) => {
    if (!m.isStr(item))
      m.raise("TypeError", `Item in \`\`from list'' must be str, not ${m.typeName(item)}`);
    names.push(m.heap.strValue(item));
    return true;
  });
  return names;
}
