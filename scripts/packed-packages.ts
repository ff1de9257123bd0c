// The published packages as a user gets them: packed with `pnpm pack` (workspace versions
// replaced, `files` applied) and installed from the tarballs into a fresh npm project, offline.
// Shared by packaging.test.ts (each package alone) and guide-examples.test.ts (each guide's
// examples as its reader would run them). Needs each package's dist/ (`pnpm build`).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The fields of a package.json these tests read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}

export const repositoryRoot = resolve(import.meta.dirname, "..");

/** Every published (non-private) package of `packages/`, by name. */
export const manifests = new Map<string, { directory: string; manifest: Manifest }>();
const packagesDirectory = join(repositoryRoot, "packages");
for (const name of readdirSync(packagesDirectory)) {
  const directory = join(packagesDirectory, name);
  const path = join(directory, "package.json");
  if (!existsSync(path) || !existsSync(join(directory, "src/index.ts"))) continue;
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  if (!manifest.private) manifests.set(manifest.name, { directory, manifest });
}

/** A package's own name plus every @pymem package it depends on, transitively. */
export function withInternalDependencies(name: string, into = new Set<string>()): Set<string> {
  if (into.has(name)) return into;
  into.add(name);
  for (const dependency of Object.keys(manifests.get(name)?.manifest.dependencies ?? {})) {
    if (manifests.has(dependency)) withInternalDependencies(dependency, into);
  }
  return into;
}

/** Runs a command and returns its standard output; throws with its standard error on failure. */
export function run(command: string, args: string[], cwd: string, timeout = 120_000): string {
  return execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout,
  });
}

/** Packs every published package into `destination`; returns the tarball of each, by name. */
export function packAll(destination: string): Map<string, string> {
  mkdirSync(destination, { recursive: true });
  const tarballs = new Map<string, string>();
  for (const [name, { directory }] of manifests) {
    const before = new Set(readdirSync(destination));
    run("pnpm", ["pack", "--pack-destination", destination], directory);
    const created = readdirSync(destination).filter((file) => !before.has(file));
    if (created.length !== 1) throw new Error(`pnpm pack of ${name} made ${created.length} files`);
    tarballs.set(name, join(destination, created[0]!));
  }
  return tarballs;
}

/**
 * Creates an npm project in `project` and installs `names` from their tarballs, with the @pymem
 * packages they depend on (from their tarballs too: offline, nothing from a registry).
 */
export function installTarballs(
  project: string,
  names: Iterable<string>,
  tarballs: ReadonlyMap<string, string>,
): void {
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
  );
  const needed = new Set<string>();
  for (const name of names) withInternalDependencies(name, needed);
  const files = [...needed].map((name) => {
    const tarball = tarballs.get(name);
    if (tarball === undefined) throw new Error(`no tarball for ${name}`);
    return tarball;
  });
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--offline", ...files],
    project,
  );
}

/** The TypeScript compiler of the repository. */
export const tscPath = join(repositoryRoot, "node_modules/.bin/tsc");

/**
 * Compiler options of a Node-only TypeScript project, as a reader's would be: node16 modules,
 * strict, no DOM lib (only Node's types), library declarations checked.
 */
export const nodeOnlyCompilerOptions = {
  module: "node16",
  moduleResolution: "node16",
  target: "ES2022",
  strict: true,
  skipLibCheck: false,
  lib: ["ES2024"],
  types: ["node"],
  typeRoots: [join(repositoryRoot, "node_modules/@types")],
};
