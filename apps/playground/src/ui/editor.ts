import { element } from "./dom.js";

/** Pixel height of one editor line; the CSS (`--line-height`) uses the same value. */
export const EDITOR_LINE_HEIGHT = 20;

/**
 * A plain-textarea code editor with a line-number gutter and a highlight bar on the line the
 * current snapshot is at.
 *
 * @remarks
 * No syntax highlighting or completion: the point is the memory views, and a textarea keeps the
 * page light and accessible. Tab inserts four spaces; Ctrl/⌘+Enter runs (see `onRun`).
 *
 * @example
 * ```ts
 * const editor = new Editor(host, () => run());
 * editor.value = "x = []\n";
 * editor.highlightLine(1);
 * ```
 */
export class Editor {
  /** The textarea (id `source`). */
  readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLDivElement;
  private readonly highlight: HTMLDivElement;
  private lineCount = 0;
  private highlighted = 0;

  constructor(host: HTMLElement, onRun: () => void, onEdit: () => void) {
    this.gutter = element("div", { class: "gutter", "aria-hidden": "true" });
    this.highlight = element("div", { class: "line-highlight", "aria-hidden": "true" });
    this.textarea = element("textarea", {
      id: "source",
      spellcheck: "false",
      autocomplete: "off",
      autocapitalize: "off",
      wrap: "off",
      "aria-label": "Python source",
    });
    const body = element("div", { class: "editor-body" }, this.highlight, this.textarea);
    host.append(element("div", { class: "editor" }, this.gutter, body));
    this.textarea.addEventListener("input", () => {
      this.updateGutter();
      onEdit();
    });
    this.textarea.addEventListener("scroll", () => this.syncScroll());
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        onRun();
      } else if (event.key === "Tab" && !event.shiftKey) {
        event.preventDefault();
        this.textarea.setRangeText(
          "    ",
          this.textarea.selectionStart,
          this.textarea.selectionEnd,
          "end",
        );
        this.updateGutter();
        onEdit();
      }
    });
    this.updateGutter();
  }

  /** The source text. */
  get value(): string {
    return this.textarea.value;
  }

  set value(text: string) {
    this.textarea.value = text;
    this.textarea.scrollTop = 0;
    this.updateGutter();
    this.highlightLine(0);
  }

  /** Highlights a 1-based line (0 removes the highlight) and scrolls it into view. */
  highlightLine(line: number): void {
    this.highlighted = line;
    this.highlight.hidden = line <= 0;
    for (const number of this.gutter.querySelectorAll(".current"))
      number.classList.remove("current");
    if (line <= 0) return;
    this.gutter.children[line - 1]?.classList.add("current");
    const top = (line - 1) * EDITOR_LINE_HEIGHT;
    const area = this.textarea;
    if (top < area.scrollTop || top + EDITOR_LINE_HEIGHT > area.scrollTop + area.clientHeight)
      area.scrollTop = Math.max(0, top - area.clientHeight / 2);
    this.syncScroll();
  }

  private updateGutter(): void {
    const lines = this.textarea.value.split("\n").length;
    if (lines === this.lineCount) return;
    this.lineCount = lines;
    this.gutter.replaceChildren(
      ...Array.from({ length: lines }, (_, i) => element("div", {}, String(i + 1))),
    );
    this.highlightLine(this.highlighted);
  }

  private syncScroll(): void {
    const top = this.textarea.scrollTop;
    this.gutter.scrollTop = top;
    this.highlight.style.transform = `translateY(${(this.highlighted - 1) * EDITOR_LINE_HEIGHT - top}px)`;
  }
}
