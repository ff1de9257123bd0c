# time.gmtime and struct_time: the calendar fields, ISO weeks, the extra zone fields, errors
import time
print(time.gmtime(0))
print(time.gmtime(-1), time.gmtime(1e10).tm_year, time.gmtime(951782400).tm_yday)
days = []
for seconds in range(1577880000, 1830000000, 86400 * 97):
    g = time.gmtime(seconds)
    days.append(time.strftime('%G-%V-%u %U %W %j', g))
print(days)
s = time.gmtime(0)
print(s.tm_year, s[0], len(s), s[-1], s[:3], tuple(s) == s, type(s).__name__, s.n_fields)
print(s.tm_zone, s.tm_gmtoff, time.strftime('%z %Z', s), time.asctime(s))
print(repr(time.asctime((2024, 3, 5, 1, 2, 3, 1, 65, 0))))
try:
    s.tm_year = 5
except AttributeError as error:
    print(error)
for bad in ['x', float('nan'), 1e30]:
    try:
        time.gmtime(bad)
    except (ValueError, TypeError, OverflowError) as error:
        print(type(error).__name__, error)
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9)), time.time_ns() > 1.7e18)
try:
    time.struct_time((1, 2))
except TypeError as error:
    print(error)
