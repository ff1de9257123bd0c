# Slice assignment replaces a range of a list with any number of items.
a = [1, 2, 3, 4, 5]
a[1:3] = [9]
print(a)
a[1:1] = [7, 8]
print(a)
a[:] = ["x"]
print(a)
a[5:] = (1, 2)
print(a)
a[-1:] = "yz"
print(a)
