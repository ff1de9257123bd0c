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

describe("constructs the evaluator cannot run yet", () => {
  it("parse, and cost nothing in functions that are never called", () => {
    const outcome = runCaptured(NEVER_CALLED, "case.py");
    expect(outcome.stderr).toBe("");
    expect(outcome.stdout).toBe("defined\n");
    outcome.interpreter.dispose();
  });

  it("is decided per node, so supported code around an unsupported node compiles", () => {
    const module = parse("async def f():\n    return [x async for x in y], [x for x in y]\n");
    const body = module.body[0];
    const result = body?.kind === "AsyncFunctionDef" ? body.body[0] : undefined;
    const values =
      result?.kind === "Return" && result.value?.kind === "Tuple" ? result.value.elts : [];
    expect(values.map((node) => unsupportedConstruct(node))).toEqual([
      "an asynchronous comprehension in this position",
      null,
    ]);
  });
});
