# Python Tutor: recursion — factorial, list sum, towers of Hanoi, permutations
def fact(n):
    if n <= 1:
        return 1
    else:
        return n * fact(n - 1)

print(fact(6))
print(fact(30))


def listSum(numbers):
    if not numbers:
        return 0
    else:
        (f, *rest) = numbers
        return f + listSum(rest)

print(listSum([1, 2, 3, 4, 5]))


def hanoi(n, source, target, spare, moves):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target, moves)
    moves.append((source, target))
    hanoi(n - 1, spare, target, source, moves)

moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])


def permutations(s):
    if len(s) <= 1:
        return [s]
    result = []
    for i, ch in enumerate(s):
        for perm in permutations(s[:i] + s[i + 1:]):
            result.append(ch + perm)
    return result

print(permutations("abc"))


def flatten(nested):
    out = []
    for item in nested:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out

print(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]]))
