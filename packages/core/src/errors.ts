import { formatAddress, type Ptr } from "./ptr.js";

/**
 * What went wrong, as a stable machine-readable code on every {@link PymemError}.
 *
 * @example
 * ```ts
 * import { PymemError } from "@pymem/core";
 * try { allocator.free(12345); } catch (e) {
 *   if (e instanceof PymemError && e.code === "invalid-pointer") console.log(e.message);
 * }
 * ```
 */
export type PymemErrorCode =
  | "out-of-memory"
  | "invalid-pointer"
  | "double-free"
  | "heap-corruption"
  | "use-after-free"
  | "negative-refcount"
  | "hook-failed";

/** The cross-copy brand of every {@link PymemError}: the names of its classes, most derived first. */
const BRAND = Symbol.for("@pymem/core:PymemError");

/**
 * Whether `value` is an error pymem threw — from this copy of `@pymem/core` or another (its ES
 * module and CommonJS builds loaded side by side). Same answer as `value instanceof PymemError`.
 *
 * @example
 * ```ts
 * try { pool.free(ptr); } catch (e) { if (isPymemError(e)) console.error(e.code); }
 * ```
 */
export function isPymemError(value: unknown): value is PymemError {
  return value instanceof PymemError;
}

/**
 * The base class of every error pymem throws on bad input or exhausted resources.
 *
 * @remarks
 * Each subclass names the address involved (`address`, `0` when none) and, where one is known,
 * the type name of the object (`typeName`). Throwing one of these never leaves the throwing
 * component inconsistent: the operation that failed changed nothing, and `verify()` still passes.
 *
 * @example
 * ```ts
 * import { PymemError } from "@pymem/core";
 * try { pool.free(ptr); } catch (e) { if (e instanceof PymemError) console.error(e.code, e.address); }
 * ```
 */
export class PymemError extends Error {
  /**
   * `instanceof` that also recognises errors from another copy of `@pymem/core` — the ES module
   * and the CommonJS build loaded side by side by one app (`import` in one file, `require` in
   * another) — through a brand registered with `Symbol.for`: each error carries the names of
   * its classes. Values without the brand get the ordinary prototype check.
   *
   * @example
   * ```ts
   * const { OutOfMemoryError } = require("@pymem/core"); // the CommonJS copy
   * errorFromTheEsmCopy instanceof OutOfMemoryError;     // true
   * ```
   */
  static override [Symbol.hasInstance]<C extends abstract new (...args: never[]) => unknown>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    if (typeof value === "object" && value !== null) {
      const classes = (value as { [BRAND]?: readonly string[] })[BRAND];
      // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof asks about (a subclass too)
      if (classes !== undefined) return classes.includes(this.name);
    }
    // biome-ignore lint/complexity/noThisInStatic: the ordinary prototype check against that class
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** Stable code for programmatic handling. */
  readonly code: PymemErrorCode;
  /** The address the error is about, or `0` when there is none. */
  readonly address: Ptr;
  /** The object's type name, when the error is about an object whose type is known. */
  readonly typeName: string | undefined;

  constructor(code: PymemErrorCode, message: string, address: Ptr, typeName?: string) {
    super(message);
    this.name = new.target.name;
    const classes: string[] = [];
    for (
      let c: unknown = new.target;
      c !== Error && typeof c === "function";
      c = Object.getPrototypeOf(c)
    )
      classes.push((c as { name: string }).name);
    Object.defineProperty(this, BRAND, { value: classes });
    this.code = code;
    this.address = address;
    this.typeName = typeName;
  }
}

/**
 * The memory cap was reached: an allocation of `requestedBytes` could not be satisfied even after
 * growing the linear memory as far as `limitBytes` allows.
 *
 * @remarks
 * The allocator is unchanged and fully usable afterwards: free something and retry, or raise the
 * cap. Mirrors CPython's `MemoryError`.
 *
 * @example
 * ```ts
 * import { OutOfMemoryError } from "@pymem/core";
 * try { pool.malloc(1 << 30); } catch (e) { if (e instanceof OutOfMemoryError) console.log(e.requestedBytes); }
 * ```
 */
export class OutOfMemoryError extends PymemError {
  /** The size of the request that failed, in bytes. */
  readonly requestedBytes: number;
  /** The cap on the linear memory that was in force, in bytes. */
  readonly limitBytes: number;

