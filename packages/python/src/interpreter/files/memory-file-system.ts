import {
  type FileStatus,
  type FileSystem,
  FileSystemError,
  type FileSystemUsage,
  type OpenFlags,
} from "./file-system.js";

/**
 * An in-memory {@link FileSystem}: what the playground and embedders get unless they pass one.
 * A program's files live as long as the interpreter, so what it writes it can read back, and
 * nothing reaches the host. The bytes it holds are bounded, so untrusted code cannot grow the
 * page's memory without limit through files: past `capacityBytes` a write fails with `ENOSPC`
 * (`OSError: [Errno 28] No space left on device`).
 *
 * @module
 */

/**
 * What a directory entry costs against the capacity besides its name and contents: the file
 * system's own bookkeeping for it, so that a loop creating empty files or directories is
 * bounded too.
 */
const ENTRY_OVERHEAD_BYTES = 64;

/**
 * The umask the memory file system applies to the modes files and directories are created
 * with: 022, the usual default, so `open()` makes 0o644 files and `mkdir` 0o755 directories.
 */
const UMASK = 0o022;

/** What files and directories share: `struct stat`'s times, permission bits and inode. */
interface Inode {
  modified: number;
  accessed: number;
  changed: number;
  mode: number;
  readonly inode: number;
}

/** Linux's default soft limit of open files (`ulimit -n`): descriptors are numbered below it. */
const MAXIMUM_HANDLES = 1024;

/** A file's bytes (`data` may be longer than `length`: room to grow) or a directory's entries. */
type Entry =
  | (Inode & { kind: "file"; data: Uint8Array; length: number })
  | (Inode & { kind: "directory"; children: Map<string, Entry> });

/** An open handle: the file it reaches (kept even after the name is removed, as POSIX does). */
interface OpenFile {
  readonly file: Extract<Entry, { kind: "file" }>;
  readonly flags: OpenFlags;
}

/**
 * Options of a {@link MemoryFileSystem}.
 *
 * @example
 * ```ts
 * new MemoryFileSystem({ capacityBytes: 1 << 20, files: { "/data/input.txt": "3 4\n" } });
 * ```
 */
export interface MemoryFileSystemOptions {
  /**
   * Most bytes the files (and entries) may take; a write past it fails with `ENOSPC`. The
   * interpreter passes its runtime's `maximumBytes`, so files cannot outgrow the heap cap.
   * @defaultValue 67108864 (64 MiB)
   */
  capacityBytes: number;
  /**
   * Files present from the start, by absolute path (parent directories are created), as text
   * (stored as UTF-8) or bytes.
   * @defaultValue {}
   */
  files: Readonly<Record<string, string | Uint8Array>>;
}

/** Seconds since the epoch, as `st_mtime` reports. */
function now(): number {
  return Date.now() / 1000;
}

/**
 * A file system held in JavaScript memory, bounded by a byte capacity.
 *
 * @example
 * ```ts
 * const files = new MemoryFileSystem({ files: { "/input.txt": "hello\n" } });
 * const interpreter = new Interpreter({ fileSystem: files });
 * interpreter.run("print(open('input.txt').read())"); // hello
 * ```
 */
export class MemoryFileSystem implements FileSystem {
  /** The inode number the next entry gets (the root takes 2, as an ext4 root has). */
  private nextInode = 2;
  private readonly root: Entry = {
    kind: "directory",
    children: new Map(),
    ...this.inode(0o755),
  };
  private readonly handles = new Map<number, OpenFile>();
  private readonly capacityBytes: number;
  private used = 0;

  constructor(options: Partial<MemoryFileSystemOptions> = {}) {
    this.capacityBytes = options.capacityBytes ?? 64 << 20;
    for (const [path, contents] of Object.entries(options.files ?? {})) {
      const parts = this.parts(path);
      for (let depth = 1; depth < parts.length; depth++) {
        const directory = `/${parts.slice(0, depth).join("/")}`;
        if (this.find(directory) === undefined) this.makeDirectory(directory);
      }
      const handle = this.open(path, {
        read: false,
        write: true,
        create: true,
        exclusive: false,
        truncate: true,
        append: false,
      });
      const data = typeof contents === "string" ? new TextEncoder().encode(contents) : contents;
      this.write(handle, data, 0);
      this.close(handle);
    }
  }

  /** Bytes the files and entries take now, counted against the capacity. */
  get usedBytes(): number {
    return this.used;
  }

