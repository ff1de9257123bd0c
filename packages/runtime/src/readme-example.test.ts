import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRuntime } from "./runtime.js";
import { tuple } from "./tuple-value.js";

describe("README example", () => {
  it("runs verbatim and prints what its comments say", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const [importLine, ...body] = example.split("\n");
    expect(importLine).toBe('import { createRuntime, tuple } from "@pymem/runtime";');
    const printed: string[] = [];
    const console = { log: (...values: unknown[]) => printed.push(values.join(" ")) };
    const run = new Function("createRuntime", "tuple", "console", body.join("\n"));
    run(createRuntime, tuple, console);
    expect(printed).toEqual(["[1, 'a', (2,), {'k': None}] 2", "2"]);
    // Each console.log line's comment starts with what it printed.
    const comments = [...example.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]!);
    expect(comments).toHaveLength(printed.length);
    for (const [index, comment] of comments.entries()) {
      expect(comment.startsWith(printed[index]!)).toBe(true);
    }
  });
});
