import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// One vitest project per workspace package, named after it. Tests run against source: every
// `@pymem/<name>` import resolves to `packages/<name>/src/index.ts`, so no build is needed first.
const packageNames = readdirSync("packages").filter((name) =>
  existsSync(`packages/${name}/src/index.ts`),
);
// Subpath entry points (`@pymem/heap/internal` → `src/internal.ts`) come first: an alias also
// matches the imports under its name, and the first match wins.
const subpathAliases = packageNames.flatMap((name) =>
  Object.keys(
    (JSON.parse(readFileSync(`packages/${name}/package.json`, "utf8")) as { exports?: object })
      .exports ?? {},
  )
    .filter((subpath) => subpath !== "." && subpath !== "./package.json")
    .map((subpath) => [
      `@pymem/${name}/${subpath.slice(2)}`,
      resolve(`packages/${name}/src/${subpath.slice(2)}.ts`),
    ]),
);
const sourceAliases = Object.fromEntries([
  ...subpathAliases,
  ...packageNames.map((name) => [`@pymem/${name}`, resolve(`packages/${name}/src/index.ts`)]),
]);
const appNames = readdirSync("apps").filter((name) => existsSync(`apps/${name}/src`));

export default defineConfig({
  test: {
    projects: [
      ...packageNames.map((name) => ({
        resolve: { alias: sourceAliases },
        test: {
          name: `@pymem/${name}`,
          root: `packages/${name}`,
          include: ["src/**/*.test.ts"],
          // Python recursion reaches CPython's 1,000 frames only while the JavaScript stack has
          // room for them; on a loaded machine V8 runs the interpreter's closures unoptimised
          // for longer, with larger frames, and RecursionError came earlier. 3 MB (Node's
          // default is ~1 MB) keeps the limit the interpreter's, not the JIT's.
          execArgv: ["--stack-size=3000"],
        },
      })),
      ...appNames.map((name) => ({
        resolve: { alias: sourceAliases },
        test: { name: `apps/${name}`, root: `apps/${name}`, include: ["src/**/*.test.ts"] },
      })),
      {
        // The playground end to end in real Chromium (builds and serves the app itself).
        test: {
          name: "playground-e2e",
          root: "apps/playground",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "packaging",
          root: "scripts",
          include: ["**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
