# wrong arguments to operator: CPython's exception types and messages
import operator
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as error:
        print(label, type(error).__name__ + ':', error)
attempt('index float', lambda: operator.index(1.5))
attempt('indexOf missing', lambda: operator.indexOf([1, 2], 3))
attempt('concat ints', lambda: operator.concat(1, 2))
attempt('add mixed', lambda: operator.add(1, 'a'))
attempt('attrgetter int', lambda: operator.attrgetter(1))
attempt('methodcaller none', lambda: operator.methodcaller())
attempt('methodcaller int', lambda: operator.methodcaller(5))
attempt('truediv zero', lambda: operator.truediv(1, 0))
attempt('lt mixed', lambda: operator.lt(1, 'a'))
