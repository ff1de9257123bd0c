import { readFileSync } from "node:fs";
import { createRuntime } from "@pymem/runtime";
import { describe, expect, it } from "vitest";
import { Interpreter } from "./index.js";

/** The README's `Interpreter` example: the Python it runs and the output it says it prints. */
function readmeExample(): { code: string; python: string; output: string } {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const code =
    [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((match) => match[1] ?? "")
      .find((block) => block.includes("new Interpreter(")) ?? "";
  const python = /interpreter\.run\(`\n([\s\S]*?)`\);/.exec(code)?.[1] ?? "";
  const printed = code.slice(code.indexOf("console.log(output);"));
  const output = [...printed.matchAll(/^\/\/ (.*)$/gm)].map((match) => `${match[1]}\n`).join("");
  return { code, python, output };
}

describe("README example", () => {
  it("is the code this test runs", () => {
    const { code } = readmeExample();
    for (const line of [
      'import { Interpreter } from "@pymem/python";',
      "const interpreter = new Interpreter({ stdout: (text) => (output += text) });",
      "const result = interpreter.run(`",
      "interpreter.dispose();",
      "console.log(result.ok); // true",
    ]) {
      expect(code).toContain(line);
    }
  });

  it("prints what the README says (CPython 3.13's output), and dispose leaves the heap clean", () => {
    const { python, output: documented } = readmeExample();
    // The README's claim, pinned here too so an edit to both sides at once is still checked
    // against what CPython 3.13 printed for this script.
    expect(documented).toBe("2\nbye a\nbye b\nunreachable: 2\nbye c\ndone\n");
    const runtime = createRuntime();
    const before = runtime.heap.snapshot();
    let output = "";
    let errors = "";
    const interpreter = new Interpreter({
      runtime,
      stdout: (text) => {
        output += text;
      },
      stderr: (text) => {
        errors += text;
      },
    });
    const result = interpreter.run(python);
    interpreter.dispose();
    expect(result.ok).toBe(true);
    expect(errors).toBe("");
    expect(output).toBe(documented);
    runtime.verify();
    expect(runtime.heap.leaksSince(before)).toEqual([]);
  });
});
