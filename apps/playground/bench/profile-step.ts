import type { CDPSession } from "playwright-core";
import { servePlayground } from "../e2e/serve-playground.js";

// What a step costs the page: Chromium's CPU profiler (over the DevTools protocol) on the page's
// main thread while Step ▶ walks through an example whose snapshots are all at hand (recorded
// with the run), then the functions by self time, grouped by source file. A jump's replay runs
// in a worker and is not in this profile (see bench/step-in-browser.ts for its latency).
//
//   node_modules/.bin/tsx apps/playground/bench/profile-step.ts [example] [steps]

const example = process.argv[2] ?? "memory-pools";
const steps = Number(process.argv[3] ?? 60);

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
  };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time (ms) by key, biggest first. */
function selfTimes(profile: Profile, key: (node: ProfileNode) => string): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const name = key(byId.get(id)!);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const served = await servePlayground();
try {
  const page = await served.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${served.url}#example=${example}`);
  await page.waitForSelector('body[data-state="ready"]');
  await page.click("#step");
  await page.waitForSelector('body[data-state="stepping"]');
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const milliseconds = await page.evaluate(async (count) => {
    const step = document.querySelector<HTMLButtonElement>("#step")!;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      step.click();
      // Let the page lay out and paint what the step drew, as a learner's click would.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    return performance.now() - started;
  }, steps);
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  console.log(
    `${example}: ${steps} steps in ${milliseconds.toFixed(0)} ms (${(milliseconds / steps).toFixed(1)} ms a step, paint included)`,
  );
  const file = (node: ProfileNode) =>
    node.callFrame.url === ""
      ? node.callFrame.functionName || "(engine)"
      : (node.callFrame.url.split("/").pop() ?? "");
  console.log("self time by file:");
  for (const [name, ms] of selfTimes(profile, file).slice(0, 8))
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log("self time by function:");
  const fn = (node: ProfileNode) =>
    `${node.callFrame.functionName || "(anonymous)"} ${file(node)}:${node.callFrame.lineNumber}:${node.callFrame.columnNumber}`;
  for (const [name, ms] of selfTimes(profile, fn).slice(0, 15))
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await served.close();
}
