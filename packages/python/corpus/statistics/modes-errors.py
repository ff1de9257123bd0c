# mode and multimode on any hashable data; the StatisticsError messages.
import statistics as st

print(st.mode([1, 1, 2, 3, 3, 3]), st.mode("aabbbc"), st.multimode("aabbcc"), st.multimode([]))
print(st.mode(["red", "blue", "red"]), st.multimode([3, 1, 3, 1, 2]))
print(st.variance([1, 2, 3, 4], xbar=2), st.pvariance([1.5, 2.5], mu=2))
print(st.fmean([1, 2, 3], weights=[3, 1, 1]), st.median([3, 1, 2, 10]), st.quantiles([7]))
failing = [lambda: st.mean([]), lambda: st.median([]), lambda: st.variance([1]),
           lambda: st.stdev([1]), lambda: st.pvariance([]), lambda: st.pstdev([]),
           lambda: st.mode([]), lambda: st.quantiles([1, 2], n=0), lambda: st.quantiles([]),
           lambda: st.fmean([]), lambda: st.median_low([]), lambda: st.median_high([])]
for call in failing:
    try:
        call()
    except st.StatisticsError as error:
        print(type(error).__name__, error)
try:
    st.quantiles([1, 2, 3], method="middle")
except ValueError as error:
    print(error)
print(issubclass(st.StatisticsError, ValueError))
