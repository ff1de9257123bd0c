import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES } from "../src/examples/index.js";
import { CHROMIUM, type ServedPlayground, servePlayground } from "./serve-playground.js";

// The playground end to end in real Chromium: built once with vite, served with `vite preview`,
// one browser driven by playwright-core (e2e/serve-playground.ts). Screenshots land in
// e2e/artifacts/ (git-ignored).

const artifacts = join(import.meta.dirname, "artifacts");
const haveChromium = existsSync(CHROMIUM);

/** What each example must show besides its output: objects in the graph, collections on the timeline. */
const EXPECTATIONS: Record<
  string,
  { graph: string[]; collections?: { generation: number; collected: number }; poolCaption?: RegExp }
> = {
  "reference-counting": { graph: ['[data-type="list"]'] },
  "cycles-and-the-collector": {
    graph: [],
    collections: { generation: 2, collected: 2 },
  },
  "automatic-deallocation": { graph: ['[data-type="function"]', '[data-type="type"]'] },
  // 20,000 tuples fill several arenas; freeing them gives whole arenas back.
  "memory-pools": { graph: [], poolCaption: /arenas allocated \d+, released [1-9]/ },
  "weakrefs-and-finalizers": { graph: ['[data-type$="ReferenceType"]'] },
  generations: {
    graph: ['[data-type="list"][data-generation="2"]'],
    collections: { generation: 0, collected: 1 },
  },
};

