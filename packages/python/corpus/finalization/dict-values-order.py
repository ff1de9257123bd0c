# Dropping a dict releases its values in insertion order; a list releases from the end.
class Value:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("value", self.name)


table = {}
table["first"] = Value("first")
table["second"] = Value("second")
table["third"] = Value("third")
table["second"] = Value("replaced")
print("dropping dict")
table = None
print("dropping tuple")
group = (Value("t0"), Value("t1"), Value("t2"))
group = None
print("end")
