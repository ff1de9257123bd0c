import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { sweepOutOfMemory } from "../../reliability/out-of-memory-sweep.js";
import { Interpreter, type InterpreterOptions } from "../interpreter.js";
import { MemoryFileSystem } from "./memory-file-system.js";
import { NodeFileSystem } from "./node-file-system.js";

/** Runs `source`, returning stdout, the last stderr line, and whether the heap ended clean. */
function run(source: string, options: Partial<InterpreterOptions> = {}) {
  const runtime = createRuntime({ unraisableSink: () => {} });
  const before = runtime.heap.snapshot();
  let stdout = "";
  let stderr = "";
  const interpreter = new Interpreter({
    runtime,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    ...options,
  });
  interpreter.run(source, "test.py");
  interpreter.dispose();
  runtime.verify();
  return {
    stdout,
    error: stderr.trim().split("\n").at(-1) ?? "",
    leaks: runtime.heap.leaksSince(before).length,
  };
}

describe("open() on the interpreter's file system", { timeout: 60_000 }, () => {
  it("reads the files an embedder seeds and keeps what the program writes", () => {
    const fileSystem = new MemoryFileSystem({ files: { "/home/ada/input.txt": "3\n4\n" } });
    const result = run(
      "import os\nnumbers = [int(line) for line in open('input.txt')]\n" +
        "with open('sum.txt', 'w') as f:\n    print(sum(numbers), file=f)\n" +
        "print(sorted(os.listdir()), __file__)\n",
      { fileSystem, cwd: "/home/ada", scriptPath: "test.py" },
    );
    expect(result).toEqual({
      stdout: "['input.txt', 'sum.txt'] /home/ada/test.py\n",
      error: "",
      leaks: 0,
    });
    expect(fileSystem.stat("/home/ada/sum.txt").size).toBe(2);
  });

  it("flushes and closes files still open at shutdown, one held in a cycle too", () => {
    const fileSystem = new MemoryFileSystem();
    const result = run(
      "f = open('plain.txt', 'w')\nf.write('by refcount')\nclass A:\n    pass\n" +
        "a = A()\na.me = a\na.f = open('cycle.txt', 'w')\na.f.write('by the collector')\n",
      { fileSystem },
    );
    expect(result).toEqual({ stdout: "", error: "", leaks: 0 });
    const contents = (path: string): string => {
      const handle = fileSystem.open(path, {
        read: true,
        write: false,
        create: false,
        exclusive: false,
        truncate: false,
        append: false,
      });
      return new TextDecoder().decode(fileSystem.read(handle, 100, 0));
    };
    expect([contents("/plain.txt"), contents("/cycle.txt")]).toEqual([
      "by refcount",
      "by the collector",
    ]);
  });

  it("gives each interpreter its own empty memory file system by default", () => {
    expect(run("open('a.txt', 'w').write('x')\nprint(open('a.txt').read())\n").stdout).toBe("x\n");
    expect(run("open('a.txt')\n").error).toBe(
      "FileNotFoundError: [Errno 2] No such file or directory: 'a.txt'",
    );
  });

  it("is bounded: writing past the memory file system's capacity raises OSError(ENOSPC)", () => {
    const fileSystem = new MemoryFileSystem({ capacityBytes: 100_000 });
    const result = run(
      "f = open('big.bin', 'wb')\ntry:\n    while True:\n        f.write(b'x' * 10000)\n" +
        "except OSError as e:\n    print(type(e).__name__, e.errno, e)\n" +
        "f.close()\nimport os\nprint(os.path.getsize('big.bin') <= 100000)\n",
      { fileSystem },
    );
    expect(result.stdout).toBe("OSError 28 [Errno 28] No space left on device\nTrue\n");
    expect(result.leaks).toBe(0);
  });

  it("is bounded by the runtime's maximumBytes when no file system is given", () => {
    const runtime = createRuntime({ maximumBytes: 8 << 20, unraisableSink: () => {} });
    let stdout = "";
    const interpreter = new Interpreter({
      runtime,
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
    });
    interpreter.run(
      "chunk = b'x' * 1000000\nf = open('big.bin', 'wb')\ntry:\n    for i in range(100):\n        f.write(chunk)\n" +
        "except OSError as e:\n    print(e.errno, i < 9)\n",
    );
    interpreter.dispose();
    runtime.verify();
    expect(stdout).toBe("28 True\n");
  });

  it("reaches the real disk through NodeFileSystem, relative to cwd", () => {
    const folder = mkdtempSync(join(tmpdir(), "pymem-open-"));
    try {
      writeFileSync(join(folder, "in.txt"), "héllo\n");
      const result = run(
        "text = open('in.txt', encoding='utf-8').read()\nopen('out.txt', 'w').write(text.upper())\n" +
          "import os\nos.mkdir('sub')\nprint(sorted(os.listdir('.')), os.path.getsize('in.txt'))\n",
        { fileSystem: new NodeFileSystem(), cwd: folder },
      );
      expect(result).toEqual({ stdout: "['in.txt', 'out.txt', 'sub'] 7\n", error: "", leaks: 0 });
      expect(readFileSync(join(folder, "out.txt"), "utf8")).toBe("HÉLLO\n");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("out-of-memory inside open/read/write", () => {
  it("failing allocations after `import io` end cleanly (every 20th point; sweeps of every 7th and every 9th point found nothing either)", () => {
    const source =
      "import io\nwith open('x.txt', 'w') as f:\n    f.write('hello\\n')\n    print('more', file=f)\n" +
      "with open('x.txt') as f:\n    lines = f.readlines()\ng = open('x.txt', 'rb')\ndata = g.read()\n" +
      "del g\ntry:\n    open('missing.txt')\nexcept OSError as e:\n    pass\n";
    const afterImport = sweepOutOfMemory("import io\n", []).allocations;
    const total = sweepOutOfMemory(source, []).allocations;
    const points: number[] = [];
    for (let point = afterImport + 1; point <= total; point += 20) points.push(point);
    // Calls no longer allocate heap frames, so the program makes fewer allocations than it did.
    expect(points.length).toBeGreaterThan(40);
    expect(sweepOutOfMemory(source, points).problems).toEqual([]);
  }, 600_000);
});