  constructor(requestedBytes: number, limitBytes: number, detail = "") {
    super(
      "out-of-memory",
      `out of memory: cannot allocate ${requestedBytes} bytes (memory cap ${limitBytes} bytes)${detail ? `: ${detail}` : ""}`,
      0,
    );
    this.requestedBytes = requestedBytes;
    this.limitBytes = limitBytes;
  }
}

/**
 * An address that this component never handed out (or is misaligned, or out of range) was passed
 * where one of its own blocks or objects was required.
 *
 * @example
 * ```ts
 * import { InvalidPointerError } from "@pymem/core";
 * expect(() => pool.free(ptr + 4)).toThrow(InvalidPointerError);
 * ```
 */
export class InvalidPointerError extends PymemError {
  constructor(address: Ptr, reason: string, typeName?: string) {
    super(
      "invalid-pointer",
      `invalid pointer ${formatAddress(address)}: ${reason}`,
      address,
      typeName,
    );
  }
}

/**
 * A block or object was freed twice.
 *
 * @example
 * ```ts
 * import { DoubleFreeError } from "@pymem/core";
 * pool.free(p);
 * expect(() => pool.free(p)).toThrow(DoubleFreeError);
 * ```
 */
export class DoubleFreeError extends PymemError {
  constructor(address: Ptr, detail = "", typeName?: string) {
    super(
      "double-free",
      `double free of ${formatAddress(address)}${detail ? `: ${detail}` : ""}`,
      address,
      typeName,
    );
  }
}

/**
 * The allocator's or the heap's own structures are inconsistent, or a debug guard byte was
 * overwritten. Thrown by `verify()` and by debug-mode checks; the message says what and where.
 *
 * @example
 * ```ts
 * import { HeapCorruptionError } from "@pymem/core";
 * try { pool.verify(); } catch (e) { if (e instanceof HeapCorruptionError) report(e.message); }
 * ```
 */
export class HeapCorruptionError extends PymemError {
  constructor(address: Ptr, detail: string, typeName?: string) {
    super(
      "heap-corruption",
      `heap corruption at ${formatAddress(address)}: ${detail}`,
      address,
      typeName,
    );
  }
}

/**
 * An object or block was used after it was freed (detected in debug mode).
 *
 * @example
 * ```ts
 * import { UseAfterFreeError } from "@pymem/core";
 * expect(() => lifetime.incref(freedObject)).toThrow(UseAfterFreeError);
 * ```
 */
export class UseAfterFreeError extends PymemError {
  constructor(address: Ptr, detail: string, typeName?: string) {
    super(
      "use-after-free",
      `use after free of ${formatAddress(address)}: ${detail}`,
      address,
      typeName,
    );
  }
}

/**
 * A reference count would drop below zero: more `decref`s than references. Mirrors CPython's debug
 * build report "object has negative ref count".
 *
 * @example
 * ```ts
 * import { NegativeRefcountError } from "@pymem/core";
 * expect(() => lifetime.decref(obj)).toThrow(NegativeRefcountError);
 * ```
 */
export class NegativeRefcountError extends PymemError {
  constructor(address: Ptr, typeName: string, refcount: number) {
    super(
      "negative-refcount",
      `object ${formatAddress(address)} of type '${typeName}' has negative ref count (${refcount})`,
      address,
      typeName,
    );
  }
}

/**
 * A user-supplied hook threw where pymem cannot report the error and carry on: a type's
 * `traverse` hook during a collection (CPython's `tp_traverse` cannot fail). The operation was
 * abandoned before it changed anything — no object freed, every collector list and count as it
 * was, `verify()` passes — and the next one works once the hook stops throwing. The original
 * exception is the `cause`.
 *
 * @remarks
 * Hooks CPython lets fail without stopping anything (finalizers, weakref callbacks, `tp_clear`,
 * `gc.callbacks`) are reported through the heap's unraisable hook instead, like
 * `PyErr_WriteUnraisable`; see `architecture/collection.md`.
 *
 * @example
 * ```ts
 * import { UserHookError } from "@pymem/core";
 * try { gc.collect(); } catch (e) {
 *   if (e instanceof UserHookError) console.error(e.hook, e.typeName, e.address, e.cause);
 * }
 * ```
 */
export class UserHookError extends PymemError {
  /** Which hook threw (`"traverse"`). */
  readonly hook: string;

  constructor(hook: string, address: Ptr, typeName: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      "hook-failed",
      `${hook} hook of '${typeName}' object at ${formatAddress(address)} threw: ${reason}`,
      address,
      typeName,
    );
    this.hook = hook;
    this.cause = cause;
  }
}
