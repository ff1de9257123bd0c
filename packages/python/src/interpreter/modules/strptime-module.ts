import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `_strptime`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/_strptime.py): the parser behind `time.strptime` and
 * `datetime.datetime.strptime`, for the C locale. A format becomes one case-insensitive regular
 * expression (directive by directive, with CPython's patterns, so the same inputs match), and the
 * matched fields become a date the way CPython derives it (12-hour clock with AM/PM, two-digit
 * years, day of year, week numbers with a weekday, ISO year/week/weekday, UTC offsets with
 * seconds and fractions, time zone names), with CPython 3.13's ValueError messages and its
 * DeprecationWarning for a day of month without a year.
 *
 * @module
 */

/** The module's Python source, run at import. */
const STRPTIME_SOURCE = String.raw`# pymem's _strptime, written for pymem in Python (not CPython's Lib/_strptime.py).
import re as _re
import time as _time
from datetime import date as _date, timedelta as _timedelta, timezone as _timezone

_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_MONTHS = ['', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
           'september', 'october', 'november', 'december']


def _alternatives(name, words):
    # Longest first, so that a name is never cut short by a prefix of another.
    words = sorted((word for word in words if word), key=len, reverse=True)
    return '(?P<%s>%s)' % (name, '|'.join(_re.escape(word) for word in words))


def _zone_names():
    utc_names = {'utc', 'gmt', _time.tzname[0].lower()}
    daylight_names = {_time.tzname[1].lower()} if _time.daylight else set()
    return utc_names, daylight_names


_PATTERNS = {
    'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'f': r'(?P<f>[0-9]{1,6})',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
    'G': r'(?P<G>\d\d\d\d)',
    'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
    'M': r'(?P<M>[0-5]\d|\d)',
    'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'U': r'(?P<U>5[0-3]|[0-4]\d|\d)',
    'w': r'(?P<w>[0-6])',
    'u': r'(?P<u>[1-7])',
    'V': r'(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)',
    'y': r'(?P<y>\d\d)',
    'Y': r'(?P<Y>\d\d\d\d)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|Z)',
    'A': _alternatives('A', _WEEKDAYS),
    'a': _alternatives('a', [day[:3] for day in _WEEKDAYS]),
    'B': _alternatives('B', _MONTHS),
    'b': _alternatives('b', [month[:3] for month in _MONTHS]),
    'p': _alternatives('p', ['am', 'pm']),
    '%': '%',
}
_PATTERNS['W'] = _PATTERNS['U'].replace('U', 'W')
# The C locale's %c, %x and %X, spelled with the directives above.
_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
_compiled = {}

_DAY_WITHOUT_YEAR = (
    'Parsing dates involving a day of month without a year specified is ambiguious\n'
    'and fails to parse leap day. The default behavior will change in Python 3.15\n'
    'to either always raise an exception or to use a different default year (TBD).\n'
    'To avoid trouble, add a specific year to the input & format.\n'
    'See https://github.com/python/cpython/issues/70647.')


def _directive_pattern(code, seen):
    if code in _COMPOSITE:
        return _translate(_COMPOSITE[code], seen)
    if code == 'Z':
        utc_names, daylight_names = _zone_names()
        return _alternatives('Z', utc_names | daylight_names)
    # A KeyError names the bad directive for the caller's message.
    return _PATTERNS[code]


def _translate(format, seen):
    # CPython: TimeRE.pattern() — regex characters escaped, whitespace runs made flexible,
    # each directive replaced by its pattern.
    format = _re.sub(r'([\\.^$*+?\(\){}\[\]|])', r'\\\1', format)
    format = _re.sub(r'\s+', r'\\s+', format)
    pieces = []
    while '%' in format:
        index = format.index('%') + 1
        pieces.append(format[:index - 1])
        code = format[index]
        seen.add(code)
        pieces.append(_directive_pattern(code, seen))
        format = format[index + 1:]
    pieces.append(format)
    return ''.join(pieces)


def _compile(format):
    regex = _compiled.get(format)
    if regex is None:
        seen = set()
        try:
            pattern = _translate(format, seen)
        except KeyError as error:
            bad = error.args[0]
            if bad == '\\':
                bad = '%'
            raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format)) from None
        except IndexError:
            raise ValueError("stray %% in format '%s'" % format) from None
        if 'd' in seen and not seen & {'Y', 'y', 'G'}:
            import warnings
            warnings.warn(_DAY_WITHOUT_YEAR, DeprecationWarning, stacklevel=5)
        regex = _re.compile(pattern, _re.IGNORECASE)
        _compiled[format] = regex
    return regex


def _julian_from_week(year, week, weekday, starts_monday):
    # CPython: _calc_julian_from_U_or_W()
    first_weekday = _date(year, 1, 1).weekday()
    if not starts_monday:
        first_weekday = (first_weekday + 1) % 7
        weekday = (weekday + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week == 0:
        return 1 + weekday - first_weekday
    return 1 + week_0_length + 7 * (week - 1) + weekday


def _offset(text):
    # A UTC offset [+-]HH[:]MM[[:]SS[.ffffff]] or Z: (seconds, microseconds).
    if text == 'Z':
        return 0, 0
    original = text
    if text[3] == ':':
        text = text[:3] + text[4:]
        if len(text) > 5:
            if text[5] != ':':
                raise ValueError('Inconsistent use of : in %s' % original)
            text = text[:5] + text[6:]
    seconds = int(text[1:3]) * 3600 + int(text[3:5]) * 60 + int(text[5:7] or 0)
    remainder = text[8:]
    fraction = int(remainder + '0' * (6 - len(remainder)))
    if text.startswith('-'):
        return -seconds, -fraction
    return seconds, fraction


def _strptime(data_string, format='%a %b %d %H:%M:%S %Y'):
    """Return a 2-tuple consisting of a time struct and an int containing
    the number of microseconds based on the input string and the
    format string."""
    for index, argument in enumerate([data_string, format]):
        if not isinstance(argument, str):
            raise TypeError('strptime() argument %d must be str, not %s'
                            % (index, type(argument)))
    found = _compile(format).match(data_string)
    if not found:
        raise ValueError('time data %r does not match format %r' % (data_string, format))
    # CPython matches the Z of %z case-sensitively ((?-i:Z)); pymem's re has no scoped flags.
    if found.groupdict().get('z') == 'z':
        raise ValueError('time data %r does not match format %r' % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError('unconverted data remains: %s' % data_string[found.end():])
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_starts_monday = False
    weekday = julian = None
    fields = found.groupdict()
    for key in fields:
        value = fields[key]
        if key == 'y':
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(value)
        elif key == 'G':
            iso_year = int(value)
        elif key == 'm':
            month = int(value)
        elif key == 'B':
            month = _MONTHS.index(value.lower())
        elif key == 'b':
            month = [name[:3] for name in _MONTHS].index(value.lower())
        elif key == 'd':
            day = int(value)
        elif key == 'H':
            hour = int(value)
        elif key == 'I':
            hour = int(value)
            meridian = (fields.get('p') or '').lower()
            if meridian in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif meridian == 'pm' and hour != 12:
                hour += 12
        elif key == 'M':
            minute = int(value)
        elif key == 'S':
            second = int(value)
        elif key == 'f':
            fraction = int(value + '0' * (6 - len(value)))
        elif key == 'A':
            weekday = _WEEKDAYS.index(value.lower())
        elif key == 'a':
            weekday = [name[:3] for name in _WEEKDAYS].index(value.lower())
        elif key == 'w':
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(value) - 1
        elif key == 'j':
            julian = int(value)
        elif key in ('U', 'W'):
            week_of_year = int(value)
            week_starts_monday = key == 'W'
        elif key == 'V':
            iso_week = int(value)
        elif key == 'z':
            gmtoff, gmtoff_fraction = _offset(value)
        elif key == 'Z':
            zone = value.lower()
            utc_names, daylight_names = _zone_names()
            for index, names in enumerate((utc_names, daylight_names)):
                if zone in names:
                    ambiguous = (_time.tzname[0] == _time.tzname[1] and _time.daylight
                                 and zone not in ('utc', 'gmt'))
                    if not ambiguous:
                        tz = index
                    break
    if iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                             "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        # 1904 is a leap year: Feb 29 must exist for the arithmetic below.
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday, week_starts_monday)
        elif iso_year is not None and iso_week is not None:
            result = _date.fromisocalendar(iso_year, iso_week, weekday + 1)
            year, month, day = result.year, result.month, result.day
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 365
    if julian is None:
        julian = _date(year, month, day).toordinal() - _date(year, 1, 1).toordinal() + 1
    else:
        result = _date.fromordinal(julian - 1 + _date(year, 1, 1).toordinal())
        year, month, day = result.year, result.month, result.day
    if weekday is None:
        weekday = _date(year, month, day).weekday()
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, fields.get('Z'),
             gmtoff), fraction, gmtoff_fraction)


def _strptime_time(data_string, format='%a %b %d %H:%M:%S %Y'):
    fields = _strptime(data_string, format)[0]
    return _time.struct_time(fields)


def _strptime_datetime(cls, data_string, format='%a %b %d %H:%M:%S %Y'):
    fields, fraction, gmtoff_fraction = _strptime(data_string, format)
    zone_name, gmtoff = fields[-2:]
    arguments = fields[:6] + (fraction,)
    if gmtoff is not None:
        delta = _timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        arguments += (_timezone(delta, zone_name) if zone_name else _timezone(delta),)
    return cls(*arguments)
`;

/**
 * Builds the `_strptime` module the first time `time.strptime` or `datetime.strptime` needs it.
 *
 * @example
 * ```ts
 * interpreter.run("import time\nprint(time.strptime('2024', '%Y').tm_year)"); // 2024
 * ```
 */
export const strptimeModule = pythonSourceModule("_strptime", STRPTIME_SOURCE);
