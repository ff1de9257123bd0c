import { describe, expect, it } from "vitest";
import { parse } from "../parser.js";
import { runCaptured } from "./modules/run-python.js";
import { unsupportedConstruct } from "./unsupported-syntax.js";

/**
 * Issue 12 item 1's run-time boundary: valid Python the evaluator cannot run yet parses, runs as
 * long as the construct does not execute, and raises NotImplementedError naming it when it does.
 */
const NEVER_CALLED = `
def later():
    async def fetch(session):
        async with session.get("u") as response:
            return await response.text(), [x async for x in session]
    with open("f") as handle:
        data: bytes = handle.read()
    match data:
        case [1, *rest] if rest:
            pass
        case {"k": v}:
            pass
    type Alias[T] = list[T]
    try:
        pass
    except* ValueError:
        pass
    def keywords(a, /, b, *, c=1):
        return a
    return b"x", ..., 2 ** 100, 12345678901234567890, (n := 3)

def gen():
    yield 1
    yield from range(3)

print("defined")
`;

const EXECUTED: ReadonlyArray<readonly [source: string, construct: string]> = [
  ["x = '\\N{BULLET}'\n", "\\N{...} escapes"],
];

describe("constructs the evaluator cannot run yet", () => {
  it("parse, and cost nothing in functions that are never called", () => {
    const outcome = runCaptured(NEVER_CALLED, "case.py");
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout).toBe("defined\n");
    outcome.interpreter.dispose();
  });

  it.each(EXECUTED)("%j raises NotImplementedError naming %s when it runs", (source, construct) => {
    const outcome = runCaptured(`print("before")\n${source}print("after")\n`, "case.py");
    expect(outcome.stdout).toBe("before\n");
    expect(outcome.stderr).toMatch(
      new RegExp(
        `\\nNotImplementedError: pymem does not support ${regexEscape(construct)} yet\\n$`,
      ),
    );
    outcome.interpreter.dispose();
  });

  it("is decided per node, so supported code around an unsupported node compiles", () => {
    const module = parse("x = '\\N{BULLET}'\nx = 1\n");
    const values = module.body.map((statement) =>
      statement.kind === "Assign" ? statement.value : statement,
    );
    expect(values.map((node) => unsupportedConstruct(node))).toEqual(["\\N{...} escapes", null]);
  });
});

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
