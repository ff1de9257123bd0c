/**
 * The part of `time` written in Python that pymem runs at import (pymem's own source, not
 * CPython's C): `struct_time`, `gmtime`, `localtime`, `mktime`, `asctime`, `ctime` and `strftime`
 * with glibc's directives in the C locale (flags `-`, `_`, `0`, `^`, `#` and widths included).
 * Its globals start with the natives of time-module.ts (`_local_zone`, `_local_seconds`,
 * `_zone_info` and the clocks).
 *
 * @module
 */

/**
 * The Python source of `time`'s Python part.
 *
 * @internal
 */
export const TIME_SOURCE = String.raw`# pymem's time module, the calendar part, written for pymem in Python (not CPython's C). The
# natives give the clocks and what the host knows of the local time zone (_local_zone,
# _local_seconds, _zone_info); the rest (struct_time, gmtime, localtime, mktime, asctime, ctime,
# strftime with glibc's directives in the C locale) is here.

_WEEKDAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday',
           'tm_isdst')

_std_name, _dst_name, timezone, altzone, daylight = _zone_info()
tzname = (_std_name, _dst_name)
del _std_name, _dst_name


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __match_args__ = _FIELDS

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)'
                            % len(items))
        if len(items) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)'
                            % len(items))
        self = tuple.__new__(cls, items[:9])
        extra = items[9:] + (None,) * (11 - len(items))
        object.__setattr__(self, '_zone', extra)
        return self

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join(
            '%s=%r' % (name, value) for name, value in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (tuple(self) + self._zone,))

    @property
    def tm_zone(self):
        return self._zone[0]

    @property
    def tm_gmtoff(self):
        return self._zone[1]


def _field(index):
    return property(lambda self: tuple.__getitem__(self, index))


for _index, _name in enumerate(_FIELDS):
    setattr(struct_time, _name, _field(_index))
del _index, _name, _field


def _seconds(value):
    # CPython: _PyTime_ObjectToTime_t with _PyTime_ROUND_FLOOR.
    if value is None:
        return time()
    if isinstance(value, float):
        if value != value:
            raise ValueError('Invalid value NaN (not a number)')
        if not -67768040609740800.0 <= value <= 67768036191676799.0:
            raise OverflowError('timestamp out of range for platform time_t')
        return value
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    if not -67768040609740800 <= value <= 67768036191676799:
        raise OverflowError('timestamp out of range for platform time_t')
    return value


def _civil(days):
    # Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar, by
    # 400-year eras starting on March 1st (Howard Hinnant's civil_from_days).
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524
                   - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    year = year_of_era + era * 400 + (month <= 2)
    return year, month, day


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _year_day(year, month, day):
    return _DAYS_BEFORE_MONTH[month - 1] + (month > 2 and _is_leap(year)) + day


def _broken_down(seconds, offset, isdst, zone):
    whole = int(seconds // 1) + offset
    days, rest = divmod(whole, 86400)
    year, month, day = _civil(days)
    return struct_time((year, month, day, rest // 3600, rest // 60 % 60, rest % 60,
                        (days + 3) % 7, _year_day(year, month, day), isdst, zone, offset))


def gmtime(seconds=None):
    """Convert seconds since the Epoch to a time tuple expressing UTC (a.k.a. GMT)."""
    return _broken_down(_seconds(seconds), 0, 0, 'GMT')


def localtime(seconds=None):
    """Convert seconds since the Epoch to a time tuple expressing local time."""
    seconds = _seconds(seconds)
    offset, isdst, zone = _local_zone(float(seconds // 1))
    return _broken_down(seconds, offset, isdst, zone)


def _time_tuple(value, name):
    # CPython: gettmarg — a struct_time or a 9-tuple of ints.
    if not isinstance(value, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(value) != 9 and not isinstance(value, struct_time):
        raise TypeError('%s(): illegal time tuple argument' % name)
    fields = tuple(value)[:9]
    for field in fields:
        if not isinstance(field, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(field).__name__)
    zone = value._zone if isinstance(value, struct_time) else (None, None)
    return fields, zone


def _checked(fields, name):
    # CPython: checktm, after strftime/asctime treat 0 as "unspecified" month/day/yday.
    year, month, day, hour, minute, second, weekday, yday, isdst = fields
    month = month or 1
    day = day or 1
    yday = yday or 1
    if not 1 <= month <= 12:
        raise ValueError('month out of range')
    if not 1 <= day <= 31:
        raise ValueError('day of month out of range')
    if not 0 <= hour <= 23:
        raise ValueError('hour out of range')
    if not 0 <= minute <= 59:
        raise ValueError('minute out of range')
    if not 0 <= second <= 61:
        raise ValueError('seconds out of range')
    # C counts weekdays from Sunday: (weekday + 1) % 7 with C's remainder, negative = invalid.
    c_weekday = weekday + 1 - 7 * int((weekday + 1) / 7)
    if c_weekday < 0:
        raise ValueError('day of week out of range')
    if not 1 <= yday <= 366:
        raise ValueError('day of year out of range')
    return year, month, day, hour, minute, second, (c_weekday + 6) % 7, yday, max(-1, min(1, isdst))


def mktime(t):
    """Convert a time tuple in local time to seconds since the Epoch."""
    (year, month, day, hour, minute, second, _, _, _), _ = _time_tuple(t, 'mktime')
    return _local_seconds(year, month, day, hour, minute, second)


def asctime(t=None):
    """Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."""
    fields = localtime() if t is None else _time_tuple(t, 'asctime')[0]
    year, month, day, hour, minute, second, weekday, _, _ = _checked(fields, 'asctime')
    return '%s %s%3d %02d:%02d:%02d %d' % (_WEEKDAYS[weekday][:3], _MONTHS[month - 1][:3], day,
                                          hour, minute, second, year)


def ctime(seconds=None):
    """Convert a time in seconds since the Epoch to a string in local time."""
    return asctime(localtime(seconds))


def _iso_week(year, yday, weekday):
    # (ISO year, ISO week): weeks start on Monday, week 1 holds the year's first Thursday.
    week = (yday - weekday + 9) // 7
    if week < 1:
        year -= 1
        previous_days = 366 if _is_leap(year) else 365
        return year, (yday + previous_days - weekday + 9) // 7
    days = 366 if _is_leap(year) else 365
    if yday - weekday + 3 > days:
        return year + 1, 1
    return year, week


def _directive(code, fields, zone):
    year, month, day, hour, minute, second, weekday, yday, isdst = fields
    if code == 'Y':
        return str(year), 1, '0'
    if code == 'y':
        return str(year % 100), 2, '0'
    if code == 'C':
        return str(year // 100), 1, '0'
    if code == 'm':
        return str(month), 2, '0'
    if code == 'd':
        return str(day), 2, '0'
    if code == 'e':
        return str(day), 2, ' '
    if code == 'H':
        return str(hour), 2, '0'
    if code == 'k':
        return str(hour), 2, ' '
    if code in 'Il':
        return str(hour % 12 or 12), 2, '0' if code == 'I' else ' '
    if code == 'M':
        return str(minute), 2, '0'
    if code == 'S':
        return str(second), 2, '0'
    if code == 'j':
        return str(yday), 3, '0'
    if code == 'a':
        return _WEEKDAYS[weekday][:3], 0, ' '
    if code == 'A':
        return _WEEKDAYS[weekday], 0, ' '
    if code in 'bh':
        return _MONTHS[month - 1][:3], 0, ' '
    if code == 'B':
        return _MONTHS[month - 1], 0, ' '
    if code == 'p':
        return 'AM' if hour < 12 else 'PM', 0, ' '
    if code == 'P':
        return 'am' if hour < 12 else 'pm', 0, ' '
    if code == 'u':
        return str(weekday + 1), 1, '0'
    if code == 'w':
        return str((weekday + 1) % 7), 1, '0'
    if code == 'U':
        return str((yday + 6 - (weekday + 1) % 7) // 7), 2, '0'
    if code == 'W':
        return str((yday + 6 - weekday) // 7), 2, '0'
    if code in 'GgV':
        iso_year, iso_week = _iso_week(year, yday, weekday)
        if code == 'V':
            return str(iso_week), 2, '0'
        return (str(iso_year), 1, '0') if code == 'G' else (str(iso_year % 100), 2, '0')
    if code == 'z':
        offset = zone[1] if zone[1] is not None else (-altzone if isdst > 0 else -timezone)
        sign = '-' if offset < 0 else '+'
        offset = abs(offset) // 60
        return '%s%02d%02d' % (sign, offset // 60, offset % 60), 0, ' '
    if code == 'Z':
        if zone[0] is not None:
            return zone[0], 0, ' '
        return tzname[isdst > 0] if isdst >= 0 else '', 0, ' '
    if code == 's':
        return '%d' % _local_seconds(year, month, day, hour, minute, second), 1, '0'
    return None


# Directives that stand for a whole format (glibc's C locale).
_COMPOSITES = {'c': '%a %b %e %H:%M:%S %Y', 'D': '%m/%d/%y', 'x': '%m/%d/%y', 'F': '%Y-%m-%d',
               'T': '%H:%M:%S', 'X': '%H:%M:%S', 'R': '%H:%M', 'r': '%I:%M:%S %p'}
_LITERALS = {'%': '%', 'n': '\n', 't': '\t'}


def _format(format, fields, zone):
    pieces = []
    index = 0
    length = len(format)
    while index < length:
        percent = format.find('%', index)
        if percent < 0:
            pieces.append(format[index:])
            break
        pieces.append(format[index:percent])
        position = percent + 1
        flag = ''
        while position < length and format[position] in '-_0^#':
            flag = format[position]
            position += 1
        start = position
        while position < length and format[position].isdigit():
            position += 1
        width = int(format[start:position]) if position > start else None
        while position < length and format[position] in 'EO':
            position += 1
        if position >= length:
            pieces.append(format[percent:])
            break
        code = format[position]
        index = position + 1
        if code in _LITERALS:
            pieces.append(_LITERALS[code])
            continue
        if code in _COMPOSITES:
            text, minimum, pad = _format(_COMPOSITES[code], fields, zone), 0, ' '
        else:
            found = _directive(code, fields, zone)
            if found is None:
                pieces.append(format[percent:index])
                continue
            text, minimum, pad = found
        if flag == '-':
            minimum = 0
            pad = ' '
        elif flag == '_':
            pad = ' '
        elif flag == '0':
            pad = '0'
        if width is not None:
            minimum = width
        if flag == '^' or flag == '#':
            text = text.upper() if flag == '^' or not text.isupper() else text.lower()
        negative = text.startswith('-') and pad == '0'
        digits = text[1:] if negative else text
        padding = max(0, minimum - len(text)) * pad
        pieces.append(('-' + padding + digits) if negative else padding + text)
    return ''.join(pieces)


def strftime(format, t=None):
    """Convert a time tuple to a string according to a format specification."""
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    if t is None:
        t = localtime()
    fields, zone = _time_tuple(t, 'strftime')
    return _format(format, _checked(fields, 'strftime'), zone)


def strptime(data_string, format='%a %b %d %H:%M:%S %Y'):
    """Parse a string to a time tuple according to a format specification."""
    import _strptime
    return _strptime._strptime_time(data_string, format)
`;
