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
  type FileStatus,
  type FileSystem,
  FileSystemError,
  type OpenFlags,
} from "./file-system.js";

/**
 * `_pymem_files`: the host {@link FileSystem} as the Python part of `io` and `os` calls it —
 * the system calls CPython's `FileIO` and `os` functions make (`open`, `read`, `write`,
 * `lseek`, `ftruncate`, `fstat`, `stat`, `listdir`, `unlink`, `rename`, `mkdir`, `rmdir`,
 * `chmod`, `utime`, `statvfs`, `getcwd`, `chdir`). Paths arrive as str and are resolved against
 * the interpreter's working directory (which `chdir` moves); a failure raises the OSError
 * subclass CPython raises, with the path as `filename`. Each open handle is a file descriptor
 * with an offset, shared by every `os.read` / `os.write` / `FileIO` that uses the number, as
 * POSIX's open file description is.
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

/** Whether a path names a directory by its form: it ends in `/`, `/.` or `/..` (not the root). */
function namesDirectory(path: string): boolean {
  return /.\/(\.\.?)?$/.test(path) || path === "." || path === "..";
}

/** Linux's `open(2)` flag bits, as `os.O_*` gives them. */
const O_WRONLY = 0o1;
const O_RDWR = 0o2;
const O_CREAT = 0o100;
const O_EXCL = 0o200;
const O_TRUNC = 0o1000;
const O_APPEND = 0o2000;

