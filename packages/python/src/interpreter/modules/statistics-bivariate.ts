/**
 * The rest of Python's `statistics` beyond averages and spread (pymem's own source, not
 * CPython's Lib/statistics.py): `geometric_mean`, `harmonic_mean`, `median_grouped`, and the
 * two-variable `covariance`, `correlation` (linear and ranked) and `linear_regression`. Each
 * follows CPython 3.13's arithmetic step for step — `fsum` means, `sumprod` products, the same
 * order of float operations — so the floats it returns are CPython's to the last bit. Appended
 * to the `statistics` module's source, whose `StatisticsError`, `_exact` and `_convert` it uses.
 *
 * @module
 */

/** Python source appended to the `statistics` module. @internal */
export const STATISTICS_BIVARIATE_SOURCE = String.raw`
from collections import namedtuple as _namedtuple

__all__ += ['correlation', 'covariance', 'geometric_mean', 'harmonic_mean', 'linear_regression',
            'median_grouped']


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    count = 0
    saw_zero = False
    logs = []
    for value in data:
        if value > 0.0 or math.isnan(value):
            logs.append(math.log(value))
        elif value == 0.0:
            saw_zero = True
        else:
            raise StatisticsError('No negative inputs allowed', value)
        count += 1
    total = math.fsum(logs)
    if not count:
        raise StatisticsError('Must have a non-empty dataset')
    if math.isnan(total):
        return math.nan
    if saw_zero:
        return math.nan if total == math.inf else 0.0
    return math.exp(total / count)


_NEGATIVE_HARMONIC = 'harmonic mean does not support negative values'


def _non_negative(values):
    for value in values:
        if value < 0:
            raise StatisticsError(_NEGATIVE_HARMONIC)
        yield value


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data."""
    if iter(data) is data:
        data = list(data)
    count = len(data)
    if count < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if count == 1 and weights is None:
        value = data[0]
        if not isinstance(value, (int, float, Fraction)):
            raise TypeError('unsupported type')
        if value < 0:
            raise StatisticsError(_NEGATIVE_HARMONIC)
        return value
    if weights is None:
        weights = [1] * count
        weight_total = count
    else:
        weights = list(weights)
        if len(weights) != count:
            raise StatisticsError('Number of weights does not match data size')
        weight_total = sum(_exact(_non_negative(weights))[1], Fraction(0))
    try:
        kind, reciprocals = _exact(weight / value if weight else 0
                                   for weight, value in zip(weights, _non_negative(data)))
    except ZeroDivisionError:
        return 0
    total = sum(reciprocals, Fraction(0))
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(weight_total / total, kind)


def median_grouped(data, interval=1.0):
    """Estimates the median for numeric data binned around the midpoints of consecutive,
    fixed-width intervals."""
    data = sorted(data)
    count = len(data)
    if not count:
        raise StatisticsError('no median for empty data')
    middle = data[count // 2]
    below = 0
    while data[below] < middle:
        below += 1
    end = below
    while end < count and data[end] == middle:
        end += 1
    try:
        interval = float(interval)
        middle = float(middle)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    lower_limit = middle - interval / 2.0
    return lower_limit + interval * (count / 2 - below) / (end - below)


def _pair_sizes(name, x, y):
    count = len(x)
    if len(y) != count:
        raise StatisticsError(f'{name} requires that both inputs have same number of data points')
    if count < 2:
        raise StatisticsError(f'{name} requires at least two data points')
    return count


def _centred(values, count):
    centre = math.fsum(values) / count
    return centre, [value - centre for value in values]


def covariance(x, y, /):
    """Covariance: a measure of the joint variability of two inputs."""
    count = _pair_sizes('covariance', x, y)
    _, x_deviations = _centred(x, count)
    _, y_deviations = _centred(y, count)
    return math.sumprod(x_deviations, y_deviations) / (count - 1)


def _ranks(values, start):
    # Ranks counted from start, tied values sharing the mean of their ranks.
    order = sorted(zip(values, range(len(values))))
    ranks = [0] * len(order)
    position = 0
    while position < len(order):
        end = position
        while end < len(order) and order[end][0] == order[position][0]:
            end += 1
        rank = position + (end - position + 1) / 2 + start - 1
        for _, index in order[position:end]:
            ranks[index] = rank
        position = end
    return ranks


def _sqrt_product(a, b):
    # sqrt(a * b) without overflow or underflow, then one differential correction.
    root = math.sqrt(a * b)
    if not math.isfinite(root):
        if math.isinf(root) and not math.isinf(a) and not math.isinf(b):
            scale = 2.0 ** -512
            return _sqrt_product(scale * a, scale * b) / scale
        return root
    if not root:
        if a and b:
            scale = 2.0 ** 537
            return _sqrt_product(scale * a, scale * b) / scale
        return root
    error = math.sumprod((a, root), (b, -root))
    return root + error / (2.0 * root)


def correlation(x, y, /, *, method='linear'):
    """Pearson's correlation coefficient (or Spearman's, method='ranked')."""
    count = _pair_sizes('correlation', x, y)
    if method not in {'linear', 'ranked'}:
        raise ValueError(f'Unknown method: {method!r}')
    if method == 'ranked':
        start = (count - 1) / -2
        x = _ranks(x, start)
        y = _ranks(y, start)
    else:
        _, x = _centred(x, count)
        _, y = _centred(y, count)
    products = math.sumprod(x, y)
    try:
        return products / _sqrt_product(math.sumprod(x, x), math.sumprod(y, y))
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = _namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of simple linear regression by ordinary least squares."""
    count = _pair_sizes('linear regression', x, y)
    if not proportional:
        x_mean, x = _centred(x, count)
        y_mean, y = _centred(y, count)
    products = math.sumprod(x, y) + 0.0
    squares = math.sumprod(x, x)
    try:
        slope = products / squares
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else y_mean - slope * x_mean
    return LinearRegression(slope=slope, intercept=intercept)
`;
