import type { Ptr } from "@pymem/core";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import * as kernels from "./cmath-kernels.js";
import { CmathError, type Complex } from "./cmath-kernels.js";

/**
 * Python's `cmath`: the arithmetic is TypeScript (cmath-kernels.ts, CPython's algorithms and
 * special-value tables); argument conversion (`__complex__`, `__float__`, `__index__`) and
 * CPython's argument-count messages are Python that pymem runs at import (pymem's own source).
 * The Python part hands the kernels plain floats, so nothing a kernel does can call back into
 * Python.
 *
 * @module
 */

const UNARY_KERNELS: Readonly<Record<string, (z: Complex) => Complex>> = {
  sqrt: kernels.sqrt,
  exp: kernels.expComplex,
  log10: kernels.log10Complex,
  acos: kernels.acos,
  asin: kernels.asin,
  atan: kernels.atan,
  cos: kernels.cosComplex,
  sin: kernels.sinComplex,
  tan: kernels.tanComplex,
  acosh: kernels.acosh,
  asinh: kernels.asinhComplex,
  atanh: kernels.atanh,
  cosh: kernels.coshComplex,
  sinh: kernels.sinhComplex,
  tanh: kernels.tanhComplex,
};

/** Raises what CPython's `math_error()` raises for the kernel's `errno`. */
function raiseOnError(context: NativeContext): void {
  const error = kernels.lastError();
  if (error === CmathError.Domain) context.raise("ValueError", "math domain error");
  if (error === CmathError.Range) context.raise("OverflowError", "math range error");
}

function floats(context: NativeContext, args: readonly Ptr[]): number[] {
  return args.map((arg) => context.heap.numberValue(arg));
}

/** `_kernel(name, real, imag)`: one of the one-argument functions. CPython: `math_1()`. */
const kernel: NativeFunction = (context, args) => {
  const name = context.heap.strValue(args[0]!);
  const [real, imag] = floats(context, args.slice(1));
  kernels.clearError();
  const result = UNARY_KERNELS[name]!([real!, imag!]);
  raiseOnError(context);
  return context.heap.newComplex(result[0], result[1]);
};

/** `_log(real, imag[, base_real, base_imag])`. CPython: `cmath_log_impl()`. */
const logarithm: NativeFunction = (context, args) => {
  const [real, imag, baseReal, baseImag] = floats(context, args);
  kernels.clearError();
  let result = kernels.logComplex([real!, imag!]);
  // As in CPython, the base's logarithm resets errno: log(0, 2) is (-inf+nanj), no error.
  if (baseReal !== undefined)
    result = kernels.quotient(result, kernels.logComplex([baseReal, baseImag!]));
  raiseOnError(context);
  return context.heap.newComplex(result[0], result[1]);
};

/** `_phase(real, imag)`. CPython: `cmath_phase_impl()`. */
const phase: NativeFunction = (context, args) => {
  const [real, imag] = floats(context, args);
  const result = kernels.phase([real!, imag!]);
  raiseOnError(context);
  return context.heap.newFloat(result);
};

/** `_abs(real, imag)`: the modulus, OverflowError past the float range. CPython: `_Py_c_abs()`. */
const modulus: NativeFunction = (context, args) => {
  const [real, imag] = floats(context, args);
  const result = kernels.modulus([real!, imag!]);
  raiseOnError(context);
  return context.heap.newFloat(result);
};

/**
 * `_polar(real, imag)`: the modulus and phase. The modulus's errno replaces the phase's, so an
 * underflowing phase raises nothing here. CPython: `cmath_polar_impl()`.
 */
const polar: NativeFunction = (context, args) => {
  const [real, imag] = floats(context, args);
  const angle = kernels.phase([real!, imag!]);
  const radius = kernels.modulus([real!, imag!]);
  raiseOnError(context);
  const items = [context.heap.newFloat(radius)];
  try {
    items.push(context.heap.newFloat(angle));
    return context.heap.newTuple(items);
  } finally {
    for (const item of items) context.release(item);
  }
};

/** `_rect(r, phi)`. CPython: `cmath_rect_impl()`. */
const rect: NativeFunction = (context, args) => {
  const [r, angle] = floats(context, args);
  const result = kernels.rect(r!, angle!);
  raiseOnError(context);
  return context.heap.newComplex(result[0], result[1]);
};

