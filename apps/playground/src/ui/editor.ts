import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { type Extension, RangeSet, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  GutterMarker,
  gutterLineClass,
  keymap,
  lineNumbers,
} from "@codemirror/view";

/** Which line the current step is at and which line an error stopped the run at (0: none). */
interface Marks {
  readonly current: number;
  readonly error: number;
}

const setMarks = StateEffect.define<Marks>();

class LineClassMarker extends GutterMarker {
  constructor(override readonly elementClass: string) {
    super();
  }
}
const currentGutterMarker = new LineClassMarker("current");
const errorGutterMarker = new LineClassMarker("error");
const currentLine = Decoration.line({ class: "cm-current-statement" });
const errorLine = Decoration.line({ class: "cm-error-line" });

/** The marked lines as decorations and gutter classes, kept in step with edits. */
const marksField = StateField.define<{
  marks: Marks;
  lines: DecorationSet;
  gutter: RangeSet<GutterMarker>;
}>({
  create: () => ({
    marks: { current: 0, error: 0 },
    lines: Decoration.none,
    gutter: RangeSet.empty,
  }),
  update(value, transaction) {
    let marks = value.marks;
    for (const effect of transaction.effects) if (effect.is(setMarks)) marks = effect.value;
    if (marks === value.marks && !transaction.docChanged) return value;
    const doc = transaction.state.doc;
    const lines: ReturnType<typeof currentLine.range>[] = [];
    const gutter: ReturnType<typeof currentGutterMarker.range>[] = [];
    for (const [line, decoration, marker] of [
      [marks.error, errorLine, errorGutterMarker],
      [marks.current, currentLine, currentGutterMarker],
    ] as const) {
      if (line <= 0 || line > doc.lines) continue;
      const from = doc.line(line).from;
      lines.push(decoration.range(from));
      gutter.push(marker.range(from));
    }
    lines.sort((a, b) => a.from - b.from);
    gutter.sort((a, b) => a.from - b.from);
    return { marks, lines: Decoration.set(lines), gutter: RangeSet.of(gutter) };
  },
  provide: (field) => [
    EditorView.decorations.from(field, (value) => value.lines),
    gutterLineClass.from(field, (value) => value.gutter),
  ],
});

/**
 * The playground's code editor: CodeMirror 6 with Python highlighting, automatic indentation
 * (Enter indents after `:`, `else`/`return`… dedent as typed, Tab / Shift+Tab indent and
 * dedent), line numbers, a bar on the line the current step is at and a red mark on the line an
 * error stopped the run at.
 *
 * @remarks
 * Ctrl/⌘+Enter runs (see `onRun`). As CodeMirror recommends for accessibility, Escape then Tab
 * moves the focus out of the editor (Tab alone indents). The editable element has the id
 * `source`.
 *
 * @example
 * ```ts
 * const editor = new Editor(host, () => run(), () => markStale());
 * editor.value = "x = []\n";
 * editor.highlightLine(1);
 * ```
 */
export class Editor {
  private readonly view: EditorView;
  private marks: Marks = { current: 0, error: 0 };

  constructor(host: HTMLElement, onRun: () => void, onEdit: () => void) {
    const extensions: Extension[] = [
      lineNumbers(),
      history(),
      indentUnit.of("    "),
      indentOnInput(),
      bracketMatching(),
      python(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      marksField,
      keymap.of([
        {
          key: "Mod-Enter",
          run: () => {
            onRun();
            return true;
          },
        },
        indentWithTab,
        ...defaultKeymap,
        ...historyKeymap,
      ]),
      EditorView.editorAttributes.of({ class: "editor" }),
      EditorView.contentAttributes.of({ id: "source", "aria-label": "Python source" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onEdit();
      }),
    ];
    this.view = new EditorView({ parent: host, extensions });
  }

  /** The source text. */
  get value(): string {
    return this.view.state.doc.toString();
  }

  set value(text: string) {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: { anchor: 0 },
      scrollIntoView: true,
    });
    this.setMarks({ current: 0, error: 0 });
  }

  /** Marks a 1-based line as the one the current step is at (0 removes it) and scrolls to it. */
  highlightLine(line: number): void {
    this.setMarks({ ...this.marks, current: line });
  }

  /** Marks the line an error stopped the run at (0 removes the mark). */
  markError(line: number): void {
    this.setMarks({ ...this.marks, error: line });
  }

  private setMarks(marks: Marks): void {
    if (marks.current === this.marks.current && marks.error === this.marks.error) return;
    this.marks = marks;
    const doc = this.view.state.doc;
    const line =
      marks.current > 0 && marks.current <= doc.lines ? doc.line(marks.current) : undefined;
    this.view.dispatch({
      effects: [
        setMarks.of(marks),
        ...(line === undefined ? [] : [EditorView.scrollIntoView(line.from, { y: "nearest" })]),
      ],
    });
  }
}
