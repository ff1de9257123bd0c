import { describe, expect, it } from "vitest";
import { InvalidPointerError } from "./errors.js";
import { OB_SIZE_OFFSET, OB_TYPE_OFFSET } from "./layout.js";
import { LinearMemory } from "./memory.js";
import { ReferenceStack } from "./reference-stack.js";
import { DerivedTypeFlags, TypeFlags } from "./type-spec.js";
import { TypeTable } from "./type-table.js";

function setup() {
  const memory = new LinearMemory();
  const types = new TypeTable(memory);
  const write = (address: number, value: number) => {
    memory.u32[address >>> 2] = value;
  };
  const drain = (stack: ReferenceStack) => {
    const out: number[] = [];
    while (stack.length > 0) out.push(stack.pop());
    return out.sort((a, b) => a - b);
  };
  return { memory, types, write, drain };
}

describe("TypeTable", () => {
  it("reserves type id 0 and numbers types from 1", () => {
    const { types } = setup();
    const first = types.define({ name: "int", basicSize: 12, flags: TypeFlags.IMMUTABLE });
    expect(first).toBe(1);
    expect(types.count).toBe(2);
    expect(types.spec(first).name).toBe("int");
  });

  it("derives flags from the spec's hooks and layout", () => {
    const { types } = setup();
    const id = types.define({
      name: "Node",
      basicSize: 16,
      flags: TypeFlags.GC | TypeFlags.HEAPTYPE,
      references: { fixed: [8] },
      weaklistOffset: 12,
      finalize: () => {},
    });
    const flags = types.flags[id]!;
    expect(flags & TypeFlags.GC).toBeTruthy();
    expect(flags & DerivedTypeFlags.HAS_FINALIZE).toBeTruthy();
    expect(flags & DerivedTypeFlags.WEAKREFABLE).toBeTruthy();
    expect(flags & DerivedTypeFlags.HAS_REFERENCES).toBeTruthy();
    expect(flags & DerivedTypeFlags.HAS_DEL).toBe(0);
  });

  it.each([
    [{ name: "bad", basicSize: 6 }],
    [{ name: "bad", basicSize: 16, references: { fixed: [14] } }],
    [{ name: "bad", basicSize: 16, references: { fixed: [16] } }],
    [{ name: "bad", basicSize: 16, flags: 1 << 20 }],
    [{ name: "bad", basicSize: 16, base: 99 }],
    [
      {
        name: "bad",
        basicSize: 16,
        references: {
          items: {
            storage: "inline" as const,
            offset: 12,
            countOffset: 8,
            stride: 6,
            referenceOffsets: [0],
          },
        },
      },
    ],
  ])("rejects an invalid spec %#", (spec) => {
    const { types } = setup();
    expect(() => types.define(spec)).toThrow(RangeError);
    expect(types.count).toBe(1);
  });

  it("walks fixed slots, inline items, indirect items and the heap type object", () => {
    const { types, write, drain } = setup();
    const tuple = types.define({
      name: "tuple",
      basicSize: 12,
      itemSize: 4,
      flags: TypeFlags.GC,
      references: {
        items: {
          storage: "inline",
          offset: 12,
          countOffset: OB_SIZE_OFFSET,
          stride: 4,
          referenceOffsets: [0],
        },
      },
    });
    const list = types.define({
      name: "list",
      basicSize: 20,
      flags: TypeFlags.GC,
      references: {
        items: {
          storage: "indirect",
          offset: 12,
          countOffset: OB_SIZE_OFFSET,
          stride: 4,
          referenceOffsets: [0],
        },
      },
    });
    const dict = types.define({
      name: "dict",
      basicSize: 16,
      flags: TypeFlags.GC,
      references: {
        items: {
          storage: "indirect",
          offset: 12,
          countOffset: 8,
          stride: 12,
          referenceOffsets: [4, 8],
        },
      },
    });
    const node = types.define({
      name: "Node",
      basicSize: 16,
      flags: TypeFlags.GC | TypeFlags.HEAPTYPE,
      references: { fixed: [8, 12] },
      typeObject: 9000,
    });

    // tuple at 1000 with 3 items, one NULL
    write(1000 + OB_TYPE_OFFSET, tuple);
    write(1008, 3);
    write(1012, 500);
    write(1016, 0);
    write(1020, 504);
    // list at 2000, 2 items stored at 3000
    write(2000 + OB_TYPE_OFFSET, list);
    write(2008, 2);
    write(2012, 3000);
    write(3000, 600);
    write(3004, 604);
    // dict at 4000, 2 entries of {hash, key, value} at 5000, the second deleted (key 0)
    write(4000 + OB_TYPE_OFFSET, dict);
    write(4008, 2);
    write(4012, 5000);
    write(5000, 77);
    write(5004, 700);
    write(5008, 704);
    write(5012, 0);
    write(5016, 0);
    write(5020, 0);
    // node at 6000
    write(6000 + OB_TYPE_OFFSET, node);
    write(6008, 800);
    write(6012, 0);

    const stack = new ReferenceStack(4);
    types.pushReferences(1000, stack);
    expect(drain(stack)).toEqual([500, 504]);
    types.pushReferences(2000, stack);
    expect(drain(stack)).toEqual([600, 604]);
    types.pushReferences(4000, stack);
    expect(drain(stack)).toEqual([700, 704]);
    types.pushReferences(6000, stack);
    expect(drain(stack)).toEqual([800, 9000]);

    types.pushReferenceSlots(1000, stack);
    expect(drain(stack)).toEqual([1012, 1020]);
    types.pushReferenceSlots(4000, stack);
    expect(drain(stack)).toEqual([5004, 5008]);
    types.pushReferenceSlots(6000, stack);
    expect(drain(stack)).toEqual([6008]);
  });

  it("adds what a traverse hook reports to the declarative references", () => {
    const { types, write, drain } = setup();
    const custom = types.define({
      name: "custom",
      basicSize: 12,
      flags: TypeFlags.GC,
      references: { fixed: [8] },
      traverse: (_obj, visit) => {
        visit(111 * 8);
        visit(0);
      },
    });
    write(100 + OB_TYPE_OFFSET, custom);
    write(108, 64);
    const stack = new ReferenceStack();
    types.pushReferences(100, stack);
    expect(drain(stack)).toEqual([64, 888]);
  });

  it("reports a header with no registered type as an invalid pointer", () => {
    const { types } = setup();
    expect(() => types.typeOf(256)).toThrow(InvalidPointerError);
    expect(() => types.pushReferences(256, new ReferenceStack())).toThrow(
      /names no registered type/,
    );
  });

  it("walks a 100,000-item run without growing the call stack", () => {
    const { memory, types, write } = setup();
    memory.grow(1 << 20);
    const tuple = types.define({
      name: "tuple",
      basicSize: 12,
      itemSize: 4,
      flags: TypeFlags.GC,
      references: {
        items: { storage: "inline", offset: 12, countOffset: 8, stride: 4, referenceOffsets: [0] },
      },
    });
    write(16 + OB_TYPE_OFFSET, tuple);
    write(24, 100_000);
    for (let i = 0; i < 100_000; i++) write(28 + i * 4, 8 * (i + 1));
    const stack = new ReferenceStack(4);
    types.pushReferences(16, stack);
    expect(stack.length).toBe(100_000);
  });
});
