/**
 * `IntEnum` and `StrEnum` for `enum`. CPython derives them from `int` and `str`; pymem cannot
 * subclass those built-in types yet, so their members carry the int or str as `_value_` and
 * behave as it in comparisons, hashing, arithmetic, `str()` and `format()` and for the value's
 * own methods (`Weekday.MON.bit_length()`, `Colour.RED.upper()`). `isinstance(member, int)` is
 * the one difference that remains.
 *
 * @module
 */

/** The value-carrying mixins and the enum classes built on them; run after `Enum`. */
export const ENUM_VALUE_TYPES_SOURCE = `

def _plain(value):
    return value._value_ if isinstance(value, (_IntValue, _StrValue)) else value


class _ValueBehaviour:
    # What IntEnum and StrEnum members share: they compare, hash, print and format as their value.
    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __ne__(self, other):
        return self._value_ != _plain(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __hash__(self):
        return hash(self._value_)

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __mul__(self, other):
        return self._value_ * _plain(other)

    def __rmul__(self, other):
        return _plain(other) * self._value_

    def __mod__(self, other):
        return self._value_ % _plain(other)

    def __rmod__(self, other):
        return _plain(other) % self._value_

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return getattr(self._value_, name)


class _IntValue(_ValueBehaviour):
    _value_type_ = int

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __sub__(self, other):
        return self._value_ - _plain(other)

    def __rsub__(self, other):
        return _plain(other) - self._value_

    def __truediv__(self, other):
        return self._value_ / _plain(other)

    def __rtruediv__(self, other):
        return _plain(other) / self._value_

    def __floordiv__(self, other):
        return self._value_ // _plain(other)

    def __rfloordiv__(self, other):
        return _plain(other) // self._value_

    def __divmod__(self, other):
        return divmod(self._value_, _plain(other))

    def __pow__(self, other):
        return self._value_ ** _plain(other)

    def __rpow__(self, other):
        return _plain(other) ** self._value_

    def __lshift__(self, other):
        return self._value_ << _plain(other)

    def __rshift__(self, other):
        return self._value_ >> _plain(other)

    def __and__(self, other):
        return self._value_ & _plain(other)

    def __rand__(self, other):
        return _plain(other) & self._value_

    def __or__(self, other):
        return self._value_ | _plain(other)

    def __ror__(self, other):
        return _plain(other) | self._value_

    def __xor__(self, other):
        return self._value_ ^ _plain(other)

    def __rxor__(self, other):
        return _plain(other) ^ self._value_

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return +self._value_

    def __abs__(self):
        return abs(self._value_)

    def __invert__(self):
        return ~self._value_

    def __round__(self, digits=None):
        return round(self._value_, digits) if digits is not None else self._value_


def _checked_str(*values):
    # CPython: StrEnum.__new__'s checks, then str(*values).
    if len(values) > 3:
        raise TypeError(f'too many arguments for str(): {values!r}')
    if len(values) == 1 and not isinstance(values[0], str):
        raise TypeError(f'{values[0]!r} is not a string')
    if len(values) >= 2 and not isinstance(values[1], str):
        raise TypeError(f'encoding must be a string, not {values[1]!r}')
    return str(*values)


class _StrValue(_ValueBehaviour):
    _value_type_ = staticmethod(_checked_str)

    def __len__(self):
        return len(self._value_)

    def __iter__(self):
        return iter(self._value_)

    def __contains__(self, item):
        return _plain(item) in self._value_

    def __getitem__(self, index):
        return self._value_[index]


class IntEnum(_IntValue, ReprEnum):
    pass


class StrEnum(_StrValue, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
`;
