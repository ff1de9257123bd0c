# reduce folds left; partial freezes arguments and flattens nested partials
from functools import reduce, partial
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(lambda acc, w: acc + len(w), ['ab', 'cde'], 0), reduce(max, [3, 9, 2]))
print(reduce(lambda a, b: a + b, [], 'empty'), reduce(lambda a, b: a, [7]))
def greet(greeting, name, punctuation='!'):
    return greeting + ', ' + name + punctuation
hello = partial(greet, 'Hello')
print(hello('Ada'), hello('Bob', punctuation='?'), hello.args, hello.keywords, hello.func is greet)
shout = partial(hello, punctuation='!!!')
print(shout('Cy'), shout.args, shout.keywords, shout.func is greet)
def parse(text, base=10):
    return int(text, base)
base2 = partial(parse, base=2)
print(base2('1011'), base2('11', base=10), base2.keywords)
