# operators on a list subclass return plain lists, except += which extends in place
class Row(list):
    pass
r = Row([1, 2])
for result in (r + [3], [0] + r, r * 2, 2 * r, r[:], r + r):
    print(result, type(result).__name__)
alias = r
r += [4]
print(r, type(r).__name__, alias is r)
r *= 1
print(type(r).__name__, r == Row([1, 2, 4]), Row([1]) == [1], [1] == Row([1]))
r[1:2] = [7, 8]
print(r, type(r).__name__)
del r[::2]
print(r, repr(r), str(r), f"{r}")
