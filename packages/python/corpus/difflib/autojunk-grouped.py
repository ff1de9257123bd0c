# Autojunk on long sequences, b2j/bpopular/bjunk, and get_grouped_opcodes.
from difflib import SequenceMatcher

a = 'x' * 100 + 'y' * 150
b = 'x' * 99 + 'z' + 'y' * 150
s = SequenceMatcher(None, a, b)
print(sorted(s.bpopular), sorted(s.bjunk), len(s.b2j))
print(s.get_matching_blocks(), round(s.ratio(), 4))
t = SequenceMatcher(None, a, b, autojunk=False)
print(t.bpopular, t.get_matching_blocks(), round(t.ratio(), 4))
j = SequenceMatcher(lambda ch: ch in 'aeiou', 'education', 'vacation')
print(sorted(j.bjunk), sorted(j.b2j.items()))
print(j.get_opcodes())

a = list(map(str, range(1, 40)))
b = a[:]
b[8:8] = ['i']
b[20] = '20x'
b[30:32] = []
s = SequenceMatcher(None, a, b)
for group in s.get_grouped_opcodes(2):
    print(group)
print(len(list(s.get_grouped_opcodes(0))), len(list(s.get_grouped_opcodes(10))))
print(list(SequenceMatcher(None, 'abc', 'abc').get_grouped_opcodes()))
print(list(SequenceMatcher(None, '', '').get_grouped_opcodes()))
print(list(SequenceMatcher(None, '', 'ab').get_grouped_opcodes()))
