# IllegalMonthError, IllegalWeekdayError and the errors datetime raises underneath.
import calendar

attempts = [
    lambda: calendar.monthrange(2024, 13),
    lambda: calendar.monthrange(2024, 0),
    lambda: calendar.monthcalendar(2024, -1),
    lambda: calendar.setfirstweekday(7),
    lambda: calendar.setfirstweekday(-1),
    lambda: calendar.weekday(2024, 2, 30),
    lambda: calendar.weekday(2024, 13, 1),
    lambda: calendar.month(2024, 13),
    lambda: calendar.month_name[13],
    lambda: calendar.day_abbr[7],
    lambda: list(calendar.Calendar().itermonthdates(9999, 12)),
    lambda: calendar.isleap('2024'),
    lambda: calendar.Month(13),
    lambda: calendar.no_such_name,
    lambda: calendar.timegm((2024, 2, 30, 0, 0, 0)),
]
for attempt in attempts:
    try:
        print('ok', attempt())
    except (ValueError, IndexError, TypeError, AttributeError) as error:
        print(type(error).__name__, error)
error = calendar.IllegalMonthError(14)
print(error.month, error.args, isinstance(error, ValueError), calendar.IllegalWeekdayError(9).weekday)
print(calendar.IllegalMonthError.__mro__[1].__name__)
calendar.monthrange(2024, 15)
