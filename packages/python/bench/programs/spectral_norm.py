# Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), by power
# iteration (pyperformance's spectral_norm shape): nested loops, enumerate, float division and zip.
def matrix_entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_vector(vector):
    result = []
    size = len(vector)
    for i in range(size):
        total = 0.0
        for j, value in enumerate(vector):
            total += matrix_entry(i, j) * value
        result.append(total)
    return result


def transpose_times_vector(vector):
    result = []
    size = len(vector)
    for i in range(size):
        total = 0.0
        for j, value in enumerate(vector):
            total += matrix_entry(j, i) * value
        result.append(total)
    return result


def normal_times_vector(vector):
    return transpose_times_vector(times_vector(vector))


def spectral_norm(size):
    u = [1.0] * size
    v = u
    for _ in range(10):
        v = normal_times_vector(u)
        u = normal_times_vector(v)
    numerator = 0.0
    denominator = 0.0
    for ue, ve in zip(u, v):
        numerator += ue * ve
        denominator += ve * ve
    return (numerator / denominator) ** 0.5


print("%.9f" % spectral_norm(110))
