import { COLLECTOR_NAMES } from "@pymem/runtime";
import { EXAMPLES } from "./examples/index.js";
import type { CheckpointStatus } from "./session/checkpoint-pool.js";
import type { WorkerRun } from "./session/record-in-worker.js";
import {
  formatMallocStats,
  outputUpTo,
  type Recording,
  type Snapshot,
} from "./session/recording.js";
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from "./session/run-session.js";
import { decodeSource, encodeSource } from "./session/share-link.js";
import { statementAt } from "./session/statement-trace.js";
import type { ValuesInPlace } from "./snapshot/object-graph.js";
import { byId, element } from "./ui/dom.js";
import { Editor } from "./ui/editor.js";
import { ObjectGraphView } from "./ui/object-graph-view.js";
import { OutputView } from "./ui/output-view.js";
import { PoolMapView } from "./ui/pool-map-view.js";
import { StatsView } from "./ui/stats-view.js";
import { TimelineView } from "./ui/timeline-view.js";

/** The collectors offered in the picker: the shipped ones ("none" would make cycles immortal). */
const PICKABLE_COLLECTORS = COLLECTOR_NAMES.filter((name) => name !== "none");

/** Statements snapshotted around a requested one when it has to be made by running again. */
const CAPTURE_WINDOW = 24;
/**
 * Statements before the one wanted captured with it (from a checkpoint or a replay from the
 * start): each costs a snapshot before the wanted one can be shown, and ◀ past them is a jump
 * of its own.
 */
const CAPTURE_BEHIND = 6;
/** Snapshots made on demand kept at once (the oldest are dropped first). */
const CACHED_SNAPSHOTS = 3000;

/** How many returned frames a snapshot lists when "Exited frames" is on (the last ones). */
const EXITED_FRAMES_KEPT = 16;

/** Where the view options (Values, Exited frames) are kept between visits. */
const VIEW_OPTIONS_KEY = "pymem-playground:view-options";

/** The choices of the "Values" picker (see `ObjectGraphOptions.values`). */
const VALUES_IN_PLACE: readonly ValuesInPlace[] = ["immortal", "primitives", "none"];

function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/**
 * The playground page: wires the editor, the pickers, Run / Step / Back / Reset and the views to
 * a recorded session.
 *
 * @remarks
 * A run is recorded in a Web Worker (bounded by the step limit and heap cap; Stop ends it at
 * once): every statement's position, full snapshots of the first statements and of the end.
 * Run jumps to the end, Step walks statement by statement, the slider reaches any statement;
 * the snapshot of a statement past the first ones is made by the worker running the program
 * again up to it (with its neighbours, so stepping on from there is instant). Editing the
 * source or changing a picker makes the recording stale; the next Run or Step records again.
 *
 * @example
 * ```ts
 * new PlaygroundApp(recordInWorker).start();
 * ```
 */
export class PlaygroundApp {
  private readonly record: (
    source: string,
    settings: SessionSettings,
    onCheckpoints: (status: CheckpointStatus) => void,
  ) => WorkerRun;
  private readonly editor: Editor;
  private readonly graph: ObjectGraphView;
  private readonly poolMap: PoolMapView;
  private readonly timeline: TimelineView;
  private readonly stats: StatsView;
  private readonly output: OutputView;
  private readonly examplePicker = byId("example-picker", HTMLSelectElement);
  private readonly collectorPicker = byId("collector-picker", HTMLSelectElement);
  private readonly profilePicker = byId("profile-picker", HTMLSelectElement);
  private readonly valuesPicker = byId("values-picker", HTMLSelectElement);
  private readonly exitedFramesBox = byId("exited-frames", HTMLInputElement);
  private readonly stepLimitInput = byId("step-limit", HTMLInputElement);
  private readonly heapCapInput = byId("heap-cap", HTMLInputElement);
  private readonly slider = byId("step-slider", HTMLInputElement);
  private readonly status = byId("status", HTMLElement);
  private readonly watchHint = byId("watch-hint", HTMLElement);
  private readonly tour = byId("tour", HTMLElement);
  private readonly inputForm = byId("input-form", HTMLFormElement);
  private readonly inputLine = byId("input-line", HTMLInputElement);
  /** The lines typed for `input()` so far (kept while the program is unchanged). */
  private inputs: string[] = [];
  private readonly runButtons = [
    byId("run", HTMLButtonElement),
    byId("step", HTMLButtonElement),
    byId("back", HTMLButtonElement),
  ];
  private readonly stopButton = byId("stop", HTMLButtonElement);
  private recording: Recording | undefined;
  private pending: WorkerRun | undefined;
  /** The worker holding the current recording (snapshots on demand come from it). */
  private session: WorkerRun | undefined;
  /** Snapshots by statement (the recorded ones and those made on demand). */
  private snapshots = new Map<number, Snapshot>();
  /** Snapshots made on demand, oldest first (the ones that may be dropped). */
  private onDemand: number[] = [];
  /** Whether a capture is under way in the worker. */
  private capturing = false;
  private index = -1;
  /** What the output view shows: the characters of which recording's output. */
  private shownOutput: { recording: Recording; length: number } | undefined;

