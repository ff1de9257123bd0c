# the list-like methods and the byte-level ones
from array import array
a = array('i', [1, 2, 3])
a.append(4); a.insert(0, 0); a.insert(-1, 9); a.insert(100, 5); a.extend([6, 7]); a.extend(array('i', [8]))
print(a, a.count(9), a.index(9), a.index(5, 2), a.pop(), a.pop(0), a)
a.remove(9); a.reverse()
print(a, a.tolist())
a.fromlist([10, 11])
print(a, a.tobytes()[:8])
h = array('h', [1, 2]); h.byteswap(); print(h, h.tobytes())
d = array('d', [1.5]); d.byteswap(); d.byteswap(); print(d)
f = array('H'); f.frombytes(b'\x01\x00\x02\x00'); f.frombytes(memoryview(b'\x03\x00')); print(f)
w = array('w', 'hé'); w.fromunicode('!'); print(w, w.tounicode(), w.tobytes())
n, count = array('q', [5]).buffer_info()
print(count, array('b').buffer_info()[1])
import copy
c = copy.copy(a); d2 = copy.deepcopy(a); c.append(1)
print(len(a), len(c), d2 == a)
