// Builds the documentation site into docs/site/, a folder any static file server can serve:
//   1. regenerates the benchmark charts (docs/guides/images/bench-*.svg) from packages/*/bench/results;
//   2. runs typedoc (typedoc.json: every package, the guides as project documents, zero warnings);
//   3. copies the playground's `vite build` output (apps/playground/dist) to docs/site/playground/,
//      building it first when it is missing, and points the "Playground" header link at it.
// Run as `pnpm run docs` (plain `pnpm docs` is pnpm's own command that opens a package's homepage).
// Flags: --skip-playground (API and guides only, for quick local iterations);
//        --options <file> (another typedoc options file, e.g. one extending typedoc.json).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { writeBenchmarkCharts } from "./bench-charts.js";

const repositoryRoot = resolve(import.meta.dirname, "..");
const siteDirectory = join(repositoryRoot, "docs/site");
const playgroundDist = join(repositoryRoot, "apps/playground/dist");
/**
 * typedoc.json's `navigationLinks` entry for the playground holds this placeholder: typedoc writes
 * navigation links verbatim on every page, so each page gets the right relative path afterwards.
 */
export const PLAYGROUND_LINK_PLACEHOLDER = "pymem-playground:";

/** Runs a command in the repository root, streaming its output; throws when it fails. */
function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repositoryRoot, stdio: "inherit" });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(" ")} exited with status ${result.status}`);
  }
}

/** Every file under `directory`, recursively. */
function filesUnder(directory: string): string[] {
  const found: string[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else found.push(path);
    }
  }
  return found;
}

/** Makes sure apps/playground/dist exists, building it when it does not. */
function ensurePlaygroundBuild(): void {
  if (existsSync(join(playgroundDist, "index.html"))) return;
  if (!existsSync(join(repositoryRoot, "apps/playground/package.json"))) {
    throw new Error(
      "apps/playground is missing: the site links the playground and cannot be built without it",
    );
  }
  console.log(
    "apps/playground/dist is missing: building it (pnpm --filter @pymem/playground build)",
  );
  try {
    run("pnpm", ["--filter", "@pymem/playground", "build"]);
  } catch (error) {
    throw new Error(
      `the playground build failed (${(error as Error).message}); fix it or run with --skip-playground`,
    );
  }
  if (!existsSync(join(playgroundDist, "index.html"))) {
    throw new Error(
      "the playground build finished but apps/playground/dist/index.html does not exist",
    );
  }
}

/** Replaces the playground placeholder in every typedoc page with the page's relative path to it. */
function linkPlayground(included: boolean): void {
  for (const file of filesUnder(siteDirectory)) {
    if (!file.endsWith(".html") || file.startsWith(join(siteDirectory, "playground") + sep))
      continue;
    const html = readFileSync(file, "utf8");
    if (!html.includes(PLAYGROUND_LINK_PLACEHOLDER)) continue;
    const toSite = relative(dirname(file), siteDirectory).split(sep).join("/");
    const target = included ? `${toSite === "" ? "." : toSite}/playground/index.html` : "";
    const linked = included
      ? html.replaceAll(`href="${PLAYGROUND_LINK_PLACEHOLDER}"`, `href="${target}"`)
      : html.replaceAll(/<a href="pymem-playground:"[^>]*>[^<]*<\/a>/g, ""); // no dangling link
    writeFileSync(file, linked);
  }
}

function main(): void {
  const skipPlayground = process.argv.includes("--skip-playground");
  for (const chart of writeBenchmarkCharts(repositoryRoot)) {
    console.log(`chart ${relative(repositoryRoot, chart)}`);
  }
  if (!skipPlayground) ensurePlaygroundBuild(); // fail before the slow typedoc run
  rmSync(siteDirectory, { recursive: true, force: true });
  const optionsAt = process.argv.indexOf("--options");
  const options = optionsAt === -1 ? [] : ["--options", resolve(process.argv[optionsAt + 1] ?? "")];
  run(process.execPath, [
    join(repositoryRoot, "node_modules/typedoc/bin/typedoc"),
    ...options,
    "--out",
    siteDirectory,
  ]);
  if (!skipPlayground)
    cpSync(playgroundDist, join(siteDirectory, "playground"), { recursive: true });
  linkPlayground(!skipPlayground);
  console.log(
    `docs: ${relative(repositoryRoot, siteDirectory)}/index.html` +
      (skipPlayground ? " (without the playground)" : ", playground at playground/index.html"),
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
