# operator: the arithmetic, comparison, in-place and sequence functions
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.lshift(1, 4), op.rshift(256, 3), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lt(1, 2), op.le(2, 2), op.eq('a', 'a'), op.ne(1, 1), op.ge(3, 2), op.gt(1, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'), op.getitem([5, 6], 1), op.index(7))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.length_hint([1, 2]), op.length_hint(object(), 7))
x = [1]; y = op.iadd(x, [2]); print(x is y, x, op.iadd(3, 4), op.imul('a', 3), op.ior({1}, {2}), op.matmul.__name__, op.__add__ is op.add)
print(op.call(max, 1, 5))
for bad in [lambda: op.concat(1, 2), lambda: op.indexOf([1], 5), lambda: op.index(1.5), lambda: op.length_hint([], 'x')]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
