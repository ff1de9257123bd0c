// Every published package must install on its own from its packed tarball into a fresh npm project
// and work from both `import` and `require`, with correct types — and pass publint and attw.
// Needs each package's dist/ (the root `pnpm test` builds first).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  installTarballs,
  manifests,
  nodeOnlyCompilerOptions,
  packAll,
  repositoryRoot,
  run,
  tscPath,
} from "./packed-packages.js";

// Real work per package, run from both module systems: `m` is the package's namespace and
// `load(name)` loads one of its dependencies the same way (import or require).
const smokeTests: Record<string, string> = {
  "@pymem/core":
    "const memory = new m.LinearMemory({ maximumBytes: 1 << 20 }); if (!memory.grow(1)) throw new Error('grow'); const esm = await import('@pymem/core'); const { createRequire } = await import('node:module'); const cjs = createRequire(process.cwd() + '/')('@pymem/core'); if (esm.OutOfMemoryError === cjs.OutOfMemoryError) throw new Error('one copy'); const fromCjs = new cjs.OutOfMemoryError(64, 32); if (!(fromCjs instanceof esm.OutOfMemoryError) || !esm.isPymemError(fromCjs) || !(new esm.InvalidPointerError(8, 'x') instanceof cjs.PymemError) || fromCjs instanceof esm.DoubleFreeError) throw new Error('errors not recognised across ESM and CJS');",
  "@pymem/pool":
    "const pool = new m.PoolAllocator(); const p = pool.malloc(100); pool.memory.u8[p] = 1; pool.free(p); pool.verify(); if (pool.stats().blocksInUse !== 0) throw new Error('leak');",
  "@pymem/heap":
    "const heap = new m.Heap(); const f = heap.newFloat(1.5); if (heap.numberValue(f) !== 1.5 || heap.strValue(heap.newStr('héllo')) !== 'héllo') throw new Error('value'); heap.verify();",
  "@pymem/refcount":
    "const { Heap } = await load('@pymem/heap'); const heap = new Heap(); const rc = new m.Refcounter(heap); const before = heap.allocator.stats().blocksInUse; const text = heap.newStr('a string long enough to need its own block'); rc.decref(text); if (heap.allocator.stats().blocksInUse !== before) throw new Error('not freed');",
  "@pymem/runtime":
    "const rt = m.createRuntime({ collector: 'generational' }); const list = rt.fromJS([1, 'a', null]); if (rt.repr(list) !== \"[1, 'a', None]\") throw new Error(rt.repr(list)); rt.lifetime.decref(list); rt.gc.collect(); rt.verify();",
  "@pymem/python":
    "const tree = m.parse('x = [1, 2]\\n'); if (tree.body.length !== 1) throw new Error('parse'); try { m.parse('x = (1,'); throw new Error('no error'); } catch (error) { if (!(error instanceof m.PythonSyntaxError) || !m.formatSyntaxError(error).includes(\"'(' was never closed\")) throw error; } const out = []; const interpreter = new m.Interpreter({ stdout: (text) => out.push(text), stderr: (text) => out.push(text) }); const result = interpreter.run('class A:\\n    def __del__(self):\\n        print(\"freed\")\\na = A()\\ndel a\\nprint(2 ** 10)\\n'); if (!result.ok || out.join('') !== 'freed\\n1024\\n') throw new Error(JSON.stringify(out)); interpreter.dispose();",
  "@pymem/gc":
    "const gc = new m.GcModule(new m.GenerationalCollector()); if (gc.getThreshold().join() !== '2000,10,10') throw new Error('threshold');",
};

const workDirectory = mkdtempSync(join(tmpdir(), "pymem-packaging-"));
let tarballs = new Map<string, string>();

beforeAll(() => {
  tarballs = packAll(join(workDirectory, "tarballs"));
});

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe.each([...manifests.keys()])("%s", (name) => {
  it("passes publint and attw", () => {
    const tarball = tarballs.get(name)!;
    run("pnpm", ["exec", "publint", "run", "--strict", tarball], repositoryRoot);
    const report = run(
      "pnpm",
      ["exec", "attw", "--format", "json", "--no-emoji", tarball],
      repositoryRoot,
    );
    const problems =
      (JSON.parse(report) as { analysis?: { problems?: unknown[] } }).analysis?.problems ?? [];
    expect(problems).toEqual([]);
  });

  it("ships the MIT LICENSE its package.json names", () => {
    const files = run("tar", ["-tzf", tarballs.get(name)!], repositoryRoot).split("\n");
    expect(files).toContain("package/LICENSE");
    const license = run("tar", ["-xzOf", tarballs.get(name)!, "package/LICENSE"], repositoryRoot);
    expect(license).toMatch(/^MIT License/);
    expect(license).toBe(readFileSync(join(repositoryRoot, "LICENSE"), "utf8"));
  });

  it("installs alone from its tarball and works from import, require and TypeScript", () => {
    const project = join(workDirectory, `consumer-${name.replace("/", "-")}`);
    installTarballs(project, [name], tarballs);

    const smoke = smokeTests[name] ?? "";
    const esm = run(
      "node",
      [
        "--input-type=module",
        "-e",
        `import * as m from "${name}"; const load = (n) => import(n); ${smoke}; console.log(JSON.stringify(Object.keys(m).sort()))`,
      ],
      project,
    );
    const cjs = run(
      "node",
      [
        "-e",
        `(async () => { const m = require("${name}"); const load = async (n) => require(n); ${smoke}; console.log(JSON.stringify({ keys: Object.keys(m).sort(), getters: Object.keys(m).filter((key) => Object.getOwnPropertyDescriptor(m, key).get !== undefined), esModule: m.__esModule })) })().catch((error) => { console.error(error); process.exit(1); })`,
      ],
      project,
    );
    const esmExports = JSON.parse(esm) as string[];
    expect(esmExports.length).toBeGreaterThan(0);
    const commonjs = JSON.parse(cjs) as { keys: string[]; getters: string[]; esModule: boolean };
    expect(commonjs.keys).toEqual(esmExports);
    // Plain values, not esbuild's getters: V8 does not inline those on hot paths.
    expect(commonjs.getters).toEqual([]);
    expect(commonjs.esModule).toBe(true);

    // Types resolve under node16 for both an ES module and a CommonJS consumer.
    const firstExport = esmExports[0]!;
    writeFileSync(
      join(project, "esm.mts"),
      `import { ${firstExport} } from "${name}";\nexport const value = ${firstExport};\n`,
    );
    writeFileSync(
      join(project, "cjs.cts"),
      `import { ${firstExport} } from "${name}";\nexport const value = ${firstExport};\n`,
    );
    const files = ["esm.mts", "cjs.cts"];
    if (name === "@pymem/heap") {
      // The internal members are in the internal entry point's types, not in the public ones.
      writeFileSync(
        join(project, "internal.mts"),
        `import { Heap } from "@pymem/heap";\nimport { internalHeap } from "@pymem/heap/internal";\nconst heap = new Heap();\n// @ts-expect-error: not in the public types\nheap.liveBits;\nexport const bits: Uint32Array = internalHeap(heap).liveBits;\n`,
      );
      files.push("internal.mts");
    }
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { ...nodeOnlyCompilerOptions, noEmit: true }, files }),
    );
    run(tscPath, ["-p", "tsconfig.json"], project);
  });
});
