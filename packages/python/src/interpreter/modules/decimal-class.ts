/**
 * The `Decimal` class of pymem's `decimal` source: construction, operators under the current
 * context (int operands, NotImplemented otherwise), exact comparisons with ints, floats and
 * rationals, CPython's numeric hash, conversions to int/float/round, `as_tuple`, predicates and
 * the methods that take an optional context.
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_CLASS_SOURCE].join("");
 * ```
 */
export const DECIMAL_CLASS_SOURCE = String.raw`

class Decimal(object):
    """Construct a new Decimal object. 'value' can be an integer, string, tuple,
or another Decimal object. If no value is given, return Decimal('0'). The
context does not affect the conversion and is only passed to determine if
the InvalidOperation trap is active.

"""

    __slots__ = ('_sign', '_coef', '_exp', '_kind')

    def __new__(cls, value='0', context=None):
        context = _context_argument(context)
        source = _exact(value, context)
        if cls is Decimal and type(value) is Decimal:
            return value
        result = object.__new__(cls)
        result._sign = source._sign
        result._coef = source._coef
        result._exp = source._exp
        result._kind = source._kind
        return result

    @classmethod
    def from_float(cls, f):
        """Class method that converts a float to a decimal number, exactly."""
        if isinstance(f, int):
            value = _from_int(f)
        elif isinstance(f, float):
            value = _from_float(f)
        else:
            raise TypeError('argument must be int or float')
        return value if cls is Decimal else cls(value)

    # Conversions to text.
    def __str__(self):
        return _to_string(self, False, getcontext().capitals)

    def __repr__(self):
        return "Decimal('%s')" % _to_string(self, False, getcontext().capitals)

    def to_eng_string(self, context=None):
        """Convert to an engineering-type string."""
        return _to_string(self, True, _context_argument(context).capitals)

    def __format__(self, specifier, override=None):
        return _format_decimal(self, specifier, override)

    # Arithmetic operators: Decimal or int operands, under the current context.
    def _binary(self, other, operation, reflected=False):
        other = _operand(other, False)
        if other is NotImplemented:
            return other
        if reflected:
            return _run(operation, getcontext(), other, self)
        return _run(operation, getcontext(), self, other)

    def __add__(self, other):
        return self._binary(other, _add)

    def __radd__(self, other):
        return self._binary(other, _add, True)

    def __sub__(self, other):
        return self._binary(other, _subtract)

    def __rsub__(self, other):
        return self._binary(other, _subtract, True)

    def __mul__(self, other):
        return self._binary(other, _multiply)

    def __rmul__(self, other):
        return self._binary(other, _multiply, True)

    def __truediv__(self, other):
        return self._binary(other, _divide)

    def __rtruediv__(self, other):
        return self._binary(other, _divide, True)

    def __floordiv__(self, other):
        return self._binary(other, _divide_integer)

    def __rfloordiv__(self, other):
        return self._binary(other, _divide_integer, True)

    def __mod__(self, other):
        return self._binary(other, _remainder)

    def __rmod__(self, other):
        return self._binary(other, _remainder, True)

    def __divmod__(self, other):
        return self._binary(other, _divmod)

    def __rdivmod__(self, other):
        return self._binary(other, _divmod, True)

    def __pow__(self, other, modulo=None):
        if modulo is not None:
            return self.__pow_modulo(other, modulo)
        return self._binary(other, _power)

    def __rpow__(self, other, modulo=None):
        if modulo is not None:
            other = _operand(other, False)
            if other is NotImplemented:
                return other
            return other.__pow_modulo(self, modulo)
        return self._binary(other, _power, True)

    def __pow_modulo(self, other, modulo):
        other = _operand(other, False)
        modulo = _operand(modulo, False)
        if other is NotImplemented or modulo is NotImplemented:
            return NotImplemented
        return _run(_power_modulo, getcontext(), self, other, modulo)

    def __neg__(self):
        return _run(_minus, getcontext(), self)

    def __pos__(self):
        return _run(_plus, getcontext(), self)

    def __abs__(self):
        return _run(_absolute, getcontext(), self)

    # Comparisons: exact, with ints, floats and rationals.
    def _compare_with(self, other, equality):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _from_int(other)
        if isinstance(other, float):
            context = getcontext()
            context._apply_float_comparison(equality)
            return _from_float(other)
        if isinstance(other, complex) and equality and other.imag == 0:
            return self._compare_with(other.real, equality)
        if isinstance(other, _numbers.Rational):
            return other
        return NotImplemented

    def __eq__(self, other):
        other = self._compare_with(other, True)
        if other is NotImplemented:
            return other
        if not isinstance(other, Decimal):
            return self._kind == _FINITE and self._rational_compare(other) == 0
        if self._kind == _SNAN or other._kind == _SNAN:
            getcontext()._apply(_INVALID_OPERATION)
            return False
        if self._kind >= _QNAN or other._kind >= _QNAN:
            return False
        return _compare_finite(self, other) == 0

    def _ordered(self, other):
        other = self._compare_with(other, False)
        if other is NotImplemented:
            return other
        if isinstance(other, Decimal):
            if self._kind >= _QNAN or other._kind >= _QNAN:
                getcontext()._apply(_INVALID_OPERATION)
                return None
            return _compare_finite(self, other)
        if self._kind >= _QNAN:
            getcontext()._apply(_INVALID_OPERATION)
            return None
        if self._kind == _INFINITE:
            return -1 if self._sign else 1
        return self._rational_compare(other)

    def _rational_compare(self, other):
        if self._kind == _INFINITE:
            return -1 if self._sign else 1
        numerator, denominator = self.as_integer_ratio()
        left = numerator * other.denominator
        right = other.numerator * denominator
        return (left > right) - (left < right)

    def __lt__(self, other):
        order = self._ordered(other)
        return order if order is NotImplemented else (order is not None and order < 0)

    def __le__(self, other):
        order = self._ordered(other)
        return order if order is NotImplemented else (order is not None and order <= 0)

    def __gt__(self, other):
        order = self._ordered(other)
        return order if order is NotImplemented else (order is not None and order > 0)

    def __ge__(self, other):
        order = self._ordered(other)
        return order if order is NotImplemented else (order is not None and order >= 0)

    def __hash__(self):
        # CPython's numeric hash (_decimal's dec_hash): equal to an equal int's, float's or
        # Fraction's.
        if self._kind == _SNAN:
            raise TypeError('Cannot hash a signaling NaN value')
        if self._kind == _QNAN:
            # CPython's _Py_HashPointer: the object's address rotated right by 4 bits.
            address = id(self)
            return hash((address >> 4) | ((address & 15) << 60))
        if self._kind == _INFINITE:
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            scale = pow(10, self._exp, _HASH_MODULUS)
        else:
            scale = pow(_HASH_TEN_INVERSE, -self._exp, _HASH_MODULUS)
        result = self._coef % _HASH_MODULUS * scale % _HASH_MODULUS
        result = -result if self._sign else result
        return -2 if result == -1 else result

    # Conversions to other numbers.
    def __bool__(self):
        return self._kind != _FINITE or self._coef != 0

    def _integral(self, rounding):
        if self._kind == _QNAN or self._kind == _SNAN:
            raise ValueError('cannot convert NaN to integer')
        if self._kind == _INFINITE:
            raise OverflowError('cannot convert Infinity to integer')
        if self._exp >= 0:
            value = self._coef * 10 ** self._exp
        else:
            value, _ = _drop_digits(self._sign, self._coef, -self._exp, rounding)
        return -value if self._sign else value

    def __int__(self):
        return self._integral(ROUND_DOWN)

    def __trunc__(self):
        return self._integral(ROUND_DOWN)

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def __round__(self, *ndigits):
        if len(ndigits) > 1:
            raise TypeError('__round__ expected at most 1 argument, got %d' % len(ndigits))
        if not ndigits:
            return self._integral(ROUND_HALF_EVEN)
        ndigits = ndigits[0]
        if not isinstance(ndigits, int):
            raise TypeError('optional arg must be an integer')
        return _run(_quantize, getcontext(), self, _make(0, 1, -ndigits), None)

    def __float__(self):
        if self._kind == _SNAN:
            raise ValueError('cannot convert signaling NaN to float')
        if self._kind == _QNAN:
            return -float('nan') if self._sign else float('nan')
        if self._kind == _INFINITE:
            return float('-inf') if self._sign else float('inf')
        return float(_to_string(self, False, 1))

    def __complex__(self):
        return complex(float(self))

    def as_integer_ratio(self):
        """Return a pair of integers whose ratio is exactly equal to the original Decimal."""
        if self._kind == _INFINITE:
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._kind != _FINITE:
            raise ValueError('cannot convert NaN to integer ratio')
        if self._exp >= 0:
            numerator, denominator = self._coef * 10 ** self._exp, 1
        else:
            numerator, denominator = self._coef, 10 ** -self._exp
            common = _math.gcd(numerator, denominator)
            numerator //= common
            denominator //= common
        return (-numerator if self._sign else numerator), denominator

    def as_tuple(self):
        """Return a tuple representation of the number."""
        if self._kind == _INFINITE:
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(digit) for digit in _int_to_str(self._coef))
        if self._kind == _FINITE:
            return DecimalTuple(self._sign, digits, self._exp)
        if self._coef == 0:
            digits = ()
        return DecimalTuple(self._sign, digits, 'n' if self._kind == _QNAN else 'N')

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return _make(0, 0, 0)

    def conjugate(self):
        return self

    def canonical(self):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(self)

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(self)

    def __sizeof__(self):
        # _decimal's dec_sizeof: the object with four inline 64-bit words of 19 digits each,
        # plus the words of a longer coefficient.
        words = (_ndigits(self._coef) + 18) // 19
        return 104 + (8 * words if words > 4 else 0)

    # Predicates.
    def is_canonical(self):
        return True

    def is_finite(self):
        return self._kind == _FINITE

    def is_infinite(self):
        return self._kind == _INFINITE

    def is_nan(self):
        return self._kind >= _QNAN

    def is_qnan(self):
        return self._kind == _QNAN

    def is_snan(self):
        return self._kind == _SNAN

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return self._kind == _FINITE and self._coef == 0

    def is_normal(self, context=None):
        context = _context_argument(context)
        return self._kind == _FINITE and self._coef != 0 and _adjusted(self) >= context.Emin

    def is_subnormal(self, context=None):
        context = _context_argument(context)
        return self._kind == _FINITE and self._coef != 0 and _adjusted(self) < context.Emin

    def adjusted(self):
        """Return the adjusted exponent of the number. Defined as exp + digits - 1."""
        if self._kind != _FINITE:
            return 0
        return _adjusted(self)

    def radix(self):
        return _make(0, 10, 0)

    def number_class(self, context=None):
        context = _context_argument(context)
        if self._kind == _SNAN:
            return 'sNaN'
        if self._kind == _QNAN:
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._kind == _INFINITE:
            return sign + 'Infinity'
        if self._coef == 0:
            return sign + 'Zero'
        if _adjusted(self) < context.Emin:
            return sign + 'Subnormal'
        return sign + 'Normal'

    def same_quantum(self, other, context=None):
        other = _operand(other)
        if self._kind != _FINITE or other._kind != _FINITE:
            return (self._kind >= _QNAN and other._kind >= _QNAN) or (
                self._kind == _INFINITE and other._kind == _INFINITE)
        return self._exp == other._exp

    # Sign manipulation: exact, no context.
    def copy_abs(self):
        return _make(0, self._coef, self._exp, self._kind)

    def copy_negate(self):
        return _make(self._sign ^ 1, self._coef, self._exp, self._kind)

    def copy_sign(self, other, context=None):
        other = _operand(other)
        return _make(other._sign, self._coef, self._exp, self._kind)

    # Operations under a context.
    def sqrt(self, context=None):
        return _run(_sqrt, _context_argument(context), self)

    def exp(self, context=None):
        return _run(_exp, _context_argument(context), self)

    def ln(self, context=None):
        return _run(_ln, _context_argument(context), self)

    def log10(self, context=None):
        return _run(_log10, _context_argument(context), self)

    def logb(self, context=None):
        return _run(_logb, _context_argument(context), self)

    def normalize(self, context=None):
        return _run(_normalize, _context_argument(context), self)

    def next_plus(self, context=None):
        return _run(_next_plus, _context_argument(context), self)

    def next_minus(self, context=None):
        return _run(_next_minus, _context_argument(context), self)

    def next_toward(self, other, context=None):
        return _run(_next_toward, _context_argument(context), self, _operand(other))

    def fma(self, other, third, context=None):
        return _run(_fma, _context_argument(context), self, _operand(other), _operand(third))

    def compare(self, other, context=None):
        return _run(_compare, _context_argument(context), self, _operand(other))

    def compare_signal(self, other, context=None):
        return _run(_compare_signal, _context_argument(context), self, _operand(other))

    def compare_total(self, other, context=None):
        return _from_int(_total_order(self, _operand(other)))

    def compare_total_mag(self, other, context=None):
        return _from_int(_total_order(self.copy_abs(), _operand(other).copy_abs()))

    def max(self, other, context=None):
        return _run(_max, _context_argument(context), self, _operand(other), False, 1)

    def min(self, other, context=None):
        return _run(_max, _context_argument(context), self, _operand(other), False, -1)

    def max_mag(self, other, context=None):
        return _run(_max, _context_argument(context), self, _operand(other), True, 1)

    def min_mag(self, other, context=None):
        return _run(_max, _context_argument(context), self, _operand(other), True, -1)

    def quantize(self, exp, rounding=None, context=None):
        context = _context_argument(context)
        return _run(_quantize, context, self, _operand(exp), _rounding_argument(rounding))

    def to_integral_value(self, rounding=None, context=None):
        context = _context_argument(context)
        return _run(_to_integral, context, self, _rounding_argument(rounding), False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        context = _context_argument(context)
        return _run(_to_integral, context, self, _rounding_argument(rounding), True)

    def remainder_near(self, other, context=None):
        return _run(_remainder_near, _context_argument(context), self, _operand(other))

    def scaleb(self, other, context=None):
        return _run(_scaleb, _context_argument(context), self, _operand(other))

    def shift(self, other, context=None):
        return _run(_shift, _context_argument(context), self, _operand(other), False)

    def rotate(self, other, context=None):
        return _run(_shift, _context_argument(context), self, _operand(other), True)

    def logical_and(self, other, context=None):
        return _run(_logical, _context_argument(context), self, _operand(other), '&')

    def logical_or(self, other, context=None):
        return _run(_logical, _context_argument(context), self, _operand(other), '|')

    def logical_xor(self, other, context=None):
        return _run(_logical, _context_argument(context), self, _operand(other), '^')

    def logical_invert(self, context=None):
        context = _context_argument(context)
        return _run(_logical, context, self, _make(0, int('1' * context.prec), 0), '^')


def _rounding_argument(rounding):
    if rounding is None:
        return None
    if rounding not in _ROUNDINGS:
        raise TypeError(_ROUNDING_MESSAGE)
    return rounding


_ROUNDING_MESSAGE = ('valid values for rounding are:\n'
                     '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                     '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                     '   ROUND_05UP]')
`;
