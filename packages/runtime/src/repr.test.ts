import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { floatRepr, strRepr } from "./repr.js";
import { createRuntime } from "./runtime.js";

const quiet = { unraisableSink: () => {}, debugSink: () => {} };

const floats = [
  1,
  0.1,
  1e16,
  1e15,
  123456789012345.6,
  1.5e-7,
  1e-5,
  0.0001,
  1e22,
  2.5e-300,
  5e-324,
  1.7976931348623157e308,
  -0,
  -2.5,
  1 / 3,
  100,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];
const strings = [
  "",
  "plain",
  "it's",
  'say "hi"',
  `both ' and "`,
  "back\\slash",
  "tab\tnew\nret\r",
  "\x00\x1f\x7f",
  "é\u00a0\u00ad",
  "\u2028\u3000中文",
  "\ud83d\ude00",
];

/** CPython 3.13's repr of each value, or undefined where that interpreter is not installed. */
function cpythonReprs(): { floats: string[]; strings: string[] } | undefined {
  const program = `
import json, sys
data = json.load(sys.stdin)
floats = [float(x) if isinstance(x, (int, float)) else float(x) for x in data["floats"]]
print(json.dumps({"floats": [repr(x) for x in floats], "strings": [repr(s) for s in data["strings"]]}))
`;
  const input = JSON.stringify({
    floats: floats.map((value) =>
      Number.isFinite(value) ? (Object.is(value, -0) ? "-0.0" : value) : String(value),
    ),
    strings,
  });
  try {
    const output = execFileSync("python3", ["-c", program], {
      input,
      encoding: "utf8",
      env: { ...process.env, PYENV_VERSION: "3.13.0" },
      stdio: ["pipe", "pipe", "ignore"],
    });
    return JSON.parse(output) as { floats: string[]; strings: string[] };
  } catch {
    return undefined;
  }
}

const cpython = cpythonReprs();

describe("repr of atoms", () => {
  it("floatRepr and strRepr follow the documented examples", () => {
    expect(floatRepr(1)).toBe("1.0");
    expect(floatRepr(1e16)).toBe("1e+16");
    expect(floatRepr(1.5e-7)).toBe("1.5e-07");
    expect(floatRepr(-0)).toBe("-0.0");
    expect(strRepr("it's")).toBe(`"it's"`);
    expect(strRepr(`a"'b`)).toBe(`'a"\\'b'`);
  });

  it.skipIf(cpython === undefined)(
    "matches CPython 3.13 on floats and strings (needs PYENV_VERSION=3.13.0 python3)",
    () => {
      expect(floats.map(floatRepr)).toEqual(cpython!.floats);
      expect(strings.map(strRepr)).toEqual(cpython!.strings);
    },
  );
});

describe("Runtime.repr", () => {
  it("prints containers as CPython does", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const one = heap.newFloat(1);
    const items = [runtime.fromJS([1, "a"]), heap.newTuple([one]), runtime.fromJS({ k: null })];
    const outer = heap.newList(items);
    expect(runtime.repr(outer)).toBe("[[1, 'a'], (1.0,), {'k': None}]");
    expect(runtime.repr(heap.emptyTuple)).toBe("()");
    expect(runtime.repr(heap.true)).toBe("True");
    for (const item of [...items, one, outer]) lifetime.decref(item);
    runtime.verify();
  });

  it("prints recursive containers with ellipses", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const l = heap.newList();
    heap.listAppend(l, l);
    expect(runtime.repr(l)).toBe("[[...]]");
    const t = heap.newTuple([l]);
    expect(runtime.repr(t)).toBe("([[...]],)");
    const d = heap.newDict();
    const key = heap.newInt(1);
    heap.dictSetItem(d, key, d);
    expect(runtime.repr(d)).toBe("{1: {...}}");
    heap.listAppend(l, d);
    expect(runtime.repr(l)).toBe("[[...], {1: {...}}]");
    for (const obj of [t, l, d, key]) lifetime.decref(obj);
    runtime.gc!.collect();
    runtime.verify();
  });

  it("prints instances and weak references with their addresses", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    const Node = heap.defineClass({ name: "Node" });
    const node = heap.newInstance(Node);
    const hex = (ptr: number) => `0x${ptr.toString(16)}`;
    expect(runtime.repr(node)).toBe(`<Node object at ${hex(node)}>`);
    const ref = heap.newWeakref(node);
    expect(runtime.repr(ref)).toBe(`<weakref at ${hex(ref)}; to 'Node' at ${hex(node)}>`);
    lifetime.decref(node);
    expect(runtime.repr(ref)).toBe(`<weakref at ${hex(ref)}; dead>`);
    lifetime.decref(ref);
    runtime.verify();
  });

  it("prints 100,000 levels of nesting without recursion", () => {
    const runtime = createRuntime(quiet);
    const { heap, lifetime } = runtime;
    let head = heap.newList();
    for (let i = 0; i < 100_000; i++) {
      const next = heap.newList([head]);
      lifetime.decref(head);
      head = next;
    }
    const text = runtime.repr(head);
    expect(text).toBe(`${"[".repeat(100_001)}${"]".repeat(100_001)}`);
    lifetime.decref(head);
  });
});
