import {
  absolutePath,
  type FileStatus,
  type FileSystem,
  FileSystemError,
} from "./files/file-system.js";
import { STANDARD_LIBRARY_DIRECTORY } from "./import-path.js";

/**
 * Finding a module on a search path as CPython 3.13's `PathFinder` and `FileFinder` do
 * (Lib/importlib/_bootstrap_external.py): in each directory of the path, a package directory
 * with an `__init__.py`, then a `name.py` module; directories without `__init__.py` become
 * portions of a namespace package when nothing else is found.
 *
 * @module
 */

/** What the path search found for a module name. */
export type FoundModule =
  /** The standard-library entry of `sys.path`: pymem's built-in module of that name. */
  | { readonly kind: "library" }
  /** A source file: `origin` the `.py` file, `location` the package directory for a package. */
  | { readonly kind: "source"; readonly origin: string; readonly location?: string }
  /** Directories named like the module with no `__init__.py` (PEP 420). */
  | { readonly kind: "namespace"; readonly locations: readonly string[] };

/**
 * Searches `entries` (a `sys.path` or a package's `__path__`, relative entries taken against
 * `cwd`) for the module whose last name part is `tail`. `inLibrary` says whether pymem has a
 * built-in module of that name for the standard-library entry to find. Undefined when nothing
 * is found.
 *
 * @example
 * ```ts
 * findModule(fileSystem, "/work", "helpers", ["/work", STANDARD_LIBRARY_DIRECTORY], false);
 * // { kind: "source", origin: "/work/helpers.py" }
 * ```
 */
export function findModule(
  fileSystem: FileSystem,
  cwd: string,
  tail: string,
  entries: readonly string[],
  inLibrary: boolean,
): FoundModule | undefined {
  const namespace: string[] = [];
  for (const entry of entries) {
    if (entry === STANDARD_LIBRARY_DIRECTORY) {
      if (inLibrary) return { kind: "library" };
      continue;
    }
    const directory = absolutePath(cwd, entry);
    // CPython: path_hooks give no finder for an entry that is not a directory.
    if (statusOf(fileSystem, directory)?.kind !== "directory") continue;
    const base = directory === "/" ? `/${tail}` : `${directory}/${tail}`;
    let portion = false;
    if (statusOf(fileSystem, base)?.kind === "directory") {
      const init = `${base}/__init__.py`;
      if (statusOf(fileSystem, init)?.kind === "file")
        return { kind: "source", origin: init, location: base };
      portion = true;
    }
    const file = `${base}.py`;
    if (statusOf(fileSystem, file)?.kind === "file") return { kind: "source", origin: file };
    if (portion) namespace.push(base);
  }
  return namespace.length > 0 ? { kind: "namespace", locations: namespace } : undefined;
}

/** `stat(path)`, or undefined when the path does not exist or cannot be read. */
function statusOf(fileSystem: FileSystem, path: string): FileStatus | undefined {
  try {
    return fileSystem.stat(path);
  } catch (error) {
    if (error instanceof FileSystemError) return undefined;
    throw error;
  }
}

/**
 * The whole content of the file at `path` (an absolute, normalised path).
 *
 * @example
 * ```ts
 * const bytes = readWholeFile(fileSystem, "/work/helpers.py");
 * ```
 */
export function readWholeFile(fileSystem: FileSystem, path: string): Uint8Array {
  const handle = fileSystem.open(path, {
    read: true,
    write: false,
    create: false,
    exclusive: false,
    truncate: false,
    append: false,
  });
  try {
    return fileSystem.read(handle, fileSystem.size(handle), 0);
  } finally {
    fileSystem.close(handle);
  }
}
