# in-place operator functions mutate mutable operands and rebind immutable ones
import operator
items = [1]
result = operator.iadd(items, [2, 3])
print(result, items, result is items)
print(operator.iadd(1, 2), operator.isub(10, 4), operator.imul('ab', 2), operator.itruediv(9, 2))
print(operator.ifloordiv(9, 2), operator.imod(9, 4), operator.ipow(3, 3), operator.iand(12, 10))
print(operator.ior(12, 3), operator.ixor(12, 10), operator.ilshift(1, 3), operator.irshift(32, 2))
s = {1, 2}
print(operator.ior(s, {3}), s)
t = (1,)
print(operator.iconcat(t, (2,)), t)
