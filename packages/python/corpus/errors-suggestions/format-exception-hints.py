# traceback.format_exception's last line carries the same hints as an uncaught traceback.
import traceback
def last_line(f):
    try:
        f()
    except Exception as e:
        print(traceback.format_exception(e)[-1], end="")
class Point:
    def __init__(self):
        self.x, self.y = 1, 2
    def norm(self):
        return self.x + self.yy
    def bad(self):
        return x
def local_typo(items):
    return len(itmes)
p = Point()
last_line(lambda: p.xx)
last_line(lambda: p.norm())
last_line(lambda: p.bad())
last_line(lambda: p.nrom())
last_line(lambda: "abc".uper())
last_line(lambda: {}.iterms())
last_line(lambda: (1).bit_lenght())
last_line(lambda: lenn([]))
last_line(lambda: Print(1))
last_line(lambda: local_typo([]))
last_line(lambda: random.random())
last_line(lambda: exec("from sys import argvv"))
last_line(lambda: exec("x = 1\ny = X"))
last_line(lambda: None.x)
