// Builds the documentation site into docs/site/, a folder any static file server can serve:
//   1. regenerates the benchmark charts (docs/guides/images/bench-*.svg) from the results files;
//   2. runs typedoc (typedoc.json: every package, the guides as project documents, zero warnings);
//   3. copies the playground's `vite build` output (apps/playground/dist) to docs/site/playground/,
//      building it first when it is missing, and points the "Playground" header link at it.
// Run as `pnpm run docs` (plain `pnpm docs` is pnpm's own command that opens a package's homepage).
// Flags: --skip-playground (API and guides only, for quick local iterations);
//        --options <file> (another typedoc options file, e.g. one extending typedoc.json).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { writeBenchmarkCharts } from "./bench-charts.js";
import { filesUnder, PLAYGROUND_LINK_PLACEHOLDER } from "./check-links.js";

const repositoryRoot = resolve(import.meta.dirname, "..");

// typedoc.json's `navigationLinks` entry for the playground and the guides' links to its examples
// hold this placeholder: typedoc writes such links verbatim, so each page gets the right relative
// path afterwards.
export { PLAYGROUND_LINK_PLACEHOLDER };

/** Runs a command in `cwd`, streaming its output; throws when it cannot start or fails. */
function run(cwd: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(" ")} exited with status ${result.status}`);
  }
}

/**
 * Returns the playground's build folder under `root` (apps/playground/dist), running its `vite
 * build` first when it has not been built. Throws an error saying what is missing otherwise.
 */
export function ensurePlaygroundBuild(root: string): string {
  const dist = join(root, "apps/playground/dist");
  if (existsSync(join(dist, "index.html"))) return dist;
  if (!existsSync(join(root, "apps/playground/package.json"))) {
    throw new Error(
      "apps/playground is missing: the site links the playground (use --skip-playground to build without it)",
    );
  }
  console.log(
    "apps/playground/dist is missing: building it (pnpm --filter @pymem/playground build)",
  );
  try {
    run(root, "pnpm", ["--filter", "@pymem/playground", "build"]);
  } catch (error) {
    throw new Error(
      `the playground build failed (${(error as Error).message}); fix it or use --skip-playground`,
    );
  }
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(
      "the playground build finished but apps/playground/dist/index.html does not exist",
    );
  }
  return dist;
}

/**
 * Replaces the playground placeholder in every typedoc page under `site` (outside site/playground)
 * with that page's relative path to playground/index.html — or, when the playground is not
 * included, removes those links so none dangles. Returns how many pages changed.
 */
export function linkPlayground(site: string, included: boolean): number {
  let changed = 0;
  const playground = join(site, "playground") + sep;
  for (const file of filesUnder(site)) {
    if (!file.endsWith(".html") || file.startsWith(playground)) continue;
    const html = readFileSync(file, "utf8");
    if (!html.includes(PLAYGROUND_LINK_PLACEHOLDER)) continue;
    const toSite = relative(dirname(file), site).split(sep).join("/");
    // A link to an example (`pymemplayground:#example=…`) keeps its fragment; without the
    // playground it becomes its plain text, and the bare navigation link goes.
    const linked = included
      ? html.replaceAll(
          /href="pymemplayground:(#[^"]*)?"/g,
          (_, fragment: string | undefined) =>
            `href="${toSite === "" ? "." : toSite}/playground/index.html${fragment ?? ""}"`,
        )
      : html
          .replaceAll(/<a href="pymemplayground:#[^"]*"[^>]*>([^<]*)<\/a>/g, "$1")
          .replaceAll(/<a href="pymemplayground:"[^>]*>[^<]*<\/a>/g, "");
    writeFileSync(file, linked);
    changed++;
  }
  return changed;
}

/** The whole build, from the repository at `root` into root/docs/site. */
export function buildDocs(
  root: string,
  options: { skipPlayground: boolean; typedocOptions: string | undefined },
): string {
  const site = join(root, "docs/site");
  for (const chart of writeBenchmarkCharts(root)) console.log(`chart ${relative(root, chart)}`);
  // The playground first: a missing or broken playground fails fast, before the slow typedoc run.
  const playground = options.skipPlayground ? undefined : ensurePlaygroundBuild(root);
  rmSync(site, { recursive: true, force: true });
  const extra = options.typedocOptions === undefined ? [] : ["--options", options.typedocOptions];
  run(root, process.execPath, [
    join(root, "node_modules/typedoc/bin/typedoc"),
    ...extra,
    "--out",
    site,
  ]);
  if (playground !== undefined) cpSync(playground, join(site, "playground"), { recursive: true });
  linkPlayground(site, playground !== undefined);
  return site;
}

function main(): void {
  const args = process.argv.slice(2);
  const optionsAt = args.indexOf("--options");
  const skipPlayground = args.includes("--skip-playground");
  const site = buildDocs(repositoryRoot, {
    skipPlayground,
    typedocOptions: optionsAt === -1 ? undefined : resolve(args[optionsAt + 1] ?? ""),
  });
  console.log(
    `docs: ${relative(process.cwd(), join(site, "index.html"))}` +
      (skipPlayground ? " (without the playground)" : ", the playground at playground/index.html"),
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  try {
    main();
  } catch (error) {
    console.error(`docs: ${(error as Error).message}`);
    process.exit(1);
  }
}
