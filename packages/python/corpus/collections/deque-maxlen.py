# bounded deques drop items from the opposite end; a sliding window of the last 3 readings
from collections import deque
window = deque(maxlen=3)
for reading in [5, 7, 3, 9, 4, 8]:
    window.append(reading)
    print(list(window), sum(window) / len(window))
d = deque(range(10), maxlen=4)
print(d, d.maxlen)
d.appendleft(-1)
print(d)
d.extendleft([100, 200])
print(d)
z = deque([1, 2], maxlen=0)
z.append(5)
print(z)
try:
    deque([1, 2], maxlen=2).insert(0, 9)
except IndexError as error:
    print('IndexError:', error)
try:
    deque(maxlen=-1)
except ValueError as error:
    print('ValueError:', error)
