import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import type { Page } from "playwright-core";
import { servePlayground } from "../e2e/serve-playground.js";
import { DEFAULT_CHECKPOINT_BUDGET } from "../src/session/checkpoint-plan.js";

// How long the playground in Chromium takes to show a statement anywhere in a 2,000,000-step run:
// from moving the slider to the statement drawn. Two pages side by side, the same build:
//   - checkpoints: served cross-origin isolated (vite preview), so replays wait paused in workers;
//   - anchor: the same files served without isolation, so each jump replays from the start.
// Targets sit near the start, the middle and the end, each just before a checkpoint's home (the
// longest replay from the one below). Medians of the samples per region.
//
//   node_modules/.bin/tsx apps/playground/bench/step-in-browser.ts [iterations] [samples]
//
// `samples` targets per region (default 3): on a loaded machine the medians need more.

const iterations = Number(process.argv[2] ?? 666_666);
const samples = Number(process.argv[3] ?? 3);
const sampleKs = Array.from({ length: samples }, (_, k) => k + 1);
// Three statements per iteration (the loop test and two statements): 2,000,000 for the default.
const source = `n = 0\ntotal = 0\nwhile n < ${iterations}:\n    n += 1\n    total += n\nprint(total)\n`;
const stepLimit = iterations * 3 + 100;

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/** Serves `directory` without cross-origin isolation headers; resolves to its address. */
function serveWithoutIsolation(directory: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(directory, path.endsWith("/") ? `${path}index.html` : path);
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

async function record(page: Page, url: string): Promise<{ statements: number; runMs: number }> {
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]');
  await page.selectOption("#example-picker", "");
  await page.fill("#source", source);
  await page.evaluate(() => {
    (document.querySelector(".limits") as HTMLDetailsElement).open = true;
  });
  await page.fill("#step-limit", String(stepLimit));
  await page.dispatchEvent("#step-limit", "change");
  const started = Date.now();
  await page.click("#run");
  await page.waitForSelector('body[data-state="done"]', { timeout: 600_000 });
  return {
    statements: Number(await page.getAttribute("#step-slider", "max")),
    runMs: Date.now() - started,
  };
}

/** Waits until every checkpoint waits at its home; returns how many there are (0: none). */
async function checkpointsReady(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const [ready, total] = (document.body.dataset.checkpoints ?? "0/0").split("/").map(Number);
      return ready === total ? total : false;
    },
    undefined,
    { timeout: 600_000, polling: 50 },
  );
  return Number(await handle.jsonValue());
}

/** Moves the slider to `index` and returns the milliseconds until that statement is drawn. */
async function jump(page: Page, index: number): Promise<number> {
  return page.evaluate(
    (target) =>
      new Promise<number>((resolve) => {
        const slider = document.querySelector<HTMLInputElement>("#step-slider")!;
        const status = document.querySelector("#status")!;
        const started = performance.now();
        const wanted = `Step ${(target + 1).toLocaleString("en-US")} of`;
        // (No named functions in here: tsx would wrap them in a helper the page lacks.)
        const observer = new MutationObserver(() => {
          if (document.body.dataset.state !== "stepping" || !status.textContent?.startsWith(wanted))
            return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { attributes: true, subtree: true, childList: true });
        slider.value = String(target);
        slider.dispatchEvent(new Event("input"));
      }),
    index,
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The proportional set size (PSS) of this process's descendants — the browser's processes —
 * in bytes, from /proc (Linux). Workers blocked in Atomics.wait cannot answer the page's own
 * `performance.measureUserAgentSpecificMemory()`, so the operating system is asked instead.
 */
function browserMemory(): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  let bytes = 0;
  const pending = [...(children.get(process.pid) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    pending.push(...(children.get(pid) ?? []));
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      bytes += Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return bytes;
}

const served = await servePlayground();
const plain = await serveWithoutIsolation(join(import.meta.dirname, "../dist"));
try {
  const page = await served.context.newPage();
  const anchorPage = await served.context.newPage();
  const { statements, runMs } = await record(page, served.url);
  // The first jump past the recorded statements replays from the start and starts the
  // checkpoints (one at a time per spare core).
  const memoryBefore = browserMemory();
  const firstJump = await jump(page, 1000);
  const readyStarted = Date.now();
  const count = await checkpointsReady(page);
  const readyMs = Date.now() - readyStarted;
  const withCheckpoints = browserMemory();
  const anchorRun = await record(anchorPage, plain.url);
  const isolated = await anchorPage.evaluate(() => crossOriginIsolated);
  if (isolated || anchorRun.statements !== statements)
    throw new Error("the anchor page must be the same run without isolation");
  // As checkpointHomes places them: the run cut into count + 1 spans, the first replayed from
  // the start.
  const homes = Array.from({ length: count }, (_, i) =>
    Math.floor(((i + 1) * statements) / (count + 1)),
  );
  // Just before a home (the longest replay from the checkpoint or start below), a few per region.
  const before = (home: number, k: number) => home - 30 - 60 * k;
  const regions: Record<string, number[]> = {
    start: sampleKs.map((k) => before(homes[0] ?? statements, k)),
    middle: sampleKs.map((k) => before(homes[Math.floor(count / 2)] ?? statements, k)),
    end: sampleKs.map((k) => statements - 1 - 60 * k),
  };
  console.log(
    `${statements.toLocaleString("en-US")} statements; recorded in ${runMs} ms; first jump (statement 1,000, replayed from the start) ${firstJump.toFixed(0)} ms; ${count} checkpoints ready ${readyMs} ms after it`,
  );
  const MiB = 1024 * 1024;
  const grown = withCheckpoints - memoryBefore;
  console.log(
    `memory (PSS of the browser's processes): ${(memoryBefore / MiB).toFixed(0)} MiB before the checkpoints, ${(withCheckpoints / MiB).toFixed(0)} MiB with them: +${(grown / MiB).toFixed(0)} MiB, ${(grown / MiB / Math.max(1, count)).toFixed(1)} MiB each; with the ${DEFAULT_CHECKPOINT_BUDGET.roamingCheckpoints} roaming ones a jump leaves, ${(((grown / Math.max(1, count)) * (count + DEFAULT_CHECKPOINT_BUDGET.roamingCheckpoints)) / MiB).toFixed(0)} MiB against the ${(DEFAULT_CHECKPOINT_BUDGET.memoryBytes / MiB).toFixed(0)} MiB budget`,
  );
  for (const [region, targets] of Object.entries(regions)) {
    const withCheckpoints: number[] = [];
    const anchor: number[] = [];
    const drawOnly: number[] = [];
    for (const target of targets) {
      await checkpointsReady(page);
      withCheckpoints.push(await jump(page, target));
      // The next statement is at hand already (captured with it): drawing alone.
      drawOnly.push(await jump(page, target + 1));
      anchor.push(await jump(anchorPage, target));
    }
    const list = (values: number[]) =>
      `median ${median(values).toFixed(0)} ms [${values.map((ms) => ms.toFixed(0)).join(", ")}]`;
    console.log(
      `${region.padEnd(6)} (statements ${targets.join(", ")}): checkpoints ${list(withCheckpoints)}; replay from the start (anchor) ${list(anchor)}; drawing a statement at hand ${list(drawOnly)}`,
    );
  }
} finally {
  plain.close();
  await served.close();
}
