import type { Ptr } from "@pymem/core";
import { bytesLength, bytesView, isBytesLike, newBytes } from "../bytes-objects.js";
import { call } from "../calls.js";
import type { Machine } from "../machine.js";
import { buildModule } from "../modules/module-support.js";
import type { NativeFunction, NativeModuleFactory } from "../native.js";
import { arity, noKeywords } from "../native-arguments.js";
import {
  absolutePath,
  ERRNO_TABLE,
  type FileSystem,
  FileSystemError,
  type OpenFlags,
} from "./file-system.js";

/**
 * `_pymem_files`: the host {@link FileSystem} as the Python part of `io` and `os` calls it —
 * the system calls CPython's `FileIO` and `os` functions make (`open`, `read`, `write`,
 * `lseek`-free positional I/O, `ftruncate`, `fstat`, `stat`, `listdir`, `unlink`, `rename`,
 * `mkdir`, `rmdir`). Paths arrive as str and are resolved against the interpreter's `cwd`; a
 * failure raises the OSError subclass CPython raises, with the path as `filename`.
 *
 * @module
 */

/** `open(2)` flags for one of FileIO's raw modes (`r`, `w`, `a`, `x`, each with an optional `+`). */
function openFlags(rawMode: string): OpenFlags {
  const update = rawMode.includes("+");
  const kind = rawMode[0];
  return {
    read: kind === "r" || update,
    write: kind !== "r" || update,
    create: kind !== "r",
    exclusive: kind === "x",
    truncate: kind === "w",
    append: kind === "a",
  };
}

/**
 * Makes the `_pymem_files` module over `fileSystem`, relative paths starting at `cwd`.
 *
 * @example
 * ```ts
 * const factory = fileSystemModule(machine, new MemoryFileSystem(), "/");
 * ```
 * @internal
 */
export function fileSystemModule(
  m: Machine,
  fileSystem: FileSystem,
  cwd: string,
): NativeModuleFactory {
  /** Raises CPython's OSError for a failed call on `paths` (the names as the program gave them). */
  const raiseFor = (error: unknown, paths: readonly Ptr[]): never => {
    if (!(error instanceof FileSystemError)) throw error;
    const [errno, text] = ERRNO_TABLE[error.code];
    const number = m.newInt(errno);
    try {
      const message = m.newStr(text);
      try {
        const args =
          paths.length === 2
            ? [number, message, paths[0]!, m.none(), paths[1]!]
            : [number, message, ...paths];
        // OSError(errno, strerror, filename) makes the errno's subclass (CPython: OSError_new).
        throw m.exception(call(m, m.builtinType("OSError").object, args, undefined));
      } finally {
        m.decref(message);
      }
    } finally {
      m.decref(number);
    }
  };
  const text = (name: string, obj: Ptr): string => {
    if (!m.isStr(obj)) m.raise("TypeError", `${name}: path must be str, not ${m.typeName(obj)}`);
    return m.heap.strValue(obj);
  };
  const integer = (name: string, obj: Ptr): number => {
    if (!m.isInt(obj) || m.numberOf(obj) < -1)
      m.raise("TypeError", `${name}: expected a non-negative int`);
    return m.numberOf(obj);
  };
  /** A native taking `count` arguments, the first `pathCount` of them paths named in errors. */
  const native =
    (
      name: string,
      count: number,
      pathCount: number,
      body: (args: readonly Ptr[], paths: string[]) => Ptr,
    ): NativeFunction =>
    (_context, args, keywords) => {
      noKeywords(m, name, keywords);
      arity(m, name, args, count, count);
      const names = args.slice(0, pathCount).map((arg) => text(name, arg));
      try {
        // An empty name is no file (POSIX's ENOENT), not the working directory.
        if (names.includes("")) throw new FileSystemError("ENOENT");
        const paths = names.map((path) => absolutePath(cwd, path));
        return body(args, paths);
      } catch (error) {
        return raiseFor(error, args.slice(0, pathCount));
      }
    };
  const handleOf = (name: string, obj: Ptr): number => integer(name, obj);
  const functions: Record<string, NativeFunction> = {
    open: native("open", 2, 1, (args, [path]) => {
      const mode = text("open", args[1]!);
      if (!/^[rwax]\+?$/.test(mode)) m.raise("ValueError", `invalid raw mode: ${mode}`);
      return m.newInt(fileSystem.open(path!, openFlags(mode)));
    }),
    read: native("read", 3, 0, (args) => {
      const handle = handleOf("read", args[0]!);
      let size = integer("read", args[1]!);
      const position = integer("read", args[2]!);
      if (size < 0) size = Math.max(0, fileSystem.size(handle) - position);
      return newBytes(m, fileSystem.read(handle, size, position));
    }),
    write: native("write", 3, 0, (args) => {
      const handle = handleOf("write", args[0]!);
      const data = args[1]!;
      if (!isBytesLike(m, data))
        m.raise("TypeError", `a bytes-like object is required, not '${m.typeName(data)}'`);
      // The view is copied before the host call: nothing may allocate while a view is held.
      const bytes = bytesView(m, data).slice(0, bytesLength(m, data));
      return m.newInt(fileSystem.write(handle, bytes, integer("write", args[2]!)));
    }),
    truncate: native("truncate", 2, 0, (args) => {
      fileSystem.truncate(handleOf("truncate", args[0]!), integer("truncate", args[1]!));
      return m.none();
    }),
    size: native("size", 1, 0, (args) => m.newInt(fileSystem.size(handleOf("size", args[0]!)))),
    close: native("close", 1, 0, (args) => {
      fileSystem.close(handleOf("close", args[0]!));
      return m.none();
    }),
    stat: native("stat", 1, 1, (_args, [path]) => {
      const status = fileSystem.stat(path!);
      const items = [
        m.newBool(status.kind === "directory"),
        m.newInt(status.size),
        m.newFloat(status.modified),
      ];
      try {
        return m.newTuple(items);
      } finally {
        for (const item of items) m.decref(item);
      }
    }),
    listdir: native("listdir", 1, 1, (_args, [path]) => {
      const names = fileSystem.list(path!);
      const list = m.heap.newList();
      try {
        for (const name of names) {
          const item = m.newStr(name);
          try {
            m.heap.listAppend(list, item);
          } finally {
            m.decref(item);
          }
        }
      } catch (error) {
        m.decref(list);
        throw error;
      }
      return list;
    }),
    remove: native("remove", 1, 1, (_args, [path]) => {
      fileSystem.remove(path!);
      return m.none();
    }),
    rename: native("rename", 2, 2, (_args, [from, to]) => {
      fileSystem.rename(from!, to!);
      return m.none();
    }),
    mkdir: native("mkdir", 1, 1, (_args, [path]) => {
      fileSystem.makeDirectory(path!);
      return m.none();
    }),
    rmdir: native("rmdir", 1, 1, (_args, [path]) => {
      fileSystem.removeDirectory(path!);
      return m.none();
    }),
  };
  return (context) => buildModule(context, "_pymem_files", functions, []);
}
