/**
 * The host file system the interpreter's `open()`, `io` file classes and `os` functions reach
 * through: a small POSIX-shaped interface (open a handle, read and write at a position, stat,
 * list, remove, rename, make and remove directories) that an embedder implements or picks —
 * {@link MemoryFileSystem} (the default: files live in the page or process for one interpreter)
 * or `NodeFileSystem` from `@pymem/python/node` (the CLI's: the real disk).
 *
 * @module
 */

/**
 * The POSIX error a file-system call failed with. The interpreter raises the OSError subclass
 * CPython raises for it (`ENOENT` → `FileNotFoundError`), with CPython's message.
 *
 * @example
 * ```ts
 * throw new FileSystemError("ENOENT");
 * ```
 */
export type FileSystemErrorCode =
  | "EPERM"
  | "ENOENT"
  | "EBADF"
  | "EACCES"
  | "EBUSY"
  | "EEXIST"
  | "EXDEV"
  | "ENOTDIR"
  | "EISDIR"
  | "EINVAL"
  | "EMFILE"
  | "EFBIG"
  | "ENOSPC"
  | "EROFS"
  | "ENAMETOOLONG"
  | "ENOTEMPTY"
  | "ELOOP";

/**
 * Each code's Linux errno number and `strerror()` text: what CPython's OSError shows
 * (`[Errno 2] No such file or directory`).
 *
 * @example
 * ```ts
 * ERRNO_TABLE.ENOENT; // [2, "No such file or directory"]
 * ```
 */
export const ERRNO_TABLE: Readonly<Record<FileSystemErrorCode, readonly [number, string]>> = {
  EPERM: [1, "Operation not permitted"],
  ENOENT: [2, "No such file or directory"],
  EBADF: [9, "Bad file descriptor"],
  EACCES: [13, "Permission denied"],
  EBUSY: [16, "Device or resource busy"],
  EEXIST: [17, "File exists"],
  EXDEV: [18, "Invalid cross-device link"],
  ENOTDIR: [20, "Not a directory"],
  EISDIR: [21, "Is a directory"],
  EINVAL: [22, "Invalid argument"],
  EMFILE: [24, "Too many open files"],
  EFBIG: [27, "File too large"],
  ENOSPC: [28, "No space left on device"],
  EROFS: [30, "Read-only file system"],
  ENAMETOOLONG: [36, "File name too long"],
  ENOTEMPTY: [39, "Directory not empty"],
  ELOOP: [40, "Too many levels of symbolic links"],
};

/**
 * A failed file-system call, carrying the POSIX code. Implementations throw it (the Node one
 * converts Node's `code`), and the interpreter turns it into the matching OSError.
 *
 * @example
 * ```ts
 * try { fileSystem.stat("/missing"); } catch (error) { (error as FileSystemError).code; } // "ENOENT"
 * ```
 */
export class FileSystemError extends Error {
  /** The POSIX error code (`"ENOENT"`). */
  readonly code: FileSystemErrorCode;

  constructor(code: FileSystemErrorCode) {
    super(`${code}: ${ERRNO_TABLE[code][1]}`);
    this.name = "FileSystemError";
    this.code = code;
  }
}

/**
 * How a file is opened: `open(2)`'s access mode and `O_CREAT`/`O_EXCL`/`O_TRUNC`/`O_APPEND`.
 *
 * @example
 * ```ts
 * const writeFlags: OpenFlags = { read: false, write: true, create: true, exclusive: false, truncate: true, append: false };
 * ```
 */
export interface OpenFlags {
  /** Reads allowed. */
  readonly read: boolean;
  /** Writes allowed. */
  readonly write: boolean;
  /** Create the file when missing (`O_CREAT`). */
  readonly create: boolean;
  /** Fail with `EEXIST` when it exists (`O_EXCL`, with `create`). */
  readonly exclusive: boolean;
  /** Empty it on opening (`O_TRUNC`). */
  readonly truncate: boolean;
  /** Every write goes to the end (`O_APPEND`). */
  readonly append: boolean;
  /**
   * Permission bits a created file gets before the umask (`open(2)`'s `mode`).
   * @defaultValue 0o666
   */
  readonly mode?: number;
}

