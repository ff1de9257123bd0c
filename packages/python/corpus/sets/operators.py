# The set operators | & - ^ between sets and frozensets; the result has the left operand's type.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b)
print(a & b)
print(a - b)
print(b - a)
print(a ^ b)
f = frozenset(b)
print(f | a)
print(a & f)
print(f - a)
print(f ^ a)
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
try:
    a - 1
except TypeError as e:
    print("TypeError", e)
