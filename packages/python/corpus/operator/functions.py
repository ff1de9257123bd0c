# the operator functions match the operators they name
import operator
print(operator.add(1, 2), operator.sub(5, 3), operator.mul('ab', 2), operator.truediv(7, 2))
print(operator.floordiv(-7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(3), operator.pos(-2))
print(operator.abs(-4.5), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5))
print(operator.lshift(1, 5), operator.rshift(64, 3), operator.inv(0), operator.index(7))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq([1], [1]), operator.ne(1, 1), operator.gt('b', 'a'), operator.ge(1, 3))
print(operator.not_([]), operator.truth('x'), operator.is_(None, None), operator.is_not(1, None))
print(operator.concat([1], [2, 3]), operator.contains('abc', 'b'), operator.countOf([1, 2, 1, 1], 1))
print(operator.indexOf((5, 6, 7), 7), operator.getitem({'k': 'v'}, 'k'), operator.getitem('hello', 1))
d = {}
operator.setitem(d, 'a', 1)
operator.setitem(d, 'b', 2)
operator.delitem(d, 'a')
print(d, operator.length_hint([1, 2, 3]), operator.length_hint(object(), 4))
print(operator.call(max, 3, 9, 4), operator.__mul__(3, 4), operator.__not__(1))
