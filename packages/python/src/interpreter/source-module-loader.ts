import type { Ptr } from "@pymem/core";
import { parse } from "../parser.js";
import { decodeSource, SourceEncodingError } from "../source-encoding.js";
import { PythonSyntaxError } from "../syntax-error.js";
import type { SyntaxWarningNote } from "../syntax-warnings.js";
import { call } from "./calls.js";
import type { Compiler } from "./compiler.js";
import { newSyntaxError } from "./exception-fields.js";
import type { FileSystem } from "./files/file-system.js";
import type { Machine } from "./machine.js";
import type { ModuleRegistry } from "./module-registry.js";
import { warnAtCompileTime } from "./native-warnings.js";
import { getAttribute, keyError, setAttribute } from "./object-access.js";
import { MODULE_DICT_OFFSET } from "./object-layouts.js";
import { type FoundModule, readWholeFile } from "./path-finder.js";
import { runBlock } from "./run-loop.js";
import { raiseParserError } from "./run-source.js";

/**
 * Loading a module that the path search found in a file or as a namespace package, as
 * CPython 3.13's `_load_unlocked` does with a `SourceFileLoader`: the module object with its
 * spec and loader attributes (made by pymem's `importlib.machinery`, `module_from_spec`), placed
 * in `sys.modules` before its code runs (so circular imports see the partly initialised module)
 * and removed again if the code raises; afterwards whatever `sys.modules` holds under the name
 * is the result, moved to the end of `sys.modules`.
 *
 * @module
 */

/** What loading needs from the interpreter. */
export interface SourceModuleHost {
  readonly machine: Machine;
  readonly compiler: Compiler;
  readonly fileSystem: FileSystem;
  readonly registry: ModuleRegistry;
  readonly builtinsModule: Ptr;
}

/**
 * Imports the module `name` found as `found` (a source file or namespace package) and returns
 * a new reference to what `sys.modules[name]` holds afterwards.
 *
 * @example
 * ```ts
 * const module = loadFoundModule(host, "helpers", { kind: "source", origin: "/work/helpers.py" });
 * ```
 */
export function loadFoundModule(
  host: SourceModuleHost,
  name: string,
  found: Exclude<FoundModule, { kind: "library" }>,
): Ptr {
  const m = host.machine;
  const module = newModuleFor(m, name, found);
  try {
    host.registry.store(name, module);
  } finally {
    m.decref(module); // sys.modules holds it now (or nobody, after a MemoryError)
  }
  if (found.kind === "source") {
    try {
      executeSource(host, module, found.origin);
    } catch (error) {
      // CPython: _load_unlocked — a failed module leaves sys.modules.
      if (host.registry.lookup(name) !== 0) host.registry.remove(name);
      throw error;
    }
  }
  const result = host.registry.lookup(name);
  if (result === 0) {
    // CPython: `sys.modules.pop(spec.name)` after the module removed itself.
    const key = m.newStr(name);
    try {
      throw m.exception(keyError(m, key));
    } finally {
      m.decref(key);
    }
  }
  // Moved to the end of sys.modules, as CPython's pop-and-store leaves it.
  m.incref(result);
  try {
    host.registry.remove(name);
    host.registry.store(name, result);
  } catch (error) {
    m.decref(result);
    throw error;
  }
  return result;
}

/**
 * The new module for `found`, made by `importlib.machinery`'s Python part as
 * `module_from_spec(spec_from_file_location(...))` (or a namespace spec) would.
 */
function newModuleFor(
  m: Machine,
  name: string,
  found: Exclude<FoundModule, { kind: "library" }>,
): Ptr {
  const machinery = m.importModule("importlib.machinery");
  try {
    const isSource = found.kind === "source";
    const factory = getAttribute(
      m,
      machinery,
      m.name(isSource ? "_file_module" : "_namespace_module"),
      isSource ? "_file_module" : "_namespace_module",
    );
    try {
      // Made one by one, so a MemoryError part-way releases the ones made.
      const arguments_: Ptr[] = [];
      try {
        arguments_.push(m.newStr(name));
        if (found.kind === "namespace") arguments_.push(m.newStrList(found.locations));
        else {
          arguments_.push(m.newStr(found.origin));
          arguments_.push(
            found.location === undefined ? m.incref(m.heap.none) : m.newStr(found.location),
          );
        }
        return call(m, factory, arguments_, undefined);
      } finally {
        for (const argument of arguments_) m.decref(argument);
      }
    } finally {
      m.decref(factory);
    }
  } finally {
    m.decref(machinery);
  }
}

/**
 * Reads, compiles and runs the module's file in its namespace (CPython:
 * `SourceLoader.exec_module`, with `_call_with_frames_removed` keeping importlib's own frames out
 * of tracebacks), with `__spec__._initializing` true meanwhile.
 */
function executeSource(host: SourceModuleHost, module: Ptr, origin: string): void {
  const m = host.machine;
  const dict = m.field(module, MODULE_DICT_OFFSET);
  let source: string;
  try {
    source = decodeSource(readWholeFile(host.fileSystem, origin), origin);
  } catch (error) {
    if (error instanceof SourceEncodingError)
      throw m.exception(m.newException("SyntaxError", error.msg));
    throw error;
  }
  const syntaxWarnings: SyntaxWarningNote[] = [];
  let tree: ReturnType<typeof parse>;
  try {
    tree = parse(source, { syntaxWarnings });
  } catch (error) {
    if (!(error instanceof PythonSyntaxError)) throw error;
    // A compiler-stage error's text is read back from the file (a string source has none).
    if (error.stage === "compiler")
      throw m.exception(newSyntaxError(m, error, origin, lineWithBreak(source, error.lineno)));
    raiseParserError(m, error, source, origin, "exec");
  }
  const warningAsError = warnAtCompileTime(m, syntaxWarnings, origin, source);
  if (warningAsError !== undefined)
    throw m.exception(newSyntaxError(m, warningAsError, origin, null));
  const code = host.compiler.compileModule(tree, origin, source, false);
  // CPython's exec() adds __builtins__ to a namespace that lacks it.
  if (m.heap.dictGetItem(dict, m.name("__builtins__")) === 0)
    m.heap.dictSetItem(dict, m.name("__builtins__"), host.builtinsModule);
  const spec = m.heap.dictGetItem(dict, m.name("__spec__"));
  if (spec !== 0) m.incref(spec);
  try {
    if (spec !== 0) setAttribute(m, spec, m.name("_initializing"), "_initializing", m.heap.true);
    // The module body gets its own frame, one deeper than the importing one.
    m.depth++;
    try {
      runBlock(m, code, dict, dict, 0);
    } finally {
      m.depth--;
    }
  } finally {
    if (spec !== 0) {
      try {
        setAttribute(m, spec, m.name("_initializing"), "_initializing", m.heap.false);
      } finally {
        m.decref(spec);
      }
    }
  }
}

/** Line `lineno` of `source` with its line break, as CPython reads it back from the file. */
function lineWithBreak(source: string, lineno: number): string | null {
  const line = source.split("\n")[lineno - 1];
  return line === undefined ? null : `${line}\n`;
}
