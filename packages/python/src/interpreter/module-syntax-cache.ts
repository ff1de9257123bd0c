import type { Module } from "../ast.js";
import { parse } from "../parser.js";

/**
 * Parsed trees of library modules' Python source, kept so that importing a module the process
 * (or, with a cache on disk, an earlier process) already parsed skips the parser: parsing was
 * about a third of `import typing`. CPython caches compiled modules in `__pycache__` for the
 * same reason. A tree is never changed after parsing, so one tree serves every interpreter.
 *
 * @example
 * ```ts
 * const memory = new Map<string, Module>();
 * const cache: ModuleSyntaxCache = {
 *   load: (name, source) => memory.get(source),
 *   store: (name, source, tree) => void memory.set(source, tree),
 * };
 * new Interpreter({ moduleSyntaxCache: cache });
 * ```
 */
export interface ModuleSyntaxCache {
  /** The tree parsed earlier from exactly `source` (module `name`), or undefined. */
  load(name: string, source: string): Module | undefined;
  /** Offered each tree just parsed from a module's `source`. */
  store(name: string, source: string, tree: Module): void;
}

/**
 * A {@link ModuleSyntaxCache} in memory, holding the latest source and tree of each module name.
 *
 * @example
 * ```ts
 * const cache = memoryModuleSyntaxCache();
 * new Interpreter({ moduleSyntaxCache: cache }).run("import typing"); // parses typing
 * new Interpreter({ moduleSyntaxCache: cache }).run("import typing"); // reuses the tree
 * ```
 */
export function memoryModuleSyntaxCache(): ModuleSyntaxCache {
  const trees = new Map<string, { source: string; tree: Module }>();
  return {
    load: (name, source) => {
      const entry = trees.get(name);
      return entry !== undefined && entry.source === source ? entry.tree : undefined;
    },
    store: (name, source, tree) => {
      trees.set(name, { source, tree });
    },
  };
}

/**
 * The cache interpreters share unless given another: every interpreter of the process (tests,
 * the playground's runs) parses a library module once.
 *
 * @internal
 */
export const processModuleSyntaxCache: ModuleSyntaxCache = memoryModuleSyntaxCache();

/**
 * The tree of a library module's `source`: from `cache`, or parsed (and offered to `cache`).
 *
 * @example
 * ```ts
 * const tree = moduleSyntaxTree(processModuleSyntaxCache, "typing", TYPING_SOURCE);
 * ```
 * @internal
 */
export function moduleSyntaxTree(cache: ModuleSyntaxCache, name: string, source: string): Module {
  const cached = cache.load(name, source);
  if (cached !== undefined) return cached;
  const tree = parse(source);
  cache.store(name, source, tree);
  return tree;
}
