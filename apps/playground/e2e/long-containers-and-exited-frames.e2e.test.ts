import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, type ServedPlayground, servePlayground } from "./serve-playground.js";

// Long containers paged open (click and keyboard, items written in place or drawn as boxes, a
// million-item list staying quick) and the "Exited frames" option (drawn, persisted), in real
// Chromium. Screenshots land in e2e/artifacts/ (git-ignored).

const artifacts = join(import.meta.dirname, "artifacts");
const haveChromium = existsSync(CHROMIUM);

const CONTAINERS = [
  "xs = list(range(100))",
  "big = [7] * 1000000",
  "boxes = [[i] for i in range(30)]",
  "print(len(xs), len(big), len(boxes))",
  "",
].join("\n");

const CALLS = [
  "def square(x):",
  "    y = x * x",
  "    return y",
  "",
  "total = 0",
  "for i in range(3):",
  "    total += square(i)",
  "print(total)",
  "",
].join("\n");

describe.skipIf(!haveChromium)(
  `long containers and exited frames in Chromium${haveChromium ? "" : ` (skipped: ${CHROMIUM} is missing)`}`,
  () => {
    let served: ServedPlayground | undefined;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      served = await servePlayground();
      page = await served.context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      await page.goto(served.url);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 20_000 });
    });

    afterAll(async () => {
      await served?.close();
    });

    async function shown(): Promise<void> {
      await page.waitForSelector('body:is([data-state="stepping"], [data-state="done"])', {
        timeout: 30_000,
      });
    }

    /** Records `source` as your own program and shows where it ends. */
    async function runToEnd(source: string): Promise<void> {
      await page.selectOption("#example-picker", "");
      await page.fill("#source", source);
      await page.click("#run");
      await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    }

    /** The object box whose "show more" row reads `label`. */
    const boxWithMore = (label: string) =>
      page.locator("#object-graph g.object", {
        has: page.locator(`g.show-more[aria-label="${label}"]`),
      });

    it("pages a long list open by click and by keyboard, items in place or as boxes", async () => {
      await runToEnd(CONTAINERS);
      // 100 small ints: 12 written in place, the other 88 one click away.
      const xs = boxWithMore("show 88 more");
      expect(await xs.locator("text.object-field").count()).toBe(12);
      await xs.locator("g.show-more").click();
      const opened = page.locator("#object-graph g.object", {
        has: page.locator('text.object-field:text-is("[99] = 99")'),
      });
      expect(await opened.locator("text.object-field").count()).toBe(100);
      expect(await opened.locator("g.show-more").count()).toBe(0);

      // A million items: pages of 100 by keyboard (the focus stays on the row), each quick.
      const big = boxWithMore("next 100 of 999,988");
      await big.locator("g.show-more").focus();
      const started = Date.now();
      await page.keyboard.press("Enter");
      await page.waitForSelector('g.show-more[aria-label="next 100 of 999,888"]');
      await page.keyboard.press("Enter");
      await page.waitForSelector('g.show-more[aria-label="next 100 of 999,788"]');
      const pagingMs = Date.now() - started;
      expect(pagingMs).toBeLessThan(3000);
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""),
      ).toBe("next 100 of 999,788");

      // Lists as items: the 18 not drawn at first become boxes with arrows when shown.
      const lists = () => page.locator('#object-graph g.object[data-type="list"]').count();
      const before = await lists();
      await boxWithMore("show 18 more").locator("g.show-more").click();
      expect(await lists()).toBe(before + 18);

      // The pages stay open while stepping, and a step back and forth stays quick.
      const stepStarted = Date.now();
      await page.click("#back");
      await shown();
      await page.click("#step");
      await page.waitForSelector('body[data-state="done"]');
      expect(Date.now() - stepStarted).toBeLessThan(3000);
      expect(await page.locator('g.show-more[aria-label="next 100 of 999,788"]').count()).toBe(1);
      await page.screenshot({ path: join(artifacts, "long-containers.png"), fullPage: true });

      // Every object a box (the heap as it is): the 88 ints past the first 12 become boxes.
      await page.selectOption("#values-picker", "none");
      await runToEnd(CONTAINERS);
      const ints = () =>
        page.locator('#object-graph g.object[data-type="int"][data-state="immortal"]').count();
      const intsBefore = await ints();
      await boxWithMore("show 88 more").locator("g.show-more").press("Enter");
      expect(await ints()).toBe(intsBefore + 88);
      await page.selectOption("#values-picker", "immortal");
    });

    it("shows returned frames greyed with their values and return value, when asked, and keeps the choice", async () => {
      await runToEnd(CALLS);
      expect(await page.locator("#object-graph g.frame.exited").count()).toBe(0);
      await page.check("#exited-frames");
      await runToEnd(CALLS);
      const exited = page.locator("#object-graph g.frame.exited[data-frame='square']");
      // square(0), square(1) and square(2) have returned, oldest first.
      expect(await exited.count()).toBe(3);
      const last = exited.nth(2);
      expect(await last.locator('g.variable[data-name="x"] .variable-value').textContent()).toBe(
        "2",
      );
      expect(await last.locator("g.return-value .variable-value").textContent()).toBe("4");
      await page.screenshot({ path: join(artifacts, "exited-frames.png"), fullPage: true });
      // Kept for the next visit.
      await page.reload();
      await page.waitForSelector('body[data-state="ready"]');
      expect(await page.isChecked("#exited-frames")).toBe(true);
      await page.uncheck("#exited-frames");
      await page.reload();
      await page.waitForSelector('body[data-state="ready"]');
      expect(await page.isChecked("#exited-frames")).toBe(false);
    });

    it("wrote no errors to the console", () => {
      expect(errors).toEqual([]);
    });
  },
);
