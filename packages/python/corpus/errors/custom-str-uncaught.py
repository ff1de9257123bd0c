# An exception class with __str__: both the caught print and the uncaught report use it.
class ParseError(Exception):
    def __init__(self, line):
        self.line = line

    def __str__(self):
        return "bad input on line " + str(self.line)


try:
    raise ParseError(3)
except ParseError as e:
    print("caught:", e)
print("now uncaught")
raise ParseError(7)