/** The Python part: conversions, argument checks and the public functions. */
const CMATH_SOURCE = `# pymem's cmath module, written for pymem in Python (not CPython's cmathmodule.c).
import math as _math

pi = _math.pi
e = _math.e
tau = _math.tau
inf = _math.inf
nan = _math.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)


def _as_real(value):
    # CPython: PyFloat_AsDouble — a float, or anything with __float__ or __index__.
    if isinstance(value, float):
        return float(value)
    kind = type(value)
    if hasattr(kind, '__float__') or hasattr(kind, '__index__'):
        return float(value)
    raise TypeError('must be real number, not %s' % kind.__name__)


def _as_complex(value):
    # CPython: PyComplex_AsCComplex — a complex, __complex__, or a real number.
    if isinstance(value, complex):
        return value.real, value.imag
    method = getattr(type(value), '__complex__', None)
    if method is not None:
        result = method(value)
        if not isinstance(result, complex):
            raise TypeError('__complex__ returned non-complex (type %s)'
                            % type(result).__name__)
        return result.real, result.imag
    return _as_real(value), 0.0


def _one_argument(name, args, kwargs):
    if kwargs:
        raise TypeError('cmath.%s() takes no keyword arguments' % name)
    if len(args) != 1:
        raise TypeError('cmath.%s() takes exactly one argument (%d given)' % (name, len(args)))
    return _as_complex(args[0])


def _unary(name, doc):
    def function(*args, **kwargs):
        real, imag = _one_argument(name, args, kwargs)
        return _kernel(name, real, imag)
    function.__name__ = function.__qualname__ = name
    function.__doc__ = doc
    return function


for _name, _doc in [
        ('sqrt', 'Return the square root of z.'),
        ('exp', 'Return the exponential value e**z.'),
        ('log10', 'Return the base-10 logarithm of z.'),
        ('acos', 'Return the arc cosine of z.'),
        ('asin', 'Return the arc sine of z.'),
        ('atan', 'Return the arc tangent of z.'),
        ('cos', 'Return the cosine of z.'),
        ('sin', 'Return the sine of z.'),
        ('tan', 'Return the tangent of z.'),
        ('acosh', 'Return the inverse hyperbolic cosine of z.'),
        ('asinh', 'Return the inverse hyperbolic sine of z.'),
        ('atanh', 'Return the inverse hyperbolic tangent of z.'),
        ('cosh', 'Return the hyperbolic cosine of z.'),
        ('sinh', 'Return the hyperbolic sine of z.'),
        ('tanh', 'Return the hyperbolic tangent of z.')]:
    globals()[_name] = _unary(_name, _doc)
del _name, _doc


def log(*args, **kwargs):
    """log(z[, base]) -> the logarithm of z to the given base.

If the base is not specified, returns the natural logarithm (base e) of z."""
    if kwargs:
        raise TypeError('log() takes no keyword arguments')
    if not args:
        raise TypeError('log expected at least 1 argument, got 0')
    if len(args) > 2:
        raise TypeError('log expected at most 2 arguments, got %d' % len(args))
    real, imag = _as_complex(args[0])
    if len(args) == 1:
        return _log(real, imag)
    base_real, base_imag = _as_complex(args[1])
    return _log(real, imag, base_real, base_imag)


def phase(*args, **kwargs):
    """Return argument, also known as the phase angle, of a complex."""
    return _phase(*_one_argument('phase', args, kwargs))


def polar(*args, **kwargs):
    """Convert a complex from rectangular coordinates to polar coordinates."""
    return _polar(*_one_argument('polar', args, kwargs))


def rect(*args, **kwargs):
    """Convert from polar coordinates to rectangular coordinates."""
    if kwargs:
        raise TypeError('rect() takes no keyword arguments')
    if len(args) != 2:
        raise TypeError('rect expected 2 arguments, got %d' % len(args))
    return _rect(_as_real(args[0]), _as_real(args[1]))


def isfinite(*args, **kwargs):
    """Return True if both the real and imaginary parts of z are finite, else False."""
    real, imag = _one_argument('isfinite', args, kwargs)
    return _math.isfinite(real) and _math.isfinite(imag)


def isnan(*args, **kwargs):
    """Checks if the real or imaginary part of z not a number (NaN)."""
    real, imag = _one_argument('isnan', args, kwargs)
    return _math.isnan(real) or _math.isnan(imag)


def isinf(*args, **kwargs):
    """Checks if the real or imaginary part of z is infinite."""
    real, imag = _one_argument('isinf', args, kwargs)
    return _math.isinf(real) or _math.isinf(imag)


def isclose(*args, rel_tol=1e-09, abs_tol=0.0):
    """Determine whether two complex numbers are close in value."""
    if len(args) != 2:
        if len(args) < 2:
            raise TypeError("isclose() missing required argument '%s' (pos %d)"
                            % ('ab'[len(args)], len(args) + 1))
        raise TypeError('isclose() takes exactly 2 positional arguments (%d given)' % len(args))
    a_real, a_imag = _as_complex(args[0])
    b_real, b_imag = _as_complex(args[1])
    rel_tol = _as_real(rel_tol)
    abs_tol = _as_real(abs_tol)
    # CPython: cmath_isclose_impl()
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError('tolerances must be non-negative')
    if a_real == b_real and a_imag == b_imag:
        return True
    if (_math.isinf(a_real) or _math.isinf(a_imag) or _math.isinf(b_real)
            or _math.isinf(b_imag)):
        return False
    difference = _abs(a_real - b_real, a_imag - b_imag)
    return (difference <= rel_tol * _abs(b_real, b_imag)
            or difference <= rel_tol * _abs(a_real, a_imag) or difference <= abs_tol)
`;

/**
 * Builds the `cmath` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { cmath: cmathModule } });
 * interpreter.run("import cmath\nprint(cmath.sqrt(-1))"); // 1j
 * ```
 */
export const cmathModule: NativeModuleFactory = (context) => {
  const natives: [string, NativeFunction][] = [
    ["_kernel", kernel],
    ["_log", logarithm],
    ["_phase", phase],
    ["_polar", polar],
    ["_abs", modulus],
    ["_rect", rect],
  ];
  const members: [string, Ptr][] = [];
  try {
    for (const [name, fn] of natives) members.push([name, context.newBuiltinFunction(name, fn)]);
    return context.runModuleSource("cmath", CMATH_SOURCE, members);
  } finally {
    for (const [, value] of members) context.release(value);
  }
};
