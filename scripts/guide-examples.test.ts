// Every guide's TypeScript examples, as its reader would use them: the packages its install line
// names are installed from their packed tarballs into a fresh npm project with only Node's types
// (no DOM lib), each example block is saved under the name its marker gives, compiled with `tsc`
// (strict, node16, library declarations checked) as an ES module and as CommonJS, and run in
// both; every example function taking a `log` callback must log what the guide says it logs.
// packages/runtime/src/guides.test.ts checks the same blocks against the repository's sources.
// Needs each package's dist/ (the root `pnpm test` builds first).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  installTarballs,
  nodeOnlyCompilerOptions,
  packAll,
  repositoryRoot,
  run,
  tscPath,
} from "./packed-packages.js";

const guidesDirectory = join(repositoryRoot, "docs/guides");
const read = (guide: string) => readFileSync(join(guidesDirectory, guide), "utf8");

/** Each `<!-- example: examples/x.ts -->` marker's file name and the ```ts block right after it. */
function examplesOf(text: string): { file: string; code: string }[] {
  const pattern = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```\n/g;
  return [...text.matchAll(pattern)].map((match) => ({
    file: basename(match[1]!),
    code: match[2]!,
  }));
}

/** The packages the guide's `npm install` / `pnpm add` lines name. */
function installLinePackages(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/^\s*(?:npm install|npm i|pnpm add|yarn add)\s+(.+)$/gm))
    for (const word of match[1]!.split(/\s+/)) if (word.startsWith("@pymem/")) names.push(word);
  return names;
}

/** The lines of every ```text block after "Its output:" / "What it logs:", in order. */
function outputsOf(text: string): string[][] {
  const pattern = /(?:Its output|What it logs):\n\n```text\n([\s\S]*?)```/g;
  return [...text.matchAll(pattern)].map((match) => match[1]!.trimEnd().split("\n"));
}

// Loads the compiled examples in the guide's order and calls every exported function whose first
// parameter is `log`, collecting what each logs. `LOAD` is `await import` or `require`.
const driver = (files: string[], load: string) => `
const results = [];
for (const file of ${JSON.stringify(files)}) {
  const example = ${load}("./out/" + file);
  for (const value of Object.values(example)) {
    if (typeof value !== "function" || !/^(async )?function \\w+\\(log\\b/.test(String(value))) continue;
    const lines = [];
    await value((line) => lines.push(line));
    results.push(lines);
  }
}
console.log(JSON.stringify(results));
`;

const guides = readdirSync(guidesDirectory).filter(
  (name) => name.endsWith(".md") && examplesOf(read(name)).length > 0,
);
const workDirectory = mkdtempSync(join(tmpdir(), "pymem-guides-"));
let tarballs = new Map<string, string>();

beforeAll(() => {
  tarballs = packAll(join(workDirectory, "tarballs"));
});

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe.each(guides)("%s", (guide) => {
  it("compiles its examples in a Node-only project from the packed packages and runs them as ESM and CJS", () => {
    const text = read(guide);
    const examples = examplesOf(text);
    const packages = installLinePackages(text);
    expect(packages, "an install line").not.toEqual([]);
    const project = join(workDirectory, guide.replace(/\.md$/, ""));
    installTarballs(project, packages, tarballs);
    const logs: Record<string, string[][]> = {};
    for (const [format, type] of [
      ["esm", "module"],
      ["cjs", "commonjs"],
    ] as const) {
      const directory = join(project, format);
      mkdirSync(directory);
      writeFileSync(join(directory, "package.json"), JSON.stringify({ type }));
      for (const { file, code } of examples) writeFileSync(join(directory, file), code);
      writeFileSync(
        join(directory, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { ...nodeOnlyCompilerOptions, outDir: "out", rootDir: "." },
          files: examples.map((example) => example.file),
        }),
      );
      try {
        run(tscPath, ["-p", "tsconfig.json"], directory);
      } catch (error) {
        throw new Error(`tsc (${format}): ${(error as { stdout?: string }).stdout ?? error}`);
      }
      const compiled = examples.map((example) => example.file.replace(/\.ts$/, ".js"));
      const script =
        format === "esm"
          ? driver(compiled, "await import")
          : `(async () => {${driver(compiled, "require")}})().catch((error) => { console.error(error); process.exit(1); });`;
      const output = run(
        "node",
        format === "esm" ? ["--input-type=module", "-e", script] : ["-e", script],
        directory,
      );
      logs[format] = JSON.parse(output.trim().split("\n").at(-1)!) as string[][];
    }
    expect(logs.esm).toEqual(outputsOf(text));
    expect(logs.cjs).toEqual(logs.esm);
  });
});
