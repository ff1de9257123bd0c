import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultCacheDirectory, requireWithCodeCache } from "./code-cache.js";

describe("requireWithCodeCache", () => {
  let scratch: string;
  let cacheDirectory: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "pymem-code-cache-test-"));
    cacheDirectory = join(scratch, "cache");
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  function writeModule(name: string, body: string, mtimeSeconds: number): string {
    const path = join(scratch, name);
    writeFileSync(path, body);
    utimesSync(path, mtimeSeconds, mtimeSeconds);
    return path;
  }

  it("runs a CommonJS file with require, module and __filename, then serves it from the cache", () => {
    const path = writeModule(
      "answer.cjs",
      'const { join } = require("node:path");\nmodule.exports = { answer: () => 42, where: join(__dirname, "x"), file: __filename };\n',
      1_000_000,
    );
    const first = requireWithCodeCache<{ answer(): number; where: string; file: string }>(
      path,
      cacheDirectory,
    );
    expect(first.cacheHit).toBe(false);
    expect(first.exports.answer()).toBe(42);
    expect(first.exports.where).toBe(join(scratch, "x"));
    expect(first.exports.file).toBe(path);
    first.saveCache();
    expect(readdirSync(cacheDirectory)).toHaveLength(1);

    const second = requireWithCodeCache<{ answer(): number }>(path, cacheDirectory);
    expect(second.cacheHit).toBe(true);
    expect(second.exports.answer()).toBe(42);
  });

  it("never runs code cached for an older file of the same length", () => {
    const path = writeModule("value.cjs", "module.exports = 1;\n", 1_000_000);
    const first = requireWithCodeCache<number>(path, cacheDirectory);
    first.saveCache();
    writeModule("value.cjs", "module.exports = 2;\n", 2_000_000); // same length, rebuilt
    const second = requireWithCodeCache<number>(path, cacheDirectory);
    expect(second.exports).toBe(2);
    expect(second.cacheHit).toBe(false);
    second.saveCache();
    // The old file's cache was replaced, not kept beside the new one.
    expect(readdirSync(cacheDirectory)).toHaveLength(1);
  });

  it("keeps dynamic import() working inside the file", async () => {
    const path = writeModule(
      "dynamic.cjs",
      'module.exports = () => import("node:path").then((m) => typeof m.join);\n',
      1_000_000,
    );
    const loaded = requireWithCodeCache<() => Promise<string>>(path, cacheDirectory);
    await expect(loaded.exports()).resolves.toBe("function");
  });

  it("without a cache directory compiles from source and writes nothing", () => {
    const path = writeModule("plain.cjs", "module.exports = 'ok';\n", 1_000_000);
    const loaded = requireWithCodeCache<string>(path, undefined);
    loaded.saveCache();
    expect(loaded.exports).toBe("ok");
    expect(readdirSync(scratch)).toEqual(["plain.cjs"]);
  });

  it("keeps the cache in the temp directory unless NODE_DISABLE_COMPILE_CACHE is set", () => {
    const saved = process.env.NODE_DISABLE_COMPILE_CACHE;
    try {
      delete process.env.NODE_DISABLE_COMPILE_CACHE;
      expect(defaultCacheDirectory()).toBe(join(tmpdir(), "pymem-compile-cache"));
      process.env.NODE_DISABLE_COMPILE_CACHE = "1";
      expect(defaultCacheDirectory()).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.NODE_DISABLE_COMPILE_CACHE;
      else process.env.NODE_DISABLE_COMPILE_CACHE = saved;
    }
  });

  it("an unwritable cache directory costs only the cache", () => {
    const path = writeModule("still.cjs", "module.exports = 'runs';\n", 1_000_000);
    const blocker = join(scratch, "not-a-directory");
    writeFileSync(blocker, "");
    const loaded = requireWithCodeCache<string>(path, join(blocker, "cache"));
    expect(loaded.exports).toBe("runs");
    expect(() => loaded.saveCache()).not.toThrow();
  });
});
