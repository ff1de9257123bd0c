# Averages and spread on ints, floats and fractions, with the result types CPython gives.
import random
import statistics as st
from fractions import Fraction as F

random.seed(11)
datasets = [[1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.75], [F(1, 3), F(2, 3), 1], [1, 2.5, F(1, 2)],
            [random.randrange(100) for _ in range(17)], [random.random() for _ in range(23)],
            [random.gauss(10, 3) for _ in range(50)], [5, 5, 5], [10**20, 1, 3]]
for data in datasets:
    results = [st.mean(data), st.fmean(data), st.median(data), st.median_low(data),
               st.median_high(data), st.variance(data), st.pvariance(data), st.stdev(data),
               st.pstdev(data)]
    print([type(result).__name__ for result in results])
    print(results)
    print(st.quantiles(data), st.quantiles(data, n=10, method="inclusive"))
