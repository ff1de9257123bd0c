import {
  type BigIntStats,
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  statfsSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from "node:fs";
import {
  ERRNO_TABLE,
  type FileStatus,
  type FileSystem,
  FileSystemError,
  type FileSystemErrorCode,
  type FileSystemUsage,
  type OpenFlags,
} from "./file-system.js";

/**
 * The real disk as a {@link FileSystem}, through Node's synchronous `fs` calls — what the CLI
 * passes. Kept out of the package's main entry (it is `@pymem/python/node`) so that browser
 * bundles never import `node:fs`.
 *
 * @module
 */

/** Runs a Node call, turning its error `code` into a {@link FileSystemError}. */
function host<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && Object.hasOwn(ERRNO_TABLE, code))
      throw new FileSystemError(code as FileSystemErrorCode);
    // Codes this interface does not name (EIO, ENXIO, …) still fail as an OSError.
    if (typeof code === "string") throw new FileSystemError("EINVAL");
    throw error;
  }
}

/** `open(2)` flags for {@link OpenFlags}. */
function nodeFlags(flags: OpenFlags): number {
  let result =
    flags.read && flags.write
      ? constants.O_RDWR
      : flags.write
        ? constants.O_WRONLY
        : constants.O_RDONLY;
  if (flags.create) result |= constants.O_CREAT;
  if (flags.exclusive) result |= constants.O_EXCL;
  if (flags.truncate) result |= constants.O_TRUNC;
  if (flags.append) result |= constants.O_APPEND;
  return result;
}

/** Seconds since the epoch from a bigint stat's nanoseconds, as CPython's `st_mtime` float. */
function seconds(nanoseconds: bigint): number {
  return Number(nanoseconds / 1_000_000_000n) + Number(nanoseconds % 1_000_000_000n) / 1e9;
}

/** {@link FileStatus} from Node's stat (bigint, so inode numbers and nanoseconds stay exact). */
function fileStatus(status: BigIntStats): FileStatus {
  return {
    kind: status.isDirectory() ? "directory" : "file",
    size: Number(status.size),
    modified: seconds(status.mtimeNs),
    accessed: seconds(status.atimeNs),
    changed: seconds(status.ctimeNs),
    mode: Number(status.mode) & 0o7777,
    inode: Number(status.ino),
    device: Number(status.dev),
    links: Number(status.nlink),
    uid: Number(status.uid),
    gid: Number(status.gid),
  };
}

/**
 * The host's file system, read and written with Node's synchronous `fs` API. Paths arrive
 * absolute (the interpreter resolves them against its `cwd`, which the CLI sets to the
 * process's).
 *
 * @example
 * ```ts
 * import { NodeFileSystem } from "@pymem/python/node";
 * const interpreter = new Interpreter({ fileSystem: new NodeFileSystem(), cwd: process.cwd() });
 * ```
 */
export class NodeFileSystem implements FileSystem {
  open(path: string, flags: OpenFlags): number {
    const handle = host(() => openSync(path, nodeFlags(flags), flags.mode ?? 0o666));
    // Linux opens a directory read-only without complaint; CPython's FileIO refuses it then.
    if (host(() => fstatSync(handle)).isDirectory()) {
      closeSync(handle);
      throw new FileSystemError("EISDIR");
    }
    return handle;
  }

  read(handle: number, length: number, position: number): Uint8Array {
    const buffer = new Uint8Array(length);
    const count = host(() => readSync(handle, buffer, 0, length, position));
    return buffer.subarray(0, count);
  }

  write(handle: number, data: Uint8Array, position: number): number {
    return host(() => writeSync(handle, data, 0, data.length, position));
  }

  truncate(handle: number, size: number): void {
    host(() => ftruncateSync(handle, size));
  }

  size(handle: number): number {
    return host(() => fstatSync(handle)).size;
  }

  close(handle: number): void {
    host(() => closeSync(handle));
  }

  stat(path: string): FileStatus {
    return fileStatus(host(() => statSync(path, { bigint: true })));
  }

  statHandle(handle: number): FileStatus {
    return fileStatus(host(() => fstatSync(handle, { bigint: true })));
  }

  changeMode(path: string, mode: number): void {
    host(() => chmodSync(path, mode & 0o7777));
  }

  setTimes(path: string, accessed: number, modified: number): void {
    host(() => utimesSync(path, accessed, modified));
  }

  usage(path: string): FileSystemUsage {
    // CPython: shutil.disk_usage — f_blocks, f_blocks - f_bfree and f_bavail, in blocks of f_bsize.
    const status = host(() => statfsSync(path));
    return {
      total: status.blocks * status.bsize,
      used: (status.blocks - status.bfree) * status.bsize,
      free: status.bavail * status.bsize,
    };
  }

  list(path: string): string[] {
    return host(() => readdirSync(path));
  }

  remove(path: string): void {
    host(() => unlinkSync(path));
  }

  rename(from: string, to: string): void {
    host(() => renameSync(from, to));
  }

  makeDirectory(path: string, mode = 0o777): void {
    host(() => mkdirSync(path, { mode }));
  }

  removeDirectory(path: string): void {
    host(() => rmdirSync(path));
  }
}
