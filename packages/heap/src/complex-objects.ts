import type { Ptr } from "@pymem/core";
import type { Heap } from "./heap.js";
import { COMPLEX_IMAG_OFFSET, COMPLEX_REAL_OFFSET, COMPLEX_SIZE } from "./layouts.js";
import { ObjectKind } from "./object-kind.js";

/**
 * `complex`: two float64 parts in the object, as CPython's `PyComplexObject` (`cval.real`,
 * `cval.imag`); no free list (CPython 3.13 keeps none for complex).
 *
 * @module
 */

/**
 * The {@link Heap} methods for `complex` objects.
 *
 * @example
 * ```ts
 * const z = heap.newComplex(1, 2); // (1+2j)
 * heap.complexImag(z); // 2
 * ```
 */
export interface ComplexOperations {
  /**
   * A new reference to the complex number `real + imag·j`. CPython: `PyComplex_FromDoubles`.
   *
   * @example
   * ```ts
   * const j = heap.newComplex(0, 1);
   * ```
   */
  newComplex(real: number, imag: number): Ptr;

  /**
   * The real part. CPython: `PyComplex_RealAsDouble`.
   *
   * @example
   * ```ts
   * heap.complexReal(heap.newComplex(1, 2)); // 1
   * ```
   */
  complexReal(obj: Ptr): number;

  /**
   * The imaginary part. CPython: `PyComplex_ImagAsDouble`.
   *
   * @example
   * ```ts
   * heap.complexImag(heap.newComplex(1, 2)); // 2
   * ```
   */
  complexImag(obj: Ptr): number;
}

/**
 * The implementation of {@link ComplexOperations}, installed on `Heap.prototype` by `heap.ts`.
 *
 * @internal
 */
export const complexOperations: ComplexOperations & ThisType<Heap> = {
  newComplex(real, imag) {
    const obj = this.allocateObject(this.complexType, COMPLEX_SIZE, false);
    const f64 = this.memory.f64;
    f64[(obj + COMPLEX_REAL_OFFSET) >>> 3] = real;
    f64[(obj + COMPLEX_IMAG_OFFSET) >>> 3] = imag;
    return obj;
  },

  complexReal(obj) {
    this.expectKind(obj, ObjectKind.COMPLEX, "complex");
    return this.memory.f64[(obj + COMPLEX_REAL_OFFSET) >>> 3]!;
  },

  complexImag(obj) {
    this.expectKind(obj, ObjectKind.COMPLEX, "complex");
    return this.memory.f64[(obj + COMPLEX_IMAG_OFFSET) >>> 3]!;
  },
};
