import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "./index.js";

const here = import.meta.dirname;

function cpython313(): boolean {
  try {
    const version = execFileSync("python3", ["--version"], {
      env: { ...process.env, PYENV_VERSION: "3.13.0" },
      encoding: "utf8",
    });
    return version.startsWith("Python 3.13");
  } catch {
    return false;
  }
}

describe("shipped examples", () => {
  it("are each linked from a guide, and every guide's example link names one", () => {
    const guides = join(here, "../../../../docs/guides");
    const linked = new Set<string>();
    for (const name of readdirSync(guides).filter((file) => file.endsWith(".md")))
      for (const match of readFileSync(join(guides, name), "utf8").matchAll(
        /\(pymemplayground:#example=([^)\s]+)\)/g,
      ))
        linked.add(match[1]!);
    expect([...linked].sort()).toEqual(EXAMPLES.map((example) => example.id).sort());
  });

  it("lists every .py file of the folder, each with its CPython output beside it", () => {
    const files = readdirSync(here)
      .filter((name) => name.endsWith(".py"))
      .sort();
    expect(EXAMPLES.map((e) => `${e.id}.py`).sort()).toEqual(files);
    for (const example of EXAMPLES) {
      expect(example.source).toBe(readFileSync(join(here, `${example.id}.py`), "utf8"));
      expect(example.expectedOutput.length).toBeGreaterThan(0);
    }
  });

  it("narrates lines that exist: every tour entry names a line of its example", () => {
    for (const example of EXAMPLES) {
      const lines = new Set(example.source.split("\n").map((line) => line.trim()));
      expect(Object.keys(example.tour).length, example.id).toBeGreaterThan(2);
      for (const line of Object.keys(example.tour)) expect(lines, example.id).toContain(line);
    }
  });

  const available = cpython313();
  it.skipIf(!available)(
    `CPython 3.13 prints the stored output for each example${available ? "" : " (skipped: PYENV_VERSION=3.13.0 python3 is not available)"}`,
    { timeout: 30_000 },
    () => {
      for (const example of EXAMPLES) {
        const output = execFileSync("python3", [join(here, `${example.id}.py`)], {
          env: { ...process.env, PYENV_VERSION: "3.13.0" },
          encoding: "utf8",
        });
        expect(output, example.id).toBe(example.expectedOutput);
      }
    },
  );
});
