import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

/**
 * Files of the CLI's caches (V8's code for the bundle, parsed library modules): reading one that
 * may be missing, and replacing a cache file atomically.
 *
 * @module
 */

/**
 * FNV-1a of `text` as hex: short names for cache files (a path, a module's source).
 *
 * @example
 * ```ts
 * fnv1aHex("/usr/lib/pymem/dist/cli-bundle.cjs"); // "5b7c1e0a" (say)
 * ```
 */
export function fnv1aHex(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

/**
 * The file's bytes, or undefined when it cannot be read (no cache yet: the caller computes).
 *
 * @example
 * ```ts
 * const cachedData = readIfPresent("/tmp/pymem-compile-cache/x.v8cache");
 * ```
 */
export function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `cachePath` in `directory`, first deleting the files there whose names start
 * with `prefix` (older versions of the same entry). Atomic — a temporary file, then a rename — so
 * concurrent runs never read half a file; any file-system error just leaves the entry uncached.
 *
 * @example
 * ```ts
 * writeCacheFile(directory, "typing.", join(directory, "typing.1a2b.json"), Buffer.from(text));
 * ```
 */
export function writeCacheFile(
  directory: string,
  prefix: string,
  cachePath: string,
  data: string | Buffer,
): void {
  try {
    mkdirSync(directory, { recursive: true });
    for (const name of readdirSync(directory)) {
      if (name.startsWith(prefix) && join(directory, name) !== cachePath)
        unlinkSync(join(directory, name));
    }
    const temporary = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, cachePath);
  } catch {
    // A cache is an optimisation: a read-only or full temp directory only costs start-up time.
  }
}
