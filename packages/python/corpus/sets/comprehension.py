# Set comprehensions: duplicates collapse, conditions and nested loops work.
print({x % 5 for x in range(20)})
print({x * y for x in range(4) for y in range(4) if x != y})
squares = {n * n for n in [3, -3, 2, -2, 1]}
print(squares, len(squares))
print({x for x in []})
n = 10
print({i for i in range(n) if i % 3 == 0})
