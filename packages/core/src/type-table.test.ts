import { describe, expect, it } from "vitest";
import { InvalidPointerError } from "./errors.js";
import {
  GC_NEXT_MASK_UNREACHABLE,
  GC_PREV_MASK_COLLECTING,
  GC_PREV_MASK_FINALIZED,
  GC_PREV_SHIFT,
  OB_SIZE_OFFSET,
  OB_TYPE_OFFSET,
} from "./layout.js";
import { LinearMemory } from "./memory.js";
import { ReferenceStack } from "./reference-stack.js";
import { DerivedTypeFlags, TypeFlags } from "./type-spec.js";
import { LayoutShape, ReferenceVisit, TypeTable } from "./type-table.js";

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
    [{ name: "bad", basicSize: 16, references: { fixed: [0] } }], // ob_refcnt
    [{ name: "bad", basicSize: 16, references: { fixed: [4] } }], // ob_type
    [{ name: "bad", basicSize: 16, itemSize: 4, references: { fixed: [8] } }], // ob_size
    [{ name: "bad", basicSize: 16, weaklistOffset: 4 }],
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

  it("says why a reference offset inside the header is refused", () => {
    const { types } = setup();
    expect(() =>
      types.define({ name: "Pair", basicSize: 16, references: { fixed: [4, 8] } }),
    ).toThrow(
      "type 'Pair': reference offset 4 must be a multiple of 4 past the 8-byte object header (ob_refcnt, ob_type) inside [8, 12]",
    );
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

describe("TypeTable.visitReferences", () => {
  /** Heads at `obj - 8` (gc_next) and `obj - 4` (gc_prev), as in @pymem/core's layout. */
  function gcSetup() {
    const { memory, types, write } = setup();
    const read = (address: number) => memory.u32[address >>> 2]!;
    const gcNext = (obj: number) => read(obj - 8);
    const gcPrev = (obj: number) => read(obj - 4);
    const setGc = (obj: number, next: number, prev: number) => {
      write(obj - 8, next);
      write(obj - 4, prev);
    };
    const leaf = types.define({ name: "leaf", basicSize: 8, flags: TypeFlags.GC });
    const int = types.define({ name: "int", basicSize: 12 });
    const list = types.define({
      name: "list",
      basicSize: 20,
      flags: TypeFlags.GC,
      references: {
        items: {
          storage: "indirect",
          offset: 12,
          countOffset: 8,
          stride: 4,
          referenceOffsets: [0],
        },
      },
    });
    const tuple = types.define({
      name: "tuple",
      basicSize: 12,
      itemSize: 4,
      flags: TypeFlags.GC,
      references: {
        items: { storage: "inline", offset: 12, countOffset: 8, stride: 4, referenceOffsets: [0] },
      },
    });
    const pairs = types.define({
      name: "pairs",
      basicSize: 20,
      flags: TypeFlags.GC,
      references: {
        fixed: [12],
        items: {
          storage: "indirect",
          offset: 16,
          countOffset: 8,
          stride: 8,
          referenceOffsets: [4],
        },
      },
    });
    const hooked = types.define({
      name: "hooked",
      basicSize: 12,
      flags: TypeFlags.GC | TypeFlags.HEAPTYPE,
      references: { fixed: [8] },
      typeObject: 0,
      traverse: (obj, visit) => visit(read(obj + 8) === 0 ? 0 : 7000),
    });
    return {
      memory,
      types,
      write,
      read,
      gcNext,
      gcPrev,
      setGc,
      leaf,
      int,
      list,
      tuple,
      pairs,
      hooked,
    };
  }

  const refs = (n: number) => ((n << GC_PREV_SHIFT) | GC_PREV_MASK_COLLECTING) >>> 0;

  it("PUSH and PUSH_SLOT report what pushReferences and pushReferenceSlots do, for every layout", () => {
    const { types, write, list, tuple, pairs, hooked, leaf } = gcSetup();
    types.setTypeObject(hooked, 6000);
    const objects: [number, number][] = [];
    // list at 1000 → items at 1100: [2000, 0, 2100]
    write(1000 + OB_TYPE_OFFSET, list);
    write(1008, 3);
    write(1012, 1100);
    write(1100, 2000);
    write(1104, 0);
    write(1108, 2100);
    objects.push([1000, list]);
    // tuple at 1200: (2000, 2200)
    write(1200 + OB_TYPE_OFFSET, tuple);
    write(1208, 2);
    write(1212, 2000);
    write(1216, 2200);
    objects.push([1200, tuple]);
    // pairs at 1300: fixed 2300, items at 1400: {x, 2400}, {x, 0}
    write(1300 + OB_TYPE_OFFSET, pairs);
    write(1308, 2);
    write(1312, 2300);
    write(1316, 1400);
    write(1400, 99);
    write(1404, 2400);
    write(1408, 98);
    objects.push([1300, pairs]);
    // hooked at 1500: fixed 2500, its type object 6000, the hook reports 7000
    write(1500 + OB_TYPE_OFFSET, hooked);
    write(1508, 2500);
    objects.push([1500, hooked]);
    write(1600 + OB_TYPE_OFFSET, leaf);
    objects.push([1600, leaf]);
    const expected = new ReferenceStack(4);
    const actual = new ReferenceStack(4);
    for (const [obj, typeId] of objects) {
      for (const [visit, push] of [
        [ReferenceVisit.PUSH, types.pushReferences.bind(types)],
        [ReferenceVisit.PUSH_SLOT, types.pushReferenceSlots.bind(types)],
      ] as const) {
        expected.length = 0;
        actual.length = 0;
        push(obj, expected);
        expect(types.visitReferences(obj, typeId, visit, 0, actual)).toBe(0);
        expect([...actual.items.subarray(0, actual.length)]).toEqual([
          ...expected.items.subarray(0, expected.length),
        ]);
      }
    }
    actual.length = 0;
    types.visitReferences(1500, hooked, ReferenceVisit.PUSH, 0, actual);
    expect([...actual.items.subarray(0, actual.length)]).toEqual([2500, 6000, 7000]);
    actual.length = 0;
    types.visitReferences(1000, list, ReferenceVisit.PUSH_SLOT, 0, actual);
    expect([...actual.items.subarray(0, actual.length)]).toEqual([1100, 1108]);
  });

  it("FIXED (slots only, maybe a type object) visits what the general walk visits, in its order", () => {
    const { types, write, gcPrev, leaf } = gcSetup();
    const spec = {
      basicSize: 20,
      flags: TypeFlags.GC | TypeFlags.HEAPTYPE,
      references: { fixed: [16, 8, 12] },
      typeObject: 6000,
    };
    const cons = types.define({ name: "cons", ...spec });
    // The same layout with a traverse hook that reports nothing: the general walk.
    const twin = types.define({ name: "twin", ...spec, traverse: () => {} });
    const plain = types.define({
      name: "plain",
      basicSize: 16,
      flags: TypeFlags.GC,
      references: { fixed: [8, 12] },
    });
    expect(types.layoutShapes[cons]).toBe(LayoutShape.FIXED);
    expect(types.layoutShapes[plain]).toBe(LayoutShape.FIXED);
    expect(types.layoutShapes[twin]).toBe(LayoutShape.GENERAL);
    for (const [obj, typeId] of [
      [1000, cons],
      [1100, twin],
    ] as const) {
      write(obj + OB_TYPE_OFFSET, typeId);
      write(obj + 8, 2000);
      write(obj + 12, 0);
      write(obj + 16, 2100);
    }
    const stack = new ReferenceStack(4);
    const pushed = (obj: number, typeId: number, visit: ReferenceVisit) => {
      stack.length = 0;
      expect(types.visitReferences(obj, typeId, visit, 0, stack)).toBe(0);
      return [...stack.items.subarray(0, stack.length)];
    };
    expect(pushed(1000, cons, ReferenceVisit.PUSH)).toEqual([2100, 2000, 6000]);
    expect(pushed(1000, cons, ReferenceVisit.PUSH)).toEqual(
      pushed(1100, twin, ReferenceVisit.PUSH),
    );
    expect(pushed(1000, cons, ReferenceVisit.PUSH_SLOT)).toEqual([1016, 1008]);
    expect(pushed(1100, twin, ReferenceVisit.PUSH_SLOT)).toEqual([1116, 1108]);
    // No type object without HEAPTYPE.
    write(1200 + OB_TYPE_OFFSET, plain);
    write(1208, 0);
    write(1212, 2000);
    expect(pushed(1200, plain, ReferenceVisit.PUSH)).toEqual([2000]);
    // DECREF_GC_REFS: each collecting GC referent once per reference, the type object included;
    // a gc_refs of 0 stops the walk and is named.
    for (const obj of [2000, 2100, 6000]) write(obj + OB_TYPE_OFFSET, leaf);
    write(2000 - 4, refs(2));
    write(2100 - 4, refs(1));
    write(6000 - 4, refs(1));
    expect(types.visitReferences(1000, cons, ReferenceVisit.DECREF_GC_REFS, 0, stack)).toBe(0);
    expect([gcPrev(2000), gcPrev(2100), gcPrev(6000)]).toEqual([refs(1), refs(0), refs(0)]);
    expect(types.visitReferences(1000, cons, ReferenceVisit.DECREF_GC_REFS, 0, stack)).toBe(2100);
    expect(gcPrev(2000)).toBe(refs(1));
  });

  it("FIXED with values visits slots, then the holder's values (or a non-holder referent), then the type", () => {
    const { types, write, gcPrev, leaf } = gcSetup();
    // A holder: entries of 12 bytes whose value word is at +8; entry block address at +20, count at +12.
    const holder = types.define({ name: "holder", basicSize: 24, flags: TypeFlags.GC });
    const instance = types.define({
      name: "instance",
      basicSize: 16,
      flags: TypeFlags.GC | TypeFlags.HEAPTYPE,
      references: {
        fixed: [8],
        values: {
          slot: 12,
          holderType: holder,
          entriesOffset: 20,
          countOffset: 12,
          stride: 12,
          valueOffset: 8,
        },
      },
      typeObject: 6000,
    });
    expect(types.layoutShapes[instance]).toBe(LayoutShape.FIXED);
    expect(types.flags[instance]! & DerivedTypeFlags.HAS_REFERENCES).not.toBe(0);
    write(1000 + OB_TYPE_OFFSET, instance);
    write(1008, 2000);
    write(1012, 3000);
    write(3000 + OB_TYPE_OFFSET, holder);
    write(3012, 3);
    write(3020, 4000);
    write(4000 + 8, 2100);
    write(4012 + 8, 0); // a deleted attribute
    write(4024 + 8, 2200);
    const stack = new ReferenceStack(4);
    const pushed = (visit: ReferenceVisit) => {
      stack.length = 0;
      expect(types.visitReferences(1000, instance, visit, 0, stack)).toBe(0);
      return [...stack.items.subarray(0, stack.length)];
    };
    expect(pushed(ReferenceVisit.PUSH)).toEqual([2000, 2100, 2200, 6000]);
    expect(pushed(ReferenceVisit.PUSH_SLOT)).toEqual([1008]);
    for (const obj of [2000, 2100, 2200, 6000]) write(obj + OB_TYPE_OFFSET, leaf);
    for (const obj of [2000, 2100, 2200, 6000]) write(obj - 4, refs(1));
    expect(types.visitReferences(1000, instance, ReferenceVisit.DECREF_GC_REFS, 0, stack)).toBe(0);
    expect([gcPrev(2000), gcPrev(2100), gcPrev(2200), gcPrev(6000)]).toEqual(
      [0, 0, 0, 0].map(refs),
    );
    // A materialized dict in the slot (not a holder) is itself the referent.
    write(1012, 2300);
    write(2300 + OB_TYPE_OFFSET, leaf);
    expect(pushed(ReferenceVisit.PUSH)).toEqual([2000, 2300, 6000]);
    write(1012, 0);
    expect(pushed(ReferenceVisit.PUSH)).toEqual([2000, 6000]);
    expect(() =>
      types.define({
        name: "bad",
        basicSize: 16,
        references: {
          values: {
            slot: 12,
            holderType: holder,
            entriesOffset: 20,
            countOffset: 12,
            stride: 12,
            valueOffset: 8,
          },
        },
        traverse: () => {},
      }),
    ).toThrow(RangeError);
  });

  it("DECREF_GC_REFS subtracts one per reference from collecting GC referents only, and stops at a gc_refs of 0", () => {
    const { types, write, read, gcPrev, list, leaf, int, hooked } = gcSetup();
    // list at 1000 → items at 1100: [a, a, b, n, c, 0]
    const [a, b, n, c] = [2000, 2100, 2200, 2300];
    write(1000 + OB_TYPE_OFFSET, list);
    write(1008, 6);
    write(1012, 1100);
    for (const [i, referent] of [a, a, b, n, c, 0].entries()) write(1100 + 4 * i, referent);
    for (const obj of [a, b, c]) write(obj + OB_TYPE_OFFSET, leaf);
    write(n + OB_TYPE_OFFSET, int);
    write(a - 4, refs(5) | GC_PREV_MASK_FINALIZED);
    write(b - 4, 0x1234_0000); // a prev pointer: b is in another generation
    write(c - 4, refs(1));
    write(n - 4, 0xdead_beef); // not a GC object: its words before it are not a GC head
    const stack = new ReferenceStack(4);
    stack.push(42);
    expect(types.visitReferences(1000, list, ReferenceVisit.DECREF_GC_REFS, 0, stack)).toBe(0);
    expect(gcPrev(a)).toBe(refs(3) | GC_PREV_MASK_FINALIZED);
    expect(gcPrev(b)).toBe(0x1234_0000);
    expect(gcPrev(c)).toBe(refs(0));
    expect(read(n - 4)).toBe(0xdead_beef);
    // Again: c's gc_refs is now 0, so the walk stops at c and names it (a was decremented first).
    expect(types.visitReferences(1000, list, ReferenceVisit.DECREF_GC_REFS, 0, stack)).toBe(c);
    expect(gcPrev(a)).toBe(refs(1) | GC_PREV_MASK_FINALIZED);
    // The traverse hook's referents are visited too, and the stack is left as it was.
    write(1500 + OB_TYPE_OFFSET, hooked);
    write(1508, a);
    write(7000 + OB_TYPE_OFFSET, leaf);
    write(7000 - 4, refs(2));
    expect(types.visitReferences(1500, hooked, ReferenceVisit.DECREF_GC_REFS, 0, stack)).toBe(0);
    expect(gcPrev(a)).toBe(refs(0) | GC_PREV_MASK_FINALIZED);
    expect(gcPrev(7000)).toBe(refs(1));
    expect(types.visitReferences(1500, hooked, ReferenceVisit.DECREF_GC_REFS, 0, stack)).toBe(a);
    expect(stack.length).toBe(1);
    expect(stack.pop()).toBe(42);
  });

  it("MARK_REACHABLE moves a parked referent from the unreachable list back to young, and flags the others ahead", () => {
    const { types, write, gcNext, gcPrev, setGc, tuple, leaf } = gcSetup();
    // young: head Y=100 → s (being scanned) ; unreachable: head U=200 → u1 → u2 → u3 (masked links)
    const [Y, U, s, u1, u2, u3, ahead, done] = [100, 200, 3000, 3100, 3200, 3300, 3400, 3500];
    for (const obj of [u1, u2, u3, ahead, done]) write(obj + OB_TYPE_OFFSET, leaf);
    const M = GC_NEXT_MASK_UNREACHABLE;
    setGc(Y, s, s);
    setGc(s, Y, refs(1));
    setGc(U, (u1 | M) >>> 0, u3);
    setGc(u1, (u2 | M) >>> 0, U | GC_PREV_MASK_COLLECTING);
    setGc(u2, (u3 | M) >>> 0, u1 | GC_PREV_MASK_COLLECTING | GC_PREV_MASK_FINALIZED);
    setGc(u3, (U | M) >>> 0, u2 | GC_PREV_MASK_COLLECTING);
    setGc(ahead, 9996, refs(0)); // an even gc_next: not parked
    setGc(done, 8888, 7777); // already scanned: COLLECTING clear
    // s = (u2, ahead, done)
    write(s + OB_TYPE_OFFSET, tuple);
    write(s + 8, 3);
    write(s + 12, u2);
    write(s + 16, ahead);
    write(s + 20, done);
    const stack = new ReferenceStack(4);
    expect(types.visitReferences(s, tuple, ReferenceVisit.MARK_REACHABLE, Y, stack)).toBe(0);
    // u2 left unreachable (its neighbours linked, masks kept) and went to young's tail.
    expect(gcNext(u1)).toBe((u3 | M) >>> 0);
    expect(gcPrev(u3)).toBe(u1 | GC_PREV_MASK_COLLECTING);
    expect(gcNext(s)).toBe(u2);
    expect(gcNext(u2)).toBe(Y);
    expect(gcPrev(Y)).toBe(u2);
    expect(gcPrev(u2)).toBe(refs(1) | GC_PREV_MASK_FINALIZED);
    // ahead is told it is reachable; done is left alone.
    expect(gcPrev(ahead)).toBe(refs(1));
    expect(gcNext(ahead)).toBe(9996);
    expect(gcPrev(done)).toBe(7777);
    expect(gcNext(done)).toBe(8888);
    expect(stack.length).toBe(0);
  });
});
