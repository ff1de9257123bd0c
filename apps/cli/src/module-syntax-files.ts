import { join } from "node:path";
import { type ModuleSyntaxCache, syntaxTreeFromJson, syntaxTreeToJson } from "@pymem/python";
import { fnv1aHex, readIfPresent, writeCacheFile } from "./cache-files.js";

/**
 * A {@link ModuleSyntaxCache} on disk: the parsed tree of each library module written in Python
 * is kept as JSON in `directory` (beside V8's code cache), so `pymem run` parses a module's
 * source once per build rather than once per run — CPython's `__pycache__`, for the modules
 * bundled with pymem. A file is named after the bundle's path (two installs keep apart), the
 * module, its source (length and hash) and `build`, the bundle's identity: a rebuilt parser
 * never meets trees an older one wrote, and writing a tree deletes the older builds' one.
 *
 * @example
 * ```ts
 * const bundle = requireWithCodeCache(bundlePath, directory);
 * new Interpreter({ moduleSyntaxCache: moduleSyntaxFiles(directory, bundlePath, bundle.build) });
 * ```
 */
export function moduleSyntaxFiles(
  directory: string,
  bundlePath: string,
  build: string,
): ModuleSyntaxCache {
  const owner = fnv1aHex(bundlePath);
  // "--" ends the name: no module name holds it, so `collections` never matches `collections.abc`.
  const prefix = (name: string) => `syntax-${owner}-${name}--`;
  const pathOf = (name: string, source: string) =>
    join(directory, `${prefix(name)}${source.length}-${fnv1aHex(source)}.${build}.json`);
  return {
    load: (name, source) => {
      const text = readIfPresent(pathOf(name, source));
      return text === undefined ? undefined : syntaxTreeFromJson(text.toString("utf8"));
    },
    store: (name, source, tree) => {
      writeCacheFile(directory, prefix(name), pathOf(name, source), syntaxTreeToJson(tree));
    },
  };
}
