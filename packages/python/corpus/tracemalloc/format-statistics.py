# The exact text of Statistic and StatisticDiff: sizes in B, KiB, MiB, GiB, signs and averages.
import tracemalloc

tb = tracemalloc.Traceback((("app.py", 12),))
for size, count in [(0, 0), (7, 1), (99, 3), (1023, 2), (10239, 10), (10240, 10),
                    (102399, 7), (102400, 1), (5 * 1024 * 1024, 4), (3 * 1024 ** 3, 2)]:
    print(tracemalloc.Statistic(tb, size, count))
for size, diff, count, cdiff in [(100, 100, 1, 1), (2048, -4096, 2, -3), (0, -50000, 0, -7),
                                  (20000, 0, 5, 0), (150 * 1024, 99 * 1024, 9, 8)]:
    print(tracemalloc.StatisticDiff(tb, size, diff, count, cdiff))
s = tracemalloc.Statistic(tb, 40, 2)
print(repr(s))
d = tracemalloc.StatisticDiff(tb, 40, -8, 2, -1)
print(repr(d))
print(s == tracemalloc.Statistic(tb, 40, 2), s == tracemalloc.Statistic(tb, 41, 2))
print(s.traceback, s.size, s.count, d.size_diff, d.count_diff)
