// Link checker for the documentation: every relative href/src in a built site folder (HTML, SVG and
// CSS `url(...)`), and every link in the markdown guides, must point at a file that exists — and,
// with a #fragment, at an id (HTML/SVG) or a heading (markdown) inside it. External links are
// checked for syntax only (CI has no network). Run after `pnpm run docs`:
//   npx tsx scripts/check-links.ts [site folder, default docs/site] [--markdown file-or-folder ...]
// Exits 1 and prints `file:line: problem` for each broken link.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";

/** One broken link: where it is and what is wrong. */
export interface LinkProblem {
  file: string;
  line: number;
  link: string;
  problem: string;
}

/**
 * Links into this repository on GitHub (`<url>/blob/main/<path>`, `<url>/tree/main/<path>`) are
 * checked against the working tree, so a renamed test file breaks the guide that cites it.
 */
export interface RepositoryLinks {
  /** The repository's web address, e.g. https://github.com/pymem/pymem. */
  url: string;
  /** The local checkout those paths are relative to. */
  root: string;
}

/** This repository, as the packages' manifests name it. */
export const PYMEM_REPOSITORY: RepositoryLinks = {
  url: "https://github.com/pymem/pymem",
  root: resolve(import.meta.dirname, ".."),
};

/** Schemes an external link may use; anything else (a typo, a leftover placeholder) is reported. */
const EXTERNAL_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * A link to the playground in a guide or typedoc.json's navigation (`pymemplayground:`, or with a
 * fragment: `pymemplayground:#example=memory-pools`): the docs build replaces it with each page's
 * relative path to playground/index.html, so only markdown may hold it. Letters only before the
 * colon: typedoc takes anything else in a guide's link for a relative file path.
 */
export const PLAYGROUND_LINK_PLACEHOLDER = "pymemplayground:";
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every file under `directory`, recursively, sorted; `skip` names folders not to enter.
 *
 * @example
 * ```ts
 * filesUnder("docs/site").filter((file) => file.endsWith(".html"));
 * ```
 */
export function filesUnder(directory: string, skip: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) pending.push(path);
      } else found.push(path);
    }
  }
  return found.sort();
}

/**
 * Folders a markdown walk does not enter: dependencies, and built sites (typedoc copies linked
 * markdown files into `media/`, where their relative links no longer resolve).
 */
const MARKDOWN_SKIP = new Set(["node_modules", "site", "dist", ".turbo"]);

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[`*~[\]()]/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

const blank = (match: string) => match.replace(/[^\n]/g, " ");

/** Markdown text with fenced code blocks blanked out (same length, same lines). */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank);
}

/** Markdown text with fenced code blocks and inline code blanked out. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, blank);
}

/** The anchors a file defines: ids and names for HTML/SVG, heading slugs for markdown. */
const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  const cached = anchorCache.get(file);
  if (cached !== undefined) return cached;
  const anchors = new Set<string>();
  const text = readFileSync(file, "utf8");
  if (extname(file) === ".md") {
    const seen = new Map<string, number>();
    for (const match of withoutFences(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
      const slug = headingSlug(match[1]!);
      const count = seen.get(slug) ?? 0;
      anchors.add(count === 0 ? slug : `${slug}-${count}`); // GitHub numbers repeated headings
      seen.set(slug, count + 1);
    }
    for (const match of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  } else {
    for (const match of text.matchAll(/\s(?:id|name)="([^"]*)"/g))
      anchors.add(decodeEntities(match[1]!));
  }
  anchorCache.set(file, anchors);
  return anchors;
}

/**
 * Checks one link found in `file`. `root`, when given, is the site folder: links must stay inside it.
 * Returns the problem, or undefined when the link is fine.
 */
export function checkLink(
  file: string,
  link: string,
  root: string | undefined,
  repository: RepositoryLinks = PYMEM_REPOSITORY,
): string | undefined {
  if (link === "" || link === "#") return undefined;
  for (const kind of ["blob", "tree"]) {
    const prefix = `${repository.url}/${kind}/main/`;
    if (!link.startsWith(prefix)) continue;
    const path = decodeURIComponent(link.slice(prefix.length).replace(/[#?].*$/, ""));
    if (!existsSync(join(repository.root, path))) return `no ${path} in the repository`;
    return undefined;
  }
  if (link.startsWith("//")) return "protocol-relative link (give the scheme)";
  if (link.startsWith(PLAYGROUND_LINK_PLACEHOLDER))
    return root === undefined ? undefined : "playground placeholder left in the built site";
  const scheme = SCHEME.exec(link)?.[0].toLowerCase();
  if (scheme !== undefined) {
    if (!EXTERNAL_SCHEMES.has(scheme)) {
      return scheme === "data:" ? undefined : `unknown scheme ${scheme}`;
    }
    try {
      const url = new URL(link);
      if (scheme !== "mailto:" && url.hostname === "") return "external link without a host";
      if (/\s/.test(link)) return "external link contains whitespace";
    } catch {
      return "malformed external URL";
    }
    return undefined;
  }
  if (link.startsWith("/"))
    return "root-absolute link (breaks when the site is served under a path)";
  const hashAt = link.indexOf("#");
  const pathPart = (hashAt === -1 ? link : link.slice(0, hashAt)).replace(/\?.*$/, "");
  const fragment = hashAt === -1 ? undefined : link.slice(hashAt + 1);
  let target = file;
  if (pathPart !== "") {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch {
      return "malformed percent-encoding";
    }
    target = resolve(dirname(file), decoded);
    if (root !== undefined && relative(root, target).startsWith("..")) {
      return "points outside the site folder";
    }
    if (!existsSync(target)) return `missing file ${relative(process.cwd(), target)}`;
    if (statSync(target).isDirectory()) {
      const index = join(target, "index.html");
      if (root === undefined) return fragment === undefined ? undefined : "fragment on a folder";
      if (!existsSync(index))
        return `folder without index.html: ${relative(process.cwd(), target)}`;
      target = index;
    }
  }
  if (fragment === undefined || fragment === "") return undefined;
  const extension = extname(target);
  if (![".html", ".htm", ".svg", ".md"].includes(extension)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return "malformed percent-encoding in the fragment";
  }
  // A fragment of parameters (the playground's `#example=…`) is the page's state, not an anchor.
  if ([".html", ".htm"].includes(extension) && id.includes("=")) return undefined;
  if (!anchorsOf(target).has(id)) {
    return `no anchor #${id} in ${relative(process.cwd(), target)}`;
  }
  return undefined;
}

