# Python Tutor: comprehensions, slicing, zip/enumerate, nested lists
nums = list(range(1, 11))
squares = [n * n for n in nums]
evens = [n for n in nums if n % 2 == 0]
pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
print(squares)
print(evens, squares[::3], squares[-3:], nums[8:2:-2])
print(pairs)

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
transpose = [[row[i] for row in matrix] for i in range(3)]
print(transpose)
print([x for row in matrix for x in row if x % 2])
print({n: n ** 3 for n in range(5)})
print({c.upper() for c in "hello world" if c.isalpha()} == set("HELOWRD"))

names = ["ann", "bob", "cy"]
ages = [31, 25, 47]
for i, (name, age) in enumerate(zip(names, ages), start=1):
    print(f"{i}. {name:>4} is {age}")
print(dict(zip(names, ages)))
print(list(zip(*matrix)))

nums[2:5] = ["a", "b"]
del nums[::4]
print(nums)
total = sum(x for x in range(100) if x % 7 == 0)
print(total, any(n > 9 for n in ages), all(isinstance(a, int) for a in ages))
print(sorted(zip(ages, names), reverse=True)[0])
