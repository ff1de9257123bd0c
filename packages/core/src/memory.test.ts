import { describe, expect, it } from "vitest";
import { OutOfMemoryError } from "./errors.js";
import { LinearMemory, WASM_PAGE_SIZE } from "./memory.js";

const backings = [
  { backing: "wasm", shared: false },
  { backing: "wasm", shared: true },
  { backing: "resizable-buffer", shared: false },
  { backing: "resizable-buffer", shared: true },
] as const;

describe.each(backings)("LinearMemory backed by $backing (shared: $shared)", (options) => {
  it("starts with whole pages and views covering all of it", () => {
    const memory = new LinearMemory({
      ...options,
      initialBytes: 1000,
      maximumBytes: 4 * WASM_PAGE_SIZE,
    });
    expect(memory.byteLength).toBe(WASM_PAGE_SIZE);
    expect(memory.u8.length).toBe(WASM_PAGE_SIZE);
    expect(memory.u32.length).toBe(WASM_PAGE_SIZE / 4);
    expect(memory.f64.length).toBe(WASM_PAGE_SIZE / 8);
    expect(memory.shared).toBe(options.shared);
  });

  it("keeps contents and re-derives views when it grows", () => {
    const memory = new LinearMemory({ ...options, maximumBytes: 4 * WASM_PAGE_SIZE });
    memory.u32[10] = 0xdeadbeef;
    expect(memory.grow(1)).toBe(true);
    expect(memory.byteLength).toBe(2 * WASM_PAGE_SIZE);
    expect(memory.u32.length).toBe((2 * WASM_PAGE_SIZE) / 4);
    expect(memory.u32[10]).toBe(0xdeadbeef);
    memory.u8[2 * WASM_PAGE_SIZE - 1] = 7;
    expect(memory.u8[2 * WASM_PAGE_SIZE - 1]).toBe(7);
  });

  it("refuses to grow past the cap and changes nothing", () => {
    const memory = new LinearMemory({ ...options, maximumBytes: 2 * WASM_PAGE_SIZE });
    expect(memory.grow(2 * WASM_PAGE_SIZE)).toBe(false);
    expect(memory.byteLength).toBe(WASM_PAGE_SIZE);
    expect(() => memory.growOrThrow(2 * WASM_PAGE_SIZE)).toThrow(OutOfMemoryError);
    expect(memory.grow(WASM_PAGE_SIZE)).toBe(true);
    expect(memory.byteLength).toBe(2 * WASM_PAGE_SIZE);
  });
});

describe("LinearMemory", () => {
  it("is shared by default under Node, so growing it never detaches a view", () => {
    const memory = new LinearMemory();
    expect(memory.backing).toBe("wasm");
    expect(memory.shared).toBe(true);
    const before = memory.u32;
    before[4] = 42;
    memory.grow(WASM_PAGE_SIZE);
    expect(before.byteLength).toBe(WASM_PAGE_SIZE); // still attached: V8 never saw a detach
    expect(memory.u32[4]).toBe(42);
    expect(new LinearMemory({ shared: false }).shared).toBe(false);
  });

  it("adopts an existing WebAssembly.Memory and notices growth done behind its back", () => {
    const wasm = new WebAssembly.Memory({ initial: 1, maximum: 8 });
    const memory = new LinearMemory({ memory: wasm, maximumBytes: 8 * WASM_PAGE_SIZE });
    expect(memory.wasmMemory).toBe(wasm);
    const generation = memory.viewGeneration;
    wasm.grow(1);
    memory.refresh();
    expect(memory.viewGeneration).toBe(generation + 1);
    expect(memory.u8.length).toBe(2 * WASM_PAGE_SIZE);
    memory.refresh();
    expect(memory.viewGeneration).toBe(generation + 1);
  });

  it("rejects an initial size above the cap", () => {
    expect(
      () => new LinearMemory({ initialBytes: 3 * WASM_PAGE_SIZE, maximumBytes: WASM_PAGE_SIZE }),
    ).toThrow(RangeError);
  });

  it.each([
    [{ maximumBytes: "16" }, /maximumBytes must be a non-negative integer number of bytes, got 16/],
    [{ maximumBytes: Number.NaN }, /maximumBytes must be a non-negative integer/],
    [{ initialBytes: -1 }, /initialBytes must be a non-negative integer/],
    [{ initialBytes: 1.5 }, /initialBytes must be a non-negative integer/],
    [{ maximumBytes: 2 ** 32 + WASM_PAGE_SIZE }, /above 4294967296 \(4 GiB\)/],
    [{ backing: "disk" }, /backing must be "wasm" or "resizable-buffer", got disk/],
    [{ shared: "yes" }, /shared must be a boolean/],
    [{ memory: new ArrayBuffer(8) }, /memory must be a WebAssembly.Memory/],
  ])("rejects nonsense options with a message naming the option: %o", (options, message) => {
    expect(() => new LinearMemory(options as never)).toThrow(message);
  });

  it("accepts the 4 GiB cap, the whole 32-bit address space", () => {
    expect(new LinearMemory({ maximumBytes: 2 ** 32 }).maximumBytes).toBe(2 ** 32);
  });
});
