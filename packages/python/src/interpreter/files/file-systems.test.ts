import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  absolutePath,
  type FileSystem,
  FileSystemError,
  type FileSystemErrorCode,
  type OpenFlags,
} from "./file-system.js";
import { MemoryFileSystem } from "./memory-file-system.js";
import { NodeFileSystem } from "./node-file-system.js";

const READ: OpenFlags = {
  read: true,
  write: false,
  create: false,
  exclusive: false,
  truncate: false,
  append: false,
};
const WRITE: OpenFlags = { ...READ, read: false, write: true, create: true, truncate: true };
const APPEND: OpenFlags = { ...READ, read: false, write: true, create: true, append: true };
const CREATE_NEW: OpenFlags = { ...WRITE, exclusive: true };

const text = (data: Uint8Array): string => new TextDecoder().decode(data);
const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);

/** The code a call fails with, or undefined when it succeeds. */
function failure(action: () => unknown): FileSystemErrorCode | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof FileSystemError) return error.code;
    throw error;
  }
}

// The same contract, checked on both implementations: the Node one in a real temporary folder.
const root = mkdtempSync(join(tmpdir(), "pymem-fs-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const implementations: Array<[string, () => { fileSystem: FileSystem; base: string }]> = [
  ["MemoryFileSystem", () => ({ fileSystem: new MemoryFileSystem(), base: "" })],
  [
    "NodeFileSystem",
    () => ({ fileSystem: new NodeFileSystem(), base: mkdtempSync(join(root, "case-")) }),
  ],
];

describe.each(implementations)("%s", (_name, make) => {
  it("writes, reads back at positions, appends, truncates and reports sizes", () => {
    const { fileSystem, base } = make();
    const path = `${base}/a.txt`;
    const writer = fileSystem.open(path, WRITE);
    expect(fileSystem.write(writer, bytes("hello world"), 0)).toBe(11);
    expect(fileSystem.write(writer, bytes("W"), 6)).toBe(1);
    fileSystem.close(writer);
    const reader = fileSystem.open(path, READ);
    expect(text(fileSystem.read(reader, 100, 0))).toBe("hello World");
    expect(text(fileSystem.read(reader, 3, 2))).toBe("llo");
    expect(fileSystem.read(reader, 10, 50).length).toBe(0);
    expect(fileSystem.size(reader)).toBe(11);
    const appender = fileSystem.open(path, APPEND);
    fileSystem.write(appender, bytes("!"), 0);
    fileSystem.truncate(appender, 13);
    expect(fileSystem.read(reader, 100, 0)).toEqual(bytes("hello World!\0"));
    fileSystem.truncate(appender, 5);
    expect(text(fileSystem.read(reader, 100, 0))).toBe("hello");
    fileSystem.close(appender);
    fileSystem.close(reader);
    expect(fileSystem.stat(path)).toMatchObject({ kind: "file", size: 5 });
  });

  it("fails as POSIX does", () => {
    const { fileSystem, base } = make();
    expect(failure(() => fileSystem.open(`${base}/missing`, READ))).toBe("ENOENT");
    expect(failure(() => fileSystem.open(`${base}/no/such/dir`, WRITE))).toBe("ENOENT");
    fileSystem.close(fileSystem.open(`${base}/f`, CREATE_NEW));
    expect(failure(() => fileSystem.open(`${base}/f`, CREATE_NEW))).toBe("EEXIST");
    expect(failure(() => fileSystem.open(`${base}/f/below`, WRITE))).toBe("ENOTDIR");
    fileSystem.makeDirectory(`${base}/d`);
    expect(failure(() => fileSystem.open(`${base}/d`, READ))).toBe("EISDIR");
    expect(failure(() => fileSystem.open(`${base}/d`, WRITE))).toBe("EISDIR");
    expect(failure(() => fileSystem.makeDirectory(`${base}/d`))).toBe("EEXIST");
    expect(failure(() => fileSystem.remove(`${base}/d`))).toBe("EISDIR");
    expect(failure(() => fileSystem.removeDirectory(`${base}/f`))).toBe("ENOTDIR");
    expect(failure(() => fileSystem.list(`${base}/f`))).toBe("ENOTDIR");
    expect(failure(() => fileSystem.stat(`${base}/missing`))).toBe("ENOENT");
    expect(failure(() => fileSystem.rename(`${base}/missing`, `${base}/x`))).toBe("ENOENT");
    fileSystem.close(fileSystem.open(`${base}/d/inside`, WRITE));
    expect(failure(() => fileSystem.removeDirectory(`${base}/d`))).toBe("ENOTEMPTY");
    const reader = fileSystem.open(`${base}/f`, READ);
    expect(failure(() => fileSystem.write(reader, bytes("x"), 0))).toBe("EBADF");
    fileSystem.close(reader);
  });

  it("lists, renames, replaces and removes files and directories", () => {
    const { fileSystem, base } = make();
    fileSystem.makeDirectory(`${base}/d`);
    for (const name of ["one", "two"]) {
      const handle = fileSystem.open(`${base}/d/${name}`, WRITE);
      fileSystem.write(handle, bytes(name), 0);
      fileSystem.close(handle);
    }
    expect(fileSystem.list(`${base}/d`).sort()).toEqual(["one", "two"]);
    fileSystem.rename(`${base}/d/one`, `${base}/d/two`);
    expect(fileSystem.list(`${base}/d`)).toEqual(["two"]);
    const handle = fileSystem.open(`${base}/d/two`, READ);
    expect(text(fileSystem.read(handle, 10, 0))).toBe("one");
    fileSystem.close(handle);
    fileSystem.rename(`${base}/d`, `${base}/e`);
    expect(fileSystem.stat(`${base}/e`).kind).toBe("directory");
    fileSystem.remove(`${base}/e/two`);
    fileSystem.removeDirectory(`${base}/e`);
    expect(failure(() => fileSystem.stat(`${base}/e`))).toBe("ENOENT");
  });

  it("reports stat fields, sets modes and times, and tells the usage (chmod, utime, fstat, statvfs)", () => {
    const { fileSystem, base } = make();
    // Modes are created less the umask (022 on the memory file system and on this machine's runs).
    fileSystem.makeDirectory(`${base}/d`, 0o700);
    const handle = fileSystem.open(`${base}/d/f`, { ...WRITE, read: true, mode: 0o640 });
    fileSystem.write(handle, bytes("12345"), 0);
    const status = fileSystem.stat(`${base}/d/f`);
    expect(status).toMatchObject({ kind: "file", size: 5, mode: 0o640, links: 1 });
    expect(fileSystem.stat(`${base}/d`)).toMatchObject({ kind: "directory", mode: 0o700 });
    expect(fileSystem.statHandle(handle)).toMatchObject({
      size: 5,
      inode: status.inode,
      device: status.device,
    });
    fileSystem.close(handle);
    fileSystem.close(fileSystem.open(`${base}/d/g`, WRITE));
    const other = fileSystem.stat(`${base}/d/g`);
    expect(other.mode).toBe(0o644);
    expect(other.inode).not.toBe(status.inode);
    expect(other.device).toBe(status.device);
    expect(Math.abs(other.modified - Date.now() / 1000)).toBeLessThan(60);
    fileSystem.changeMode(`${base}/d/g`, 0o100751);
    expect(fileSystem.stat(`${base}/d/g`).mode).toBe(0o751);
    fileSystem.setTimes(`${base}/d/g`, 1000.25, 2000.5);
    expect(fileSystem.stat(`${base}/d/g`)).toMatchObject({ accessed: 1000.25, modified: 2000.5 });
    fileSystem.makeDirectory(`${base}/d/sub`);
    expect(fileSystem.stat(`${base}/d`).links).toBe(3);
    const usage = fileSystem.usage(`${base}/d`);
    expect(usage.total).toBeGreaterThan(0);
    expect(usage.used + usage.free).toBeLessThanOrEqual(usage.total);
    expect(failure(() => fileSystem.changeMode(`${base}/missing`, 0o600))).toBe("ENOENT");
    expect(failure(() => fileSystem.setTimes(`${base}/missing`, 1, 1))).toBe("ENOENT");
    expect(failure(() => fileSystem.usage(`${base}/missing`))).toBe("ENOENT");
    expect(failure(() => fileSystem.statHandle(99_999))).toBe("EBADF");
  });
});

describe("MemoryFileSystem", () => {
  it("starts with the seeded files, parent folders made", () => {
    const fileSystem = new MemoryFileSystem({
      files: { "/data/in.txt": "3 4\n", "/raw.bin": new Uint8Array([1, 2]) },
    });
    expect(fileSystem.list("/").sort()).toEqual(["data", "raw.bin"]);
    const handle = fileSystem.open("/data/in.txt", READ);
    expect(text(fileSystem.read(handle, 10, 0))).toBe("3 4\n");
    expect(fileSystem.stat("/raw.bin").size).toBe(2);
  });

  it("is bounded: past its capacity a write fails with ENOSPC and nothing is stored", () => {
    const fileSystem = new MemoryFileSystem({ capacityBytes: 10_000 });
    const handle = fileSystem.open("/big", WRITE);
    fileSystem.write(handle, new Uint8Array(6_000), 0);
    expect(failure(() => fileSystem.write(handle, new Uint8Array(6_000), 6_000))).toBe("ENOSPC");
    expect(fileSystem.size(handle)).toBe(6_000);
    expect(fileSystem.usedBytes).toBeLessThanOrEqual(10_000);
    // Freed space is usable again.
    fileSystem.truncate(handle, 0);
    fileSystem.write(handle, new Uint8Array(9_000), 0);
    fileSystem.close(handle);
    // Entries count too: an endless loop creating empty files stops.
    const small = new MemoryFileSystem({ capacityBytes: 1_000 });
    let created = 0;
    expect(
      failure(() => {
        for (;;) small.close(small.open(`/f${created++}`, WRITE));
      }),
    ).toBe("ENOSPC");
    expect(created).toBeLessThan(20);
    small.remove("/f0");
    small.close(small.open("/again", WRITE));
  });

  it("counts its usage against the capacity, and moves a directory's times with its entries", () => {
    const fileSystem = new MemoryFileSystem({ capacityBytes: 100_000 });
    expect(fileSystem.usage("/")).toEqual({ total: 100_000, used: 0, free: 100_000 });
    fileSystem.makeDirectory("/d");
    fileSystem.setTimes("/d", 5, 5);
    const handle = fileSystem.open("/d/f", WRITE);
    fileSystem.write(handle, new Uint8Array(1000), 0);
    fileSystem.close(handle);
    expect(fileSystem.stat("/d").modified).toBeGreaterThan(5);
    const { used, free } = fileSystem.usage("/d/f");
    expect(used).toBe(fileSystem.usedBytes);
    expect(used).toBeGreaterThanOrEqual(1000);
    expect(free).toBe(100_000 - used);
    fileSystem.setTimes("/d", 5, 5);
    fileSystem.remove("/d/f");
    expect(fileSystem.stat("/d").modified).toBeGreaterThan(5);
    expect(fileSystem.stat("/").inode).toBe(2);
  });

  it("numbers handles as POSIX descriptors: the lowest free from 3, at most 1024 (EMFILE)", () => {
    const fileSystem = new MemoryFileSystem();
    const first = fileSystem.open("/a", WRITE);
    const second = fileSystem.open("/b", WRITE);
    expect([first, second]).toEqual([3, 4]);
    fileSystem.close(first);
    expect(fileSystem.open("/c", WRITE)).toBe(3);
    for (let handle = 5; handle < 1024; handle++) fileSystem.open("/a", READ);
    expect(failure(() => fileSystem.open("/d", WRITE))).toBe("EMFILE");
    // Nothing was made by the open that failed.
    expect(failure(() => fileSystem.stat("/d"))).toBe("ENOENT");
  });

  it("keeps an open file's bytes after its name is removed, as an unlinked inode", () => {
    const fileSystem = new MemoryFileSystem();
    const handle = fileSystem.open("/a", { ...WRITE, read: true });
    fileSystem.write(handle, bytes("kept"), 0);
    fileSystem.remove("/a");
    expect(text(fileSystem.read(handle, 10, 0))).toBe("kept");
    expect(failure(() => fileSystem.stat("/a"))).toBe("ENOENT");
  });
});

describe("NodeFileSystem", () => {
  it("reaches the real disk", () => {
    const fileSystem = new NodeFileSystem();
    const path = join(root, "real.txt");
    writeFileSync(path, "from node");
    const handle = fileSystem.open(path, { ...READ, write: true });
    expect(text(fileSystem.read(handle, 100, 0))).toBe("from node");
    fileSystem.write(handle, bytes("FROM"), 0);
    fileSystem.close(handle);
    expect(readFileSync(path, "utf8")).toBe("FROM node");
  });
});

describe("absolutePath", () => {
  it("joins onto the working directory and normalises", () => {
    expect(absolutePath("/work", "a.txt")).toBe("/work/a.txt");
    expect(absolutePath("/work", "../notes/./a.txt")).toBe("/notes/a.txt");
    expect(absolutePath("/work", "/etc//x/")).toBe("/etc/x");
    expect(absolutePath("/", "../..")).toBe("/");
  });
});