/** The href/src/url() links of an HTML, SVG or CSS file, with their offsets. */
function linksInMarkup(text: string, isCss: boolean): { link: string; index: number }[] {
  const found: { link: string; index: number }[] = [];
  if (!isCss) {
    const attribute = /\s(?:href|src|xlink:href)=(?:"([^"]*)"|'([^']*)')/g;
    for (const match of text.matchAll(attribute)) {
      found.push({ link: decodeEntities((match[1] ?? match[2]!).trim()), index: match.index });
    }
  }
  for (const match of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)) {
    found.push({ link: (match[1] ?? match[2] ?? match[3]!).trim(), index: match.index });
  }
  return found;
}

/** Checks every relative link of every HTML, SVG and CSS file under a built site folder. */
export function checkSite(siteDirectory: string): LinkProblem[] {
  const root = resolve(siteDirectory);
  if (!existsSync(join(root, "index.html"))) {
    return [
      {
        file: root,
        line: 0,
        link: "",
        problem: "no index.html: build the site first (pnpm run docs)",
      },
    ];
  }
  const problems: LinkProblem[] = [];
  for (const file of filesUnder(root)) {
    const extension = extname(file);
    if (![".html", ".htm", ".svg", ".css"].includes(extension)) continue;
    const text = readFileSync(file, "utf8");
    for (const { link, index } of linksInMarkup(text, extension === ".css")) {
      const problem = checkLink(file, link, root);
      if (problem !== undefined) problems.push({ file, line: lineOf(text, index), link, problem });
    }
  }
  return problems;
}

/** The links of a markdown file: inline, images, reference definitions and raw HTML attributes. */
function linksInMarkdown(text: string): { link: string; index: number }[] {
  const prose = withoutCode(text);
  const found: { link: string; index: number }[] = [];
  // [text](target "title") and ![alt](target): the target ends at whitespace or ")".
  for (const match of prose.matchAll(/!?\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
    found.push({ link: match[1]!, index: match.index });
  }
  for (const match of prose.matchAll(/^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) {
    found.push({ link: match[1]!, index: match.index });
  }
  for (const match of prose.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]*)"/g)) {
    found.push({ link: match[1]!, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Checks every link in the given markdown files and folders (folders: every .md under them). */
export function checkMarkdown(paths: string[]): LinkProblem[] {
  const files = paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? filesUnder(path, MARKDOWN_SKIP).filter((file) => file.endsWith(".md"))
      : [path],
  );
  const problems: LinkProblem[] = [];
  for (const file of files.map((path) => resolve(path))) {
    const text = readFileSync(file, "utf8");
    for (const { link, index } of linksInMarkdown(text)) {
      const problem = checkLink(file, link, undefined);
      if (problem !== undefined) problems.push({ file, line: lineOf(text, index), link, problem });
    }
  }
  return problems;
}

/** `file:line: link — problem`, one per line. */
export function formatProblems(problems: LinkProblem[]): string {
  return problems
    .map((p) => `${relative(process.cwd(), p.file)}:${p.line}: ${p.link} — ${p.problem}`)
    .join("\n");
}

/** The markdown checked by default: the guides, the root README, architecture notes, every README. */
function defaultMarkdown(): string[] {
  const root = PYMEM_REPOSITORY.root;
  const paths = [join(root, "docs"), join(root, "README.md"), join(root, "architecture")];
  for (const group of ["packages", "apps"]) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const readme = join(root, group, name, "README.md");
      if (existsSync(readme)) paths.push(readme);
    }
  }
  return paths.filter((path) => existsSync(path));
}

function main(): void {
  const args = process.argv.slice(2);
  const markdownAt = args.indexOf("--markdown");
  const positional = markdownAt === -1 ? args : args.slice(0, markdownAt);
  const markdown = markdownAt === -1 ? defaultMarkdown() : args.slice(markdownAt + 1);
  const site = positional[0] ?? join(PYMEM_REPOSITORY.root, "docs/site");
  const problems = [...checkSite(site), ...checkMarkdown(markdown)];
  if (problems.length > 0) {
    console.error(formatProblems(problems));
    console.error(`check-links: ${problems.length} broken link(s)`);
    process.exit(1);
  }
  console.log(
    `check-links: every link resolves in ${relative(process.cwd(), site) || "."} and ${markdown.length} markdown file(s)/folder(s)`,
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) main();
