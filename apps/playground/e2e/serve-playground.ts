import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

// The playground built once with vite, served with `vite preview` (cross-origin isolated, as
// its config says) and opened in one headless Debian Chromium: what the end-to-end tests and
// the browser benchmark both drive.

/** Debian's chromium, which playwright-core drives. */
export const CHROMIUM = "/usr/bin/chromium";

const appDirectory = resolve(import.meta.dirname, "..");
const viteBinary = join(appDirectory, "node_modules/vite/bin/vite.js");

/** A served playground and the browser looking at it. */
export interface ServedPlayground {
  /** The page's address (`http://127.0.0.1:<port>/`). */
  readonly url: string;
  /** The browser (one profile; open pages with `newPage()`). */
  readonly context: BrowserContext;
  /** Closes the browser, stops the server and removes the profile. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited early:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 150));
  }
  throw new Error(`vite preview did not answer at ${url}:\n${log()}`);
}

/** Builds the app into `dist/` with `vite build`. */
export function buildPlayground(): string {
  const build = spawnSync(process.execPath, [viteBinary, "build"], {
    cwd: appDirectory,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  return join(appDirectory, "dist");
}

/**
 * Builds the playground, serves it and starts Chromium at 1440×900 (with `extraArguments` on its
 * command line).
 *
 * @example
 * ```ts
 * const served = await servePlayground();
 * const page = await served.context.newPage();
 * await page.goto(served.url);
 * await served.close();
 * ```
 */
export async function servePlayground(
  extraArguments: readonly string[] = [],
): Promise<ServedPlayground> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  buildPlayground();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let serverLog = "";
  // Detached: its own process group, killed as a whole afterwards.
  const server = spawn(
    process.execPath,
    [viteBinary, "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
    { cwd: appDirectory, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout?.on("data", (data) => (serverLog += String(data)));
  server.stderr?.on("data", (data) => (serverLog += String(data)));
  const stopServer = (): void => {
    if (server.pid === undefined) return;
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const profileDirectory = mkdtempSync(join(tmpdir(), "pymem-playground-"));
  try {
    await waitForServer(url, server, () => serverLog);
    const context = await chromium.launchPersistentContext(profileDirectory, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        ...extraArguments,
      ],
    });
    return {
      url,
      context,
      async close() {
        await context.close();
        stopServer();
        rmSync(profileDirectory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopServer();
    rmSync(profileDirectory, { recursive: true, force: true });
    throw error;
  }
}
