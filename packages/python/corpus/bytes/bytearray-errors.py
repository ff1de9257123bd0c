# bytearray's mutation errors, with CPython's types and messages.
a = bytearray(b'abc')
def store(index, value):
    a[index] = value
def delete(index):
    del a[index]
cases = [
    lambda: a.append(256), lambda: a.append('x'), lambda: a.pop(10), lambda: bytearray().pop(),
    lambda: a.remove(122), lambda: a.insert(0, -1), lambda: a.extend(5), lambda: a.extend('xy'),
    lambda: a.extend([1, 300]), lambda: store(5, 1), lambda: store(0, 256),
    lambda: delete(9), lambda: store('i', 1), lambda: store(-4, 0),
]
for case in cases:
    try:
        print(case())
    except Exception as error:
        print(type(error).__name__, error)
def assign(value):
    a[0:1] = value
for value in [5, 'x', [1, 999], None]:
    try:
        assign(value)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
try:
    a[::2] = b'x'
except ValueError as error:
    print(error)
try:
    a += 'x'
except TypeError as error:
    print(error)
print(a)