describe.skipIf(!haveChromium)(
  `playground in Chromium${haveChromium ? "" : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`}`,
  () => {
    let served: ServedPlayground | undefined;
    let context: BrowserContext;
    let page: Page;
    let url = "";
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      served = await servePlayground();
      context = served.context;
      url = served.url;
      page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning")
          consoleErrors.push(`${message.type()}: ${message.text()}`);
      });
      await page.goto(url);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 20_000 });
      expect(pageErrors).toEqual([]);
    });

    afterAll(async () => {
      await served?.close();
    });

    async function loadExample(id: string): Promise<void> {
      await page.selectOption("#example-picker", id);
      await page.waitForSelector('body[data-state="ready"]');
    }

    async function setStepLimit(limit: number): Promise<void> {
      await page.evaluate(() => {
        (document.querySelector(".limits") as HTMLDetailsElement).open = true;
      });
      await page.fill("#step-limit", String(limit));
      await page.dispatchEvent("#step-limit", "change");
    }

    /** Waits until the statement shown is drawn (not being replayed in the worker). */
    async function shown(): Promise<void> {
      await page.waitForSelector('body:is([data-state="stepping"], [data-state="done"])', {
        timeout: 30_000,
      });
    }

    /**
     * Clicks Step until the statement before `line` is shown, in the page (no round trip per
     * step), waiting whenever a statement is being replayed in a worker.
     */
    async function stepUntilLine(line: number, limit = 200): Promise<void> {
      const reached = await page.evaluate(
        async ({ line, limit }) => {
          const status = document.querySelector("#status")!;
          const step = document.querySelector<HTMLButtonElement>("#step")!;
          const pattern = new RegExp(`before line ${line}\\b`);
          for (let i = 0; i < limit; i++) {
            if (!/^(stepping|done)$/.test(document.body.dataset.state ?? ""))
              await new Promise<void>((resolve) => {
                const observer = new MutationObserver(() => {
                  if (!/^(stepping|done)$/.test(document.body.dataset.state ?? "")) return;
                  observer.disconnect();
                  resolve();
                });
                observer.observe(document.body, { attributes: true });
              });
            if (pattern.test(status.textContent ?? "")) return true;
            step.click();
          }
          return false;
        },
        { line, limit },
      );
      if (!reached) throw new Error(`never reached line ${line}`);
    }

    /** Moves the slider to `index` (0-based statement) and waits for it to be drawn. */
    async function slideTo(index: number): Promise<void> {
      await page.evaluate((value) => {
        const slider = document.querySelector<HTMLInputElement>("#step-slider")!;
        slider.value = String(value);
        slider.dispatchEvent(new Event("input"));
      }, index);
      await shown();
    }

    /** Loads `source` as your own program and records it with the first Step. */
    async function stepInto(source: string): Promise<void> {
      await page.selectOption("#example-picker", "");
      await page.fill("#source", source);
      await page.click("#step");
      await shown();
    }

    /** The editor's text (CodeMirror draws every line of a short program). */
    async function editorText(): Promise<string> {
      return page.evaluate(() =>
        [...document.querySelectorAll("#source .cm-line")]
          .map((line) => line.textContent)
          .join("\n"),
      );
    }

    function exampleLines(id: string): string[] {
      return EXAMPLES.find((example) => example.id === id)!.source.split("\n");
    }

    async function stdout(): Promise<string> {
      return page.evaluate(() =>
        [...document.querySelectorAll("#output span.stdout")]
          .map((span) => span.textContent)
          .join(""),
      );
    }

    for (const example of EXAMPLES) {
      it(`runs "${example.title}" with CPython 3.13's output and the expected views`, async () => {
        await loadExample(example.id);
        await page.click("#run");
        await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
        expect(await stdout()).toBe(example.expectedOutput);
        expect(await page.locator("#output span.stderr").count()).toBe(0);
        const expected = EXPECTATIONS[example.id] ?? { graph: [] };
        for (const selector of expected.graph)
          expect(
            await page.locator(`#object-graph g.object:is(${selector})`).count(),
            selector,
          ).toBeGreaterThan(0);
        if (expected.collections !== undefined) {
          const { generation, collected } = expected.collections;
          const bars = page.locator(
            `#timeline-chart .gc-event[data-generation="${generation}"][data-collected="${collected}"]`,
          );
          expect(await bars.count()).toBeGreaterThan(0);
        }
        if (expected.poolCaption !== undefined)
          expect(await page.textContent("#pool-map-caption")).toMatch(expected.poolCaption);
        // The pool map always has at least one arena (the interpreter's own objects).
        expect(Number(await page.getAttribute("#pool-map-canvas", "data-arenas"))).toBeGreaterThan(
          0,
        );
        expect(await page.textContent("#malloc-stats")).toContain("Small block threshold");
        // No input() in the examples: the input box stays out of sight.
        expect(await page.isVisible("#input-form")).toBe(false);
        await page.screenshot({ path: join(artifacts, `${example.id}.png`), fullPage: true });
      });
    }

    it("steps through the cycle example: the cycle turns unreachable, then the collector frees it", async () => {
      await loadExample("cycles-and-the-collector");
      await page.click("#step");
      await page.waitForSelector('body[data-state="stepping"]');
      expect(await page.textContent("#status")).toMatch(/^Step 1 of \d+: before line \d+/);
      const lines = exampleLines("cycles-and-the-collector");
      const line = (text: string) => lines.indexOf(text) + 1;
      // Step until the snapshot before `print("unreachable objects found:", …)`.
      const printLine = line('print("unreachable objects found:", gc.collect())');
      await stepUntilLine(printLine);
      expect(await page.textContent(".cm-gutterElement.current")).toBe(String(printLine));
      // a and b are deleted: their two instances are drawn as unreachable cyclic garbage.
      const unreachable = page.locator(
        '#object-graph g.object[data-state="unreachable"][data-type="Node"]',
      );
      expect(await unreachable.count()).toBe(2);
      await page.screenshot({
        path: join(artifacts, "step-cycle-unreachable.png"),
        fullPage: true,
      });
      await page.click("#step");
      // The collection ran during that statement: the freed objects are drawn, the timeline has the bar.
      expect(
        await page
          .locator('#object-graph g.object[data-state="collected"][data-type="Node"]')
          .count(),
      ).toBe(2);
      expect(await unreachable.count()).toBe(0);
      expect(
        await page.locator('#timeline-chart .gc-event:not(.future)[data-collected="2"]').count(),
      ).toBe(1);
      await page.screenshot({ path: join(artifacts, "step-cycle-collected.png"), fullPage: true });
      await page.click("#back");
      expect(await unreachable.count()).toBe(2);
      // The arrow keys step too (outside text fields).
      await page.keyboard.press("ArrowRight");
      expect(await unreachable.count()).toBe(0);
      await page.keyboard.press("ArrowLeft");
      expect(await unreachable.count()).toBe(2);
      await page.click("#reset");
      await page.waitForSelector('body[data-state="ready"]');
      expect(await page.locator("#object-graph g.object").count()).toBe(0);
      expect(await page.textContent("#output")).toBe("");
      expect(await page.locator(".cm-gutterElement.current").count()).toBe(0);
    });

    it("highlights a refcount changing as names and items point at a list", async () => {
      await loadExample("reference-counting");
      const lines = exampleLines("reference-counting");
      await page.click("#step");
      await stepUntilLine(lines.indexOf("b = a") + 2); // after `b = a` ran
      const list = page.locator('#object-graph g.object[data-type="list"]');
      expect(await list.getAttribute("data-refcount")).toBe("2");
      expect(await list.getAttribute("data-change")).toBe("refcount");
      expect(await list.locator(".object-meta").textContent()).toContain("refcount 2 (+1)");
      await stepUntilLine(lines.indexOf("pair = [a, a]") + 2);
      const shared = page.locator('#object-graph g.object[data-type="list"][data-refcount="4"]');
      expect(await shared.count()).toBe(1);
      await page.screenshot({ path: join(artifacts, "step-refcount.png"), fullPage: true });
    });

    it("explains every term on hover: boxes, pool map, timeline, statistics, pickers", async () => {
      await loadExample("generations");
      await page.click("#run");
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      const help = await page.evaluate(() => ({
        boxes: [...document.querySelectorAll("#object-graph g.object")].map(
          (box) => box.querySelector("title")?.textContent ?? "",
        ),
        headers: [...document.querySelectorAll<HTMLElement>("#timeline-table th")].map(
          (th) => th.title,
        ),
        pools: document.querySelector<HTMLElement>("#pool-map-caption")!.title,
        counts: document.querySelector<HTMLElement>("#gc-counts")!.title,
        stats: document.querySelector<HTMLElement>("#malloc-stats")!.title,
        labels: [...document.querySelectorAll<HTMLElement>("header.toolbar label")].map(
          (label) => label.title,
        ),
      }));
      expect(help.boxes.length).toBeGreaterThan(0);
      for (const title of help.boxes)
        expect(title).toMatch(
          /refcount: |immortal: |freed by (reference counting|the cycle collector): /,
        );
      expect(help.boxes.some((title) => title.includes("gen 0/1/2: "))).toBe(true);
      expect(help.headers).toHaveLength(6);
      for (const title of help.headers) expect(title).not.toBe("");
      for (const term of ["arena: ", "pool: ", "block: ", "size class: "])
        expect(help.pools).toContain(term);
      expect(help.counts).toContain("gc.get_count(): ");
      expect(help.stats).toContain("sys._debugmallocstats(): ");
      for (const title of help.labels) expect(title).not.toBe("");
    });

    it("draws a weak reference as a dashed edge that adds no count", async () => {
      await loadExample("weakrefs-and-finalizers");
      const lines = exampleLines("weakrefs-and-finalizers");
      await page.click("#step");
      await stepUntilLine(lines.indexOf("del obj") + 1);
      expect(await page.locator("#object-graph path.edge.weak").count()).toBe(1);
      const cache = page.locator('#object-graph g.object[data-type="Cache"]');
      expect(await cache.getAttribute("data-refcount")).toBe("1"); // only `obj`: the weakref adds nothing
      await page.screenshot({ path: join(artifacts, "step-weakref.png"), fullPage: true });
    });

    it("shows every frame of a recursion with its own locals, and each call returning its value", async () => {
      await stepInto(
        "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n\nresult = fact(5)\nprint(result)\n",
      );
      await stepUntilLine(3); // `return 1` at the bottom of the recursion
      const frames = page.locator("#object-graph g.frame");
      expect(await frames.count()).toBe(6); // the global frame and fact(5) … fact(1)
      const ns = await page
        .locator(
          '#object-graph g.frame[data-frame="fact"] g.variable[data-name="n"] .variable-value',
        )
        .allTextContents();
      expect(ns).toEqual(["5", "4", "3", "2", "1"]);
      expect(await page.locator("#object-graph g.frame.active").getAttribute("data-frame")).toBe(
        "fact",
      );
      await page.screenshot({ path: join(artifacts, "recursion-frames.png"), fullPage: true });
      // Each return is a step of its own, the returning frame still drawn with its return value.
      for (const [value, depth] of [
        ["1", 6],
        ["2", 5],
        ["6", 4],
        ["24", 3],
        ["120", 2],
      ] as const) {
        await page.click("#step");
        await shown();
        expect(await page.textContent("#status")).toContain(`fact() returns ${value}`);
        expect(await frames.count()).toBe(depth);
        expect(
          await page
            .locator("#object-graph g.frame.active .return-value .variable-value")
            .textContent(),
        ).toBe(value);
      }
      await page.click("#step");
      await shown();
      // Every call has returned: the next statement is `print(result)` in the global frame.
      expect(await frames.count()).toBe(1);
      expect(await page.textContent("#status")).toContain("before line 7");
    });

    it("shows a closure's variable as a cell shared by the maker and the inner function", async () => {
      await stepInto(
        "def make_counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n\ncounter = make_counter()\ncounter()\ncounter()\n",
      );
      await stepUntilLine(6); // in inc(), after n += 1
      const free = page.locator('#object-graph g.frame.active g.variable[data-kind="free"]');
      expect(await free.getAttribute("data-name")).toBe("n");
      expect(await page.locator('#object-graph g.object[data-type="cell"]').count()).toBe(1);
      expect(
        await page.locator('#object-graph g.object[data-type="cell"] .object-field').textContent(),
      ).toBe("· = 1");
      // Functions and classes are named as CPython's repr names them.
      expect(
        await page
          .locator('#object-graph g.object[data-type="function"] .object-repr')
          .allTextContents(),
      ).toEqual(["<function make_counter>", "<function …<locals>.inc>"]);
      await page.screenshot({ path: join(artifacts, "closure-cell.png"), fullPage: true });
    });

    it("reaches the statement right after a 10,000-iteration loop (replayed on demand)", async () => {
      await stepInto(
        "items = []\nfor i in range(10000):\n    items.append((i, i + 1))\nprint(len(items))\ndel items\nprint('freed')\n",
      );
      const statements = Number(await page.getAttribute("#step-slider", "max"));
      expect(statements).toBe(20_004);
      // Statement 20,002 (0-based) is `del items`, after 10,000 iterations of two statements each.
      const started = Date.now();
      await slideTo(20_002);
      const replay = Date.now() - started;
      expect(await page.textContent("#status")).toContain("before line 5");
      expect(await page.textContent("#output")).toBe("10000\n");
      expect(await page.locator('#object-graph g.variable[data-name="items"]').count()).toBe(1);
      await page.click("#step");
      await shown();
      // `del items` freed the list by reference counting: it is drawn as a ghost.
      expect(
        await page.locator('#object-graph g.object[data-state="freed"][data-type="list"]').count(),
      ).toBe(1);
      expect(await page.textContent("#graph-caption")).toContain(
        "just freed by reference counting",
      );
      await page.screenshot({ path: join(artifacts, "after-loop-freed.png"), fullPage: true });
      console.log(`reaching statement 20,002 of 20,004 took ${replay} ms in Chromium`);
    });

    it("jumps into a long run from a replay paused at a checkpoint, showing what a replay shows", async () => {
      // 100,000 iterations of three statements (the loop test, n += 1, total += n).
      await stepInto(
        "n = 0\ntotal = 0\nwhile n < 100000:\n    n += 1\n    total += n\nprint(total)\n",
      );
      const statements = Number(await page.getAttribute("#step-slider", "max"));
      expect(statements).toBe(300_004);
      // The page is cross-origin isolated (SharedArrayBuffer, Atomics.wait): it can pause replays.
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      // The first jump past the recorded statements replays from the start and starts the
      // checkpoints.
      await slideTo(statements - 1);
      expect(await page.textContent("#status")).toContain("before line 6");
      expect(await page.getAttribute("body", "data-checkpoint-jumps")).toBe("0");
      const handle = await page.waitForFunction(
        () => {
          const [ready, total] = (document.body.dataset.checkpoints ?? "").split("/").map(Number);
          return ready! > 0 ? total : false;
        },
        undefined,
        { timeout: 120_000 },
      );
      // The first checkpoint waits at the start of the second of total + 1 spans.
      const first = Math.floor(statements / (Number(await handle.jsonValue()) + 1));
      // Statement 2 + 3k is the loop test of iteration k + 1: n is k.
      const k = Math.floor((first - 2) / 3) + 500;
      await slideTo(2 + 3 * k);
      expect(await page.getAttribute("body", "data-checkpoint-jumps")).toBe("1");
      expect(await page.textContent("#status")).toContain(
        `Step ${(3 + 3 * k).toLocaleString("en-US")} of`,
      );
      expect(await page.textContent("#status")).toContain("before line 3");
      // n and total are ints past the small ones: boxes of their own.
      const ints = () =>
        page
          .locator('#object-graph g.object[data-type="int"][data-state="live"] .object-repr')
          .allTextContents();
      expect((await ints()).sort()).toEqual([String(k), String((k * (k + 1)) / 2)].sort());
      // Steps on from there are at hand (captured with it), and as recorded.
      await page.click("#step");
      await shown();
      await page.click("#step");
      await shown();
      expect(await page.textContent("#status")).toContain("before line 5");
      expect((await ints()).sort()).toEqual([String(k + 1), String((k * (k + 1)) / 2)].sort());
    });

    it("writes values in place or draws every object, as the Values picker says", async () => {
      const source = "x = 1000\ny = [x, 2.5, None, 7]\nprint(len(y))\n";
      const boxes = (selector: string) =>
        page.locator(`#object-graph g.object:is(${selector})`).count();
      // Immortal values in place (the default): None and 7 are text, 1000 and 2.5 are boxes.
      await stepInto(source);
      await stepUntilLine(3);
      expect(await boxes('[data-type="int"], [data-type="float"]')).toBe(2);
      expect(await boxes('[data-state="immortal"]')).toBe(0);
      // Every primitive in place, as Python Tutor draws them: only the list is a box.
      await page.selectOption("#values-picker", "primitives");
      await page.click("#step");
      await shown();
      await stepUntilLine(3);
      expect(await boxes('[data-type="int"], [data-type="float"]')).toBe(0);
      expect(
        await page.textContent('#object-graph g.variable[data-name="x"] .variable-value'),
      ).toBe("1000");
      expect(await boxes('[data-type="list"]')).toBe(1);
      // Every object a box: None and the small int 7 too, marked immortal.
      await page.selectOption("#values-picker", "none");
      await page.click("#step");
      await shown();
      await stepUntilLine(3);
      expect(await boxes('[data-type="NoneType"][data-state="immortal"]')).toBe(1);
      expect(await boxes('[data-type="int"][data-state="immortal"]')).toBe(1);
      expect(await boxes('[data-type="int"], [data-type="float"]')).toBe(3);
      await page.screenshot({ path: join(artifacts, "every-object.png"), fullPage: true });
      await page.selectOption("#values-picker", "immortal");
    });

    it("edits Python like an editor: highlighting, indentation after a colon, dedent, the error line marked", async () => {
      await page.selectOption("#example-picker", "");
      await page.fill("#source", "");
      await page.click("#source");
      await page.keyboard.type("def double(x):");
      await page.keyboard.press("Enter");
      await page.keyboard.type("return x * 2");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.type("print(double(21)");
      expect(await editorText()).toBe("def double(x):\n    return x * 2\nprint(double(21)");
      // Keywords are highlighted (CodeMirror's Python grammar).
      expect(await page.locator("#source .cm-line span").count()).toBeGreaterThan(2);
      await page.keyboard.press("Control+Enter");
      await page.waitForSelector('body[data-state="done"]');
      expect(await page.textContent("#output")).toContain("SyntaxError: '(' was never closed");
      expect(await page.locator(".cm-error-line").count()).toBe(1);
      expect(await page.textContent(".cm-gutterElement.error")).toBe("3");
      await page.screenshot({ path: join(artifacts, "editor-syntax-error.png") });
      await page.click("#source");
      await page.keyboard.press("Control+End");
      await page.keyboard.type(")");
      expect(await page.locator(".cm-error-line").count()).toBe(0);
      await page.keyboard.press("Control+Enter");
      await page.waitForSelector('body[data-state="done"]');
      expect(await stdout()).toBe("42\n");
    });

    it("asks for input() in a box and runs the program again with each answer", async () => {
      await page.selectOption("#example-picker", "");
      await page.fill(
        "#source",
        'name = input("name? ")\nage = int(input("age? "))\nprint("hi", name, age + 1)\n',
      );
      await page.click("#run");
      await page.waitForSelector("#input-form:not([hidden])");
      expect(await page.textContent("#input-prompt")).toBe("name? ");
      expect(await page.textContent("#output")).toContain("EOFError: EOF when reading a line");
      await page.fill("#input-line", "Ada");
      await page.press("#input-line", "Enter");
      await page.waitForSelector('#input-prompt:text("age? ")');
      await page.fill("#input-line", "36");
      await page.press("#input-line", "Enter");
      await page.waitForSelector('body[data-state="done"]');
      expect(await stdout()).toBe("name? age? hi Ada 37\n");
      expect(await page.isVisible("#input-form")).toBe(false);
    });

    it("stops a runaway loop at the step limit with a clear message", async () => {
      await page.fill("#source", "n = 0\nwhile True:\n    n += 1\n");
      expect(await page.inputValue("#example-picker")).toBe("");
      await setStepLimit(200_000);
      const started = Date.now();
      await page.click("#run");
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(await page.textContent("#output .note")).toContain(
        "more than 200,000 steps (the step limit",
      );
      expect(await page.textContent("#status")).toContain("stopped by StepLimitError");
      await page.screenshot({ path: join(artifacts, "step-limit.png"), fullPage: true });
      // Your own program is in the address: the link brings it back.
      expect(page.url()).toContain("#source=");
      await page.reload();
      await page.waitForSelector('body[data-state="ready"]');
      expect(await editorText()).toBe("n = 0\nwhile True:\n    n += 1\n");
      expect(await page.inputValue("#example-picker")).toBe("");
    });

    it("Stop ends a long run at once (the run is in a worker, the page stays responsive)", async () => {
      await page.fill("#source", "while True:\n    pass\n");
      await setStepLimit(1_000_000_000);
      await page.click("#run");
      await page.waitForSelector("#stop:not([hidden])");
      expect(await page.isDisabled("#run")).toBe(true);
      await page.click("#stop");
      await page.waitForSelector('body[data-state="ready"]');
      expect(await page.textContent("#output .note")).toContain(
        "Stopped: you ended the run with Stop.",
      );
      expect(await page.isDisabled("#run")).toBe(false);
      expect(await page.isHidden("#stop")).toBe(true);
      await setStepLimit(2_000_000);
    });

    it("runs with every collector and both allocator profiles", async () => {
      const example = EXAMPLES.find((e) => e.id === "cycles-and-the-collector")!;
      for (const collector of ["generational-3.12", "incremental", "bacon-rajan"]) {
        for (const profile of ["cpython32", "cpython64"]) {
          await loadExample(example.id);
          await page.selectOption("#collector-picker", collector);
          await page.selectOption("#profile-picker", profile);
          await page.click("#run");
          await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
          expect(await stdout(), `${collector} ${profile}`).toBe(example.expectedOutput);
          expect(await page.textContent("#pool-map-caption")).toContain(profile);
          // One generation for Bacon–Rajan; the incremental one says what a bar spans.
          const rows = await page.locator("#timeline-table tbody tr").count();
          expect(rows).toBe(collector === "bacon-rajan" ? 1 : 3);
          expect(
            (await page.textContent("#timeline-chart"))?.includes("Incremental collector"),
          ).toBe(collector === "incremental");
        }
      }
      await page.screenshot({ path: join(artifacts, "bacon-rajan-cpython64.png"), fullPage: true });
    });

    /**
     * 157 boxes: a 60-node linked list, a 63-node tree, the two classes, a list of 10 strings,
     * a dict of 10 tuples each holding a list (its 10 keys are written as labels).
     */
    const BIG_PROGRAM = [
      "class Node:",
      "    def __init__(self, value, next):",
      "        self.value = value",
      "        self.next = next",
      "",
      "class Tree:",
      "    def __init__(self, depth):",
      "        self.left = Tree(depth - 1) if depth > 0 else None",
      "        self.right = Tree(depth - 1) if depth > 0 else None",
      "",
      "head = None",
      "for i in range(60):",
      "    head = Node(i, head)",
      "tree = Tree(5)",
      "words = [str(i) * 3 for i in range(10)]",
      'pairs = {f"key {i}": (i, [i]) for i in range(10)}',
      'print("built")',
      "",
    ].join("\n");

    /**
     * The geometry of the drawn graph: every box inside the drawing and every text of a box
     * inside its box; how many pairs of texts (labels, names, values) overlap; the drawing's
     * width against its panel's.
     */
    async function graphGeometry(target: Page) {
      return target.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>("#object-graph svg")!;
        const width = svg.width.baseVal.value;
        const height = svg.height.baseVal.value;
        const cutOff: string[] = [];
        for (const group of svg.querySelectorAll<SVGGElement>("g.object")) {
          const rect = group.querySelector("rect")!.getBBox();
          if (
            rect.x < 0 ||
            rect.y < 0 ||
            rect.x + rect.width > width ||
            rect.y + rect.height > height
          )
            cutOff.push(`box ${group.dataset.type} at ${rect.x},${rect.y}`);
          for (const text of group.querySelectorAll("text")) {
            const box = text.getBBox();
            if (box.width === 0) continue;
            if (
              box.x < rect.x ||
              box.x + box.width > rect.x + rect.width ||
              box.y < rect.y ||
              box.y + box.height > rect.y + rect.height
            )
              cutOff.push(`text "${text.textContent}" of ${group.dataset.type}`);
          }
        }
        const boxes = [...svg.querySelectorAll("text")]
          .map((text) => ({ text: text.textContent ?? "", box: text.getBBox() }))
          .filter(({ box }) => box.width > 0);
        const overlaps: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.box;
            const b = boxes[j]!.box;
            if (
              a.x < b.x + b.width - 0.5 &&
              b.x < a.x + a.width - 0.5 &&
              a.y < b.y + b.height - 0.5 &&
              b.y < a.y + a.height - 0.5
            )
              overlaps.push(`"${boxes[i]!.text}" / "${boxes[j]!.text}"`);
          }
        const count = (type: string) =>
          svg.querySelectorAll(`g.object[data-type="${type}"]`).length;
        return {
          objects: svg.querySelectorAll("g.object").length,
          nodes: count("Node"),
          trees: count("Tree"),
          tuples: count("tuple"),
          lists: count("list"),
          dicts: count("dict"),
          texts: boxes.length,
          cutOff,
          overlaps,
          width,
          panelWidth: document.querySelector("#object-graph")!.clientWidth,
          caption: document.querySelector("#graph-caption")!.textContent ?? "",
        };
      });
    }

    it("draws 157 objects readably: every one present, no label on another, wrapped to the panel", async () => {
      await stepInto(BIG_PROGRAM);
      await page.click("#run");
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      // The 60-node chain is folded: its first 16 and last 4 links, one box for the 40 between.
      const folded = await graphGeometry(page);
      expect(folded.nodes).toBe(20);
      expect(folded.overlaps).toEqual([]);
      expect(folded.cutOff).toEqual([]);
      const summary = page.locator('#object-graph g.object[data-type="summary"]');
      expect(await summary.locator(".object-repr").textContent()).toBe("… 40 more Node objects");
      await summary.click();
      const geometry = await graphGeometry(page);
      expect(geometry.caption).not.toContain("truncated");
      expect(geometry.objects).toBe(157);
      expect([geometry.nodes, geometry.trees, geometry.tuples, geometry.dicts]).toEqual([
        60, 63, 10, 1,
      ]);
      // words, and the ten lists inside the dict's tuples.
      expect(geometry.lists).toBe(11);
      expect(geometry.texts).toBeGreaterThan(600);
      expect(geometry.cutOff).toEqual([]);
      expect(geometry.overlaps).toEqual([]);
      // The 60-node chain wraps into rows within the panel instead of running 14,000 px wide.
      expect(geometry.width).toBeLessThanOrEqual(geometry.panelWidth);
      await page.screenshot({ path: join(artifacts, "two-hundred-objects.png"), fullPage: true });

      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(url);
      await phone.waitForSelector('body[data-state="ready"]');
      await phone.selectOption("#example-picker", "");
      await phone.fill("#source", BIG_PROGRAM);
      await phone.click("#run");
      await phone.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      await phone.click('#object-graph g.object[data-type="summary"]');
      const onPhone = await graphGeometry(phone);
      expect(onPhone.objects).toBe(geometry.objects);
      expect(onPhone.cutOff).toEqual([]);
      expect(onPhone.overlaps).toEqual([]);
      expect(onPhone.width).toBeLessThanOrEqual(onPhone.panelWidth);
      expect(
        await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await phone.screenshot({
        path: join(artifacts, "two-hundred-objects-phone.png"),
        fullPage: true,
      });
      await phone.close();
    });

    /** A 200-node linked list, a list of 100 instances, and a recursion 51 calls deep. */
    const LONG_PROGRAM = [
      "class Node:",
      "    def __init__(self, value, next):",
      "        self.value = value",
      "        self.next = next",
      "",
      "def depth(n, items):",
      "    if n == 0:",
      "        return len(items)",
      "    return depth(n - 1, items)",
      "",
      "head = None",
      "for i in range(200):",
      "    head = Node(i, head)",
      "items = [Node(i, None) for i in range(100)]",
      "print(depth(50, items))",
      "",
    ].join("\n");

    it("folds long chains and deep call stacks into boxes that a click draws whole", async () => {
      for (const [target, width] of [
        [page, 1440],
        [await context.newPage(), 390],
      ] as const) {
        if (target !== page) {
          await target.setViewportSize({ width, height: 844 });
          await target.goto(url);
          await target.waitForSelector('body[data-state="ready"]');
        }
        await target.selectOption("#example-picker", "");
        await target.fill("#source", LONG_PROGRAM);
        await target.click("#step");
        await target.waitForSelector('body:is([data-state="stepping"], [data-state="done"])');
        // The bottom of the recursion: `return len(items)`, 52 frames.
        const statements = Number(await target.getAttribute("#step-slider", "max"));
        await target.evaluate((value) => {
          const slider = document.querySelector<HTMLInputElement>("#step-slider")!;
          slider.value = String(value);
          slider.dispatchEvent(new Event("input"));
        }, statements - 52);
        await target.waitForSelector('body:is([data-state="stepping"], [data-state="done"])', {
          timeout: 30_000,
        });
        expect(await target.textContent("#status")).toContain("before line 8");
        const frames = target.locator("#object-graph g.frame");
        // The global frame, depth(50), one box for 44 calls, the 6 innermost.
        expect(await frames.count()).toBe(9);
        expect(await target.getAttribute("#object-graph g.frame.folded", "data-frames")).toBe("44");
        const geometry = await graphGeometry(target);
        expect(geometry.nodes).toBe(20 + 12);
        expect(geometry.overlaps).toEqual([]);
        expect(geometry.cutOff).toEqual([]);
        expect(geometry.width).toBeLessThanOrEqual(geometry.panelWidth);
        // The 100-item list's other 88 items are a button away (long-containers e2e pages them).
        expect(await target.locator("#object-graph .object-hidden").allTextContents()).toEqual([
          "▸ show 88 more",
        ]);
        expect(
          await target
            .locator('#object-graph g.object[data-type="summary"] .object-repr')
            .allTextContents(),
        ).toEqual(["… 180 more Node objects"]);
        await target.screenshot({
          path: join(artifacts, `long-chains-folded-${width}.png`),
          fullPage: true,
        });
        await target.click("#object-graph g.frame.folded");
        expect(await frames.count()).toBe(52);
        await target.click('#object-graph g.object[data-type="summary"]');
        const whole = await graphGeometry(target);
        expect(whole.nodes).toBe(200 + 12);
        expect(whole.overlaps).toEqual([]);
        expect(whole.cutOff).toEqual([]);
        expect(whole.width).toBeLessThanOrEqual(whole.panelWidth);
        expect(
          await target.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        if (target !== page) await target.close();
      }
    });

    it("fits a 390 px phone: no sideways overflow, the step controls stay on screen", async () => {
      const phone = await context!.newPage();
      phone.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(`phone: ${message.text()}`);
      });
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${url}#example=cycles-and-the-collector`);
      await phone.waitForSelector('body[data-state="ready"]');
      const overflow = () =>
        phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await phone.click("#run");
      await phone.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      expect(await overflow()).toBeLessThanOrEqual(0);
      await phone.evaluate(() => window.scrollTo(0, 900));
      // The Step button is on screen wherever the page is scrolled.
      const box = await phone.locator("#step").boundingBox();
      expect(box !== null && box.y >= 0 && box.y + box.height <= 844).toBe(true);
      await phone.click("#back");
      await phone.waitForSelector('body:is([data-state="stepping"], [data-state="done"])');
      // The band titles (the unreachable cycle, the collector's ghosts) wrap inside the drawing.
      const cutTitles = await phone.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>("#object-graph svg")!;
        return [...svg.querySelectorAll<SVGTextElement>("text.band-title")]
          .filter((title) => {
            const box = title.getBBox();
            return box.x < 0 || box.x + box.width > svg.width.baseVal.value;
          })
          .map((title) => title.textContent);
      });
      expect(cutTitles).toEqual([]);
      await phone.screenshot({ path: join(artifacts, "phone-cycles.png"), fullPage: false });
      await phone.screenshot({ path: join(artifacts, "phone-cycles-full.png"), fullPage: true });
      await phone.close();
    });

    it("wrote nothing to the console (errors or warnings) in all of the above", () => {
      expect(consoleErrors).toEqual([]);
    });
  },
);
