# Small real programs on big ints: Fibonacci, digits of pi (spigot), a toy RSA round trip.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(300), len(str(fib(5000))), sum(int(c) for c in str(fib(1000))))
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(str(d) for d in out)
print(pi_digits(60))
p, q = 2**127 - 1, 2**89 - 1
n, e = p * q, 65537
d = pow(e, -1, (p - 1) * (q - 1))
message = int("7079_6d65_6d", 16)
cipher = pow(message, e, n)
print(n, d % 10**12, pow(cipher, d, n) == message)
collatz = 2**100 + 7
steps = 0
while collatz != 1:
    collatz = collatz // 2 if collatz % 2 == 0 else 3 * collatz + 1
    steps += 1
print(steps)
