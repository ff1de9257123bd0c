# Leap years, leapdays, weekday, monthrange, timegm and the Month/Day enums.
import calendar

print([y for y in range(1896, 1910) if calendar.isleap(y)], calendar.isleap(2000))
print(calendar.leapdays(2000, 2025), calendar.leapdays(1, 10000), calendar.leapdays(2025, 2000))
print(calendar.weekday(2024, 2, 29), repr(calendar.weekday(1970, 1, 1)), int(calendar.weekday(2024, 12, 25)))
print(calendar.weekday(10000, 1, 1), calendar.weekday(0, 3, 1), calendar.weekday(-400, 1, 1))
for year, month in [(2024, 2), (2023, 2), (1900, 2), (2000, 2), (2024, 12)]:
    print(year, month, calendar.monthrange(year, month))
print(calendar.timegm((2024, 3, 1, 12, 30, 15)), calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0)))
print(calendar.MONDAY, calendar.SUNDAY, repr(calendar.JANUARY), calendar.Month(12).name)
print(list(calendar.Day)[:3], calendar.Day.FRIDAY + 1, calendar.DECEMBER.value)
print(calendar.mdays, calendar.EPOCH, calendar.error)
print(list(calendar.month_name), list(calendar.month_abbr))
print(list(calendar.day_name), calendar.day_abbr[-1], calendar.month_name[1:4], len(calendar.day_abbr))
print(calendar.firstweekday())
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.weekheader(2))
calendar.setfirstweekday(0)
print(calendar.weekheader(1), '|', calendar.weekheader(3), '|', calendar.weekheader(9))
