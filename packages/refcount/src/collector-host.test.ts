import {
  GC_PREV_MASK_FINALIZED,
  IMMORTAL_REFCNT,
  InvalidPointerError,
  TypeFlags,
} from "@pymem/core";
import { describe, expect, it } from "vitest";
import type { RefcountCollectorHost } from "./collector-host.js";
import { RecordingCollector, setup } from "./test-support.js";

function withCollector(wantsDecrefs = false) {
  const ctx = setup();
  const collector = new RecordingCollector(wantsDecrefs);
  const host = ctx.rc.attachCollector(collector);
  return { ...ctx, collector, host };
}

describe("collector integration", () => {
  it("tracks per CPython 3.13: tuples and lists at creation, dicts lazily, atoms never", () => {
    const { heap, rc, collector } = withCollector();
    const t = heap.newTuple([heap.newInt(1), heap.newInt(2)]);
    expect(collector.isTracked(t)).toBe(true); // tracked at creation, untracked by a collection
    expect(heap.canUntrack(t)).toBe(true);
    const list = heap.newList();
    expect(collector.isTracked(list)).toBe(true);
    expect(collector.isTracked(heap.emptyTuple)).toBe(false);
    const d = heap.newDict();
    expect(collector.isTracked(d)).toBe(false);
    heap.dictSetItem(d, heap.intern("a"), heap.newInt(1));
    expect(collector.isTracked(d)).toBe(false); // {'a': 1}
    heap.dictSetItem(d, heap.intern("b"), list);
    expect(collector.isTracked(d)).toBe(true); // {'b': []}
    expect(heap.canUntrack(d)).toBe(false);
    heap.dictDelItem(d, heap.intern("b"));
    expect(collector.isTracked(d)).toBe(true); // stays tracked after deletion
    expect(heap.canUntrack(d)).toBe(true);
    // ([],) is tracked and may not be untracked; ((1, 2),) may once (1, 2) is untracked.
    const nested = heap.newTuple([t]);
    expect(heap.canUntrack(nested)).toBe(false);
    collector.untrack(t);
    expect(heap.canUntrack(nested)).toBe(true);
    const C = heap.defineClass({ name: "C", slots: [] });
    expect(collector.isTracked(heap.newInstance(C))).toBe(true);
    for (const obj of [t, list, d, nested]) rc.decref(obj);
  });

  it("tracks existing objects when a collector is attached late", () => {
    const ctx = setup();
    const list = ctx.heap.newList();
    const d = ctx.heap.newDict();
    const collector = new RecordingCollector();
    ctx.rc.attachCollector(collector);
    expect(collector.isTracked(list)).toBe(true);
    expect(collector.isTracked(d)).toBe(false);
  });

  it("counts allocator allocations only: free-list reuse does not feed gen 0", () => {
    // CPython 3.13: 100 fresh lists → +100 (+2 for the loop); freeing them → 80 go to the free
    // list; reallocating 100 → +20 only.
    const { heap, rc, collector } = withCollector();
    const start = collector.count0;
    const lists = Array.from({ length: 100 }, () => heap.newList());
    expect(collector.count0 - start).toBe(100);
    for (const l of lists) rc.decref(l);
    expect(collector.count0 - start).toBe(80);
    expect(heap.freeListSizes().list).toBe(80);
    const again = Array.from({ length: 100 }, () => heap.newList());
    expect(collector.count0 - start).toBe(100);
    for (const l of again) rc.decref(l);
    (collector.host as RefcountCollectorHost).clearFreeLists();
    expect(collector.count0 - start).toBe(0);
  });

  it("a dying instance (no free list) is unlinked by onDeallocate alone: one collector call", () => {
    const { heap, rc, collector } = withCollector();
    const C = heap.defineClass({ name: "C" });
    const c = heap.newInstance(C);
    collector.events.length = 0;
    rc.decref(c);
    expect(collector.events).toEqual([`unlink at dealloc <? object at 0x${c.toString(16)}>`]);
  });

  it("a dying list is untracked before a free list takes it, unlinked by onDeallocate otherwise", () => {
    const { heap, rc, collector } = withCollector();
    const lists = Array.from({ length: 81 }, () => heap.newList());
    collector.events.length = 0;
    for (const l of lists) rc.decref(l); // the free list holds 80
    expect(collector.events.filter((e) => e.startsWith("untrack")).length).toBe(80);
    expect(collector.events.filter((e) => e.startsWith("unlink at dealloc")).length).toBe(1);
    expect(collector.events.at(-1)).toMatch(/^unlink at dealloc/);
    heap.verify();
  });

  it("notifies decrefs to non-zero of GC objects when the collector asks", () => {
    const { heap, rc, collector } = withCollector(true);
    const list = heap.newList();
    const n = heap.newInt(100_000);
    rc.incref(list);
    rc.incref(n);
    rc.decref(list);
    rc.decref(n);
    expect(collector.decrefs).toEqual([list]);
  });

  it("keeps a dying object tracked for its finalizer and untracked while its count is zero", () => {
    const { heap, rc, collector } = withCollector();
    const seen: string[] = [];
    let dying = 0;
    const C = heap.defineClass({
      name: "C",
      finalize: (obj) => seen.push(`finalize tracked=${collector.isTracked(obj)}`),
      legacyDel: (obj) => seen.push(`del tracked=${collector.isTracked(obj)}`),
    });
    dying = heap.newInstance(C);
    const w = heap.newWeakref(dying, () =>
      seen.push(`callback tracked=${collector.isTracked(dying)}`),
    );
    rc.decref(dying);
    expect(seen).toEqual(["finalize tracked=true", "callback tracked=false", "del tracked=true"]);
    rc.decref(w);
  });

  it("untracks objects whose deallocation is deferred past maxNesting, re-tracks them to finalize", () => {
    const ctx = setup({}, { maxNesting: 1 });
    const collector = new RecordingCollector();
    ctx.rc.attachCollector(collector);
    const { heap, rc } = ctx;
    const states: string[] = [];
    let victim = 0;
    const Victim = heap.defineClass({
      name: "Victim",
      finalize: (o) => states.push(`victim finalize tracked=${collector.isTracked(o)}`),
    });
    const Killer = heap.defineClass({
      name: "Killer",
      slots: ["victim"],
      finalize: (o) => {
        heap.setSlot(o, "victim", 0); // the victim's death is deferred (nesting 1)
        states.push(
          `pending tracked=${collector.isTracked(victim)} refcount=${heap.memory.i32[victim >> 2]}`,
        );
      },
    });
    victim = heap.newInstance(Victim);
    const killer = heap.newInstance(Killer);
    heap.setSlot(killer, "victim", victim);
    rc.decref(victim);
    rc.decref(killer);
    expect(states).toEqual(["pending tracked=false refcount=0", "victim finalize tracked=true"]);
    expect(heap.isLive(victim)).toBe(false);
    heap.verify();
  });

  it("shares gc_prev: only bit 0 (FINALIZED) is set, the collector's bits survive", () => {
    const { heap, rc } = withCollector();
    let seen = 0;
    const C = heap.defineClass({
      name: "C",
      finalize: (obj) => {
        seen = heap.memory.u32[(obj - 4) >>> 2]!;
        heap.listAppend(keep, obj); // resurrect
      },
    });
    const keep = heap.newList();
    const c = heap.newInstance(C);
    heap.memory.u32[(c - 4) >>> 2] = 0x1230; // collector-owned bits
    rc.decref(c);
    expect(seen).toBe(0x1230 | GC_PREV_MASK_FINALIZED);
    expect(heap.memory.u32[(c - 4) >>> 2]).toBe(0x1230 | GC_PREV_MASK_FINALIZED);
    heap.memory.u32[(c - 4) >>> 2] = GC_PREV_MASK_FINALIZED;
    rc.decref(keep);
    heap.verify();
  });

  it("host.clearReferences empties slots (Py_CLEAR) and uses list/dict clear hooks", () => {
    const { heap, rc, host } = withCollector();
    const Node = heap.defineClass({ name: "Node", slots: ["a", "b"] });
    const node = heap.newInstance(Node);
    const list = heap.newList([node, node]);
    heap.setSlot(node, "a", list);
    heap.setSlot(node, "b", heap.newStr("x"));
    host.clearReferences(node);
    expect(heap.getSlot(node, "a")).toBe(0);
    expect(heap.getSlot(node, "b")).toBe(0);
    expect(rc.refcount(list)).toBe(1);
    host.clearReferences(list);
    expect(heap.listLength(list)).toBe(0);
    expect(rc.refcount(node)).toBe(1);
    const d = heap.newDict();
    heap.dictSetItem(d, heap.intern("k"), node);
    host.clearReferences(d);
    expect(heap.dictLength(d)).toBe(0);
    for (const o of [node, list, d]) rc.decref(o);
    heap.verify();
  });

  it("host.callFinalizer holds a reference; callLegacyFinalizer calls tp_del; errors are unraisable", () => {
    const { heap, rc, host, unraisable } = withCollector();
    const log: string[] = [];
    const C = heap.defineClass({
      name: "C",
      finalize: (obj) => log.push(`finalize ${rc.refcount(obj)}`),
      legacyDel: () => {
        throw new Error("legacy");
      },
    });
    const c = heap.newInstance(C);
    host.callFinalizer(c);
    host.callLegacyFinalizer(c);
    expect(log).toEqual(["finalize 2"]);
    expect(unraisable[0]).toMatch(/^Exception ignored in: <function C.__tp_del__>/);
    expect(host.describe(c)).toBe(`<C object at 0x${c.toString(16)}>`);
    const w = heap.newWeakref(c, () => log.push("cb"));
    expect(host.weakrefs.first(c)).toBe(w);
    expect(host.weakrefs.hasCallback(w)).toBe(true);
    host.weakrefs.clear(w);
    expect(heap.weakrefGet(w)).toBe(heap.none);
    host.weakrefs.callCallback(w);
    expect(log).toEqual(["finalize 2", "cb"]);
    expect(host.weakrefs.hasCallback(w)).toBe(false);
    rc.decref(w);
    rc.decref(c);
    heap.verify();
  });
  it("host.clearGarbage holds a list across its clear: items die last first, then the list", () => {
    const { heap, rc, host } = withCollector();
    const log: string[] = [];
    let list = 0;
    const C = heap.defineClass({
      name: "C",
      slots: ["tag"],
      finalize: (obj) =>
        log.push(`${heap.strValue(heap.getSlot(obj, "tag"))} sees ${heap.listLength(list)}`),
    });
    const items = ["a", "b", "c"].map((tag) => {
      const obj = heap.newInstance(C);
      const str = heap.newStr(tag);
      heap.setSlot(obj, "tag", str);
      rc.decref(str);
      return obj;
    });
    list = heap.newList(items);
    heap.listAppend(list, list); // a self-cycle: only the collector can free it
    for (const obj of items) rc.decref(obj);
    rc.decref(list);
    const before = heap.allocator.stats().blocksInUse;
    host.clearGarbage(list);
    // The list was already empty when each item died (CPython: _list_clear).
    expect(log).toEqual(["c sees 0", "b sees 0", "a sees 0"]);
    expect(heap.isLive(list)).toBe(false);
    // Four objects, three tag strings and the list's item block went back to the allocator.
    expect(heap.allocator.stats().blocksInUse).toBeLessThan(before);
    heap.verify();
  });

  it("host.clearGarbage leaves a list another reference keeps alive, empty", () => {
    const { heap, rc, host } = withCollector();
    const inner = heap.newList();
    const list = heap.newList([inner, heap.none]);
    rc.decref(inner);
    host.clearGarbage(list);
    expect(heap.isLive(inner)).toBe(false);
    expect(heap.listLength(list)).toBe(0);
    expect(rc.refcount(list)).toBe(1);
    rc.decref(list);
    heap.verify();
  });

  it("host.clearGarbage empties an immortal list without touching its count", () => {
    const { heap, rc, host } = withCollector();
    const item = heap.newList();
    const list = heap.newList([item]);
    rc.decref(item);
    heap.memory.i32[list >> 2] = IMMORTAL_REFCNT; // as if statically allocated
    host.clearGarbage(list);
    expect(heap.listLength(list)).toBe(0);
    expect(heap.isLive(item)).toBe(false);
    expect(heap.memory.i32[list >> 2]).toBe(IMMORTAL_REFCNT);
    heap.verify();
  });

  it("host.clearGarbage past maxNesting drops the items one by one (their deaths deferred)", () => {
    const ctx = setup({}, { maxNesting: 1 });
    const collector = new RecordingCollector();
    const host = ctx.rc.attachCollector(collector);
    const { heap, rc } = ctx;
    const states: string[] = [];
    const Victim = heap.defineClass({
      name: "Victim",
      finalize: () => states.push("victim finalize"),
    });
    const Killer = heap.defineClass({
      name: "Killer",
      slots: ["list"],
      finalize: (o) => {
        const list = heap.getSlot(o, "list");
        host.clearGarbage(list); // nesting 1: the victim's death waits for the outer cascade
        states.push(`cleared, list refcount ${rc.refcount(list)}`);
      },
    });
    const victim = heap.newInstance(Victim);
    const list = heap.newList([victim]);
    rc.decref(victim);
    const killer = heap.newInstance(Killer);
    heap.setSlot(killer, "list", list);
    rc.decref(list);
    rc.decref(killer);
    expect(ctx.unraisable).toEqual([]);
    expect(states).toEqual(["cleared, list refcount 1", "victim finalize"]);
    expect(heap.isLive(list)).toBe(false);
    expect(heap.isLive(victim)).toBe(false);
    heap.verify();
  });

  it("host.clearGarbage rejects a freed list and changes nothing", () => {
    const { heap, rc, host } = withCollector();
    const keep = heap.newList([heap.none]);
    const freed = heap.newList([keep]);
    rc.decref(freed);
    const blocks = heap.allocator.stats().blocksInUse;
    expect(() => host.clearGarbage(freed)).toThrow(InvalidPointerError);
    expect(heap.allocator.stats().blocksInUse).toBe(blocks);
    expect(rc.refcount(keep)).toBe(1);
    rc.decref(keep);
    heap.verify();
  });

  it("host.clearGarbage drops its temporary reference when a clear hook throws", () => {
    const { heap, rc, host } = withCollector();
    const box = heap.defineType({
      name: "box",
      basicSize: 12,
      flags: TypeFlags.GC,
      references: { fixed: [8] },
      clear: () => {
        throw new Error("boom in tp_clear");
      },
    });
    const obj = heap.allocate(box);
    heap.storeField(obj, 8, obj); // self-cycle
    expect(() => host.clearGarbage(obj)).toThrow("boom in tp_clear");
    expect(rc.refcount(obj)).toBe(2);
    heap.storeField(obj, 8, 0);
    rc.decref(obj);
    expect(heap.isLive(obj)).toBe(false);
    heap.verify();
  });
});
