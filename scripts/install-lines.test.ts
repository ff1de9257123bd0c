// Every guide and package README that shows code importing a @pymem package tells the reader to
// install that package: its `npm install` / `pnpm add` line names every @pymem package its code
// blocks import (a strict package manager such as pnpm does not let code import a transitive
// dependency). The tarballs themselves are installed and type-checked by packaging.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repositoryRoot = resolve(import.meta.dirname, "..");

/** The guides and every package's README. */
function documents(): string[] {
  const guides = join(repositoryRoot, "docs/guides");
  const paths = readdirSync(guides)
    .filter((file) => file.endsWith(".md"))
    .map((file) => join(guides, file));
  const packages = join(repositoryRoot, "packages");
  for (const name of readdirSync(packages)) {
    const readme = join(packages, name, "README.md");
    if (existsSync(readme)) paths.push(readme);
  }
  return paths;
}

/** The @pymem packages named on the document's install lines. */
function installed(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/^\s*(?:npm install|npm i|pnpm add|yarn add)\s+(.+)$/gm))
    for (const word of match[1]!.split(/\s+/)) if (word.startsWith("@pymem/")) names.add(word);
  return names;
}

/** The @pymem packages the document's TypeScript and JavaScript code blocks import or require. */
function imported(text: string): Set<string> {
  const names = new Set<string>();
  for (const block of text.matchAll(/```(?:ts|typescript|js|javascript|mjs|cjs)\n([\s\S]*?)```/g))
    for (const match of block[1]!.matchAll(
      /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["'](@pymem\/[a-z0-9-]+)/g,
    ))
      names.add(match[1]!);
  return names;
}

describe.each(documents().map((path) => [relative(repositoryRoot, path), path]))(
  "%s",
  (_, path) => {
    it("installs every @pymem package its examples import", () => {
      const text = readFileSync(path, "utf8");
      const needed = [...imported(text)].sort();
      const missing = needed.filter((name) => !installed(text).has(name));
      expect(missing, `imported by the examples but not on an install line`).toEqual([]);
    });
  },
);
