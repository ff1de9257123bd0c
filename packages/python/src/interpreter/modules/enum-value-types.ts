/**
 * `IntEnum` and `StrEnum` for `enum`: enums whose members are real `int` and `str` instances
 * (CPython derives them from the built-in types, and so does pymem since built-in types can be
 * subclassed), so `isinstance(Colour.RED, int)`, arithmetic, `%d`, hashing and `json.dumps` see
 * the plain value, while `repr()` stays the enum's.
 *
 * @module
 */

/** The value-type enum classes; run after `Enum` and `ReprEnum`. */
export const ENUM_VALUE_TYPES_SOURCE = `

class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        # CPython: StrEnum.__new__ — at most str()'s three arguments, all strings.
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError(f'encoding must be a string, not {values[1]!r}')
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError(f'errors must be a string, not {values[2]!r}')
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
`;
