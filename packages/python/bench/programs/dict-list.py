# Dict and list manipulation: building, updating, looking up and sorting.
words = []
for i in range(2000):
    words.append("w" + str(i % 500))
total = 0
for round_number in range(60):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    keys = sorted(counts.keys())
    squares = [counts[key] * counts[key] for key in keys]
    total += sum(squares) + len(keys)
    stack = []
    for value in squares:
        stack.append(value)
    while stack:
        total += stack.pop() % 7
print(total)
