# set() and frozenset() from lists, tuples, ranges, dicts, sets; and their errors.
print(set([3, 1, 2, 3]))
print(set((5, 4)))
print(set(range(10)))
print(set({10: "a", 20: "b"}))
print(frozenset(range(3)))
print(set(frozenset([7, 8])))
print(frozenset(set([1])))
for bad in [1, None]:
    try:
        set(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    set([1], [2])
except TypeError as e:
    print("TypeError", e)
try:
    frozenset(1, 2)
except TypeError as e:
    print("TypeError", e)
