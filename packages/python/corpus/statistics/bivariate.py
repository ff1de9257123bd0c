# statistics.covariance, correlation (linear and ranked) and linear_regression, seeded data and errors.
import random
import statistics

print(statistics.covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]))
print(statistics.correlation([1, 2, 3, 4, 5], [9, 8, 7, 6, 5]))
print(statistics.correlation([1, 2, 3, 4, 5], [1, 4, 9, 16, 25], method="ranked"))
fit = statistics.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11.5])
print(fit, fit.slope, type(fit).__name__)
print(statistics.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
random.seed(7)
for trial in range(8):
    x = [random.uniform(-100, 100) for _ in range(random.randint(2, 10))]
    y = [random.choice([random.uniform(-50, 50), random.randint(-9, 9)]) for _ in x]
    print(statistics.covariance(x, y), statistics.correlation(x, y))
    print(statistics.correlation(x, y, method="ranked"), statistics.linear_regression(x, y))
calls = [lambda: statistics.covariance([1], [2]), lambda: statistics.covariance([1, 2], [2]),
         lambda: statistics.correlation([1, 1], [2, 3]), lambda: statistics.correlation([1], [3]),
         lambda: statistics.correlation([1, 2, 3], [3, 1, 2], method="x"),
         lambda: statistics.linear_regression([1, 1], [2, 3]),
         lambda: statistics.linear_regression([1, 2], [2])]
for call in calls:
    try:
        call()
    except (statistics.StatisticsError, ValueError) as error:
        print(type(error).__name__, error)
