import { describe, expect, it } from "vitest";
import { Heap } from "./heap.js";
import { installOperations } from "./install-operations.js";

describe("installOperations", () => {
  it("installs methods and accessors as non-enumerable prototype members, like a class body", () => {
    class Target {
      readonly base = 2;
    }
    installOperations(Target.prototype, {
      twice(this: Target, value: number) {
        return value * this.base;
      },
      get doubled() {
        return (this as Target).base * 2;
      },
    });
    const target = new Target() as Target & { twice(value: number): number; doubled: number };
    expect(target.twice(21)).toBe(42);
    expect(target.doubled).toBe(4);
    expect(Object.keys(Target.prototype)).toEqual([]);
    const descriptor = Object.getOwnPropertyDescriptor(Target.prototype, "doubled");
    expect(typeof descriptor?.get).toBe("function");
    expect(descriptor?.enumerable).toBe(false);
  });

  it("refuses to overwrite an existing member and then installs nothing", () => {
    class Target {
      existing(): number {
        return 1;
      }
    }
    const before = Object.getOwnPropertyNames(Target.prototype);
    expect(() =>
      installOperations(Target.prototype, { fresh: () => 2, existing: () => 3 }),
    ).toThrow(/'existing' is already defined/);
    expect(Object.getOwnPropertyNames(Target.prototype)).toEqual(before);
    expect(new Target().existing()).toBe(1);
  });

  it("gives Heap every built-in type's operations as ordinary prototype methods", () => {
    const heap = new Heap();
    for (const name of [
      "newInt",
      "newStr",
      "newTuple",
      "listAppend",
      "dictSetItem",
      "hash",
      "defineClass",
      "newWeakref",
      "disposeObject",
      "getsizeof",
    ]) {
      expect(typeof (Heap.prototype as unknown as Record<string, unknown>)[name]).toBe("function");
      expect(Object.hasOwn(heap, name)).toBe(false);
    }
    expect(Object.keys(Heap.prototype)).toEqual([]);
    expect(heap.liveObjectCount).toBe(
      Object.values(heap.liveObjectCounts()).reduce((a, b) => a + b),
    );
  });
});
