import { describe, expect, it } from "vitest";
import { setup } from "./test-support.js";

describe("weak references", () => {
  it("reuses the canonical callback-less ref and puts newer callback refs first", () => {
    const { heap, rc } = setup();
    const C = heap.defineClass({ name: "C" });
    const c = heap.newInstance(C);
    const basic = heap.newWeakref(c);
    expect(heap.newWeakref(c)).toBe(basic);
    expect(rc.refcount(basic)).toBe(2);
    const cb = () => {};
    const r1 = heap.newWeakref(c, cb);
    const r2 = heap.newWeakref(c, cb);
    const order: number[] = [];
    for (let wr = heap.weakrefFirst(c); wr !== 0; wr = heap.weakrefNext(wr)) order.push(wr);
    expect(order).toEqual([basic, r2, r1]);
    expect(heap.weakrefGet(r1)).toBe(c);
    expect(heap.getsizeof(r1)).toBe(36);
    expect(() => heap.newWeakref(heap.newList())).toThrow(
      "cannot create weak reference to 'list' object",
    );
    rc.decref(c);
    heap.verify();
  });

  it("on refcount death runs __del__ with refs alive, then callbacks newest first on dead refs", () => {
    // CPython 3.11–3.13 print: del True False / cb 3 True / cb 2 True / cb 1 True
    const { heap, rc } = setup();
    const log: string[] = [];
    let w1 = 0;
    let w2 = 0;
    const C = heap.defineClass({
      name: "C",
      finalize: (self) =>
        log.push(`del ${heap.weakrefGet(w1) === self} ${heap.weakrefGet(w2) === heap.none}`),
    });
    const c = heap.newInstance(C);
    const cb = (name: number) => (ref: number) =>
      log.push(`cb ${name} ${heap.weakrefGet(ref) === heap.none}`);
    w1 = heap.newWeakref(c);
    w2 = heap.newWeakref(c, cb(1));
    const w3 = heap.newWeakref(c, cb(2));
    const w4 = heap.newWeakref(c, cb(3));
    rc.decref(c);
    expect(log).toEqual(["del true false", "cb 3 true", "cb 2 true", "cb 1 true"]);
    for (const w of [w1, w2, w3, w4]) rc.decref(w);
    heap.verify();
  });

  it("does not call the callback of a weakref that died first, and unlinks it", () => {
    const { heap, rc } = setup();
    const C = heap.defineClass({ name: "C" });
    const c = heap.newInstance(C);
    let called = 0;
    const w = heap.newWeakref(c, () => called++);
    rc.decref(w);
    expect(heap.weakrefFirst(c)).toBe(0);
    rc.decref(c);
    expect(called).toBe(0);
    heap.verify();
  });

  it("reports a throwing callback or finalizer as unraisable and goes on", () => {
    const { heap, rc, unraisable } = setup();
    const C = heap.defineClass({
      name: "A",
      finalize: () => {
        throw new RangeError("boom");
      },
    });
    const c = heap.newInstance(C);
    const w = heap.newWeakref(c, function cb() {
      throw new Error("k");
    });
    rc.decref(c);
    expect(unraisable).toHaveLength(2);
    expect(unraisable[0]).toMatch(
      /^Exception ignored in: <function A.__del__>\nTraceback \(most recent call last\):\n( {2}File ".*", line \d+, in .*\n)+RangeError: boom\n$/,
    );
    expect(unraisable[1]).toMatch(/^Exception ignored in: <function cb>\n[\s\S]*Error: k\n$/);
    expect(heap.liveObjectCounts().A).toBeUndefined();
    rc.decref(w);
    heap.verify();
  });

  it("lets a callback drop the last reference to other objects (nested deaths)", () => {
    const { heap, rc, unraisable } = setup();
    const log: string[] = [];
    const C = heap.defineClass({ name: "C", finalize: () => log.push("other __del__") });
    const Target = heap.defineClass({ name: "Target" });
    const other = heap.newInstance(C);
    const holder = heap.newList([other]);
    rc.decref(other);
    const target = heap.newInstance(Target);
    const w = heap.newWeakref(target, () => {
      log.push("callback");
      heap.listClear(holder);
    });
    expect(heap.isWeakref(w)).toBe(true);
    expect(heap.isWeakref(target)).toBe(false);
    rc.decref(target);
    expect(log).toEqual(["callback", "other __del__"]);
    expect(unraisable).toEqual([]);
    rc.decref(w);
    rc.decref(holder);
    heap.verify();
  });

  it("hashes like its referent and keeps the hash after death", () => {
    const { heap, rc } = setup();
    const C = heap.defineClass({ name: "C" });
    const c = heap.newInstance(C);
    const w = heap.newWeakref(c);
    const hash = heap.hash(c);
    expect(heap.hash(w)).toBe(hash);
    rc.decref(c);
    expect(heap.hash(w)).toBe(hash); // cached while alive
    const d = heap.newInstance(C);
    const other = heap.newWeakref(d);
    rc.decref(d);
    expect(() => heap.hash(other)).toThrow("weak object has gone away");
    rc.decref(w);
    rc.decref(other);
    heap.verify();
  });
});
