import { describe, expect, it } from "vitest";
import { Interpreter } from "./interpreter.js";

describe("input()", () => {
  it("writes the prompt, returns the line from stdin without its newline", () => {
    let stdout = "";
    const prompts: string[] = [];
    const lines = ["bob\n", "42"];
    const interpreter = new Interpreter({
      stdout: (text) => (stdout += text),
      stdin: (prompt) => {
        prompts.push(prompt);
        return lines.shift();
      },
    });
    const result = interpreter.run(
      "x = input('name? ')\nn = int(input())\nprint(repr(x), n + 1)\n",
    );
    expect(result.ok).toBe(true);
    expect(stdout).toBe("name? 'bob' 43\n");
    expect(prompts).toEqual(["name? ", ""]);
    interpreter.dispose();
  });

  it("raises EOFError at the end of input, as CPython does with stdin closed", () => {
    let stdout = "";
    const interpreter = new Interpreter({ stdout: (text) => (stdout += text), stderr: () => {} });
    const result = interpreter.run(
      "try:\n    input()\nexcept EOFError as e:\n    print(type(e).__name__, e)\ninput('more? ')\n",
    );
    expect(stdout).toBe("EOFError EOF when reading a line\nmore? ");
    expect(result.error).toMatchObject({
      typeName: "EOFError",
      message: "EOF when reading a line",
    });
    interpreter.dispose();
  });
});
