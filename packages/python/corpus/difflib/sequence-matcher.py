# SequenceMatcher: matches, blocks, opcodes and the three ratios.
from difflib import SequenceMatcher, Match

s = SequenceMatcher(None, 'abxcd', 'abcd')
print(s.find_longest_match(0, 5, 0, 4))
print(s.find_longest_match())
print(s.get_matching_blocks())
for opcode in s.get_opcodes():
    print(opcode)
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())

s = SequenceMatcher(lambda c: c == ' ', 'private Thread currentThread;',
                    'private volatile Thread currentThread;')
print(round(s.ratio(), 3), s.get_matching_blocks()[:3])
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print('%7s a[%d:%d] (%s) b[%d:%d] (%s)' % (tag, i1, i2, s.a[i1:i2], j1, j2, s.b[j1:j2]))

s.set_seqs([1, 2, 3, 4, 5], [1, 3, 4, 6])
print(s.get_opcodes(), s.ratio())
s.set_seq1('')
print(s.get_opcodes(), s.ratio())
print(SequenceMatcher(None, '', '').ratio(), SequenceMatcher().get_matching_blocks())
print(SequenceMatcher(None, ' abcd', 'abcd abcd').find_longest_match(0, 5, 0, 9))
print(SequenceMatcher(lambda x: x == ' ', ' abcd', 'abcd abcd').find_longest_match(0, 5, 0, 9))
m = Match(1, 2, 3)
print(m, m.a, m.size, m._fields)
print(SequenceMatcher[str])
print(SequenceMatcher(None, 'tide', 'diet').get_opcodes())
print(SequenceMatcher(None, ('a', 'b'), ['b', 'a']).ratio())
