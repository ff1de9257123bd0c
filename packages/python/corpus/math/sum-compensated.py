# sum() adds a run of floats with Neumaier's compensation (CPython 3.12+), then falls back to +
print(sum([0.1] * 10), sum([0.1] * 10, 0.0), sum([1, 2, 3]), sum([1e100, 1.0, -1e100, 1.0]))
print(sum([0.1, 0.2, 0.3]), sum([1, 0.1, 2**70, 0.2]), sum([0.5, 1j, 0.25]), sum([[1], [2]], []))
print(sum((x / 10 for x in range(10))), sum([float('inf'), 1.0]), sum([float('inf'), -float('inf')]))
print(sum([1.5, True, 2]), sum([], 2.5), sum(range(5), start=0.1))
class Late:
    def __radd__(self, other):
        return f"radd({other})"
print(sum([0.1, 0.2, Late()]))
try:
    sum(["a", "b"])
except TypeError as e:
    print(e)
