import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Changesets are parsed by @changesets/parse, which needs YAML front matter exactly: a formatter
// that rewrites `---` + text as a Markdown heading breaks `changeset version` silently.
const directory = new URL("../.changeset/", import.meta.url);
const packages = new Set(
  ["packages", "apps"].flatMap((root) =>
    readdirSync(new URL(`../${root}/`, import.meta.url)).map((name) => {
      const manifest = JSON.parse(
        readFileSync(new URL(`../${root}/${name}/package.json`, import.meta.url), "utf8"),
      ) as { name: string };
      return manifest.name;
    }),
  ),
);

describe("changesets", () => {
  const files = readdirSync(directory).filter(
    (name) => name.endsWith(".md") && name !== "README.md",
  );
  it("there is at least one", () => expect(files.length).toBeGreaterThan(0));
  it.each(files)("%s has valid front matter naming workspace packages", (file) => {
    const text = readFileSync(new URL(file, directory), "utf8");
    const match = /^---\n((?:"[^"]+": (?:major|minor|patch)\n)+)---\n\n\S/.exec(text);
    expect(
      match,
      'front matter: ---, one `"name": bump` line per package, ---, blank, summary',
    ).not.toBeNull();
    for (const line of match![1]!.trim().split("\n"))
      expect(packages).toContain(/^"([^"]+)"/.exec(line)![1]);
  });
});
