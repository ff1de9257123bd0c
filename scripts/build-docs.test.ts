// The parts of the docs build that run after typedoc, on a small fake site: the playground link of
// every page, and the error when the playground cannot be included.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ensurePlaygroundBuild,
  linkPlayground,
  PLAYGROUND_LINK_PLACEHOLDER,
} from "./build-docs.js";
import { checkSite } from "./check-links.js";

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A page as typedoc writes it: the navigation link in the toolbar and in the sidebar. */
const page = (body: string) =>
  `<header><a href="${PLAYGROUND_LINK_PLACEHOLDER}">Playground</a></header>` +
  `<nav><a href="${PLAYGROUND_LINK_PLACEHOLDER}" class="tsd-nav-link">Playground</a></nav>${body}\n`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "build-docs-"));
  write("site/index.html", page('<a href="documents/guide.html">guide</a>'));
  write(
    "site/documents/guide.html",
    page(
      `<a href="../index.html">home</a> <a href="${PLAYGROUND_LINK_PLACEHOLDER}#example=memory-pools">Memory pools</a>`,
    ),
  );
  write("site/playground/index.html", `<a href="${PLAYGROUND_LINK_PLACEHOLDER}">left alone</a>\n`);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("linkPlayground", () => {
  it("points every page's link at playground/index.html, relative to the page", () => {
    expect(linkPlayground(join(root, "site"), true)).toBe(2);
    const index = readFileSync(join(root, "site/index.html"), "utf8");
    const guide = readFileSync(join(root, "site/documents/guide.html"), "utf8");
    expect(index.match(/href="\.\/playground\/index\.html"/g)).toHaveLength(2);
    expect(guide.match(/href="\.\.\/playground\/index\.html"/g)).toHaveLength(2);
    // A guide's link to an example keeps its fragment.
    expect(guide).toContain('href="../playground/index.html#example=memory-pools"');
    expect(index + guide).not.toContain(PLAYGROUND_LINK_PLACEHOLDER);
    // The playground's own files are not typedoc pages: untouched.
    expect(readFileSync(join(root, "site/playground/index.html"), "utf8")).toContain(
      PLAYGROUND_LINK_PLACEHOLDER,
    );
  });

  it("leaves a site whose links all resolve", () => {
    rmSync(join(root, "site/playground/index.html"));
    write("site/playground/index.html", "<p>the app</p>\n");
    linkPlayground(join(root, "site"), true);
    expect(checkSite(join(root, "site"))).toEqual([]);
  });

  it("removes the links when the playground is not included, so none dangles", () => {
    rmSync(join(root, "site/playground"), { recursive: true });
    expect(linkPlayground(join(root, "site"), false)).toBe(2);
    const index = readFileSync(join(root, "site/index.html"), "utf8");
    expect(index).not.toContain("Playground");
    // A link to an example leaves its text behind.
    const guide = readFileSync(join(root, "site/documents/guide.html"), "utf8");
    expect(guide).toContain("home</a> Memory pools\n");
    expect(checkSite(join(root, "site"))).toEqual([]);
  });
});

describe("ensurePlaygroundBuild", () => {
  it("returns the existing build", () => {
    write("apps/playground/dist/index.html", "<p>app</p>\n");
    expect(ensurePlaygroundBuild(root)).toBe(join(root, "apps/playground/dist"));
  });

  it("says clearly when there is no playground at all", () => {
    expect(() => ensurePlaygroundBuild(root)).toThrow(
      /apps\/playground is missing.*--skip-playground/,
    );
  });
});