  constructor(
    record: (
      source: string,
      settings: SessionSettings,
      onCheckpoints: (status: CheckpointStatus) => void,
    ) => WorkerRun,
  ) {
    this.record = record;
    this.editor = new Editor(
      byId("editor-host", HTMLElement),
      () => this.run(),
      () => this.markStale(),
    );
    this.graph = new ObjectGraphView(byId("graph-host", HTMLElement));
    this.poolMap = new PoolMapView(byId("pool-map-host", HTMLElement));
    this.timeline = new TimelineView(byId("timeline-host", HTMLElement));
    this.stats = new StatsView(byId("stats-host", HTMLElement));
    this.output = new OutputView(byId("output-host", HTMLElement));
  }

  /** Fills the pickers, hooks the buttons and loads the first example. */
  start(): void {
    this.examplePicker.replaceChildren(
      ...EXAMPLES.map((example) => element("option", { value: example.id }, example.title)),
      element("option", { value: "" }, "Your own program"),
    );
    this.collectorPicker.replaceChildren(
      ...PICKABLE_COLLECTORS.map((name) => element("option", { value: name }, name)),
    );
    this.collectorPicker.value = DEFAULT_SESSION_SETTINGS.collector;
    this.profilePicker.value = DEFAULT_SESSION_SETTINGS.profile;
    this.stepLimitInput.value = String(DEFAULT_SESSION_SETTINGS.stepLimit);
    this.heapCapInput.value = String(DEFAULT_SESSION_SETTINGS.maximumBytes / 1024 / 1024);
    this.examplePicker.addEventListener("change", () => this.loadExample(this.examplePicker.value));
    this.restoreViewOptions();
    for (const input of [
      this.collectorPicker,
      this.profilePicker,
      this.valuesPicker,
      this.exitedFramesBox,
      this.stepLimitInput,
      this.heapCapInput,
    ])
      input.addEventListener("change", () => this.markStale());
    for (const input of [this.valuesPicker, this.exitedFramesBox])
      input.addEventListener("change", () => this.saveViewOptions());
    byId("run", HTMLButtonElement).addEventListener("click", () => void this.run());
    byId("step", HTMLButtonElement).addEventListener("click", () => void this.step(1));
    byId("back", HTMLButtonElement).addEventListener("click", () => void this.step(-1));
    byId("reset", HTMLButtonElement).addEventListener("click", () => this.reset());
    this.stopButton.addEventListener("click", () => this.pending?.cancel());
    this.slider.addEventListener("input", () => this.show(Number(this.slider.value)));
    this.inputForm.addEventListener("submit", (event) => {
      event.preventDefault();
      // One more answer: the program runs again from the start with all of them.
      this.inputs.push(this.inputLine.value);
      this.inputLine.value = "";
      this.forgetRecording();
      void this.run();
    });
    // Arrow keys step when the focus is not in a text field or the editor (which keep their own).
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      if (
        (target instanceof HTMLElement && target.isContentEditable) ||
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement
      )
        return;
      if (event.key === "ArrowRight") void this.step(1);
      else if (event.key === "ArrowLeft") void this.step(-1);
    });
    const fragment = new URLSearchParams(location.hash.slice(1));
    const shared = decodeSource(fragment.get("source") ?? "");
    if (fragment.has("source") && shared !== undefined) {
      this.loadExample("");
      this.editor.value = shared;
    } else {
      const fromHash = fragment.get("example");
      this.loadExample(EXAMPLES.some((e) => e.id === fromHash) ? fromHash! : EXAMPLES[0]!.id);
    }
  }

  /** Records the program (if needed) and shows its final state. */
  async run(): Promise<void> {
    if (!(await this.ensureRecording())) return;
    this.show(this.recording!.statements);
  }

  /** Moves `delta` statements (recording first if needed: the first Step shows statement 1). */
  async step(delta: number): Promise<void> {
    if (this.recording === undefined) {
      if (delta < 0 || !(await this.ensureRecording())) return;
      this.show(0);
      return;
    }
    this.show(Math.max(0, Math.min(this.recording.statements, this.index + delta)));
  }

  /** Forgets the recording (stopping a run in progress), the lines typed for input() and every view. */
  reset(): void {
    this.inputs = [];
    this.forgetRecording();
  }

  private forgetRecording(): void {
    this.inputForm.hidden = true;
    delete document.body.dataset.checkpoints;
    delete document.body.dataset.checkpointJumps;
    this.pending?.cancel();
    this.pending = undefined;
    this.session?.cancel();
    this.session = undefined;
    this.setRunning(false);
    this.recording = undefined;
    this.snapshots = new Map();
    this.onDemand = [];
    this.capturing = false;
    this.index = -1;
    this.editor.highlightLine(0);
    this.editor.markError(0);
    this.tour.hidden = true;
    this.graph.clear();
    this.poolMap.clear();
    this.timeline.clear();
    this.stats.clear();
    this.output.render([]);
    this.shownOutput = undefined;
    this.slider.max = "0";
    this.slider.value = "0";
    this.slider.disabled = true;
    this.setStatus(
      "ready",
      "Ready. Run records the whole program; Step walks through it statement by statement.",
    );
  }

  private loadExample(id: string): void {
    const example = EXAMPLES.find((e) => e.id === id);
    this.examplePicker.value = example?.id ?? "";
    if (example !== undefined) {
      this.editor.value = example.source;
      this.watchHint.textContent = `Watch ${example.watch}. Press Step ▶ for a narrated tour.`;
      history.replaceState(null, "", `#example=${example.id}`);
    } else {
      this.watchHint.textContent =
        "Write any program in pymem's Python subset (see the Python subset link). Running it puts it in the page's address, to share.";
    }
    this.reset();
  }

  /** Sets the view options as kept by the last visit (none kept, or storage refused: the defaults). */
  private restoreViewOptions(): void {
    let kept: { values?: unknown; exitedFrames?: unknown } = {};
    try {
      kept = JSON.parse(localStorage.getItem(VIEW_OPTIONS_KEY) ?? "{}") ?? {};
    } catch {
      // Storage disabled or a value from elsewhere: the defaults stand.
    }
    const values = VALUES_IN_PLACE.find((choice) => choice === kept.values);
    if (values !== undefined) this.valuesPicker.value = values;
    this.exitedFramesBox.checked = kept.exitedFrames === true;
  }

  /** Keeps the view options for the next visit. */
  private saveViewOptions(): void {
    try {
      localStorage.setItem(
        VIEW_OPTIONS_KEY,
        JSON.stringify({
          values: this.valuesPicker.value,
          exitedFrames: this.exitedFramesBox.checked,
        }),
      );
    } catch {
      // Storage disabled (a private window's policy): the options last for this visit.
    }
  }

  private markStale(): void {
    if (this.examplePicker.value !== "") {
      const example = EXAMPLES.find((e) => e.id === this.examplePicker.value);
      if (example !== undefined && example.source !== this.editor.value)
        this.examplePicker.value = "";
    }
    this.inputs = [];
    if (this.recording !== undefined) this.reset();
  }

  private settings(): SessionSettings {
    const stepLimit = Number(this.stepLimitInput.value);
    const heapMiB = Number(this.heapCapInput.value);
    return {
      ...DEFAULT_SESSION_SETTINGS,
      collector:
        PICKABLE_COLLECTORS.find((name) => name === this.collectorPicker.value) ??
        DEFAULT_SESSION_SETTINGS.collector,
      profile: this.profilePicker.value === "cpython64" ? "cpython64" : "cpython32",
      recorder: {
        values: VALUES_IN_PLACE.find((values) => values === this.valuesPicker.value) ?? "immortal",
        exitedFrames: this.exitedFramesBox.checked ? EXITED_FRAMES_KEPT : 0,
      },
      stepLimit:
        Number.isFinite(stepLimit) && stepLimit >= 1
          ? Math.floor(stepLimit)
          : DEFAULT_SESSION_SETTINGS.stepLimit,
      maximumBytes:
        Number.isFinite(heapMiB) && heapMiB >= 1
          ? Math.floor(heapMiB) * 1024 * 1024
          : DEFAULT_SESSION_SETTINGS.maximumBytes,
    };
  }

  private async ensureRecording(): Promise<boolean> {
    if (this.recording !== undefined) return true;
    if (this.pending !== undefined) return false;
    // Your own program goes into the address bar, so the link reproduces it.
    if (this.examplePicker.value === "")
      history.replaceState(null, "", `#source=${encodeSource(this.editor.value)}`);
    this.setStatus("running", "Running… (Stop ends the run at once)");
    this.setRunning(true);
    const settings = { ...this.settings(), inputs: [...this.inputs] };
    delete document.body.dataset.checkpoints;
    delete document.body.dataset.checkpointJumps;
    const run = this.record(this.editor.value, settings, ({ ready, total, served }) => {
      // How many checkpoints wait for jumps into the run, and how many jumps they served (what
      // the tests and benchmarks look at).
      if (this.pending !== run && this.session !== run) return;
      document.body.dataset.checkpoints = `${ready}/${total}`;
      document.body.dataset.checkpointJumps = String(served);
    });
    this.pending = run;
    try {
      const recording = await run.result;
      if (this.pending !== run) return false;
      this.recording = recording;
      this.session = run;
      for (const snapshot of recording.snapshots) this.snapshots.set(snapshot.statement, snapshot);
      this.snapshots.set(recording.final.statement, recording.final);
      this.inputForm.hidden = recording.inputPrompt === undefined;
      byId("input-prompt", HTMLElement).textContent =
        recording.inputPrompt === undefined || recording.inputPrompt === ""
          ? "input()"
          : recording.inputPrompt;
    } catch (error) {
      if (this.pending !== run) return false;
      const message = error instanceof Error ? error.message : String(error);
      run.cancel();
      const text =
        message === "cancelled"
          ? "Stopped: you ended the run with Stop.\n"
          : `The playground failed: ${message}\n`;
      this.output.render([{ stream: "note", text }]);
      this.shownOutput = undefined;
      this.setStatus(message === "cancelled" ? "ready" : "error", text.trim());
      return false;
    } finally {
      if (this.pending === run) {
        this.pending = undefined;
        this.setRunning(false);
      }
    }
    this.slider.max = String(this.recording.statements);
    this.slider.disabled = false;
    return true;
  }

  private setRunning(running: boolean): void {
    for (const button of this.runButtons) button.disabled = running;
    this.stopButton.hidden = !running;
  }

  /** Shows statement `index` (`statements` = the end): at once when its snapshot is at hand. */
  private show(index: number): void {
    const recording = this.recording;
    if (recording === undefined || index < 0 || index > recording.statements) return;
    this.index = index;
    this.slider.value = String(index);
    const snapshot = this.snapshots.get(index);
    if (snapshot === undefined) {
      const at = statementAt(recording.trace, index);
      this.editor.highlightLine(at.line);
      this.setStatus(
        "capturing",
        `${this.position(index)}, ${at.returning ? "returning from" : "before"} line ${at.line}${at.depth > 0 ? ` in ${at.functionName}()` : ""}. Replaying the program up to here…`,
      );
      void this.fetchSnapshots();
      return;
    }
    this.render(recording, snapshot, this.snapshots.get(index - 1));
  }

  /**
   * Asks the worker for the snapshots around the statement shown (one request at a time; when
   * it returns, the statement shown may have moved on and is asked for next).
   */
  private async fetchSnapshots(): Promise<void> {
    const session = this.session;
    const recording = this.recording;
    if (this.capturing || session === undefined || recording === undefined) return;
    const wanted = this.index;
    if (this.snapshots.has(wanted)) return;
    this.capturing = true;
    const last = recording.statements - 1;
    // From a checkpoint, the statement wanted is shown as soon as the replay reaches it (with a
    // few before it, for ◀), and the same replay captures the ones after it meanwhile; a replay
    // from the start captures the whole window at once.
    const split = session.fromCheckpoint(Math.max(0, wanted - CAPTURE_BEHIND));
    let snapshots: readonly Snapshot[];
    try {
      snapshots = split
        ? await session.capture(Math.max(0, wanted - CAPTURE_BEHIND), wanted)
        : await session.capture(
            Math.max(0, wanted - CAPTURE_BEHIND),
            Math.min(last, wanted + CAPTURE_WINDOW),
            {
              // A replay from the start sends the statement wanted (and those before it) first.
              at: wanted,
              send: (early) => {
                if (this.session !== session) return;
                this.keep(early);
                if (this.index === wanted) this.show(wanted);
              },
            },
          );
    } catch (error) {
      if (this.session !== session) return;
      this.capturing = false;
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus("error", `The playground could not replay the program: ${message}`);
      return;
    }
    if (this.session !== session) return;
    this.keep(snapshots);
    const rest =
      split && wanted < last
        ? session.captureNext(wanted + 1, Math.min(last, wanted + CAPTURE_WINDOW))
        : undefined;
    if (rest === undefined) this.capturing = false;
    this.show(this.index);
    if (rest === undefined) return;
    try {
      const after = await rest;
      if (this.session !== session) return;
      this.keep(after);
    } catch {
      // Cancelled (a new run) or the checkpoint went away: those statements replay on demand.
      if (this.session !== session) return;
    }
    this.capturing = false;
    // Moved on meanwhile: show where (it may have waited for these, or need a replay of its own).
    if (this.index !== wanted) this.show(this.index);
  }

  /** Caches snapshots made on demand (the oldest dropped beyond {@link CACHED_SNAPSHOTS}). */
  private keep(snapshots: readonly Snapshot[]): void {
    for (const snapshot of snapshots) {
      if (this.snapshots.has(snapshot.statement)) continue;
      this.snapshots.set(snapshot.statement, snapshot);
      this.onDemand.push(snapshot.statement);
    }
    while (this.onDemand.length > CACHED_SNAPSHOTS) this.snapshots.delete(this.onDemand.shift()!);
  }

  /** Shows the example's narration for the line about to run, if it has one. */
  private narrate(snapshot: Snapshot): void {
    const example = EXAMPLES.find((e) => e.id === this.examplePicker.value);
    const line = this.editor.value.split("\n")[snapshot.line - 1]?.trim() ?? "";
    const text = snapshot.phase === "statement" ? example?.tour[line] : undefined;
    this.tour.hidden = text === undefined;
    this.tour.textContent = text ?? "";
  }

  private position(index: number): string {
    const recording = this.recording!;
    return `Step ${formatCount(index + 1)} of ${formatCount(recording.statements + 1)}`;
  }

  private render(recording: Recording, snapshot: Snapshot, previous: Snapshot | undefined): void {
    this.editor.highlightLine(snapshot.line);
    this.editor.markError(
      snapshot.phase === "end" &&
        !recording.outcome.ok &&
        recording.outcome.errorType !== "StepLimitError"
        ? snapshot.line
        : 0,
    );
    const recent = recording.gcEvents.slice(previous?.gcEventCount ?? 0, snapshot.gcEventCount);
    this.graph.render(snapshot, recent, previous);
    this.poolMap.render(snapshot.poolMap, previous?.poolMap);
    this.timeline.render(
      recording.gcEvents,
      snapshot.gcEventCount,
      snapshot.statement,
      recording.statements,
      recording.generationCount,
      recording.collector,
    );
    this.stats.render(formatMallocStats(snapshot), snapshot.gcCounts);
    // Most steps print nothing: the output is rebuilt (and scrolled, a layout) only when it grew.
    const shownOutput = this.shownOutput;
    if (shownOutput?.recording !== recording || shownOutput.length !== snapshot.outputLength) {
      this.output.render(outputUpTo(recording.output, snapshot.outputLength));
      this.shownOutput = { recording, length: snapshot.outputLength };
    }
    this.narrate(snapshot);
    const outcome = recording.outcome;
    const where =
      snapshot.phase === "end"
        ? outcome.ok
          ? "finished"
          : `stopped by ${outcome.errorType ?? "an error"}`
        : snapshot.phase === "return"
          ? `${snapshot.functionName}() returns ${snapshot.returnValue ?? ""} (line ${snapshot.line})`
          : `before line ${snapshot.line}${snapshot.depth > 0 ? ` in ${snapshot.functionName}()` : ""}`;
    this.setStatus(
      snapshot.phase === "end" ? "done" : "stepping",
      `${this.position(snapshot.statement)}: ${where}.`,
      ` ${formatCount(outcome.steps)} steps (statements and loop iterations) ran in ${formatCount(Math.round(outcome.milliseconds))} ms here, recording included (pymem's interpreter in JavaScript: not CPython's speed).`,
    );
  }

  /** Shows `text`, then `detail` in a part phones leave out. */
  private setStatus(state: string, text: string, detail = ""): void {
    this.status.replaceChildren(text, element("span", { class: "status-detail" }, detail));
    document.body.dataset.state = state;
  }
}
