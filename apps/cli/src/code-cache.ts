import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { constants, Script } from "node:vm";
import { fnv1aHex, readIfPresent, writeCacheFile } from "./cache-files.js";

/**
 * A CommonJS file loaded by {@link requireWithCodeCache}: its exports, and `saveCache()` to call
 * once the work is done, so that the cache also holds every function compiled while it ran.
 *
 * @example
 * ```ts
 * const bundle = requireWithCodeCache<{ run(): number }>("/app/dist/app.cjs", defaultCacheDirectory());
 * bundle.exports.run();
 * bundle.saveCache();
 * ```
 */
export interface CachedModule<T> {
  /** What the file put in `module.exports`. */
  readonly exports: T;
  /** Whether V8 accepted a cache written by an earlier run (nothing was compiled from source). */
  readonly cacheHit: boolean;
  /** Writes V8's code for the file (now including what ran) unless the cache was used as is. */
  saveCache(): void;
  /**
   * The file's size and modification time (`"2873401-1765130000000"`): names this build of it,
   * for other caches whose entries must not outlive a rebuild.
   */
  readonly build: string;
}

/**
 * Where {@link requireWithCodeCache} keeps its files by default: `$TMPDIR/pymem-compile-cache`, or
 * none when Node's own switch `NODE_DISABLE_COMPILE_CACHE` is set.
 *
 * @example
 * ```ts
 * defaultCacheDirectory(); // "/tmp/pymem-compile-cache"
 * ```
 */
export function defaultCacheDirectory(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  return join(tmpdir(), "pymem-compile-cache");
}

/**
 * Runs a CommonJS file the way `require` does, but compiled with V8's code cache: the first run
 * compiles from source and {@link CachedModule.saveCache} writes the compiled code to
 * `$TMPDIR/pymem-compile-cache/`; later runs skip parsing and compiling. Node 22 offers this as
 * `module.enableCompileCache()`; Node 20, which this project supports, does not, so this is the
 * same mechanism by hand (`vm.Script` with `cachedData`). `directory` undefined: no cache.
 *
 * @remarks
 * The cache file is named after the source's size, modification time, the Node version and the
 * architecture, because V8 checks only the source's length before it accepts cached code: a
 * rebuilt file gets a new name and never meets code from the old one. Writing is atomic (a
 * temporary file, then a rename), so concurrent runs never read half a cache; the cache is only
 * an optimisation, so a cache directory that cannot be written to leaves it off without an error.
 * Dynamic `import()` inside the file works as in the main context, but Node 20 marks that
 * experimental and prints a warning: code loaded this way should `require` what it loads late.
 *
 * @example
 * ```ts
 * const path = fileURLToPath(new URL("./cli-bundle.cjs", import.meta.url));
 * const bundle = requireWithCodeCache<{ runCli: typeof runCli }>(path, defaultCacheDirectory());
 * ```
 */
export function requireWithCodeCache<T>(
  filename: string,
  directory: string | undefined,
): CachedModule<T> {
  const source = readFileSync(filename, "utf8");
  const stats = statSync(filename);
  const prefix = `${basename(filename)}-${fnv1aHex(filename)}.`;
  const build = `${stats.size}-${Math.trunc(stats.mtimeMs)}`;
  const cachePath =
    directory === undefined
      ? undefined
      : join(directory, `${prefix}${build}.${process.version}-${process.arch}.v8cache`);
  const cachedData = cachePath === undefined ? undefined : readIfPresent(cachePath);
  // CPython has no analogue; Node: the wrapper Module.wrap() puts around every CommonJS file.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      filename,
      ...(cachedData !== undefined ? { cachedData } : {}),
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
  const cacheHit = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (
    exports: T,
    require: NodeJS.Require,
    module: { exports: T },
    filename: string,
    directory: string,
  ) => void;
  wrapper.call(
    module.exports,
    module.exports,
    createRequire(filename),
    module,
    filename,
    dirname(filename),
  );
  return {
    exports: module.exports,
    cacheHit,
    build,
    saveCache: () => {
      if (cacheHit || cachePath === undefined || directory === undefined) return;
      writeCacheFile(directory, prefix, cachePath, script.createCachedData());
    },
  };
}
