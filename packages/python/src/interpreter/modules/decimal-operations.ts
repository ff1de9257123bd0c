/**
 * The part of pymem's `decimal` source with the specification's other operations: plus/minus/abs,
 * quantize, to-integral, normalize, next-plus/minus/toward, compare and compare-total, max/min
 * (and by magnitude), remainder-near, scaleb, shift/rotate, the logical operations and logb.
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_OPERATIONS_SOURCE].join("");
 * ```
 */
export const DECIMAL_OPERATIONS_SOURCE = String.raw`

def _subtract(a, b, context, status):
    return _add(a, b, context, status, True)


def _plus(a, context, status):
    # libmpdec's mpd_qplus: 0 + a, so a negative zero becomes positive (except ROUND_FLOOR).
    if a._kind == _FINITE and a._coef == 0:
        sign = a._sign if context.rounding == ROUND_FLOOR else 0
        return _finalize(sign, 0, a._exp, context, status)
    return _round_value(a, context, status)


def _minus(a, context, status):
    if a._kind == _FINITE and a._coef == 0:
        sign = a._sign ^ 1 if context.rounding == ROUND_FLOOR else 0
        return _finalize(sign, 0, a._exp, context, status)
    if a._kind >= _QNAN:
        return _round_value(a, context, status)
    return _round_value(a.copy_negate(), context, status)


def _absolute(a, context, status):
    if a._kind >= _QNAN:
        return _round_value(a, context, status)
    return _plus(a.copy_abs(), context, status)


def _quantize(a, b, rounding, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    if a._kind == _INFINITE or b._kind == _INFINITE:
        if a._kind == _INFINITE and b._kind == _INFINITE:
            return a
        return _nan_result(status)
    exponent = b._exp
    if exponent > context.Emax or exponent < context.Emin - context.prec + 1:
        return _nan_result(status)
    if a._coef == 0:
        return _clamped(a._sign, 0, exponent, context, status)
    if a._exp >= exponent:
        if _adjusted(a) - exponent + 1 > context.prec or _adjusted(a) > context.Emax:
            return _nan_result(status)
        return _clamped(a._sign, a._coef * 10 ** (a._exp - exponent), exponent, context, status)
    coefficient, inexact = _drop_digits(a._sign, a._coef, exponent - a._exp,
                                        rounding or context.rounding)
    if coefficient and (_ndigits(coefficient) > context.prec
                        or exponent + _ndigits(coefficient) - 1 > context.Emax):
        return _nan_result(status)
    status.bits |= _ROUNDED
    if inexact:
        status.bits |= _INEXACT
    if coefficient and exponent + _ndigits(coefficient) - 1 < context.Emin:
        status.bits |= _SUBNORMAL
    return _clamped(a._sign, coefficient, exponent, context, status)



def _to_integral(a, rounding, exact, context, status):
    if a._kind != _FINITE:
        nan = _check_nans(a, None, context, status)
        return nan if nan is not None else a
    if a._exp >= 0:
        return a
    if a._coef == 0:
        return _make(a._sign, 0, 0)
    coefficient, inexact = _drop_digits(a._sign, a._coef, -a._exp, rounding or context.rounding)
    if exact:
        status.bits |= _ROUNDED
        if inexact:
            status.bits |= _INEXACT
    return _make(a._sign, coefficient, 0)


def _normalize(a, context, status):
    result = _round_value(a, context, status)
    if result._kind != _FINITE:
        return result
    if result._coef == 0:
        return _make(result._sign, 0, 0)
    top = context.Emax - context.prec + 1 if context.clamp else context.Emax
    coefficient, exponent = result._coef, result._exp
    while coefficient % 10 == 0 and exponent < top:
        coefficient //= 10
        exponent += 1
    return _make(result._sign, coefficient, exponent)


def _largest(sign, context):
    return _make(sign, 10 ** context.prec - 1, context.Emax - context.prec + 1)


def _next_plus(a, context, status):
    nan = _check_nans(a, None, context, status)
    if nan is not None:
        return nan
    if a._kind == _INFINITE:
        return a if a._sign == 0 else _largest(1, context)
    if a._coef == 0:
        return _make(0, 1, context.Emin - context.prec + 1)
    # Step past a by less than one unit in the last place, rounding toward +Infinity.
    low = min(a._exp, _adjusted(a) - context.prec + 1) - 2
    coefficient = a._coef * 10 ** (a._exp - low)
    coefficient = coefficient - 1 if a._sign else coefficient + 1
    scratch = _Status()
    return _finalize(a._sign, coefficient, low, context, scratch, ROUND_CEILING)


def _next_minus(a, context, status):
    result = _next_plus(a.copy_negate() if a._kind < _QNAN else a, context, status)
    if a._kind >= _QNAN:
        return result
    return result.copy_negate()


def _next_toward(a, b, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    order = _compare_finite(a, b)
    if order == 0:
        return _make(b._sign, a._coef, a._exp, a._kind)
    result = _next_plus(a, context, status) if order < 0 else _next_minus(a, context, status)
    if result._kind == _INFINITE:
        status.bits |= _OVERFLOW | _INEXACT | _ROUNDED
    elif result._kind == _FINITE and _adjusted(result) < context.Emin:
        status.bits |= _UNDERFLOW | _SUBNORMAL | _INEXACT | _ROUNDED
        if result._coef == 0:
            status.bits |= _CLAMPED
    return result


def _compare(a, b, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    return _from_int(_compare_finite(a, b))


def _compare_signal(a, b, context, status):
    if a._kind >= _QNAN or b._kind >= _QNAN:
        status.bits |= _INVALID_OPERATION
        return _fix_nan(a if a._kind == _SNAN or (a._kind == _QNAN and b._kind != _SNAN) else b,
                        context)
    return _from_int(_compare_finite(a, b))


def _total_order(a, b):
    """compare_total: -1, 0 or 1 in the specification's total order."""
    if a._sign != b._sign:
        return -1 if a._sign else 1
    direction = -1 if a._sign else 1
    rank_a = {0: 0, 1: 1, 2: 3, 3: 2}[a._kind]
    rank_b = {0: 0, 1: 1, 2: 3, 3: 2}[b._kind]
    if rank_a != rank_b:
        return direction if rank_a > rank_b else -direction
    if a._kind >= _QNAN:
        if a._coef == b._coef:
            return 0
        return direction if a._coef > b._coef else -direction
    if a._kind == _INFINITE:
        return 0
    order = _compare_finite(a.copy_abs(), b.copy_abs())
    if order == 0 and a._exp != b._exp:
        order = 1 if a._exp > b._exp else -1
    return order * direction


def _max(a, b, magnitude, direction, context, status):
    if a._kind == _SNAN or b._kind == _SNAN or (a._kind == _QNAN and b._kind == _QNAN):
        return _check_nans(a, b, context, status)
    if a._kind == _QNAN:
        return _round_value(b, context, status)
    if b._kind == _QNAN:
        return _round_value(a, context, status)
    order = 0
    if magnitude:
        order = _compare_finite(a.copy_abs(), b.copy_abs())
    if order == 0:
        order = _compare_finite(a, b)
    if order == 0:
        order = _total_order(a, b)
    chosen = a if order * direction >= 0 else b
    return _round_value(chosen, context, status)


def _remainder_near(a, b, context, status):
    parts = _remainder_parts(a, b, context, status)
    if isinstance(parts, Decimal):
        return parts
    quotient, remainder, exponent = parts
    divisor = b._coef * 10 ** (b._exp - exponent)
    sign = a._sign
    if 2 * remainder > divisor or (2 * remainder == divisor and quotient & 1):
        remainder = divisor - remainder
        sign ^= 1
        quotient += 1
        if _ndigits(quotient) > context.prec:
            status.bits |= _DIVISION_IMPOSSIBLE
            return _make(0, 0, 0, _QNAN)
    return _finalize(sign, remainder, exponent, context, status)


def _integer_operand(b, context, limit):
    """b as an int when it is an integer with exponent 0 within +-limit, else None."""
    if b._kind != _FINITE or b._exp != 0 or b._coef > limit:
        return None
    return -b._coef if b._sign else b._coef


def _scaleb(a, b, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    limit = 2 * (context.Emax + context.prec)
    amount = _integer_operand(b, context, limit)
    if amount is None:
        return _nan_result(status)
    if a._kind == _INFINITE:
        return a
    return _finalize(a._sign, a._coef, a._exp + amount, context, status)


def _shift(a, b, rotate, context, status):
    nan = _check_nans(a, b, context, status)
    if nan is not None:
        return nan
    amount = _integer_operand(b, context, context.prec)
    if amount is None:
        return _nan_result(status)
    if a._kind == _INFINITE:
        return a
    prec = context.prec
    modulus = 10 ** prec
    coefficient = a._coef % modulus
    if rotate:
        amount %= prec
        shifted = coefficient * 10 ** amount
        coefficient = shifted % modulus + shifted // modulus
    elif amount >= 0:
        coefficient = coefficient * 10 ** amount % modulus
    else:
        coefficient //= 10 ** -amount
    return _finalize(a._sign, coefficient, a._exp, context, status)


def _logical_digits(value):
    if value._kind != _FINITE or value._sign or value._exp != 0:
        return None
    digits = _int_to_str(value._coef)
    if digits.strip('01'):
        return None
    return digits


def _logical(a, b, operator, context, status):
    left, right = _logical_digits(a), _logical_digits(b)
    if left is None or right is None or len(left) > context.prec or len(right) > context.prec:
        return _nan_result(status)
    width = max(len(left), len(right))
    left, right = left.zfill(width), right.zfill(width)
    if operator == '&':
        digits = ''.join('1' if x == '1' and y == '1' else '0' for x, y in zip(left, right))
    elif operator == '|':
        digits = ''.join('1' if x == '1' or y == '1' else '0' for x, y in zip(left, right))
    else:
        digits = ''.join('1' if x != y else '0' for x, y in zip(left, right))
    return _make(0, int(digits), 0)


def _logb(a, context, status):
    nan = _check_nans(a, None, context, status)
    if nan is not None:
        return nan
    if a._kind == _INFINITE:
        return _infinity(0)
    if a._coef == 0:
        status.bits |= _DIVISION_BY_ZERO
        return _infinity(1)
    adjusted = _adjusted(a)
    return _finalize(1 if adjusted < 0 else 0, abs(adjusted), 0, context, status)
`;
