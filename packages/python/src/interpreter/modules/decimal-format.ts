/**
 * The part of pymem's `decimal` source behind `format()`: libmpdec's format-spec parser (fill,
 * align, sign, `z`, `#`, `0`, width, `,`, precision, types e E f F g G n %) and the rounding,
 * digit placement, grouping and padding it asks for.
 *
 * @module
 */

/**
 * Python source, run as part of the `decimal` module (see `decimal-module.ts`).
 *
 * @example
 * ```ts
 * const source = [DECIMAL_FORMAT_SOURCE].join("");
 * ```
 */
export const DECIMAL_FORMAT_SOURCE = String.raw`

def _parse_format(spec):
    """The parts of a Decimal format spec (libmpdec's mpd_parse_fmt_str): [[fill]align][sign]
    [z][#][0][width][,][.precision][type]."""
    def invalid():
        return ValueError('invalid format string')
    parts = {'fill': None, 'align': None, 'sign': '-', 'z': False, 'alt': False,
             'zero': False, 'width': 0, 'comma': False, 'precision': None, 'type': None}
    i, n = 0, len(spec)
    if n >= 2 and spec[1] in '<>=^':
        parts['fill'], parts['align'] = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        parts['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        parts['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        parts['z'] = True
        i += 1
    if i < n and spec[i] == '#':
        parts['alt'] = True
        i += 1
    if i < n and spec[i] == '0':
        if parts['align'] is not None or spec[i + 1:i + 2] == '0':
            raise invalid()
        parts['zero'] = True
        i += 1
    start = i
    while i < n and spec[i] in '0123456789':
        i += 1
    if i > start:
        parts['width'] = int(spec[start:i])
    if i < n and spec[i] == ',':
        parts['comma'] = True
        i += 1
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i] in '0123456789':
            i += 1
        if i == start:
            raise invalid()
        parts['precision'] = int(spec[start:i])
    if i < n:
        if spec[i] not in 'eEfFgGn%':
            raise invalid()
        parts['type'] = spec[i]
        i += 1
    if i != n or (parts['type'] == 'n' and parts['comma']):
        raise invalid()
    return parts


def _format_round(value, kind, precision, rounding):
    """(coefficient, exponent) of a finite value rounded for the format type."""
    sign, coefficient, exponent = value._sign, value._coef, value._exp
    if precision is None:
        return coefficient, exponent
    if kind in 'eE':
        if coefficient == 0:
            return 0, exponent
        target = exponent + _ndigits(coefficient) - 1 - precision
    elif kind in 'fF%':
        target = -precision
    else:
        digits = max(precision, 1)
        if _ndigits(coefficient) <= digits:
            return coefficient, exponent
        target = exponent + _ndigits(coefficient) - digits
    if exponent > target:
        return coefficient * 10 ** (exponent - target), target
    if exponent < target:
        wanted = _ndigits(coefficient) - (target - exponent)
        coefficient, _ = _drop_digits(sign, coefficient, target - exponent, rounding)
        if kind not in 'fF%' and _ndigits(coefficient) > max(wanted, 1):
            coefficient //= 10
            target += 1
    return coefficient, target


def _group(digits, min_width):
    def grouped(text):
        groups = []
        while len(text) > 3:
            groups.insert(0, text[-3:])
            text = text[:-3]
        groups.insert(0, text)
        return ','.join(groups)
    result = grouped(digits)
    while len(result) < min_width:
        digits = '0' + digits
        result = grouped(digits)
    return result


def _format_decimal(value, spec, override):
    if not isinstance(spec, str):
        raise TypeError('format arg must be str')
    parts = _parse_format(spec)
    kind = parts['type']
    context = getcontext()
    if value._kind != _FINITE:
        body = _to_string(value.copy_abs(), False, 1)
        sign = '-' if value._sign else ('' if parts['sign'] == '-' else parts['sign'])
        fill = parts['fill'] if parts['fill'] is not None else ' '
        align = parts['align'] or '>'
        return _pad(sign, body + ('%' if kind == '%' else ''), fill, align, parts['width'])
    if kind == '%':
        value = _make(value._sign, value._coef, value._exp + 2)
    coefficient, exponent = _format_round(value, kind or 'g', parts['precision'],
                                          context.rounding)
    negative = value._sign == 1 and not (parts['z'] and coefficient == 0)
    sign = '-' if negative else ('' if parts['sign'] == '-' else parts['sign'])
    if kind in ('e', 'E') and parts['precision'] is not None and coefficient == 0:
        digits = '0' * (parts['precision'] + 1)
    else:
        digits = _int_to_str(coefficient)
    leftdigits = exponent + len(digits)
    if kind in ('e', 'E'):
        dotplace = 1
    elif kind in ('f', 'F', '%'):
        dotplace = leftdigits
    else:
        dotplace = leftdigits if exponent <= 0 and leftdigits > -6 else 1
    if dotplace <= 0:
        integer, fraction = '0', '0' * -dotplace + digits
    elif dotplace >= len(digits):
        integer, fraction = digits + '0' * (dotplace - len(digits)), ''
        integer = integer.lstrip('0') or '0'
    else:
        integer, fraction = digits[:dotplace], digits[dotplace:]
    tail = '.' + fraction if fraction or parts['alt'] else ''
    if kind in ('e', 'E') or (kind not in ('f', 'F', '%') and dotplace != leftdigits):
        upper = kind in ('E', 'G') or (kind is None and context.capitals)
        tail += '%s%+d' % ('E' if upper else 'e', leftdigits - dotplace)
    if kind == '%':
        tail += '%'
    fill, align = parts['fill'], parts['align']
    if parts['zero']:
        fill = '0' if fill is None else fill
        align = align or '='
    fill = ' ' if fill is None else fill
    align = align or '>'
    if parts['comma']:
        min_width = 0
        if fill == '0' and align == '=':
            min_width = parts['width'] - len(sign) - len(tail)
        integer = _group(integer, min_width)
    return _pad(sign, integer + tail, fill, align, parts['width'])


def _pad(sign, body, fill, align, width):
    padding = width - len(sign) - len(body)
    if padding <= 0:
        return sign + body
    if align == '<':
        return sign + body + fill * padding
    if align == '^':
        left = padding // 2
        return fill * left + sign + body + fill * (padding - left)
    if align == '=':
        return sign + fill * padding + body
    return fill * padding + sign + body
`;
