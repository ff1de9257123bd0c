# Object churn: allocate and drop many small instances and lists; refcounting frees each at once.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


total = 0
for i in range(200000):
    p = Point(i, i + 1)
    pair = [p.x, p.y]
    total += pair[1] - pair[0]
print(total)
