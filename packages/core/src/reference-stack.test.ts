import { describe, expect, it } from "vitest";
import { ReferenceStack } from "./reference-stack.js";

describe("ReferenceStack", () => {
  it("grows past its initial capacity and pops in LIFO order", () => {
    const stack = new ReferenceStack(4);
    for (let i = 1; i <= 100; i++) stack.push(i * 8);
    expect(stack.length).toBe(100);
    expect(stack.pop()).toBe(800);
    expect(stack.pop()).toBe(792);
  });

  it("reserve makes room for a whole run at once and keeps the live entries", () => {
    const stack = new ReferenceStack(4);
    stack.push(16);
    stack.push(24);
    stack.reserve(1000);
    expect(stack.items.length).toBeGreaterThanOrEqual(1002);
    for (let i = 0; i < 1000; i++) stack.items[stack.length++] = 32 + i * 8;
    expect(stack.length).toBe(1002);
    expect(stack.items[0]).toBe(16);
    expect(stack.items[1]).toBe(24);
    const capacity = stack.items.length;
    stack.reserve(0);
    expect(stack.items.length).toBe(capacity);
  });

  it("pushNonNull skips NULL", () => {
    const stack = new ReferenceStack();
    stack.pushNonNull(0);
    stack.pushNonNull(8);
    expect(stack.length).toBe(1);
  });
});