/**
 * What `stat` reports about a path: the fields of `struct stat` that `os.stat_result` shows.
 *
 * @example
 * ```ts
 * fileSystem.stat("/notes.txt");
 * // { kind: "file", size: 12, modified: 1733600000.5, accessed: 1733600000.5, changed: 1733600000.5,
 * //   mode: 0o644, inode: 7, device: 1, links: 1, uid: 0, gid: 0 }
 * ```
 */
export interface FileStatus {
  /** A regular file or a directory (other kinds report as files). */
  readonly kind: "file" | "directory";
  /** Size in bytes (0 for directories in the memory file system). */
  readonly size: number;
  /** Last modification (`st_mtime`), in seconds since the epoch. */
  readonly modified: number;
  /** Last access (`st_atime`), in seconds since the epoch. */
  readonly accessed: number;
  /** Last status change (`st_ctime`: contents, mode or name), in seconds since the epoch. */
  readonly changed: number;
  /** Permission bits (`st_mode & 0o7777`). */
  readonly mode: number;
  /** Inode number: with `device`, what tells two names of one file apart from two files. */
  readonly inode: number;
  /** Device number of the file system holding it. */
  readonly device: number;
  /** Hard links to it. */
  readonly links: number;
  /** Owner's user id. */
  readonly uid: number;
  /** Owner's group id. */
  readonly gid: number;
}

/**
 * What `statvfs` tells `shutil.disk_usage`: the file system's size and room, in bytes.
 *
 * @example
 * ```ts
 * fileSystem.usage("/"); // { total: 67108864, used: 1024, free: 67107840 }
 * ```
 */
export interface FileSystemUsage {
  /** Bytes the file system holds in all. */
  readonly total: number;
  /** Bytes in use. */
  readonly used: number;
  /** Bytes an unprivileged program may still write. */
  readonly free: number;
}

/**
 * A host file system for the interpreter. Paths are absolute and normalised (the interpreter
 * joins a relative path onto its `cwd` first: `/work/notes.txt`, never `notes.txt` or `a/../b`).
 * Every method throws {@link FileSystemError} on failure; anything else thrown is a bug.
 *
 * @example
 * ```ts
 * const handle = fileSystem.open("/a.txt", { read: false, write: true, create: true, exclusive: false, truncate: true, append: false });
 * fileSystem.write(handle, new TextEncoder().encode("hi"), 0);
 * fileSystem.close(handle);
 * ```
 */
export interface FileSystem {
  /** Opens a file (never a directory: `EISDIR` when writing one), returning a handle. */
  open(path: string, flags: OpenFlags): number;
  /** Up to `length` bytes from `position` (fewer at the end; empty past it). */
  read(handle: number, length: number, position: number): Uint8Array;
  /** Writes `data` at `position` (at the end when opened with `append`); returns the count. */
  write(handle: number, data: Uint8Array, position: number): number;
  /** Cuts or zero-extends the open file to `size` bytes. */
  truncate(handle: number, size: number): void;
  /** The open file's current size in bytes. */
  size(handle: number): number;
  /** Closes the handle; it is invalid afterwards. */
  close(handle: number): void;
  /** What is at `path`. */
  stat(path: string): FileStatus;
  /** What the open handle reaches (`fstat`). */
  statHandle(handle: number): FileStatus;
  /** Sets the permission bits (`chmod`; `mode & 0o7777`). */
  changeMode(path: string, mode: number): void;
  /** Sets the access and modification times, in seconds since the epoch (`utime`). */
  setTimes(path: string, accessed: number, modified: number): void;
  /** The size and room of the file system holding `path` (`statvfs`). */
  usage(path: string): FileSystemUsage;
  /** The names in the directory, in the host's order. */
  list(path: string): string[];
  /** Removes a file (`unlink`). */
  remove(path: string): void;
  /** Moves a file or directory, replacing a file at `to`. */
  rename(from: string, to: string): void;
  /** Creates a directory whose parent exists, with `mode` (default 0o777) before the umask. */
  makeDirectory(path: string, mode?: number): void;
  /** Removes an empty directory. */
  removeDirectory(path: string): void;
}

/**
 * `path` made absolute against `cwd` and normalised lexically (`.`, `..` and repeated `/`
 * removed, `..` at the root staying there), as the file systems receive paths.
 *
 * @example
 * ```ts
 * absolutePath("/work", "../notes/./a.txt"); // "/notes/a.txt"
 * ```
 */
export function absolutePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith("/") ? path : `${cwd}/${path}`).split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}