  open(path: string, flags: OpenFlags): number {
    // POSIX: the lowest number not open (0 to 2 are the standard streams'), below Linux's
    // default limit of open files (RLIMIT_NOFILE 1024), past which open() fails with EMFILE.
    let handle = 3;
    while (this.handles.has(handle)) handle++;
    if (handle >= MAXIMUM_HANDLES) throw new FileSystemError("EMFILE");
    let entry = this.find(path);
    if (entry === undefined) {
      if (!flags.create) throw new FileSystemError("ENOENT");
      const [parent, name] = this.parentOf(path);
      entry = {
        kind: "file",
        data: new Uint8Array(0),
        length: 0,
        ...this.inode(flags.mode ?? 0o666),
      };
      this.reserve(ENTRY_OVERHEAD_BYTES + name.length);
      parent.children.set(name, entry);
      this.touch(parent);
    } else if (flags.create && flags.exclusive) {
      throw new FileSystemError("EEXIST");
    } else if (entry.kind === "directory") {
      // CPython opens a directory read-only and fails at read(); writing fails at open().
      throw new FileSystemError("EISDIR");
    } else if (flags.truncate && flags.write) {
      this.resize(entry, 0);
    }
    this.handles.set(handle, { file: entry, flags });
    return handle;
  }

  read(handle: number, length: number, position: number): Uint8Array {
    const { file, flags } = this.handle(handle);
    if (!flags.read) throw new FileSystemError("EBADF");
    const start = Math.min(position, file.length);
    // Linux's default `relatime`: a read marks the access when the last one is older than the
    // last change or a day old.
    const time = now();
    if (
      file.accessed <= file.modified ||
      file.accessed <= file.changed ||
      time - file.accessed >= 86_400
    )
      file.accessed = time;
    return file.data.slice(start, Math.min(file.length, start + length));
  }

  write(handle: number, data: Uint8Array, position: number): number {
    const { file, flags } = this.handle(handle);
    if (!flags.write) throw new FileSystemError("EBADF");
    const start = flags.append ? file.length : position;
    if (start + data.length > file.length) this.resize(file, start + data.length);
    file.data.set(data, start);
    this.touch(file);
    return data.length;
  }

  truncate(handle: number, size: number): void {
    const { file, flags } = this.handle(handle);
    if (!flags.write) throw new FileSystemError("EINVAL");
    this.resize(file, size);
    this.touch(file);
  }

  size(handle: number): number {
    return this.handle(handle).file.length;
  }

  close(handle: number): void {
    if (!this.handles.delete(handle)) throw new FileSystemError("EBADF");
  }

  stat(path: string): FileStatus {
    const entry = this.find(path);
    if (entry === undefined) throw new FileSystemError("ENOENT");
    return this.status(entry);
  }

  statHandle(handle: number): FileStatus {
    return this.status(this.handle(handle).file);
  }

  changeMode(path: string, mode: number): void {
    const entry = this.find(path);
    if (entry === undefined) throw new FileSystemError("ENOENT");
    entry.mode = mode & 0o7777;
    entry.changed = now();
  }

  setTimes(path: string, accessed: number, modified: number): void {
    const entry = this.find(path);
    if (entry === undefined) throw new FileSystemError("ENOENT");
    entry.accessed = accessed;
    entry.modified = modified;
    entry.changed = now();
  }

  usage(path: string): FileSystemUsage {
    if (this.find(path) === undefined) throw new FileSystemError("ENOENT");
    return {
      total: this.capacityBytes,
      used: this.used,
      free: this.capacityBytes - this.used,
    };
  }

  list(path: string): string[] {
    const entry = this.find(path);
    if (entry === undefined) throw new FileSystemError("ENOENT");
    if (entry.kind !== "directory") throw new FileSystemError("ENOTDIR");
    return [...entry.children.keys()];
  }

  remove(path: string): void {
    const entry = this.find(path);
    if (entry === undefined) throw new FileSystemError("ENOENT");
    if (entry.kind === "directory") throw new FileSystemError("EISDIR");
    const [parent, name] = this.parentOf(path);
    parent.children.delete(name);
    this.touch(parent);
    this.used -= ENTRY_OVERHEAD_BYTES + name.length;
    // Open handles keep the bytes, as an unlinked inode keeps them; they are counted until
    // then only if nothing holds them, which is the common case.
    if (![...this.handles.values()].some((open) => open.file === entry)) this.resize(entry, 0);
  }

  rename(from: string, to: string): void {
    const entry = this.find(from);
    if (entry === undefined) throw new FileSystemError("ENOENT");
    if (to === from) return;
    if (to.startsWith(`${from}/`)) throw new FileSystemError("EINVAL");
    const target = this.find(to);
    if (target !== undefined) {
      if (target.kind === "directory" && entry.kind !== "directory")
        throw new FileSystemError("EISDIR");
      if (target.kind !== "directory" && entry.kind === "directory")
        throw new FileSystemError("ENOTDIR");
      if (target.kind === "directory" && target.children.size > 0)
        throw new FileSystemError("ENOTEMPTY");
    }
    const [toParent, toName] = this.parentOf(to);
    if (target === undefined) this.reserve(ENTRY_OVERHEAD_BYTES + toName.length);
    else if (target.kind === "file") this.remove(to);
    const [fromParent, fromName] = this.parentOf(from);
    fromParent.children.delete(fromName);
    this.used -= ENTRY_OVERHEAD_BYTES + fromName.length;
    toParent.children.set(toName, entry);
    this.touch(fromParent);
    this.touch(toParent);
    entry.changed = toParent.modified;
  }

