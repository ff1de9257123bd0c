# Python Tutor: aliasing and mutation — two names, one list
x = [1, 2, 3]
y = [4, 5, 6]
z = y
y = x
x = z

x = [1, 2, 3]  # a different [1, 2, 3] list!
y = x
x.append(4)
y.append(5)
z = [1, 2, 3, 4, 5]  # a different list!
x.append(6)
y.append(7)
y = "hello"


def foo(lst):
    lst.append("hello")
    bar(lst)


def bar(myLst):
    print(myLst)


foo(x)
foo(z)
print(x is z, x == z)
print(x, z)
