# Python Tutor: closures and higher-order functions
def make_adder(n):
    def add(x):
        return x + n
    return add

add_3 = make_adder(3)
add_5 = make_adder(5)
print(add_3(10), add_5(10))


def counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())


def compose(f, g):
    return lambda x: f(g(x))

square = lambda x: x * x
inc = lambda x: x + 1
print(compose(square, inc)(6), compose(inc, square)(6))

funcs = [lambda x, i=i: x * i for i in range(4)]
print([f(10) for f in funcs])
print(add_3.__closure__[0].cell_contents)
print(sorted(["banana", "Apple", "cherry"], key=str.lower))
print(list(map(make_adder(100), filter(lambda v: v % 2, range(7)))))
