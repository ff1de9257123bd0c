# compress, dropwhile, takewhile, filterfalse, islice with start/stop/step
from itertools import compress, dropwhile, takewhile, filterfalse, islice
data = [1, 4, 6, 4, 1, 7, 2]
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(data, [0, 1])))
print(list(dropwhile(lambda x: x < 5, data)), list(takewhile(lambda x: x < 5, data)))
print(list(filterfalse(lambda x: x % 2, data)), list(filterfalse(None, [0, '', 'a', [], 3])))
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(100), 10, 50, 15)), list(islice('AB', 5, 9)))
seen = []
def noisy():
    for i in range(10):
        seen.append(i)
        yield i
print(list(islice(noisy(), 2, 4)), seen)
