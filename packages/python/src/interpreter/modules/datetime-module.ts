import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `datetime`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/_pydatetime.py or its C): `timedelta` (exact microsecond arithmetic, rounded half
 * to even as CPython rounds), `date`, `time`, `datetime`, `tzinfo`, `timezone` and `UTC`, with
 * CPython's reprs, ISO formats (`isoformat`, `fromisoformat` in its 3.11+ forms, ISO calendar),
 * comparisons (naive against aware, date against datetime), `strftime` through `time.strftime`
 * and local time from the host's time zone. `strptime` is in strptime-module.ts.
 *
 * @module
 */

/** The module's Python source, run at import. */
const DATETIME_SOURCE = String.raw`# pymem's datetime, written for pymem in Python (not CPython's Lib/_pydatetime.py or its C).
# The calendar arithmetic is time's (_civil, _is_leap, _year_day, _iso_week); formatting with
# strftime goes through time.strftime after %f, %z, %:z and %Z are filled in, as CPython does.
import time as _time
from time import _civil, _is_leap, _year_day, _iso_week
from operator import index as _index

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR', 'MAXYEAR',
           'UTC')

MINYEAR = 1
MAXYEAR = 9999
_MAX_ORDINAL = 3652059
_EPOCH_ORDINAL = 719163           # date(1970, 1, 1).toordinal()
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_US_PER_DAY = 86400000000


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month - 1]


def _ordinal(year, month, day):
    previous = year - 1
    return previous * 365 + previous // 4 - previous // 100 + previous // 400 + _year_day(
        year, month, day)


def _from_ordinal(ordinal):
    return _civil(ordinal - _EPOCH_ORDINAL)


def _type_name(self, builtin):
    # The C types print their dotted names; a subclass prints its own name.
    return 'datetime.' + builtin.__name__ if type(self) is builtin else type(self).__qualname__


def _round_half_even(numerator, denominator):
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2 == 1):
        quotient += 1
    return quotient


def _exact(value):
    # An int or float as an exact (numerator, denominator).
    if isinstance(value, float):
        return value.as_integer_ratio()
    return _index(value), 1


def _check_date_fields(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute, second, microsecond = _index(hour), _index(minute), _index(second), _index(
        microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _checked_offset(name, offset):
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                         'timedelta(hours=24), not %r.' % (offset,))
    return offset


def _format_offset(offset, separator=':'):
    # '+HH:MM', with ':SS' and '.ffffff' only when present; '' for None.
    if offset is None:
        return ''
    sign = '+'
    if offset.days < 0:
        sign = '-'
        offset = -offset
    minutes, seconds = divmod(offset.seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = '%s%02d%s%02d' % (sign, hours, separator, minutes)
    if seconds or offset.microseconds:
        text += '%s%02d' % (separator, seconds)
        if offset.microseconds:
            text += '.%06d' % offset.microseconds
    return text


def _format_time(hour, minute, second, microsecond, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if microsecond else 'seconds'
    elif timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hour, minute, second, microsecond // 1000)
    formats = {'hours': '%02d', 'minutes': '%02d:%02d', 'seconds': '%02d:%02d:%02d',
               'microseconds': '%02d:%02d:%02d.%06d'}
    if timespec not in formats:
        raise ValueError('Unknown timespec value')
    fields = (hour, minute, second, microsecond)
    return formats[timespec] % fields[:formats[timespec].count('%')]


def _strftime(value, format, time_tuple):
    # CPython: wrap_strftime — %f, %z, %:z and %Z from the object, the rest by time.strftime.
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    aware = isinstance(value, (time, datetime))
    offset = value.utcoffset() if aware else None
    pieces = []
    index = 0
    length = len(format)
    while index < length:
        character = format[index]
        index += 1
        if character != '%' or index >= length:
            pieces.append(character)
            continue
        code = format[index]
        index += 1
        if code == 'f':
            pieces.append('%06d' % getattr(value, 'microsecond', 0))
        elif code == 'z':
            pieces.append(_format_offset(offset, ''))
        elif code == ':' and index < length and format[index] == 'z':
            index += 1
            pieces.append(_format_offset(offset))
        elif code == 'Z':
            name = value.tzname() if aware else None
            pieces.append('' if name is None else name.replace('%', '%%'))
        else:
            pieces.append('%' + code)
    return _time.strftime(''.join(pieces), time_tuple)


def _lt(self, other):
    result = self._order(other)
    return NotImplemented if result is None else result < 0


def _le(self, other):
    result = self._order(other)
    return NotImplemented if result is None else result <= 0


def _gt(self, other):
    result = self._order(other)
    return NotImplemented if result is None else result > 0


def _ge(self, other):
    result = self._order(other)
    return NotImplemented if result is None else result >= 0


class timedelta:
    """Difference between two datetime values.

timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)

All arguments are optional and default to 0.
Arguments may be integers or floats, and may be positive or negative."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        numerator, denominator = 0, 1
        for value, scale in ((days, 86400000000), (seconds, 1000000), (microseconds, 1),
                             (milliseconds, 1000), (minutes, 60000000), (hours, 3600000000),
                             (weeks, 604800000000)):
            if not isinstance(value, (int, float)):
                raise TypeError('unsupported type for timedelta %s component: %s'
                                % (_COMPONENT_NAMES[scale], type(value).__name__))
            top, bottom = _exact(value)
            numerator = numerator * bottom + top * scale * denominator
            denominator *= bottom
        return cls._from_microseconds(_round_half_even(numerator, denominator))

    @classmethod
    def _from_microseconds(cls, total):
        days, rest = divmod(total, _US_PER_DAY)
        if abs(days) >= 2 ** 31:
            raise OverflowError('Python int too large to convert to C int')
        if abs(days) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds, self._microseconds = divmod(rest, 1000000)
        self._hashcode = -1
        return self

    def _total(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        """Number of days."""
        return self._days

    @property
    def seconds(self):
        """Number of seconds (>= 0 and less than 1 day)."""
        return self._seconds

    @property
    def microseconds(self):
        """Number of microseconds (>= 0 and less than 1 second)."""
        return self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._total() / 10 ** 6

    def __repr__(self):
        arguments = []
        for name, value in (('days', self._days), ('seconds', self._seconds),
                            ('microseconds', self._microseconds)):
            if value:
                arguments.append('%s=%d' % (name, value))
        return '%s(%s)' % (_type_name(self, timedelta), ', '.join(arguments) or '0')

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = '%d:%02d:%02d' % (hours, minutes, seconds)
        if self._days:
            text = '%d day%s, ' % (self._days, '' if abs(self._days) == 1 else 's') + text
        if self._microseconds:
            text += '.%06d' % self._microseconds
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._total() + other._total())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._total() - other._total())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._total())

    def __pos__(self):
        return self if type(self) is timedelta else timedelta._from_microseconds(self._total())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._total() * other)
        if isinstance(other, float):
            top, bottom = other.as_integer_ratio()
            return timedelta._from_microseconds(_round_half_even(self._total() * top, bottom))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._total() // other._total()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._total() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._total() / other._total()
        if isinstance(other, int):
            return timedelta._from_microseconds(_round_half_even(self._total(), other)
                                                if other > 0 else
                                                _round_half_even(-self._total(), -other))
        if isinstance(other, float):
            top, bottom = other.as_integer_ratio()
            if top < 0:
                top, bottom = -top, -bottom
            if top == 0:
                raise ZeroDivisionError('division by zero')
            return timedelta._from_microseconds(_round_half_even(self._total() * bottom, top))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._total() % other._total())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            quotient, remainder = divmod(self._total(), other._total())
            return quotient, timedelta._from_microseconds(remainder)
        return NotImplemented

    def __eq__(self, other):
        return self._total() == other._total() if isinstance(other, timedelta) else NotImplemented

    def __lt__(self, other):
        return self._total() < other._total() if isinstance(other, timedelta) else NotImplemented

    def __le__(self, other):
        return self._total() <= other._total() if isinstance(other, timedelta) else NotImplemented

    def __gt__(self, other):
        return self._total() > other._total() if isinstance(other, timedelta) else NotImplemented

    def __ge__(self, other):
        return self._total() >= other._total() if isinstance(other, timedelta) else NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


_COMPONENT_NAMES = {86400000000: 'days', 1000000: 'seconds', 1: 'microseconds',
                    1000: 'milliseconds', 60000000: 'minutes', 3600000000: 'hours',
                    604800000000: 'weeks'}
timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _is_state(value, size):
    """Whether value may be the bytes (or latin-1 str) state a pickle gives the constructor."""
    return isinstance(value, (bytes, str)) and len(value) == size


def _state_at(value, index):
    return value[index] if isinstance(value, bytes) else ord(value[index])


def _state_bytes(value):
    return value if isinstance(value, bytes) else value.encode('latin-1')


def _tzinfo_class():
    return tzinfo


class date:
    """date(year, month, day) --> date object"""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        self = object.__new__(cls)
        if month is None and _is_state(year, 4) and 1 <= _state_at(year, 2) <= 12:
            # CPython: date_from_pickle — the 4 bytes a pickle holds.
            data = _state_bytes(year)
            self._year, self._month, self._day = data[0] * 256 + data[1], data[2], data[3]
        else:
            self._year, self._month, self._day = _check_date_fields(year, month, day)
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        """Create a date from a POSIX timestamp."""
        local = _time.localtime(t)
        return cls(local.tm_year, local.tm_mon, local.tm_mday)

    @classmethod
    def today(cls):
        """Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        n = _index(n)
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError('ordinal must be >= 1')
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """str -> Construct a date from a string in ISO 8601 format."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        fields = _parse_iso_date(date_string)
        if fields is None or len(date_string) not in (7, 8, 10):
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        return cls(*fields)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """int, int, int -> Construct a date from the ISO year, week number and weekday."""
        return cls(*_from_iso_calendar(year, week, day))

    @property
    def year(self):
        """year (1-9999)"""
        return self._year

    @property
    def month(self):
        """month (1-12)"""
        return self._month

    @property
    def day(self):
        """day (1-31)"""
        return self._day

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_type_name(self, date), self._year, self._month, self._day)

    def isoformat(self):
        """Return string in ISO 8601 format, YYYY-MM-DD."""
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        """Return ctime() style string."""
        return _time.asctime(self.timetuple())

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(self, format, self.timetuple())

    def __format__(self, format_spec):
        if not isinstance(format_spec, str):
            raise TypeError('must be str, not %s' % type(format_spec).__name__)
        return self.strftime(format_spec) if format_spec else str(self)

    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  _year_day(self._year, self._month, self._day), -1))

    def toordinal(self):
        """Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."""
        return _ordinal(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        """Return date with new specified fields."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    __replace__ = replace

    def weekday(self):
        """Return the day of the week represented by the date.
Monday == 0 ... Sunday == 6"""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Return the day of the week represented by the date.
Monday == 1 ... Sunday == 7"""
        return self.weekday() + 1

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday."""
        year, week = _iso_week(self._year, _year_day(self._year, self._month, self._day),
                               self.weekday())
        return IsoCalendarDate(year, week, self.weekday() + 1)

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() == other._key()
        return NotImplemented

    def _order(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._key() > other._key()) - (self._key() < other._key())
        return None

    __lt__ = _lt
    __le__ = _le
    __gt__ = _gt
    __ge__ = _ge

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other.days
            if not 1 <= ordinal <= _MAX_ORDINAL:
                raise OverflowError('date value out of range')
            return type(self)(*_from_ordinal(ordinal))
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        # CPython: date_reduce — (type, (4-byte state,)).
        return (type(self), (bytes((self._year >> 8, self._year & 0xFF, self._month, self._day)),))


class IsoCalendarDate(tuple):
    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % self


def _from_iso_calendar(year, week, day):
    year, week, day = _index(year), _index(week), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('Year is out of range: %d' % year)
    if not 0 < week < 53:
        jan1_weekday = (_ordinal(year, 1, 1) + 6) % 7
        if not (week == 53 and (jan1_weekday == 3 or (jan1_weekday == 2 and _is_leap(year)))):
            raise ValueError('Invalid week: %d' % week)
    if not 0 < day < 8:
        raise ValueError('Invalid weekday: %d (range is [1, 7])' % day)
    first_thursday = _ordinal(year, 1, 4)
    week1_monday = first_thursday - (first_thursday + 6) % 7
    return _from_ordinal(week1_monday + (week - 1) * 7 + day - 1)


def _digits(text, start, count):
    piece = text[start:start + count]
    if len(piece) != count or not (piece.isdigit() and piece.isascii()):
        return None
    return int(piece)


def _parse_iso_date(text):
    # YYYY-MM-DD, YYYYMMDD, YYYY-Www-D or YYYYWwwD: the fields, or None.
    year = _digits(text, 0, 4)
    if year is None:
        return None
    dashed = text[4:5] == '-'
    position = 5 if dashed else 4
    if text[position:position + 1] == 'W':
        week = _digits(text, position + 1, 2)
        position += 3
        if dashed:
            if text[position:position + 1] != '-':
                return None
            position += 1
        day = _digits(text, position, 1) if len(text) > position else 1
        if week is None or day is None:
            return None
        try:
            return _from_iso_calendar(year, week, day)
        except ValueError:
            return None
    month = _digits(text, position, 2)
    position += 2
    if dashed:
        if text[position:position + 1] != '-':
            return None
        position += 1
    day = _digits(text, position, 2)
    if month is None or day is None:
        return None
    return year, month, day


def _parse_iso_time(text):
    # HH[:MM[:SS[.fff[fff]]]] (or without colons) then an optional Z or ±HH[:MM[:SS[.ffffff]]].
    zone = None
    for marker in ('Z', '+', '-'):
        at = text.find(marker)
        if at >= 0:
            text, zone = text[:at], text[at:]
            break
    fields = _time_digits(text)
    if fields is None:
        return None
    tz = None
    if zone is not None:
        if zone == 'Z':
            tz = timezone.utc
        else:
            offset = _time_digits(zone[1:])
            if offset is None:
                return None
            delta = timedelta(hours=offset[0], minutes=offset[1], seconds=offset[2],
                              microseconds=offset[3])
            tz = timezone.utc if not delta else timezone(-delta if zone[0] == '-' else delta)
    return fields + [tz]


def _time_digits(text):
    fields = []
    position = 0
    colons = len(text) > 2 and text[2:3] == ':'
    while position < len(text) and len(fields) < 3:
        value = _digits(text, position, 2)
        if value is None:
            return None
        fields.append(value)
        position += 2
        if position < len(text) and len(fields) < 3:
            if colons:
                if text[position] != ':':
                    return None
                position += 1
    if not fields:
        return None
    microsecond = 0
    if position < len(text):
        if len(fields) != 3 or text[position] not in '.,':
            return None
        fraction = text[position + 1:]
        if not fraction or not (fraction.isdigit() and fraction.isascii()):
            return None
        microsecond = int(fraction[:6].ljust(6, '0'))
    fields += [0] * (3 - len(fields))
    return fields + [microsecond]


def _zone_argument(value):
    # A time asks its tzinfo about None; a datetime about itself.
    return value if isinstance(value, datetime) else None


def _utcoffset(self):
    """Return self.tzinfo.utcoffset(self)."""
    if self._tzinfo is None:
        return None
    return _checked_offset('utcoffset', self._tzinfo.utcoffset(_zone_argument(self)))


def _dst(self):
    """Return self.tzinfo.dst(self)."""
    if self._tzinfo is None:
        return None
    return _checked_offset('dst', self._tzinfo.dst(_zone_argument(self)))


def _tzname(self):
    """Return self.tzinfo.tzname(self)."""
    return None if self._tzinfo is None else self._tzinfo.tzname(_zone_argument(self))


def _compare_moments(self, other):
    # (difference in microseconds, comparable): the same tzinfo or offset compares the fields;
    # naive against aware is not comparable.
    mine, theirs = self.utcoffset(), other.utcoffset()
    if self._tzinfo is other._tzinfo or mine == theirs:
        return self._us() - other._us(), True
    if (mine is None) != (theirs is None):
        return None, False
    return (self._us() - mine._total()) - (other._us() - theirs._total()), True


def _moment_hash(self):
    if self._hashcode == -1:
        offset = self.utcoffset()
        self._hashcode = hash(self._us() - (offset._total() if offset else 0))
    return self._hashcode


for _function, _name in ((_utcoffset, 'utcoffset'), (_dst, 'dst'), (_tzname, 'tzname'),
                         (_moment_hash, '__hash__')):
    _function.__name__ = _name
del _function, _name


class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        """datetime -> string name of time zone."""
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        """datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"""
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        """datetime -> DST offset as timedelta positive east of UTC."""
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() argument must be a datetime.datetime instance')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError('fromutc: non-None utcoffset() result required')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc: non-None dst() result required')
        standard = offset - dst
        if standard:
            dt += standard
            dst = dt.dst()
            if dst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot convert')
        return dt + dst

    def __reduce__(self):
        return (type(self), ())


class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object

All arguments are optional. tzinfo may be None, or an instance of
a tzinfo subclass. The remaining arguments may be ints.
"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        if _is_state(hour, 6) and (_state_at(hour, 0) & 0x7F) < 24:
            # CPython: time_from_pickle — 6 bytes (fold in the hour's top bit), then the tzinfo.
            data = _state_bytes(hour)
            tzinfo = None if minute == 0 else minute
            if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class()):
                raise TypeError('bad tzinfo state arg')
            self._hour, self._minute, self._second = data[0] & 0x7F, data[1], data[2]
            self._microsecond = (data[3] << 16) | (data[4] << 8) | data[5]
            self._fold = data[0] >> 7
        else:
            (self._hour, self._minute, self._second, self._microsecond,
             self._fold) = _check_time_fields(hour, minute, second, microsecond, fold)
            _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour, doc='hour (0-23)')
    minute = property(lambda self: self._minute, doc='minute (0-59)')
    second = property(lambda self: self._second, doc='second (0-59)')
    microsecond = property(lambda self: self._microsecond, doc='microsecond (0-999999)')
    tzinfo = property(lambda self: self._tzinfo, doc='timezone info object')
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        """string -> time from a string in ISO 8601 format"""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        text = time_string[1:] if time_string[:1] == 'T' else time_string
        fields = _parse_iso_time(text)
        if fields is None:
            raise ValueError('Invalid isoformat string: %r' % (time_string,))
        return cls(*fields)

    utcoffset = _utcoffset

    dst = _dst

    tzname = _tzname

    def isoformat(self, timespec='auto'):
        """Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."""
        return _format_time(self._hour, self._minute, self._second, self._microsecond,
                            timespec) + _format_offset(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        fields = [self._hour, self._minute, self._second, self._microsecond]
        while len(fields) > 2 and fields[-1] == 0:
            fields.pop()
        text = '%s(%s' % (_type_name(self, time), ', '.join(map(str, fields)))
        if self._tzinfo is not None:
            text += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            text += ', fold=1'
        return text + ')'

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(self, format, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1,
                                        -1))

    def __format__(self, format_spec):
        if not isinstance(format_spec, str):
            raise TypeError('must be str, not %s' % type(format_spec).__name__)
        return self.strftime(format_spec) if format_spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        """Return time with new specified fields."""
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def _us(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 + self._microsecond

    _compare = _compare_moments

    def __eq__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        difference, comparable = self._compare(other)
        return comparable and difference == 0

    def _order(self, other):
        if not isinstance(other, time):
            return None
        difference, comparable = self._compare(other)
        if not comparable:
            raise TypeError("can't compare offset-naive and offset-aware times")
        return difference

    __lt__ = _lt
    __le__ = _le
    __gt__ = _gt
    __ge__ = _ge

    __hash__ = _moment_hash

    def __reduce_ex__(self, protocol):
        # CPython: time_reduce_ex — 6 bytes, the fold in the hour's top bit from protocol 4.
        hour = self._hour | 0x80 if self._fold and protocol > 3 else self._hour
        us = self._microsecond
        state = bytes((hour, self._minute, self._second, us >> 16, (us >> 8) & 0xFF, us & 0xFF))
        return (type(self), (state,) if self._tzinfo is None else (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

The year, month and day arguments are required. tzinfo may be None, or an
instance of a tzinfo subclass. The remaining arguments may be ints.
"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        if _is_state(year, 10) and 1 <= (_state_at(year, 2) & 0x7F) <= 12:
            # CPython: datetime_from_pickle — 10 bytes (fold in the month's top bit), tzinfo.
            data = _state_bytes(year)
            tzinfo = month
            if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class()):
                raise TypeError('bad tzinfo state arg')
            self._year, self._month, self._day = data[0] * 256 + data[1], data[2] & 0x7F, data[3]
            self._hour, self._minute, self._second = data[4], data[5], data[6]
            self._microsecond = (data[7] << 16) | (data[8] << 8) | data[9]
            self._fold = data[2] >> 7
        else:
            self._year, self._month, self._day = _check_date_fields(year, month, day)
            (self._hour, self._minute, self._second, self._microsecond,
             self._fold) = _check_time_fields(hour, minute, second, microsecond, fold)
            _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def fromtimestamp(cls, timestamp, tz=None):
        """timestamp[, tz] -> tz's local time from POSIX timestamp."""
        _check_tzinfo(tz)
        seconds, microsecond = _split_timestamp(timestamp)
        moment = _time.gmtime(seconds) if tz is not None else _time.localtime(seconds)
        result = cls(*moment[:6], microsecond, tz)
        return tz.fromutc(result) if tz is not None else result

    @classmethod
    def utcfromtimestamp(cls, t):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        import warnings
        warnings.warn('datetime.datetime.utcfromtimestamp() is deprecated and scheduled for '
                      'removal in a future version. Use timezone-aware objects to represent '
                      'datetimes in UTC: datetime.datetime.fromtimestamp(t, datetime.UTC).',
                      DeprecationWarning, stacklevel=2)
        seconds, microsecond = _split_timestamp(t)
        return cls(*_time.gmtime(seconds)[:6], microsecond)

    @classmethod
    def now(cls, tz=None):
        """Returns new datetime object representing current time local to tz."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """Return a new datetime representing UTC day and time."""
        import warnings
        warnings.warn('datetime.datetime.utcnow() is deprecated and scheduled for removal in a '
                      'future version. Use timezone-aware objects to represent datetimes in '
                      'UTC: datetime.datetime.now(datetime.UTC).', DeprecationWarning,
                      stacklevel=2)
        seconds, microsecond = _split_timestamp(_time.time())
        return cls(*_time.gmtime(seconds)[:6], microsecond)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """date, time -> datetime with same date and time fields"""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """string -> datetime from a string in most ISO 8601 formats"""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        cut = 10 if date_string[4:5] == '-' else 8
        if date_string[4:5] == '-' and date_string[5:6] == 'W':
            cut = 10 if date_string[8:9] == '-' else 8
        elif date_string[4:5] == 'W':
            cut = 8 if len(date_string) >= 8 and date_string[7:8].isdigit() else 7
        date_fields = _parse_iso_date(date_string[:cut])
        time_fields = [0, 0, 0, 0, None]
        if len(date_string) > cut:
            time_fields = _parse_iso_time(date_string[cut + 1:])
        if date_fields is None or time_fields is None:
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        return cls(*date_fields, *time_fields)

    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        dst = self.dst()
        isdst = -1 if dst is None else int(bool(dst))
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(),
                                  _year_day(self._year, self._month, self._day), isdst))

    def utctimetuple(self):
        """Return UTC time tuple, compatible with time.localtime()."""
        offset = self.utcoffset()
        moment = self - offset if offset else self
        return _time.struct_time(moment.replace(tzinfo=None).timetuple()[:8] + (0,))

    def timestamp(self):
        """Return POSIX timestamp as float."""
        if self._tzinfo is None:
            return _time.mktime(self.timetuple()) + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        """Return date object with same year, month and day."""
        return date(self._year, self._month, self._day)

    def time(self):
        """Return time object with same time but with tzinfo=None."""
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        """Return time object with same time and tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        """Return datetime with new specified fields."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def astimezone(self, tz=None):
        """tz -> convert to local time in new timezone tz"""
        if tz is None:
            tz = _local_timezone(self)
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be an instance of tzinfo")
        if self._tzinfo is tz:
            return self
        offset = self.utcoffset()
        if offset is None:
            offset = _local_timezone(self).utcoffset(self)
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        """Return ctime() style string."""
        return _time.asctime(self.timetuple())

    def isoformat(self, sep='T', timespec='auto'):
        """[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."""
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError('isoformat() argument 1 must be a unicode character, not %s'
                            % type(sep).__name__)
        return ('%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep)
                + _format_time(self._hour, self._minute, self._second, self._microsecond,
                               timespec)
                + _format_offset(self.utcoffset()))

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second,
                  self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        text = '%s(%s' % (_type_name(self, datetime), ', '.join(map(str, fields)))
        if self._tzinfo is not None:
            text += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            text += ', fold=1'
        return text + ')'

    def strftime(self, format):
        """format -> strftime() style string."""
        return _strftime(self, format, self.timetuple())

    utcoffset = _utcoffset

    dst = _dst

    tzname = _tzname

    def _us(self):
        return ((self.toordinal() * 86400 + (self._hour * 60 + self._minute) * 60 + self._second)
                * 1000000 + self._microsecond)

    _compare = _compare_moments

    def __eq__(self, other):
        if isinstance(other, datetime):
            difference, comparable = self._compare(other)
            return comparable and difference == 0
        return NotImplemented if not isinstance(other, date) else False

    def _order(self, other):
        if isinstance(other, datetime):
            difference, comparable = self._compare(other)
            if not comparable:
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return difference
        return None

    __lt__ = _lt
    __le__ = _le
    __gt__ = _gt
    __ge__ = _ge

    __hash__ = _moment_hash

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._us() + other._total()
        days, rest = divmod(total, _US_PER_DAY)
        if not 1 <= days <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        seconds, microsecond = divmod(rest, 1000000)
        return type(self)(*_from_ordinal(days), seconds // 3600, seconds // 60 % 60,
                          seconds % 60, microsecond, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None) and self._tzinfo is not other._tzinfo:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        difference = self._us() - other._us()
        if self._tzinfo is not other._tzinfo and mine is not None:
            difference -= mine._total() - theirs._total()
        return timedelta._from_microseconds(difference)

    def __reduce_ex__(self, protocol):
        # CPython: datetime_reduce_ex — 10 bytes, the fold in the month's top bit from protocol 4.
        month = self._month | 0x80 if self._fold and protocol > 3 else self._month
        us = self._microsecond
        state = bytes((self._year >> 8, self._year & 0xFF, month, self._day, self._hour,
                       self._minute, self._second, us >> 16, (us >> 8) & 0xFF, us & 0xFF))
        return (type(self), (state,) if self._tzinfo is None else (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)


_date_class = date
_time_class = time


def _split_timestamp(timestamp):
    # (whole seconds, microseconds) rounded half to even, as CPython's _PyTime_ROUND_HALF_EVEN.
    if isinstance(timestamp, int):
        return timestamp, 0
    if not isinstance(timestamp, float):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(timestamp).__name__)
    if timestamp != timestamp:
        raise ValueError('Invalid value NaN (not a number)')
    top, bottom = timestamp.as_integer_ratio()
    total = _round_half_even(top * 1000000, bottom)
    return divmod(total, 1000000)


def _local_timezone(moment):
    # The host's zone at that local or aware moment, as a fixed-offset timezone.
    if moment.tzinfo is None:
        seconds = _time.mktime(moment.timetuple())
    else:
        seconds = (moment - _EPOCH).total_seconds()
    local = _time.localtime(seconds)
    return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)


class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be datetime.timedelta, not %s'
                            % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError('timezone() argument 2 must be str, not %s' % type(name).__name__)
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) '
                             'and timedelta(hours=24), not %r.' % (offset,))
        if name is None and not offset and _UTC is not None:
            return _UTC
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return 'datetime.timezone.utc'
        if self._name is None:
            return '%s(%r)' % (_type_name(self, timezone), self._offset)
        return '%s(%r, %r)' % (_type_name(self, timezone), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError('utcoffset(dt) argument must be a datetime instance or None, not %s'
                        % type(dt).__name__)

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is not None:
                return self._name
            if not self._offset:
                return 'UTC'
            return 'UTC' + _format_offset(self._offset)
        raise TypeError('tzname(dt) argument must be a datetime instance or None, not %s'
                        % type(dt).__name__)

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError('dst(dt) argument must be a datetime instance or None, not %s'
                        % type(dt).__name__)

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() argument must be a datetime.datetime instance')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = UTC = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _datetime_strptime(cls, date_string, format):
    """string, format -> new datetime parsed from a string (like time.strptime())."""
    # CPython: datetime_strptime() parses "UU:strptime" (1-based argument numbers).
    for index, argument in enumerate((date_string, format)):
        if not isinstance(argument, str):
            raise TypeError('strptime() argument %d must be str, not %s'
                            % (index + 1, type(argument).__name__))
    import _strptime
    return _strptime._strptime_datetime(cls, date_string, format)


datetime.strptime = classmethod(_datetime_strptime)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
`;

/**
 * `import datetime`.
 *
 * @example
 * ```ts
 * interpreter.run("from datetime import date\nprint(date(2024, 2, 28).replace(day=29))"); // 2024-02-29
 * ```
 */
export const datetimeModule = pythonSourceModule(
  "datetime",
  DATETIME_SOURCE,
  Object.fromEntries(
    ["timedelta", "date", "time", "datetime", "tzinfo", "timezone", "IsoCalendarDate"].map(
      (name) => [name, `datetime.${name}`],
    ),
  ),
);
