# Junk callbacks that change the sequences being compared, and a long diff of many lines.
import difflib

b = list('abcabc')
def junk(element):
    b.append(element)
    return element == 'c'
s = difflib.SequenceMatcher(junk, 'abcx', b)
print(len(b), sorted(s.bjunk), s.get_opcodes())

a = [str(i) + '\n' for i in range(300)]
c = [line if i % 7 else line.replace('\n', '!\n') for i, line in enumerate(a)]
diff = list(difflib.unified_diff(a, c, n=1))
print(len(diff), diff[:6])
lines = list(difflib.ndiff(a[:60], c[:60]))
print(len(lines), lines[:5])

class Shifty(str):
    calls = 0
    def __hash__(self):
        Shifty.calls += 1
        return str.__hash__(self)
words = [Shifty(w) for w in ['apple', 'apply', 'ample']]
print(difflib.get_close_matches(Shifty('appli'), words), Shifty.calls > 0)
