/**
 * The argument errors of the `gc` module, with CPython's messages. CPython raises `ValueError` and
 * `TypeError`; these extend JavaScript's closest built-ins so `instanceof RangeError` /
 * `instanceof TypeError` also work, and carry the Python exception name for interpreters.
 *
 * @module
 */

/**
 * A bad argument value, where CPython raises `ValueError` (`gc.collect(5)` → "invalid generation").
 *
 * @example
 * ```ts
 * import { GcValueError } from "@pymem/gc";
 * try { gc.collect(5); } catch (e) { if (e instanceof GcValueError) console.log(e.pythonType, e.message); }
 * ```
 */
export class GcValueError extends RangeError {
  /** The Python exception CPython raises here. */
  readonly pythonType = "ValueError";

  constructor(message: string) {
    super(message);
    this.name = "GcValueError";
  }
}

/**
 * A bad argument type or arity, where CPython raises `TypeError`
 * (`gc.set_threshold()` → "gc.set_threshold requires 1 to 3 arguments").
 *
 * @example
 * ```ts
 * import { GcTypeError } from "@pymem/gc";
 * expect(() => gc.setThreshold()).toThrow(GcTypeError);
 * ```
 */
export class GcTypeError extends TypeError {
  /** The Python exception CPython raises here. */
  readonly pythonType = "TypeError";

  constructor(message: string) {
    super(message);
    this.name = "GcTypeError";
  }
}
