import { pythonSourceModule } from "./python-source-module.js";
import { STATISTICS_BIVARIATE_SOURCE } from "./statistics-bivariate.js";

/**
 * Python's `statistics`, the averages and spread functions (pymem's own source, not CPython's
 * Lib/statistics.py): `mean`, `fmean`, `median`, `median_low`, `median_high`, `mode`,
 * `multimode`, `quantiles`, `variance`, `pvariance`, `stdev`, `pstdev` and `StatisticsError`.
 * Sums are exact (over `fractions.Fraction`), results are converted back to the data's type
 * as CPython converts them (ints give an int when the result is whole, else a float), and the
 * standard deviations are the correctly rounded square root of the exact variance. The
 * geometric and harmonic means, `median_grouped` and the two-variable functions are in
 * statistics-bivariate.ts.
 *
 * @module
 */

/** The module's Python source, run at import. */
const STATISTICS_SOURCE = String.raw`# pymem's statistics, written for pymem in Python (not CPython's Lib/statistics.py).
import math
from collections import Counter
from fractions import Fraction

__all__ = ['StatisticsError', 'fmean', 'mean', 'median', 'median_high', 'median_low', 'mode',
           'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance']


class StatisticsError(ValueError):
    pass


def _coerce(kind, other):
    # The type a result has when the data mixes kind and other (CPython: _coerce).
    if kind is other:
        return kind
    if other is int or other is bool:
        return kind
    if kind is int:
        return other
    if issubclass(other, kind):
        return other
    if issubclass(kind, other):
        return kind
    if issubclass(kind, int):
        return other
    if issubclass(other, int):
        return kind
    if issubclass(kind, Fraction) and issubclass(other, float):
        return other
    if issubclass(kind, float) and issubclass(other, Fraction):
        return kind
    raise TypeError("can't convert type '%s' to numerator/denominator"
                    % (other.__name__ if kind is int else kind.__name__))


def _exact(values):
    # The data as (type, exact fractions); the type every value coerces to.
    kind = int
    exact = []
    for value in values:
        kind = _coerce(kind, type(value))
        exact.append(Fraction(value))
    return kind, exact


def _convert(value, kind):
    # CPython: _convert — an exact result back in the data's type.
    if type(value) is kind:
        return value
    if issubclass(kind, int) and value.denominator != 1:
        kind = float
    return kind(value)


def _float_sqrt_of_frac(numerator, denominator):
    # The square root of numerator/denominator correctly rounded: an integer square root with
    # enough extra bits, its last bit set when inexact (round to odd), then one division.
    extra = (numerator.bit_length() - denominator.bit_length() - 109) // 2
    if extra >= 0:
        scaled = denominator << 2 * extra
        root = math.isqrt(numerator // scaled)
        root |= root * root * scaled != numerator
        return (root << extra) / 1
    scaled = numerator << -2 * extra
    root = math.isqrt(scaled // denominator)
    root |= root * root * denominator != scaled
    return root / (1 << -extra)


def mean(data):
    """Return the sample arithmetic mean of data."""
    kind, exact = _exact(data)
    if len(exact) < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(sum(exact, Fraction(0)) / len(exact), kind)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean."""
    if weights is None:
        values = [float(value) for value in data]
        if not values:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(values) / len(values)
    values = list(data)
    weights = list(weights)
    if len(weights) != len(values):
        raise StatisticsError('data and weights must be the same length')
    total = math.fsum(weights)
    if not total:
        raise StatisticsError('sum of weights must be non-zero')
    return math.fsum(value * weight for value, weight in zip(values, weights)) / total


def median(data):
    """Return the median (middle value) of numeric data."""
    data = sorted(data)
    count = len(data)
    if count == 0:
        raise StatisticsError('no median for empty data')
    if count % 2 == 1:
        return data[count // 2]
    middle = count // 2
    return (data[middle - 1] + data[middle]) / 2


def median_low(data):
    """Return the low median of numeric data."""
    data = sorted(data)
    count = len(data)
    if count == 0:
        raise StatisticsError('no median for empty data')
    return data[count // 2] if count % 2 == 1 else data[count // 2 - 1]


def median_high(data):
    """Return the high median of data."""
    data = sorted(data)
    count = len(data)
    if count == 0:
        raise StatisticsError('no median for empty data')
    return data[count // 2]


def mode(data):
    """Return the most common data point from discrete or nominal data."""
    pairs = Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    """Return a list of the most frequently occurring values."""
    counts = Counter(iter(data))
    if not counts:
        return []
    highest = max(counts.values())
    return [value for value, count in counts.items() if count == highest]


def quantiles(data, *, n=4, method='exclusive'):
    """Divide data into n continuous intervals with equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    count = len(data)
    if count < 2:
        if count == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    result = []
    if method == 'inclusive':
        span = count - 1
        for index in range(1, n):
            position, delta = divmod(index * span, n)
            result.append((data[position] * (n - delta) + data[position + 1] * delta) / n)
        return result
    if method == 'exclusive':
        span = count + 1
        for index in range(1, n):
            position = min(max(index * span // n, 1), count - 1)
            delta = index * span - position * n
            result.append((data[position - 1] * (n - delta) + data[position] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def _sum_of_squares(data, centre):
    # The exact sum of squared deviations from centre (the mean when None), with the type and
    # count (CPython: _ss).
    kind, exact = _exact(data)
    count = len(exact)
    if centre is None:
        total = sum(exact, Fraction(0))
        squares = sum((value * value for value in exact), Fraction(0))
        deviations = (count * squares - total * total) / count if count else Fraction(0)
    else:
        centre = Fraction(centre)
        deviations = sum(((value - centre) ** 2 for value in exact), Fraction(0))
    return kind, deviations, count


def variance(data, xbar=None):
    """Return the sample variance of data."""
    kind, deviations, count = _sum_of_squares(data, xbar)
    if count < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(deviations / (count - 1), kind)


def pvariance(data, mu=None):
    """Return the population variance of data."""
    kind, deviations, count = _sum_of_squares(data, mu)
    if count < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(deviations / count, kind)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    kind, deviations, count = _sum_of_squares(data, xbar)
    if count < 2:
        raise StatisticsError('stdev requires at least two data points')
    mean_square = deviations / (count - 1)
    return _float_sqrt_of_frac(mean_square.numerator, mean_square.denominator)


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    kind, deviations, count = _sum_of_squares(data, mu)
    if count < 1:
        raise StatisticsError('pstdev requires at least one data point')
    mean_square = deviations / count
    return _float_sqrt_of_frac(mean_square.numerator, mean_square.denominator)
`;

/**
 * `import statistics`.
 *
 * @example
 * ```ts
 * interpreter.run("import statistics\nprint(statistics.mean([1, 2, 3, 4]))"); // 2.5
 * ```
 */
export const statisticsModule = pythonSourceModule(
  "statistics",
  STATISTICS_SOURCE + STATISTICS_BIVARIATE_SOURCE,
);
