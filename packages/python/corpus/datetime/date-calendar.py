# datetime.date: validation, ordinals, ISO calendar and formats, strftime, arithmetic, comparisons
from datetime import date, datetime, timedelta
d = date(2024, 2, 29)
print(repr(d), d, d.year, d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
print(d.timetuple(), d.ctime(), d.isocalendar().week, tuple(d.isocalendar()))
print(d + timedelta(days=1), d - timedelta(days=366), d - date(2000, 1, 1), date.fromordinal(738000))
print(date.fromisoformat('2024-03-05'), date.fromisoformat('20240305'), date.fromisoformat('2024-W10-2'))
print(date.fromisocalendar(2020, 53, 7), date.min, date.max, date.resolution, d.replace(year=2025, day=28))
print(f"{d:%A %d %B %Y}", format(d), d.strftime('%j %U %f %z|%Z|'), str(d) == d.isoformat())
weeks = [date(year, month, day).isocalendar()[:2] for year in (2020, 2021, 2026, 2027)
         for month, day in ((1, 1), (12, 31))]
print(weeks)
for bad in [lambda: date(2023, 2, 29), lambda: date(0, 1, 1), lambda: date(2024, 13, 1),
            lambda: date(2024.0, 1, 1), lambda: date.fromisoformat('2024-3-5'),
            lambda: date.max + timedelta(1), lambda: date.fromisocalendar(2021, 53, 1),
            lambda: date.fromisoformat('2023-W60-1'), lambda: date.fromisoformat('2023-02-29')]:
    try:
        print(bad())
    except Exception as error:
        print(type(error).__name__, error)
print(date(2024, 1, 1) == datetime(2024, 1, 1), datetime(2024, 1, 1) != date(2024, 1, 1))
print(sorted({date(2024, 1, 2), date(2024, 1, 1), date(2024, 1, 2)}))
class MyDate(date):
    pass
md = MyDate(2024, 1, 1)
print(repr(md), type(md + timedelta(1)).__name__, md.replace(month=5))