/** {@link OpenFlags} for `os.open`'s flag bits and creation mode (CPython: os_open_impl). */
function descriptorFlags(bits: number, mode: number): OpenFlags {
  const access = bits & 0o3;
  if (access === 0o3) throw new FileSystemError("EINVAL");
  return {
    read: access !== O_WRONLY,
    write: access === O_WRONLY || access === O_RDWR,
    create: (bits & O_CREAT) !== 0,
    exclusive: (bits & O_EXCL) !== 0,
    truncate: (bits & O_TRUNC) !== 0,
    append: (bits & O_APPEND) !== 0,
    mode,
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
  initialCwd: string,
): NativeModuleFactory {
  /** The working directory relative paths start at (`os.chdir` moves it). */
  let cwd = initialCwd;
  /**
   * Each open handle's file offset (where the next read or write at position -1 starts, what
   * `lseek` moves) and whether it writes at the end (`O_APPEND`).
   */
  const descriptors = new Map<number, { offset: number; readonly append: boolean }>();
  /** The descriptor `handle` names, or `EBADF`. */
  const descriptor = (handle: number): { offset: number; readonly append: boolean } => {
    const found = descriptors.get(handle);
    if (found === undefined) throw new FileSystemError("EBADF");
    return found;
  };
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
  const real = (name: string, obj: Ptr): number => {
    if (!m.isNumber(obj)) m.raise("TypeError", `${name}: expected a number`);
    return m.numberOf(obj);
  };
  /** A tuple of new ints and floats, made one by one (a failing allocation leaks none). */
  const numbers = (values: ReadonlyArray<readonly [number, "int" | "float"]>): Ptr => {
    const items: Ptr[] = [];
    try {
      for (const [value, kind] of values)
        items.push(kind === "int" ? m.newInt(value) : m.newFloat(value));
    } catch (error) {
      for (const item of items) m.decref(item);
      throw error;
    }
    return m.tupleSteal(items);
  };
  /** `(is_directory, size, mtime, mode, ino, dev, nlink, uid, gid, atime, ctime)`. */
  const statTuple = (status: FileStatus): Ptr =>
    numbers([
      [status.kind === "directory" ? 1 : 0, "int"],
      [status.size, "int"],
      [status.modified, "float"],
      [status.mode, "int"],
      [status.inode, "int"],
      [status.device, "int"],
      [status.links, "int"],
      [status.uid, "int"],
      [status.gid, "int"],
      [status.accessed, "float"],
      [status.changed, "float"],
    ]);
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
        for (let index = 0; index < names.length; index++)
          if (namesDirectory(names[index]!)) requireDirectory(paths[index]!, creates(name, args));
        return body(args, paths);
      } catch (error) {
        return raiseFor(error, args.slice(0, pathCount));
      }
    };
  /**
   * For a name ending in `/` (or `/.`, `/..`), which POSIX resolves as a directory: `ENOTDIR`
   * when a file is there, and `EISDIR` when `creating` would make a file there.
   */
  /** Whether the `_pymem_files` call `name` with `args` may create a file (`open` for writing). */
  const creates = (name: string, args: readonly Ptr[]): boolean =>
    name === "open"
      ? !text(name, args[1]!).startsWith("r")
      : name === "openflags" && (integer(name, args[1]!) & O_CREAT) !== 0;
  const requireDirectory = (path: string, creating: boolean): void => {
    let kind: string;
    try {
      kind = fileSystem.stat(path).kind;
    } catch (error) {
      if (error instanceof FileSystemError && error.code === "ENOENT" && creating)
        throw new FileSystemError("EISDIR");
      // Missing: the call itself reports it (or, for mkdir, makes it).
      return;
    }
    if (kind !== "directory") throw new FileSystemError("ENOTDIR");
  };
  const handleOf = (name: string, obj: Ptr): number => integer(name, obj);
  /** Opens `path`, its offset starting at 0. */
  const opened = (path: string, flags: OpenFlags): Ptr => {
    const handle = fileSystem.open(path, flags);
    descriptors.set(handle, { offset: 0, append: flags.append });
    return m.newInt(handle);
  };
  const functions: Record<string, NativeFunction> = {
    open: native("open", 2, 1, (args, [path]) => {
      const mode = text("open", args[1]!);
      if (!/^[rwax]\+?$/.test(mode)) m.raise("ValueError", `invalid raw mode: ${mode}`);
      return opened(path!, openFlags(mode));
    }),
    // CPython: os_open_impl.
    openflags: native("openflags", 3, 1, (args, [path]) =>
      opened(path!, descriptorFlags(integer("open", args[1]!), integer("open", args[2]!))),
    ),
    // CPython: os_read_impl at position -1 (the offset, which advances), else pread.
    read: native("read", 3, 0, (args) => {
      const handle = handleOf("read", args[0]!);
      let size = integer("read", args[1]!);
      const at = integer("read", args[2]!);
      const open = descriptor(handle);
      const position = at < 0 ? open.offset : at;
      if (size < 0) size = Math.max(0, fileSystem.size(handle) - position);
      const data = fileSystem.read(handle, size, position);
      if (at < 0) open.offset = position + data.length;
      return newBytes(m, data);
    }),
    write: native("write", 3, 0, (args) => {
      const handle = handleOf("write", args[0]!);
      const data = args[1]!;
      if (!isBytesLike(m, data))
        m.raise("TypeError", `a bytes-like object is required, not '${m.typeName(data)}'`);
      // The view is copied before the host call: nothing may allocate while a view is held.
      const bytes = bytesView(m, data).slice(0, bytesLength(m, data));
      const at = integer("write", args[2]!);
      const open = descriptor(handle);
      const count = fileSystem.write(handle, bytes, at < 0 ? open.offset : at);
      // An O_APPEND write lands at the end, and the offset follows it there.
      if (at < 0) open.offset = open.append ? fileSystem.size(handle) : open.offset + count;
      return m.newInt(count);
    }),
    // CPython: os_lseek_impl with SEEK_SET (the Python part works out SEEK_CUR and SEEK_END).
    seek: native("seek", 2, 0, (args) => {
      const open = descriptor(handleOf("seek", args[0]!));
      const offset = integer("seek", args[1]!);
      if (offset < 0) throw new FileSystemError("EINVAL");
      open.offset = offset;
      return m.newInt(offset);
    }),
    tell: native("tell", 1, 0, (args) => m.newInt(descriptor(handleOf("tell", args[0]!)).offset)),
    truncate: native("truncate", 2, 0, (args) => {
      fileSystem.truncate(handleOf("truncate", args[0]!), integer("truncate", args[1]!));
      return m.none();
    }),
    size: native("size", 1, 0, (args) => m.newInt(fileSystem.size(handleOf("size", args[0]!)))),
    close: native("close", 1, 0, (args) => {
      const handle = handleOf("close", args[0]!);
      fileSystem.close(handle);
      descriptors.delete(handle);
      return m.none();
    }),
    stat: native("stat", 1, 1, (_args, [path]) => statTuple(fileSystem.stat(path!))),
    fstat: native("fstat", 1, 0, (args) =>
      statTuple(fileSystem.statHandle(handleOf("fstat", args[0]!))),
    ),
    listdir: native("listdir", 1, 1, (_args, [path]) => m.newStrList(fileSystem.list(path!))),
    remove: native("remove", 1, 1, (_args, [path]) => {
      fileSystem.remove(path!);
      return m.none();
    }),
    rename: native("rename", 2, 2, (_args, [from, to]) => {
      fileSystem.rename(from!, to!);
      return m.none();
    }),
    mkdir: native("mkdir", 2, 1, (args, [path]) => {
      fileSystem.makeDirectory(path!, integer("mkdir", args[1]!));
      return m.none();
    }),
    rmdir: native("rmdir", 1, 1, (_args, [path]) => {
      fileSystem.removeDirectory(path!);
      return m.none();
    }),
    chmod: native("chmod", 2, 1, (args, [path]) => {
      fileSystem.changeMode(path!, integer("chmod", args[1]!));
      return m.none();
    }),
    utime: native("utime", 3, 1, (args, [path]) => {
      fileSystem.setTimes(path!, real("utime", args[1]!), real("utime", args[2]!));
      return m.none();
    }),
    usage: native("usage", 1, 1, (_args, [path]) => {
      const usage = fileSystem.usage(path!);
      return numbers([
        [usage.total, "int"],
        [usage.used, "int"],
        [usage.free, "int"],
      ]);
    }),
    getcwd: native("getcwd", 0, 0, () => m.newStr(cwd)),
    // CPython: os_chdir_impl — the directory must exist; relative paths start there afterwards.
    chdir: native("chdir", 1, 1, (_args, [path]) => {
      if (fileSystem.stat(path!).kind !== "directory") throw new FileSystemError("ENOTDIR");
      cwd = path!;
      return m.none();
    }),
  };
  return (context) => buildModule(context, "_pymem_files", functions, []);
}
