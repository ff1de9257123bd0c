/**
 * The first part of pymem's `decimal` source: the rounding constants, the limits, the signal
 * exception classes with CPython's hierarchy, libmpdec's status bits and how they map to signals,
 * digit counting and the rounding of dropped digits (libmpdec's `_mpd_apply_round`).
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_SIGNALS_SOURCE].join("");
 * ```
 */
export const DECIMAL_SIGNALS_SOURCE = String.raw`# pymem's decimal, written for pymem in Python (not CPython's Lib/_pydecimal.py). The numbers
# follow the General Decimal Arithmetic specification the way libmpdec (CPython's _decimal)
# implements it: a sign, an integer coefficient and an exponent, rounded by the context.
import collections.abc as _collections_abc
import math as _math
import numbers as _numbers
from collections import namedtuple as _namedtuple

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_UP = 'ROUND_UP'
ROUND_DOWN = 'ROUND_DOWN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _cls in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
             DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal,
             Overflow, Underflow, FloatOperation):
    _cls.__module__ = 'decimal'

# libmpdec's status bits (mpdecimal.h): the conditions an operation raises.
_CLAMPED = 1
_CONVERSION_SYNTAX = 2
_DIVISION_BY_ZERO = 4
_DIVISION_IMPOSSIBLE = 8
_DIVISION_UNDEFINED = 16
_INEXACT = 64
_INVALID_CONTEXT = 128
_INVALID_OPERATION = 256
_FLOAT_OPERATION = 1024
_OVERFLOW = 2048
_ROUNDED = 4096
_SUBNORMAL = 8192
_UNDERFLOW = 16384
_IEEE_INVALID = (_CONVERSION_SYNTAX | _DIVISION_IMPOSSIBLE | _DIVISION_UNDEFINED
                 | _INVALID_CONTEXT | _INVALID_OPERATION)

# _decimal's signal_map: each signal with the bits it stands for, in the order the flags and
# traps dictionaries list them and the trapped exception is chosen.
_SIGNALS = ((InvalidOperation, _IEEE_INVALID), (FloatOperation, _FLOAT_OPERATION),
            (DivisionByZero, _DIVISION_BY_ZERO), (Overflow, _OVERFLOW),
            (Underflow, _UNDERFLOW), (Subnormal, _SUBNORMAL), (Inexact, _INEXACT),
            (Rounded, _ROUNDED), (Clamped, _CLAMPED))
# _decimal's cond_map: the conditions InvalidOperation stands for.
_CONDITIONS = ((InvalidOperation, _INVALID_OPERATION), (ConversionSyntax, _CONVERSION_SYNTAX),
               (DivisionImpossible, _DIVISION_IMPOSSIBLE),
               (DivisionUndefined, _DIVISION_UNDEFINED), (InvalidContext, _INVALID_CONTEXT))
# libmpdec's mpd_flag_string order, as Context's repr lists flags and traps.
_REPR_ORDER = ((Clamped, _CLAMPED), (InvalidOperation, _IEEE_INVALID),
               (DivisionByZero, _DIVISION_BY_ZERO), (Inexact, _INEXACT),
               (FloatOperation, _FLOAT_OPERATION), (Overflow, _OVERFLOW), (Rounded, _ROUNDED),
               (Subnormal, _SUBNORMAL), (Underflow, _UNDERFLOW))


def _signal_bits(signal):
    for candidate, bits in _SIGNALS:
        if candidate is signal:
            return bits
    raise KeyError('invalid signal dict')


def _signal_list(status):
    # _decimal's flags_as_list: the conditions, then the other signals.
    found = [cls for cls, bits in _CONDITIONS if status & bits]
    found.extend(cls for cls, bits in _SIGNALS[1:] if status & bits)
    return found


def _trapped_class(status):
    # _decimal's flags_as_exception: the first signal in signal_map order.
    for cls, bits in _SIGNALS:
        if status & bits:
            return cls
    raise AssertionError('no trapped signal')


# Digits, as Python ints (the interpreter limits str(int) and int(str) to 4300 digits).
_CHUNK = 4000


def _ndigits(n):
    """Decimal digits of n >= 0 (1 for zero)."""
    if n < 1000000000000000000:
        return len(str(n))
    digits = (n.bit_length() - 1) * 3010299 // 10000000 + 1
    power = 10 ** digits
    while power <= n:
        power *= 10
        digits += 1
    return digits


def _int_to_str(n):
    if n < 10 ** _CHUNK:
        return str(n)
    half = _ndigits(n) // 2
    high, low = divmod(n, 10 ** half)
    low = _int_to_str(low)
    return _int_to_str(high) + '0' * (half - len(low)) + low


def _str_to_int(digits):
    if len(digits) <= _CHUNK:
        return int(digits)
    half = len(digits) // 2
    return _str_to_int(digits[:-half]) * 10 ** half + _str_to_int(digits[-half:])


def _should_increment(rounding, sign, kept, remainder, unit):
    """Whether dropping remainder (0 < remainder < unit) rounds kept away from zero."""
    if rounding == ROUND_HALF_EVEN or rounding == ROUND_HALF_UP or rounding == ROUND_HALF_DOWN:
        twice = 2 * remainder
        if twice != unit:
            return twice > unit
        if rounding == ROUND_HALF_EVEN:
            return kept & 1 == 1
        return rounding == ROUND_HALF_UP
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    return kept % 5 == 0  # ROUND_05UP


def _drop_digits(sign, coefficient, count, rounding):
    """Drops count > 0 low digits with rounding: (new coefficient, inexact)."""
    if count > _ndigits(coefficient) + 1:
        kept, remainder, unit = 0, coefficient, 10 * 10 ** _ndigits(coefficient)
    else:
        unit = 10 ** count
        kept, remainder = divmod(coefficient, unit)
    if remainder == 0:
        return kept, False
    if _should_increment(rounding, sign, kept, remainder, unit):
        kept += 1
    return kept, True


class _Status:
    """The conditions one operation raised (libmpdec's uint32_t status)."""

    __slots__ = ('bits',)

    def __init__(self):
        self.bits = 0
`;
