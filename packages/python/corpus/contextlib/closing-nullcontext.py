# closing() closes on exit and on error; nullcontext() stands in for an optional context manager.
from contextlib import closing, nullcontext

class Connection:
    def __init__(self, name):
        self.name = name
        self.open = True
    def query(self, q):
        return self.name + ":" + q
    def close(self):
        self.open = False
        print("closed", self.name)

with closing(Connection("db")) as conn:
    print(conn.query("select"))
print(conn.open)

try:
    with closing(Connection("db2")) as conn:
        raise RuntimeError("fail")
except RuntimeError as e:
    print("error", e, "open:", conn.open)

def process(data, lock=None):
    with lock if lock is not None else nullcontext() as l:
        print("lock is", l)
        return sum(data)

print(process([1, 2, 3]))
with nullcontext("value") as v:
    print(v)
with nullcontext() as v:
    print(v)

class Lock:
    def __enter__(self):
        print("acquire")
        return "locked"
    def __exit__(self, *a):
        print("release")
print(process([4], Lock()))
try:
    with nullcontext():
        raise KeyError("k")
except KeyError as e:
    print("nullcontext does not suppress", e)
