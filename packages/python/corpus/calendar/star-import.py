# from calendar import *: every name in __all__ exists; the Locale* calendars in the C locale.
from calendar import *
import calendar

print(sorted(name for name in calendar.__all__ if not hasattr(calendar, name)))
print(len(calendar.__all__), MONDAY, DECEMBER, isleap(2100), monthrange(2100, 2))
print(LocaleTextCalendar(locale='C').formatmonth(2024, 7))
print(LocaleTextCalendar(6, 'C').formatweekheader(3), LocaleTextCalendar(locale='C').locale)
print(LocaleHTMLCalendar(locale='C').formatweekheader())
print(issubclass(LocaleTextCalendar, TextCalendar), issubclass(LocaleHTMLCalendar, HTMLCalendar))
print(type(IllegalMonthError(1)).__name__, Calendar(2).firstweekday, Day(3), Month(1))
