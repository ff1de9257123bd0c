import { describe, expect, it } from "vitest";
import { Interpreter } from "./interpreter.js";

/** Runs `source` as `script.py`, returning what it wrote on stdout and stderr. */
function run(source: string): { stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const interpreter = new Interpreter({
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  interpreter.run(source, "script.py");
  interpreter.dispose();
  return { stdout, stderr };
}

describe("compile-time SyntaxWarnings (what CPython 3.13 prints for `python3 script.py`)", () => {
  it("reports invalid escapes first, then `is` with a literal, each with its source line", () => {
    const source = [
      "x = 1",
      's = """abc',
      '\\d"""',
      'b = b"\\q"',
      't = "\\400"',
      'f = f"{x}\\w"',
      'if x is "a": pass',
      "if x is not (): pass",
      "if 1 is x: pass",
      "def g():",
      "    return x is -1",
      'u = "\\d\\d" if x is None else ...',
      "print(len(s), b, t, f)",
      "",
    ].join("\n");
    const { stdout, stderr } = run(source);
    expect(stdout).toBe("6 b'\\\\q' Ā 1\\w\n");
    // CPython 3.13's stderr, with the script's absolute path shortened to its name.
    expect(stderr).toBe(
      [
        "script.py:2: SyntaxWarning: invalid escape sequence '\\d'",
        '  s = """abc',
        "script.py:4: SyntaxWarning: invalid escape sequence '\\q'",
        '  b = b"\\q"',
        "script.py:5: SyntaxWarning: invalid octal escape sequence '\\400'",
        '  t = "\\400"',
        "script.py:6: SyntaxWarning: invalid escape sequence '\\w'",
        '  f = f"{x}\\w"',
        "script.py:12: SyntaxWarning: invalid escape sequence '\\d'",
        '  u = "\\d\\d" if x is None else ...',
        'script.py:7: SyntaxWarning: "is" with \'str\' literal. Did you mean "=="?',
        '  if x is "a": pass',
        'script.py:8: SyntaxWarning: "is not" with \'tuple\' literal. Did you mean "!="?',
        "  if x is not (): pass",
        'script.py:9: SyntaxWarning: "is" with \'int\' literal. Did you mean "=="?',
        "  if 1 is x: pass",
        'script.py:11: SyntaxWarning: "is" with \'int\' literal. Did you mean "=="?',
        "  return x is -1",
        "",
      ].join("\n"),
    );
  });

  it("says nothing for raw strings, valid escapes and None/True/... comparisons", () => {
    const { stderr } = run(
      'r = r"\\d"\nv = "\\n\\x41"\nx = None\nprint(x is None, x is not True, x is ...)\n',
    );
    expect(stderr).toBe("");
  });
});
