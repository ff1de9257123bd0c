# statistics.geometric_mean, harmonic_mean (weighted, Fractions) and median_grouped, with errors.
import statistics
from fractions import Fraction

print(statistics.geometric_mean([54, 24, 36]), statistics.geometric_mean([0, 5]))
print(statistics.geometric_mean([2.5, 3.25, 5.5]))
print(statistics.harmonic_mean([40, 60]), statistics.harmonic_mean([40, 60], weights=[5, 30]))
print(statistics.harmonic_mean([Fraction(1, 2), Fraction(1, 3)]), statistics.harmonic_mean([0, 5]))
print(statistics.harmonic_mean([2.5]), statistics.harmonic_mean(iter([1, 2, 4])))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 3, 3, 5, 7], interval=2))
print(statistics.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), statistics.median_grouped([7.5]))
calls = [lambda: statistics.geometric_mean([]), lambda: statistics.geometric_mean([1, -2]),
         lambda: statistics.harmonic_mean([]), lambda: statistics.harmonic_mean([-1]),
         lambda: statistics.harmonic_mean([1, -5]), lambda: statistics.harmonic_mean([2, 3], [1]),
         lambda: statistics.harmonic_mean(["a"]), lambda: statistics.harmonic_mean([1, 2], [0, 0]),
         lambda: statistics.median_grouped([]), lambda: statistics.median_grouped(["a"])]
for call in calls:
    try:
        call()
    except (statistics.StatisticsError, TypeError) as error:
        print(type(error).__name__, error.args)
