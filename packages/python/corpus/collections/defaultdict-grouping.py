# defaultdict groups words by their first letter and counts lengths
from collections import defaultdict
words = 'apple avocado banana blueberry cherry cranberry date apricot'.split()
groups = defaultdict(list)
for word in words:
    groups[word[0]].append(word)
print(groups)
print(sorted(groups.items()))
lengths = defaultdict(int)
for word in words:
    lengths[len(word)] += 1
print(dict(lengths), lengths[99], len(lengths))
plain = defaultdict()
try:
    plain['missing']
except KeyError as error:
    print('KeyError', error)
print(plain.default_factory, groups.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], 'x' in nested, 'z' in nested)
try:
    defaultdict(5)
except TypeError as error:
    print('TypeError:', error)
