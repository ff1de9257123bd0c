import { servePlayground } from "../e2e/serve-playground.js";

// How long the playground takes to become interactive on a cold load: from navigation start to
// `body[data-state="ready"]` (editor and interpreter up, the Run button usable), with the HTTP
// cache disabled, in Debian's Chromium driven by playwright-core (as the e2e tests are). The
// production build is served by `vite preview`. Medians of the samples; also the time to the
// load event, so the interpreter's own set-up shows apart from fetching and parsing.
//
//   node_modules/.bin/tsx apps/playground/bench/cold-load.ts [samples]

const samples = Number(process.argv[2] ?? 9);
const served = await servePlayground();
const ready: number[] = [];
const loaded: number[] = [];
try {
  for (let i = 0; i < samples; i++) {
    const page = await served.context.newPage();
    const cdp = await served.context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    // Stamped by the page itself the moment the state changes (no polling delay).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body?.dataset.state === "ready") {
          (window as unknown as { readyAt: number }).readyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-state"] });
    });
    await page.goto(served.url);
    await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt);
    const timings = await page.evaluate(() => ({
      readyAt: (window as unknown as { readyAt: number }).readyAt,
      loadEventEnd: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
        .loadEventEnd,
    }));
    ready.push(timings.readyAt);
    loaded.push(timings.loadEventEnd);
    await page.close();
  }
} finally {
  await served.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
console.log(
  `playground cold load, ${samples} samples: interactive (data-state=ready) median ${median(ready).toFixed(0)} ms ` +
    `(min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)}); load event median ${median(loaded).toFixed(0)} ms`,
);
console.log(`samples (ms): ${ready.map((ms) => ms.toFixed(0)).join(" ")}`);
