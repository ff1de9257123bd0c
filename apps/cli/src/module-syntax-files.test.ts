import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "@pymem/python";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { moduleSyntaxFiles } from "./module-syntax-files.js";

describe("moduleSyntaxFiles", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "pymem-syntax-files-test-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const source = "import sys\nbig = 2 ** 100 + 1267650600228229401496703205377\nraw = b'\\xff'\n";

  it("gives a later process the tree an earlier one parsed, for the same source and build", () => {
    const tree = parse(source);
    moduleSyntaxFiles(directory, "/app/cli-bundle.cjs", "100-1").store("m", source, tree);
    const later = moduleSyntaxFiles(directory, "/app/cli-bundle.cjs", "100-1");
    expect(later.load("m", source)).toStrictEqual(tree);
    expect(later.load("m", `${source}x = 1\n`)).toBeUndefined();
    expect(moduleSyntaxFiles(directory, "/app/cli-bundle.cjs", "100-2").load("m", source)).toBe(
      undefined,
    );
  });

  it("keeps one file per module and install: a rebuild's tree replaces the older build's", () => {
    const tree = parse(source);
    const older = moduleSyntaxFiles(directory, "/app/cli-bundle.cjs", "100-1");
    older.store("collections", source, tree);
    older.store("collections.abc", source, tree);
    moduleSyntaxFiles(directory, "/other/cli-bundle.cjs", "100-1").store(
      "collections",
      source,
      tree,
    );
    moduleSyntaxFiles(directory, "/app/cli-bundle.cjs", "100-2").store("collections", source, tree);
    const names = readdirSync(directory);
    expect(names).toHaveLength(3);
    expect(names.filter((name) => name.includes("100-2"))).toHaveLength(1);
    expect(older.load("collections.abc", source)).toStrictEqual(tree);
  });

  it("misses on a damaged file, and ignores a directory it cannot write", () => {
    const files = moduleSyntaxFiles(directory, "/app/cli-bundle.cjs", "100-1");
    files.store("m", source, parse(source));
    const [name] = readdirSync(directory);
    writeFileSync(join(directory, name!), '{"format":1,"specials":[],"tr');
    expect(files.load("m", source)).toBeUndefined();
    const blocked = join(directory, "file");
    writeFileSync(blocked, "");
    const unwritable = moduleSyntaxFiles(join(blocked, "cache"), "/app/cli-bundle.cjs", "100-1");
    expect(() => unwritable.store("m", source, parse(source))).not.toThrow();
    expect(unwritable.load("m", source)).toBeUndefined();
  });
});
