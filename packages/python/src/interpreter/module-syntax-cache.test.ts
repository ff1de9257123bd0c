import { describe, expect, it } from "vitest";
import type { Module } from "../ast.js";
import { syntaxTreeFromJson, syntaxTreeToJson } from "../syntax-tree-json.js";
import { Interpreter } from "./interpreter.js";
import { type ModuleSyntaxCache, memoryModuleSyntaxCache } from "./module-syntax-cache.js";
import { nativeModules } from "./modules/index.js";

/** Imports every library module and uses a few, printing what a mis-parsed tree would change. */
const EVERY_MODULE = `${Object.keys(nativeModules)
  .map((name) => `import ${name}`)
  .join("\n")}
import dataclasses, enum, typing, collections, json, re
@dataclasses.dataclass(order=True)
class Point:
    x: int = 2 ** 70
    y: bytes = b"\\xff"
Color = enum.Enum("Color", "RED GREEN")
print(Point(), Point() < Point(1), list(Color), typing.Optional[int])
print(collections.Counter("abracadabra").most_common(2), json.dumps({"a": [1e300, None]}))
print(re.sub(r"(a)(b)?", r"<\\1>", "abac"))
`;

function run(cache: ModuleSyntaxCache, source = EVERY_MODULE): string {
  let output = "";
  const interpreter = new Interpreter({
    moduleSyntaxCache: cache,
    stdout: (text) => (output += text),
    stderr: (text) => (output += text),
  });
  const result = interpreter.run(source, "every.py");
  interpreter.dispose();
  expect(result.ok).toBe(true);
  return output;
}

/** Freezes every object of the tree: an interpreter that changed a shared tree would throw. */
function deepFreeze(tree: Module): Module {
  const pending: unknown[] = [tree];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) continue;
    Object.freeze(value);
    pending.push(...Object.values(value));
  }
  return tree;
}

describe("module syntax caches", () => {
  it("parse each library module once for every interpreter using the cache", {
    timeout: 60_000,
  }, () => {
    const memory = memoryModuleSyntaxCache();
    const stored: string[] = [];
    let hits = 0;
    const counting: ModuleSyntaxCache = {
      load: (name, source) => {
        const tree = memory.load(name, source);
        if (tree !== undefined) hits++;
        return tree;
      },
      store: (name, source, tree) => {
        stored.push(name);
        memory.store(name, source, tree);
      },
    };
    const script = "import typing, dataclasses\nprint(typing.List[int])\n";
    const first = run(counting, script);
    expect(stored).toContain("typing");
    expect(new Set(stored).size).toBe(stored.length);
    expect(hits).toBe(0);
    expect(run(counting, script)).toBe(first);
    expect(hits).toBe(stored.length);
  });

  it("run every library module from frozen trees read back from JSON", () => {
    const parsed = run(memoryModuleSyntaxCache());
    const trees = new Map<string, string>();
    const writing: ModuleSyntaxCache = {
      load: () => undefined,
      store: (name, _source, tree) => void trees.set(name, syntaxTreeToJson(tree)),
    };
    expect(run(writing)).toBe(parsed);
    const reading: ModuleSyntaxCache = {
      load: (name) => {
        const text = trees.get(name);
        return text === undefined ? undefined : deepFreeze(syntaxTreeFromJson(text)!);
      },
      store: () => {
        throw new Error("every tree should have come from the cache");
      },
    };
    expect(run(reading)).toBe(parsed);
  }, 120_000);

  it("miss when a module's source changed", () => {
    const cache = memoryModuleSyntaxCache();
    const tree: Module = { kind: "Module", body: [], line: 1, column: 0, endLine: 1, endColumn: 0 };
    cache.store("m", "x = 1\n", tree);
    expect(cache.load("m", "x = 1\n")).toBe(tree);
    expect(cache.load("m", "x = 2\n")).toBeUndefined();
  });
});
