# word frequencies with Counter: most_common, update, subtract, total
from collections import Counter
text = """the quick brown fox jumps over the lazy dog the fox barks and the dog runs"""
counts = Counter(text.split())
print(counts.most_common(3))
print(counts['the'], counts['cat'], len(counts), counts.total())
counts.update(['cat', 'cat', 'the'])
counts.subtract({'dog': 2})
print(counts.most_common(4))
print(sorted(counts.elements())[:6])
letters = Counter('mississippi')
print(letters)
print(Counter(), Counter(a=3, b=1), Counter({'x': 2}))
del letters['s']
del letters['zzz']
print(letters)
