/**
 * `Flag`, `IntFlag` and `FlagBoundary` for `enum`: members whose values are bits, combined with
 * `|`, `&`, `^` and `~` into pseudo-members made on demand and cached (CPython:
 * `Flag._missing_`), iterated bit by bit in definition order, and the boundary rules for values
 * outside the defined bits (STRICT raises, CONFORM drops them, EJECT and KEEP keep them).
 *
 * @module
 */

/** The flag classes and their helpers; run after `IntEnum` and `StrEnum`. */
export const ENUM_FLAG_SOURCE = `

class FlagBoundary(StrEnum):
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


def _is_single_bit(value):
    return isinstance(value, int) and value > 0 and value & (value - 1) == 0


def _bit_text(number, width):
    # CPython: _bin — a sign bit, a space, then the digits padded to width.
    ceiling = 2 ** number.bit_length()
    if number >= 0:
        text = bin(number + ceiling).replace('1', '0', 1)
    else:
        text = bin(~number ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if len(digits) < width:
        digits = (sign[-1] * width + digits)[-width:]
    return f'{sign} {digits}'


def _finish_flag(flag_class):
    # CPython: EnumType.__new__'s Flag bookkeeping — which bits the members define.
    singles = 0
    for name in flag_class._member_names_:
        singles |= flag_class._member_map_[name]._value_
    mask = singles
    for found in flag_class._member_map_.values():
        if isinstance(found._value_, int):
            mask |= found._value_
    flag_class._singles_mask_ = singles
    flag_class._flag_mask_ = mask
    flag_class._all_bits_ = 2 ** mask.bit_length() - 1


class Flag(Enum):
    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError(f'invalid flag value {last_value!r}') from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            found = cls._member_map_[name]
            if found._value_ & value == found._value_ and found._value_ != 0:
                yield found

    @classmethod
    def _missing_(cls, value):
        # CPython: Flag._missing_ — a pseudo-member for a combination of bits.
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        if not (~all_bits <= value <= all_bits) or value & (all_bits ^ flag_mask):
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(f'{cls!r} invalid value {value!r}\\n'
                                 f'    given {_bit_text(value, width)}\\n'
                                 f'  allowed {_bit_text(flag_mask, width)}')
            if boundary is CONFORM:
                value = value & flag_mask
            elif value < 0:
                value = max(all_bits + 1, 2 ** value.bit_length()) + value
        if value < 0:
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        known = value & flag_mask
        if unknown and boundary is not KEEP:
            raise ValueError(f'{cls.__name__}({value!r}) -->  unknown values {unknown!r} '
                             f'[{_bit_text(unknown, 0)}]')
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        if known:
            name = '|'.join(found._name_ for found in cls._iter_member_(known))
            if unknown:
                name += '|' + cls._numeric_repr_(unknown)
        else:
            name = None
        pseudo._name_ = name
        return cls._value2member_map_.setdefault(value, pseudo)

    def __repr__(self):
        value_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return f'<{self.__class__.__name__}: {value_repr(self._value_)}>'
        return f'<{self.__class__.__name__}.{self._name_}: {value_repr(self._value_)}>'

    def __str__(self):
        if self._name_ is None:
            return f'{self.__class__.__name__}({self._value_!r})'
        return f'{self.__class__.__name__}.{self._name_}'

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"{type(other).__qualname__!r} and {self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self.__class__._iter_member_(self._value_)

    def __len__(self):
        return bin(self._value_ & self._flag_mask_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, int):
            return other
        return NotImplemented

    def __or__(self, other):
        other_value = self._other_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._other_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._other_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if self._boundary_ in (EJECT, KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__
`;
