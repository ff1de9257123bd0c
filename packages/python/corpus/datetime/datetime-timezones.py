# datetime.datetime/time/timezone: ISO formats, aware arithmetic and comparison, strftime, errors
from datetime import date, time, datetime, timedelta, timezone, tzinfo, UTC
t = time(13, 5, 7, 123)
print(repr(t), t, t.isoformat('minutes'), t.isoformat('milliseconds'), repr(time()))
print(time.fromisoformat('T10:11:12.5+02:00'), t.strftime('%I:%M %p %f'), repr(time(1, 2, fold=1)))
dt = datetime(2024, 12, 31, 23, 59, 59, 999999)
print(repr(dt), dt, dt + timedelta(microseconds=1), dt.date(), dt.time(), dt.isoformat())
print(dt.isoformat(' ', 'seconds'), dt.timetuple(), dt.weekday(), repr(datetime(2024, 1, 1, 0, 0, 0, 1)))
print(datetime.fromisoformat('2024-01-02T03:04:05.678901+05:30'), datetime.fromisoformat('2024-01-02'))
print(datetime.fromisoformat('20240102T030405Z'), repr(datetime.fromisoformat('2024-01-02 03:04')))
cest = timezone(timedelta(hours=2), 'CEST')
aware = datetime(2024, 6, 1, 12, tzinfo=cest)
print(repr(aware), aware, aware.utcoffset(), aware.tzname(), aware.dst(), aware.astimezone(UTC))
print(aware.timestamp(), aware.strftime('%z %:z %Z'), aware.utctimetuple())
print(repr(UTC), timezone.utc is UTC, timezone(timedelta(0)) is UTC, repr(timezone(timedelta(hours=-5))))
print(str(timezone(timedelta(hours=-5, minutes=-30))), timezone.min, timezone.max)
print(datetime.fromtimestamp(0, UTC), datetime.fromtimestamp(1700000000.123456, timezone.utc))
print(datetime.combine(date(2024, 1, 1), time(5, tzinfo=UTC)), datetime.min, datetime.max)
print(aware == datetime(2024, 6, 1, 10, tzinfo=UTC), aware - datetime(2024, 6, 1, tzinfo=UTC))
print(datetime(2024, 1, 1) == aware, datetime(2024, 3, 10, 8, 30).strftime('%Y-%m-%d %H:%M:%S.%f %a %%'))
for bad in [lambda: aware < datetime(2024, 1, 1), lambda: aware - datetime(2024, 1, 1),
            lambda: timezone(timedelta(hours=24)), lambda: datetime(2024, 1, 1, 24),
            lambda: time(1, 60), lambda: datetime.fromisoformat('2024-01-02T25:00'),
            lambda: datetime(2024, 1, 1, tzinfo=5), lambda: tzinfo().utcoffset(None),
            lambda: datetime.fromisoformat('2024-01-02X')]:
    try:
        print(bad())
    except Exception as error:
        print(type(error).__name__, error)
