import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";
import { memoryIo } from "./cli-io.js";

const here = dirname(fileURLToPath(import.meta.url));
const examples = join(here, "..", "examples");

async function cli(argv: string[], files: Record<string, string> = {}, stdin: string[] = []) {
  const io = memoryIo({ files, stdin });
  const status = await runCli(argv, io);
  return { status, stdout: io.output(), stderr: io.errors() };
}

describe("pymem run", () => {
  it("prints the script's output and exits 0", async () => {
    const result = await cli(["run", "a.py"], { "a.py": "x = [1, 2]\nprint(len(x), x)\n" });
    expect(result).toEqual({ status: 0, stdout: "2 [1, 2]\n", stderr: "" });
  });

  it("reads the process's stdin through input() and sys.stdin, as python3 does", async () => {
    const source =
      "import sys\nn = int(input('n? '))\nprint(n * 2)\nprint(repr(sys.stdin.readline()))\n" +
      "print([line.rstrip() for line in sys.stdin])\ntry:\n    input()\nexcept EOFError as e:\n    print('EOF:', e)\n";
    const result = await cli(["run", "in.py"], { "in.py": source }, ["21", "two", "three", "four"]);
    expect(result).toEqual({
      status: 0,
      stdout: "n? 42\n'two\\n'\n['three', 'four']\nEOF: EOF when reading a line\n",
      stderr: "",
    });
  });

  it("exits 1 with CPython's traceback on stderr after an uncaught exception", async () => {
    const source = "def f():\n    raise ValueError('bad')\nprint('before')\nf()\nprint('after')\n";
    const result = await cli(["run", "boom.py"], { "boom.py": source });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("before\n");
    expect(result.stderr).toBe(
      // CPython names a script by its path joined onto the working directory.
      `Traceback (most recent call last):\n  File "${process.cwd()}/boom.py", line 4, in <module>\n    f()\n` +
        `    ~^^\n  File "${process.cwd()}/boom.py", line 2, in f\n    raise ValueError('bad')\nValueError: bad\n`,
    );
  });

  it("reads and writes real files beside the script (found through __file__), with CPython's errors", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pymem-cli-files-"));
    try {
      writeFileSync(join(folder, "data.txt"), "3\n4\n");
      const script = join(folder, "sum.py");
      writeFileSync(
        script,
        "import os\nhere = os.path.dirname(__file__)\n" +
          "numbers = [int(line) for line in open(os.path.join(here, 'data.txt'))]\n" +
          "with open(os.path.join(here, 'total.txt'), 'w') as f:\n    print(sum(numbers), file=f)\n" +
          "print(sorted(os.listdir(here)))\nopen(os.path.join(here, 'missing.txt'))\n",
      );
      const result = await cli(["run", script]);
      expect(result.stdout).toBe("['data.txt', 'sum.py', 'total.txt']\n");
      expect(result.stderr.trim().split("\n").at(-1)).toBe(
        `FileNotFoundError: [Errno 2] No such file or directory: '${join(folder, "missing.txt")}'`,
      );
      expect(readFileSync(join(folder, "total.txt"), "utf8")).toBe("7\n");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("decodes a script as its PEP 263 coding comment says, with CPython's errors", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pymem-cli-coding-"));
    const write = (name: string, bytes: number[] | string): string => {
      const path = join(folder, name);
      writeFileSync(
        path,
        typeof bytes === "string" ? Buffer.from(bytes, "latin1") : Buffer.from(bytes),
      );
      return path;
    };
    try {
      const latin = write(
        "latin.py",
        '# -*- coding: latin-1 -*-\ns = "caf\xe9"\nprint(s, len(s))\n',
      );
      expect(await cli(["run", latin])).toEqual({ status: 0, stdout: "café 4\n", stderr: "" });
      const second = write(
        "second.py",
        '#!/usr/bin/env python\n# vim: fileencoding=cp1252\nprint("\x80")\n',
      );
      expect((await cli(["run", second])).stdout).toBe("€\n");
      const undeclared = write("plain.py", 'x = 1\nprint("caf\xe9")\n');
      expect(await cli(["run", undeclared])).toEqual({
        status: 1,
        stdout: "",
        stderr: `SyntaxError: Non-UTF-8 code starting with '\\xe9' in file ${undeclared} on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n`,
      });
      const unknown = write("unknown.py", "# coding: foo\nprint(1)\n");
      expect((await cli(["run", unknown])).stderr).toBe("SyntaxError: encoding problem: foo\n");
      const bom = write("bom.py", [0xef, 0xbb, 0xbf, ...Buffer.from("# coding: latin-1\n")]);
      expect((await cli(["run", bom])).stderr).toBe(
        "SyntaxError: encoding problem: iso-8859-1 with BOM\n",
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("exits with an uncaught SystemExit's code and prints no traceback", async () => {
    const code = await cli(["run", "a.py"], { "a.py": "print('x')\nraise SystemExit(3)\n" });
    expect(code).toEqual({ status: 3, stdout: "x\n", stderr: "" });
    const text = await cli(["run", "b.py"], { "b.py": "raise SystemExit('stopped')\n" });
    expect(text).toEqual({ status: 1, stdout: "", stderr: "stopped\n" });
    const none = await cli(["run", "c.py"], { "c.py": "raise SystemExit\n" });
    expect(none).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("hashes strs with CPython's seeded SipHash: PYTHONHASHSEED=0 is deterministic, unset is random", async () => {
    const files = { "h.py": "print(hash('abc'), hash(''))\n" };
    const seeded = async (environment: Record<string, string>) => {
      const io = memoryIo({ files, environment });
      expect(await runCli(["run", "h.py"], io)).toBe(0);
      return io.output();
    };
    // CPython 3.13: PYTHONHASHSEED=0 python3 -c "print(hash('abc') & 0xFFFFFFFF)" is 69611762.
    expect(await seeded({ PYTHONHASHSEED: "0" })).toBe("69611762 0\n");
    const randomRuns = new Set<string>();
    for (let run = 0; run < 3; run++) randomRuns.add(await seeded({}));
    expect(randomRuns.size).toBeGreaterThan(1);
    const io = memoryIo({ files, environment: { PYTHONHASHSEED: "-1" } });
    expect(await runCli(["run", "h.py"], io)).toBe(2);
    expect(io.errors()).toMatch(/PYTHONHASHSEED must be "random" or an integer in range/);
  });

  it("-W and PYTHONWARNINGS set sys.warnoptions and the filters as CPython's do", async () => {
    const files = {
      "w.py":
        "import sys, warnings\nprint(sys.warnoptions)\nwarnings.warn('w', DeprecationWarning)\nprint('ran')\n",
      "e.py": "s = '\\d'\n",
    };
    const io = memoryIo({ files, environment: { PYTHONWARNINGS: "ignore,,bogus" } });
    expect(
      await runCli(["run", "-W", "error::DeprecationWarning", "-Werror:::m:x", "w.py"], io),
    ).toBe(1);
    // CPython 3.13: PYTHONWARNINGS=ignore,,bogus python3 -W error::DeprecationWarning -Werror:::m:x w.py
    expect(io.output()).toBe("['ignore', 'bogus', 'error::DeprecationWarning', 'error:::m:x']\n");
    expect(io.errors()).toMatch(
      /^Invalid -W option ignored: invalid action: 'bogus'\nInvalid -W option ignored: invalid lineno 'x'\nTraceback[\s\S]*\nDeprecationWarning: w\n$/,
    );
    // A compile-time SyntaxWarning turned into an error is the SyntaxError at its place.
    const compile = memoryIo({ files });
    expect(await runCli(["run", "-W", "error", "e.py"], compile)).toBe(1);
    expect(compile.errors()).toBe(
      `  File "${process.cwd()}/e.py", line 1\n    s = '\\d'\n        ^^^^\nSyntaxError: invalid escape sequence '\\d'\n`,
    );
  });

  it("a reader that goes away (EPIPE, as `| head -1`) raises BrokenPipeError at the print, as CPython", async () => {
    const io = memoryIo({ files: { "many.py": "for i in range(10**9):\n    print(i)\n" } });
    let lines = 0;
    const brokenPipe = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
    const status = await runCli(["run", "many.py"], {
      ...io,
      stdout: (text) => {
        if (lines++ > 0) throw brokenPipe;
        io.stdout(text);
      },
    });
    expect(status).toBe(1);
    expect(io.output()).toBe("0\n");
    expect(io.errors()).toMatch(/ {4}print\(i\)\n.*\nBrokenPipeError: \[Errno 32\] Broken pipe\n$/);
  });

  it("exits 2 on usage errors and unreadable files", async () => {
    for (const argv of [
      ["run"],
      ["run", "a.py", "b.py"],
      ["run", "a.py", "--collector", "magic"],
      ["run", "a.py", "--step-limit", "-3"],
      ["run", "a.py", "--bogus"],
      ["frobnicate"],
    ]) {
      const result = await cli(argv, { "a.py": "print(1)\n" });
      expect(result.status, argv.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("usage: pymem");
    }
    const missing = await cli(["run", "/nonexistent/missing.py"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      "pymem: can't open file '/nonexistent/missing.py': [Errno 2] No such file or directory\n",
    );
  });

  it("runs with every collector", async () => {
    const source = "import gc\nl = []\nl.append(l)\ndel l\nprint(gc.collect() >= 0)\n";
    for (const collector of [
      "generational",
      "generational-3.12",
      "incremental",
      "bacon-rajan",
      "none",
    ]) {
      const result = await cli(["run", "c.py", "--collector", collector], { "c.py": source });
      expect(result.stderr, collector).toBe("");
      expect(result.stdout, collector).toBe("True\n");
    }
  });

  it("--stats prints allocator and per-generation GC statistics at exit", async () => {
    const source =
      "import gc\nfor i in range(3):\n    l = []\n    l.append(l)\n    del l\n    gc.collect()\n";
    const result = await cli(["run", "s.py", "--stats"], { "s.py": source });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("Small block threshold = 512");
    expect(result.stderr).toContain("generation 2: 3 collections, 3 collected, 0 uncollectable");
    expect(result.stderr).toMatch(/generation 0: \d+ collections/);
  });

  it("--trace reports each statement's allocations, frees and collections", async () => {
    const source = "import gc\nx = [1, 2, 3]\ndel x\nl = []\nl.append(l)\ndel l\ngc.collect()\n";
    const result = await cli(["run", "t.py", "--trace"], { "t.py": source });
    expect(result.status).toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.map((line) => line.split(":")[0])).toEqual([
      "line 1",
      "line 2",
      "line 3",
      "line 4",
      "line 5",
      "line 6",
      "line 7",
    ]);
    const line2 = /^line 2: \+(\d+) blocks −(\d+) blocks, collections: none$/.exec(lines[1]!);
    // At least the item array (the list object itself may come from the list free list).
    expect(Number(line2![1])).toBeGreaterThanOrEqual(1);
    const line3 = /^line 3: \+(\d+) blocks −(\d+) blocks/.exec(lines[2]!);
    expect(Number(line3![2])).toBeGreaterThanOrEqual(1);
    expect(lines[6]).toMatch(
      /^line 7: \+\d+ blocks −\d+ blocks, collections: gen2 \(1 collected\)$/,
    );
  });

  it("--step-limit stops a runaway loop with a clear message", async () => {
    const result = await cli(["run", "loop.py", "--step-limit", "1000"], {
      "loop.py": "while True:\n    pass\n",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/step limit of 1000/);
  });

  it("--max-bytes turns runaway allocation into MemoryError", async () => {
    const source = "l = []\nwhile True:\n    l.append([0] * 1000)\n";
    const result = await cli(["run", "m.py", "--max-bytes", String(4 << 20)], { "m.py": source });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/MemoryError/);
  });

  it("--debug runs on the debug allocator", async () => {
    const result = await cli(["run", "d.py", "--debug"], {
      "d.py": "print([i * i for i in range(4)])\n",
    });
    expect(result).toEqual({ status: 0, stdout: "[0, 1, 4, 9]\n", stderr: "" });
  });
});

describe("pymem repl", () => {
  it("echoes values, continues blocks and survives errors", async () => {
    const result = await cli(["repl"], {}, [
      "x = 20",
      "x + 1",
      "def f(n):",
      "    return n * 2",
      "",
      "f(x)",
      "1 / 0",
      "items = [1,",
      "  2]",
      "items",
      "None",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      ">>> >>> 21\n>>> ... ... >>> 40\n>>> >>> ... >>> [1, 2]\n>>> >>> \n",
    );
    expect(result.stderr).toContain("ZeroDivisionError: division by zero");
  });
});

describe("examples", () => {
  const scripts = readdirSync(examples).filter((name) => name.endsWith(".py"));
  it("has one example per mechanism", () => {
    expect(scripts.sort()).toEqual([
      "automatic-allocation.py",
      "garbage-collection.py",
      "memory-pools.py",
      "reference-counting.py",
    ]);
  });
  it.each(scripts)("%s prints what CPython 3.13 prints", async (name) => {
    const expected = readFileSync(
      join(examples, "cpython-3.13", name.replace(/\.py$/, ".stdout")),
      "utf8",
    );
    const result = await cli(["run", join(examples, name)]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected);
    expect(result.status).toBe(0);
  });
});
