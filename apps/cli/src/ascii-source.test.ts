import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { asciiJavaScript } from "./ascii-source.js";

const evaluate = (source: string): unknown => runInNewContext(source);

describe("asciiJavaScript", () => {
  it("leaves ASCII source as it is", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source, templates and all
    const source = "const a = `x${1}`; // plain\n";
    expect(asciiJavaScript(source)).toBe(source);
  });

  it("escapes comments and keeps String.raw and untagged templates' values", () => {
    const source = [
      "/** a — b */",
      "// ≤ 3",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source, templates and all
      "[String.raw`# Python — comment\\n${'x'}…`, `x→${1}y…`, `😀 \\u00e9`, String.raw`😀`]",
    ].join("\n");
    const rewritten = asciiJavaScript(source);
    expect(rewritten).toMatch(/^[\0-\x7f]*$/);
    expect(rewritten).toContain("/** a \\u2014 b */");
    expect(evaluate(rewritten)).toEqual(evaluate(source));
    expect((evaluate(rewritten) as string[])[0]).toBe("# Python — comment\\nx…");
  });

  it("refuses what it cannot rewrite without changing the meaning", () => {
    expect(() => asciiJavaScript("tag`—`")).toThrow(/template tagged tag, line 1/);
    expect(() => asciiJavaScript("\nString.raw`\\—`")).toThrow(/escaped in a template, line 2/);
    expect(() => asciiJavaScript('const s = "—";')).toThrow(/outside comments and templates/);
  });
});
