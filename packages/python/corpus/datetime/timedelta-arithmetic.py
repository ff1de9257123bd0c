# datetime.timedelta: normalisation, exact arithmetic rounded half to even, str/repr, errors
from datetime import timedelta
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6, microseconds=7)
print(repr(td), td, td.total_seconds(), -td, abs(-td), repr(timedelta()), timedelta(0.1))
print(timedelta(microseconds=-1), repr(timedelta(microseconds=-1)), timedelta(days=-2, seconds=5))
print(timedelta(weeks=1) / timedelta(days=2), timedelta(days=1) // timedelta(hours=5))
print(timedelta(days=1) % timedelta(hours=5), divmod(timedelta(days=1), timedelta(hours=7)))
print(td * 2, 2.5 * td, td / 3, td / 0.5, td // 7, timedelta(seconds=1) * 0.3333333)
print(timedelta(microseconds=3) / 2, timedelta(microseconds=5) / 2, timedelta(microseconds=7) * 0.5)
print(timedelta.min, timedelta.max, timedelta.resolution, repr(timedelta.max))
print(timedelta(hours=25) == timedelta(days=1, hours=1), timedelta(1) < timedelta(2), bool(timedelta()))
print(hash(timedelta(1)) == hash(timedelta(hours=24)), sorted([timedelta(3), timedelta(-1), timedelta(0)]))
for bad in [lambda: timedelta(days=1e10), lambda: timedelta(days=10 ** 9), lambda: timedelta('x'),
            lambda: timedelta(1) / 0, lambda: timedelta.max + timedelta.resolution]:
    try:
        bad()
    except Exception as error:
        print(type(error).__name__, error)
try:
    timedelta(1) + 1
except TypeError as error:
    print(error)
