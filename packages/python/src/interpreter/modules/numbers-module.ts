import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `numbers`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/numbers.py): the numeric tower's abstract base classes `Number`, `Complex`, `Real`,
 * `Rational` and `Integral`, with CPython's abstract methods and mixins, and `int`, `float` and
 * `complex` registered.
 *
 * @module
 */

/** The module's Python source, run at import. */
const NUMBERS_SOURCE = String.raw`# pymem's numbers, written for pymem in Python (not CPython's Lib/numbers.py).
from abc import ABCMeta, abstractmethod

__all__ = ['Number', 'Complex', 'Real', 'Rational', 'Integral']


def _abstract(namespace, names):
    # Each name becomes an abstract method that raises NotImplementedError if called through
    # super(), as the tower's stubs do.
    for name in names.split():
        def stub(self, *args):
            raise NotImplementedError
        stub.__name__ = stub.__qualname__ = name
        namespace[name] = abstractmethod(stub)


def _abstract_properties(namespace, names):
    for name in names.split():
        def getter(self):
            raise NotImplementedError
        getter.__name__ = name
        namespace[name] = property(abstractmethod(getter))


class Number(metaclass=ABCMeta):
    """All numbers inherit from this class.

    If you just want to check if an argument x is a number, without
    caring what kind, use isinstance(x, Number).
    """
    __slots__ = ()

    # Concrete numeric types must provide their own hash implementation
    __hash__ = None


class Complex(Number):
    """Complex defines the operations that work on the builtin complex type."""
    __slots__ = ()
    _abstract(locals(), '__complex__ conjugate __add__ __radd__ __neg__ __pos__ __mul__ __rmul__'
                        ' __truediv__ __rtruediv__ __pow__ __rpow__ __abs__ __eq__')
    _abstract_properties(locals(), 'real imag')

    def __bool__(self):
        """True if self != 0. Called for bool(self)."""
        return self != 0

    def __sub__(self, other):
        """self - other"""
        return self + -other

    def __rsub__(self, other):
        """other - self"""
        return -self + other


Complex.register(complex)


class Real(Complex):
    """To Complex, Real adds the operations that work on real numbers."""
    __slots__ = ()
    _abstract(locals(), '__float__ __trunc__ __floor__ __ceil__ __round__ __floordiv__'
                        ' __rfloordiv__ __mod__ __rmod__ __lt__ __le__')

    def __complex__(self):
        """complex(self) == complex(float(self), 0)"""
        return complex(float(self))

    @property
    def real(self):
        """Real numbers are their real component."""
        return +self

    @property
    def imag(self):
        """Real numbers have no imaginary component."""
        return 0

    def conjugate(self):
        """Conjugate is a no-op for Reals."""
        return +self

    def __divmod__(self, other):
        """divmod(self, other): The pair (self // other, self % other)."""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        """divmod(other, self): The pair (other // self, other % self)."""
        return (other // self, other % self)


Real.register(float)


class Rational(Real):
    """.numerator and .denominator should be in lowest terms."""
    __slots__ = ()
    _abstract_properties(locals(), 'numerator denominator')

    def __float__(self):
        """float(self) = self.numerator / self.denominator"""
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Integral adds methods that work on integral numbers."""
    __slots__ = ()
    _abstract(locals(), '__int__ __pow__ __lshift__ __rlshift__ __rshift__ __rrshift__ __and__'
                        ' __rand__ __xor__ __rxor__ __or__ __ror__ __invert__')

    def __index__(self):
        """Called whenever an index is needed, such as in slicing"""
        return int(self)

    def __float__(self):
        """float(self) == float(int(self))"""
        return float(int(self))

    @property
    def numerator(self):
        """Integers are their own numerators."""
        return +self

    @property
    def denominator(self):
        """Integers have a denominator of 1."""
        return 1


Integral.register(int)

del _abstract, _abstract_properties
`;

/**
 * `import numbers`.
 *
 * @example
 * ```ts
 * interpreter.run("import numbers\nprint(isinstance(3, numbers.Integral))"); // True
 * ```
 */
export const numbersModule = pythonSourceModule("numbers", NUMBERS_SOURCE);
