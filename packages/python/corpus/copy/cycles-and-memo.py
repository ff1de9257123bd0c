# deepcopy keeps sharing and cycles, records every copy in its memo
import copy
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
a, b = Node('a'), Node('b')
a.next, b.next = b, a
a2 = copy.deepcopy(a)
print(a2.value, a2.next.value, a2.next.next is a2, a2 is not a)
shared = [1, 2]
pair = [shared, shared, (shared,)]
c = copy.deepcopy(pair)
print(c[0] is c[1], c[2][0] is c[0], c[0] is shared)
loop = [1]
loop.append(loop)
l2 = copy.deepcopy(loop)
print(l2, l2[1] is l2)
memo = {}
source = [[1], [2]]
result = copy.deepcopy(source, memo)
print(memo[id(source)] is result, memo[id(source[0])] is result[0], len(memo))
print(memo[id(memo)][0] is source)
d = {'k': []}
d['self'] = d
d2 = copy.deepcopy(d)
print(d2['self'] is d2, d2['k'] is not d['k'])
