import type { Ptr } from "./ptr.js";

const INITIAL_CAPACITY = 256;

/**
 * A growable stack of addresses over a `Uint32Array`: the explicit worklist that replaces
 * recursion in every traversal whose depth a user controls (dealloc cascades, marking, traversal).
 *
 * @example
 * ```ts
 * import { ReferenceStack } from "@pymem/core";
 * const stack = new ReferenceStack();
 * stack.push(root);
 * while (stack.length > 0) {
 *   const obj = stack.pop();
 *   types.pushReferences(obj, stack);
 * }
 * ```
 */
export class ReferenceStack {
  /** The backing store; entries `[0, length)` are live. */
  items: Uint32Array<ArrayBuffer>;
  /** Number of entries on the stack. */
  length = 0;
  /**
   * `push` bound to this stack and skipping NULL, for the rare hook that needs a callback
   * (a custom `traverse`). Created once per stack, never per operation.
   */
  readonly pushNonNull: (ptr: Ptr) => void;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.items = new Uint32Array(Math.max(4, initialCapacity));
    this.pushNonNull = (ptr: Ptr) => {
      if (ptr !== 0) this.push(ptr);
    };
  }

  /** Pushes an address. */
  push(ptr: Ptr): void {
    if (this.length === this.items.length) this.grow();
    this.items[this.length++] = ptr;
  }

  /** Pops the top address; the stack must not be empty. */
  pop(): Ptr {
    return this.items[--this.length]!;
  }

  /** Empties the stack, keeping its capacity. */
  clear(): void {
    this.length = 0;
  }

  /**
   * Makes room for `extra` more entries at once, so a caller that writes a whole run straight into
   * `items` (a list's references, say) grows the store once instead of once per push.
   *
   * @example
   * ```ts
   * stack.reserve(count);
   * for (let i = 0; i < count; i++) stack.items[stack.length++] = referents[i]!;
   * ```
   */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed > this.items.length) this.grow(needed);
  }

  private grow(minimum = this.items.length + 1): void {
    const bigger = new Uint32Array(Math.max(minimum, this.items.length * 2));
    bigger.set(this.items.subarray(0, this.length));
    this.items = bigger;
  }
}
