# Lambdas take defaults, *args and **kwargs like functions.
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
collect = lambda *args, **kwargs: (args, sorted(kwargs.items()))
print(collect(1, 2, x=3))
fns = [lambda i=i: i * i for i in range(3)]
print([f() for f in fns])
print((lambda: "no args")())
