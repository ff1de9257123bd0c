# a list subclass keeps list behaviour: len, indexing, slicing, iteration, sorted, in, methods
class Stack(list):
    def push(self, item):
        self.append(item)
    def peek(self):
        return self[-1]
s = Stack([3, 1, 2])
s.push(5)
print(s, type(s).__name__, len(s), s.peek(), s[0], s[1:3], type(s[1:3]).__name__)
print(sorted(s), list(s), [x * 2 for x in s], 5 in s, 7 in s, sum(s), max(s))
print(isinstance(s, list), issubclass(Stack, list), Stack.__mro__)
s.sort()
s.reverse()
print(s, s.index(3), s.count(1), s.pop(), s)
s[0] = 10
del s[1]
print(s, bool(Stack()), bool(s), s == [10, 2], s != [1], s < [11])
s.label = "top"
print(s.label, vars(s), s.copy(), type(s.copy()).__name__)
