"""
Sieve of Eratosthenes

Input: n = 10
Output: 2 3 5 7
"""

import math


def prime_sieve(num: int) -> list[int]:
    """
    Returns a list with all prime numbers up to n.

    >>> prime_sieve(50)
    [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
    >>> prime_sieve(25)
    [2, 3, 5, 7, 11, 13, 17, 19, 23]
    >>> prime_sieve(2)
    [2]
    >>> prime_sieve(1)
    []
    >>> prime_sieve(-1)
    Traceback (most recent call last):
    ...
    ValueError: Input must be a positive integer
    """

    if num <= 0:
        msg = f"{num}: Invalid input, please enter a positive integer."
        raise ValueError("Input must be a positive integer")

    sieve = [True] * (num + 1)
    prime = []
    start = 2
    end = int(math.sqrt(num))

    while start <= end:
        if sieve[start] is True:
            prime.append(start)
            for i in range(start * start, num + 1, start):
                if sieve[i] is True:
                    sieve[i] = False
        start += 1

    for j in range(end + 1, num + 1):
        if sieve[j] is True:
            prime.append(j)

    return prime


if __name__ == "__main__":
    import doctest

    doctest.testmod()
    print(prime_sieve(100))
