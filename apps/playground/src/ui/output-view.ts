import type { OutputChunk } from "../session/recording.js";
import { element } from "./dom.js";

/**
 * Program output up to the current step: stdout plain, stderr (tracebacks, `Exception ignored
 * in`) in red, the playground's own notes (step limit, heap cap) highlighted.
 *
 * @example
 * ```ts
 * const view = new OutputView(host);
 * view.render(recording.output.slice(0, snapshot.outputCount));
 * ```
 */
export class OutputView {
  private readonly pre: HTMLPreElement;

  constructor(host: HTMLElement) {
    this.pre = element("pre", { id: "output", class: "output", "aria-live": "polite" });
    host.append(this.pre);
  }

  /** Shows `chunks`, merging neighbours of the same stream. */
  render(chunks: readonly OutputChunk[]): void {
    const spans: HTMLSpanElement[] = [];
    let stream: OutputChunk["stream"] | undefined;
    let text = "";
    const flush = (): void => {
      if (stream !== undefined && text !== "") spans.push(element("span", { class: stream }, text));
    };
    for (const chunk of chunks) {
      if (chunk.stream !== stream) {
        flush();
        stream = chunk.stream;
        text = "";
      }
      text += chunk.text;
    }
    flush();
    this.pre.replaceChildren(...spans);
    this.pre.scrollTop = this.pre.scrollHeight;
  }

  /** The stdout text shown (what a test compares with CPython's output). */
  stdoutText(): string {
    return [...this.pre.querySelectorAll("span.stdout")].map((span) => span.textContent).join("");
  }
}
