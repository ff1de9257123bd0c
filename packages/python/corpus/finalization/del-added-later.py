# Adding __del__ to a class after instances exist makes those instances finalizable too.
class Late:
    pass


first = Late()


def late_del(self):
    print("late __del__ runs")


Late.__del__ = late_del
del first
second = Late()
del second
print("end")
