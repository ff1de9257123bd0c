// The link checker on a small site and a few markdown files written to a temp folder: it must pass
// what resolves and report — with file and line — each kind of broken link.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLink, checkMarkdown, checkSite, formatProblems, headingSlug } from "./check-links.js";

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "check-links-"));
  // A site that resolves.
  write(
    "good/index.html",
    [
      '<html><head><link rel=stylesheet href="assets/style.css"></head><body>',
      '<a href="documents/guide.html#steps">guide</a> <a href="#top" id="top">top</a>',
      '<a href="playground/">playground</a> <a href="https://example.org/a?b=1&amp;c=2">ext</a>',
      '<img src="media/chart.svg"> <a href="">empty</a> <a href="#">hash</a>',
      '<svg><use href="assets/icons.svg#icon-search"></use></svg>',
      "</body></html>",
    ].join("\n"),
  );
  write("good/assets/style.css", 'body { background: url("../media/chart.svg"); }\n');
  write("good/assets/icons.svg", '<svg><g id="icon-search"></g></svg>\n');
  write(
    "good/documents/guide.html",
    '<h2 id="steps">Steps</h2><a href="../index.html#top">back</a>\n',
  );
  write("good/media/chart.svg", "<svg></svg>\n");
  write("good/playground/index.html", '<script src="./assets/app.js"></script>\n');
  write("good/playground/assets/app.js", "console.log(1)\n");
  // A site with one broken link of each kind.
  write(
    "bad/index.html",
    [
      "<html><body>",
      '<a href="missing.html">missing file</a>',
      '<a href="page.html#nowhere">missing anchor</a>',
      '<a href="/assets/x.css">root-absolute</a>',
      '<a href="pymemplayground:">placeholder left</a>',
      '<a href="https://">no host</a>',
      '<a href="../outside.html">outside</a>',
      '<a href="empty-folder/">no index</a>',
      '<a href="page.html#here">fine</a>',
      "</body></html>",
    ].join("\n"),
  );
  write("bad/page.html", '<p id="here"></p>\n');
  write("outside.html", "\n");
  mkdirSync(join(root, "bad/empty-folder"), { recursive: true });
  write("bad/style.css", "a { background: url(img/gone.png); }\n");
  // Markdown guides.
  write(
    "md/guide.md",
    [
      "# A guide",
      "",
      "## Step 1: `update_refs` → subtract",
      "",
      "See [the other guide](./other.md#its-heading), [a step](#step-1-update_refs--subtract),",
      "![chart](images/chart.svg) and [CPython](https://github.com/python/cpython).",
      "",
      "```md",
      "[inside code](./not-checked.md)",
      "```",
      "",
      "Broken: [gone](./gone.md), [no heading](./other.md#nope), [bad anchor](#missing).",
      "",
      "[ref]: ./other.md",
      '<img src="images/nothing.svg">',
    ].join("\n"),
  );
  write("md/other.md", "# Its heading\n");
  write("md/images/chart.svg", "<svg></svg>\n");
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("checkSite", () => {
  it("passes a site whose every link resolves", () => {
    expect(checkSite(join(root, "good"))).toEqual([]);
  });

  it("reports each broken link with its line", () => {
    const problems = checkSite(join(root, "bad"));
    const byLink = Object.fromEntries(problems.map((p) => [p.link, p]));
    expect(Object.keys(byLink).sort()).toEqual(
      [
        "missing.html",
        "page.html#nowhere",
        "/assets/x.css",
        "pymemplayground:",
        "https://",
        "../outside.html",
        "empty-folder/",
        "img/gone.png",
      ].sort(),
    );
    expect(byLink["missing.html"]).toMatchObject({
      line: 2,
      problem: expect.stringMatching(/missing file/),
    });
    expect(byLink["page.html#nowhere"]!.problem).toMatch(/no anchor #nowhere/);
    expect(byLink["/assets/x.css"]!.problem).toMatch(/root-absolute/);
    // The docs build replaces the playground placeholder: left in a built page, it is an error.
    expect(byLink["pymemplayground:"]!.problem).toMatch(/playground placeholder left/);
    expect(byLink["https://"]!.problem).toMatch(/malformed|without a host/);
    expect(byLink["../outside.html"]!.problem).toMatch(/outside the site/);
    expect(byLink["empty-folder/"]!.problem).toMatch(/without index.html/);
    expect(formatProblems(problems)).toMatch(/index\.html:2: missing\.html — missing file/);
  });

  it("says to build the site when there is none", () => {
    const [problem] = checkSite(join(root, "md"));
    expect(problem!.problem).toMatch(/pnpm run docs/);
  });
});

describe("checkMarkdown", () => {
  it("checks files, anchors and images, and skips code", () => {
    const problems = checkMarkdown([join(root, "md")]);
    expect(problems.map((p) => [p.line, p.link])).toEqual([
      [12, "./gone.md"],
      [12, "./other.md#nope"],
      [12, "#missing"],
      [15, "images/nothing.svg"],
    ]);
  });

  it("slugs headings as GitHub does", () => {
    expect(headingSlug("Step 1: `update_refs` → subtract")).toBe("step-1-update_refs--subtract");
    expect(headingSlug("What a collector receives")).toBe("what-a-collector-receives");
  });
});

describe("links into the repository on GitHub", () => {
  it("are checked against the working tree", () => {
    const repository = { url: "https://github.com/o/r", root: join(root, "md") };
    expect(
      checkLink(
        join(root, "md/guide.md"),
        "https://github.com/o/r/blob/main/other.md",
        undefined,
        repository,
      ),
    ).toBeUndefined();
    expect(
      checkLink(
        join(root, "md/guide.md"),
        "https://github.com/o/r/tree/main/images",
        undefined,
        repository,
      ),
    ).toBeUndefined();
    expect(
      checkLink(
        join(root, "md/guide.md"),
        "https://github.com/o/r/blob/main/gone.ts#L3",
        undefined,
        repository,
      ),
    ).toBe("no gone.ts in the repository");
    expect(
      checkLink(
        join(root, "md/guide.md"),
        "https://github.com/other/r/blob/main/gone.ts",
        undefined,
        repository,
      ),
    ).toBeUndefined();
  });
});
