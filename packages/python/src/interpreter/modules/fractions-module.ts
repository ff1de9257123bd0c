import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `fractions`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/fractions.py): `Fraction` from ints, floats, strings and other fractions,
 * normalised with the sign on the numerator; exact arithmetic with ints and fractions (floats
 * and complex numbers give floats and complex numbers), comparisons with every real number,
 * CPython's rational hash (equal numbers hash equal), `limit_denominator`, rounding, and the
 * constructor's errors.
 *
 * @module
 */

/** The module's Python source, run at import. */
const FRACTIONS_SOURCE = String.raw`# pymem's fractions, written for pymem in Python (not CPython's Lib/fractions.py).
import math as _math
import numbers as _numbers
import re as _re
import sys as _sys

__all__ = ['Fraction']

# The modulus of the numeric hash: the interpreter's int hash reduces modulo it.
_HASH_MODULUS = next(candidate for candidate in (2 ** 61 - 1, 2 ** 31 - 1) if hash(candidate) == 0)
_HASH_INF = 314159

_FRACTION_TEXT = _re.compile(r"""
    \A\s*
    (?P<sign>[-+]?)
    (?=\d|\.\d)
    (?P<num>\d*|\d+(_\d+)*)
    (?:
        (?:\s*/\s*(?P<denom>\d+(_\d+)*))?
      |
        (?:\.(?P<decimal>\d*|\d+(_\d+)*))?
        (?:E(?P<exp>[-+]?\d+(_\d+)*))?
    )
    \s*\Z
""", _re.VERBOSE | _re.IGNORECASE)


def _is_decimal(value):
    # CPython's fractions imports decimal; a Decimal exists only once decimal is imported.
    decimal = _sys.modules.get('decimal')
    return decimal is not None and isinstance(value, decimal.Decimal)


def _is_rational(value):
    return isinstance(value, _numbers.Rational)


def _ratio(value):
    return value.numerator, value.denominator


class Fraction(_numbers.Rational):
    """This class implements rational numbers."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float) or _is_decimal(numerator):
                numerator, denominator = numerator.as_integer_ratio()
                self._numerator = numerator
                self._denominator = denominator
                return self
            if isinstance(numerator, str):
                match = _FRACTION_TEXT.match(numerator)
                if match is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator = int(match.group('num') or '0')
                denom = match.group('denom')
                if denom:
                    denominator = int(denom)
                else:
                    denominator = 1
                    decimal = match.group('decimal')
                    if decimal:
                        decimal = decimal.replace('_', '')
                        scale = 10 ** len(decimal)
                        numerator = numerator * scale + int(decimal)
                        denominator *= scale
                    exp = match.group('exp')
                    if exp:
                        exp = int(exp)
                        if exp >= 0:
                            numerator *= 10 ** exp
                        else:
                            denominator *= 10 ** -exp
                if match.group('sign') == '-':
                    numerator = -numerator
            elif _is_rational(numerator):
                numerator, denominator = _ratio(numerator)
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif _is_rational(numerator) and _is_rational(denominator):
            (top, bottom), (other_top, other_bottom) = _ratio(numerator), _ratio(denominator)
            numerator, denominator = top * other_bottom, other_top * bottom
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        divisor = _math.gcd(numerator, denominator)
        if denominator < 0:
            divisor = -divisor
        self._numerator = numerator // divisor
        self._denominator = denominator // divisor
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        if isinstance(dec, int):
            return cls(dec)
        if not _is_decimal(dec):
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return self._numerator, self._denominator

    def is_integer(self):
        return self._denominator == 1

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction's convergents, then pick the nearer of the last
        # convergent and the best semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._exact(p1, q1)
        return Fraction._exact(p0 + k * p1, q0 + k * q1)

    @classmethod
    def _exact(cls, numerator, denominator):
        # Already normalised: skip the gcd.
        self = object.__new__(cls)
        self._numerator = numerator
        self._denominator = denominator
        return self

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec):
        if not format_spec:
            return str(self)
        return format(float(self), format_spec)

    # Arithmetic: exact with ints and fractions, float or complex with those.
    def __add__(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return Fraction(self._numerator * other._denominator + other._numerator * self._denominator,
                            self._denominator * other._denominator)
        if isinstance(other, (float, complex)):
            return float(self) + other
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, (int, Fraction)):
            return Fraction(other) + self
        if isinstance(other, (float, complex)):
            return other + float(self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, (int, Fraction)):
            return self + -Fraction(other)
        if isinstance(other, (float, complex)):
            return float(self) - other
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, (int, Fraction)):
            return Fraction(other) - self
        if isinstance(other, (float, complex)):
            return other - float(self)
        return NotImplemented

    def __mul__(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return Fraction(self._numerator * other._numerator,
                            self._denominator * other._denominator)
        if isinstance(other, (float, complex)):
            return float(self) * other
        return NotImplemented

    def __rmul__(self, other):
        if isinstance(other, (int, Fraction, float, complex)):
            return self * other
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            if other._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._numerator * other._denominator))
            return Fraction(self._numerator * other._denominator,
                            self._denominator * other._numerator)
        if isinstance(other, (float, complex)):
            return float(self) / other
        return NotImplemented

    def __rtruediv__(self, other):
        if isinstance(other, (int, Fraction)):
            return Fraction(other) / self
        if isinstance(other, (float, complex)):
            return other / float(self)
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return (self._numerator * other._denominator) // (self._denominator * other._numerator)
        if isinstance(other, float):
            return float(self) // other
        return NotImplemented

    def __rfloordiv__(self, other):
        if isinstance(other, (int, Fraction)):
            return Fraction(other) // self
        if isinstance(other, float):
            return other // float(self)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return self - other * (self // other)
        if isinstance(other, float):
            return float(self) % other
        return NotImplemented

    def __rmod__(self, other):
        if isinstance(other, (int, Fraction)):
            return Fraction(other) % self
        if isinstance(other, float):
            return other % float(self)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, (int, Fraction, float)):
            return self // other, self % other
        return NotImplemented

    def __rdivmod__(self, other):
        if isinstance(other, (int, Fraction, float)):
            return other // self, other % self
        return NotImplemented

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            power = int(other)
            if power >= 0:
                return Fraction._exact(self._numerator ** power, self._denominator ** power)
            if self._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (self._denominator ** -power))
            if self._numerator > 0:
                return Fraction._exact(self._denominator ** -power, self._numerator ** -power)
            return Fraction._exact((-self._denominator) ** -power, (-self._numerator) ** -power)
        if isinstance(other, (float, complex, Fraction)):
            return float(self) ** (float(other) if isinstance(other, Fraction) else other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, (int, Fraction)):
            return Fraction(other) ** self
        if isinstance(other, (float, complex)):
            return other ** float(self)
        return NotImplemented

    def __pos__(self):
        return Fraction._exact(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction._exact(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction._exact(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        # CPython's numeric hash: equal to the hash of an equal int or float.
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            result = _HASH_INF
        else:
            result = hash(hash(abs(self._numerator)) * inverse)
        result = result if self._numerator >= 0 else -result
        return -2 if result == -1 else result

    def __eq__(self, other):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return (self._numerator == other._numerator
                    and self._denominator == other._denominator)
        if isinstance(other, complex) and other.imag == 0:
            other = other.real
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return 0.0 == other
            return self == Fraction(other)
        return NotImplemented

    def _compare(self, other, compare):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return compare(self._numerator * other._denominator,
                           self._denominator * other._numerator)
        if isinstance(other, float):
            if other != other or other in (float('inf'), float('-inf')):
                return compare(0.0, other)
            return self._compare(Fraction(other), compare)
        return NotImplemented

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Fraction.__module__ = 'fractions'
`;

/**
 * `import fractions`.
 *
 * @example
 * ```ts
 * interpreter.run("from fractions import Fraction\nprint(Fraction(1, 3) + Fraction(1, 6))"); // 1/2
 * ```
 */
export const fractionsModule = pythonSourceModule("fractions", FRACTIONS_SOURCE);