  makeDirectory(path: string, mode = 0o777): void {
    if (this.find(path) !== undefined) throw new FileSystemError("EEXIST");
    const [parent, name] = this.parentOf(path);
    this.reserve(ENTRY_OVERHEAD_BYTES + name.length);
    parent.children.set(name, { kind: "directory", children: new Map(), ...this.inode(mode) });
    this.touch(parent);
  }

  removeDirectory(path: string): void {
    const entry = this.find(path);
    if (entry === undefined) throw new FileSystemError("ENOENT");
    if (entry.kind !== "directory") throw new FileSystemError("ENOTDIR");
    if (entry === this.root) throw new FileSystemError("EBUSY");
    if (entry.children.size > 0) throw new FileSystemError("ENOTEMPTY");
    const [parent, name] = this.parentOf(path);
    parent.children.delete(name);
    this.touch(parent);
    this.used -= ENTRY_OVERHEAD_BYTES + name.length;
  }

  /** A new entry's inode fields: a fresh number, `mode` less the umask, the times now. */
  private inode(mode: number): Inode {
    const time = now();
    return {
      modified: time,
      accessed: time,
      changed: time,
      mode: mode & 0o7777 & ~UMASK,
      inode: this.nextInode++,
    };
  }

  /** Marks an entry's contents changed now (`st_mtime` and `st_ctime`). */
  private touch(entry: Inode): void {
    entry.modified = now();
    entry.changed = entry.modified;
  }

  /** `struct stat` for an entry; a directory has a link from its parent, its `.` and each subdirectory's `..`. */
  private status(entry: Entry): FileStatus {
    const shared = {
      modified: entry.modified,
      accessed: entry.accessed,
      changed: entry.changed,
      mode: entry.mode,
      inode: entry.inode,
      device: 1,
      uid: 0,
      gid: 0,
    };
    if (entry.kind === "file") return { kind: "file", size: entry.length, links: 1, ...shared };
    let links = 2;
    for (const child of entry.children.values()) if (child.kind === "directory") links++;
    return { kind: "directory", size: 0, links, ...shared };
  }

  /** The path's components (the paths given are absolute and normalised). */
  private parts(path: string): string[] {
    return path.split("/").filter((part) => part !== "");
  }

  /** The entry at `path`, or undefined; `ENOTDIR` when a file stands where a directory must. */
  private find(path: string): Entry | undefined {
    let entry: Entry = this.root;
    for (const part of this.parts(path)) {
      if (entry.kind !== "directory") throw new FileSystemError("ENOTDIR");
      const child = entry.children.get(part);
      if (child === undefined) return undefined;
      entry = child;
    }
    return entry;
  }

  /** The directory that holds `path`'s last component, and that component. */
  private parentOf(path: string): [Extract<Entry, { kind: "directory" }>, string] {
    const parts = this.parts(path);
    const name = parts.pop();
    if (name === undefined) throw new FileSystemError("EBUSY");
    const parent = this.find(`/${parts.join("/")}`);
    if (parent === undefined) throw new FileSystemError("ENOENT");
    if (parent.kind !== "directory") throw new FileSystemError("ENOTDIR");
    return [parent, name];
  }

  private handle(handle: number): OpenFile {
    const open = this.handles.get(handle);
    if (open === undefined) throw new FileSystemError("EBADF");
    return open;
  }

  /** Counts `bytes` more against the capacity, or fails with ENOSPC and counts nothing. */
  private reserve(bytes: number): void {
    if (this.used + bytes > this.capacityBytes) throw new FileSystemError("ENOSPC");
    this.used += bytes;
  }

  /**
   * Sets a file's length, zero-filling what grows; the storage doubles as it grows (so appends
   * cost amortised constant time) and what it allocates is what counts against the capacity.
   */
  private resize(file: Extract<Entry, { kind: "file" }>, length: number): void {
    if (length <= file.data.length) {
      file.data.fill(0, length, file.length);
      file.length = length;
      if (length === 0 && file.data.length > 0) {
        this.used -= file.data.length;
        file.data = new Uint8Array(0);
      }
      return;
    }
    const capacity = Math.max(length, Math.min(file.data.length * 2, this.capacityBytes));
    const grown = capacity - file.data.length;
    const needed = length - file.data.length;
    // Double when there is room; else take exactly what is needed, or fail.
    const granted = this.used + grown <= this.capacityBytes ? grown : needed;
    this.reserve(granted);
    const data = new Uint8Array(file.data.length + granted);
    data.set(file.data.subarray(0, file.length));
    file.data = data;
    file.length = length;
  }
}
