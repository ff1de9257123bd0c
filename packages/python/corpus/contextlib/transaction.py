# A bank transfer rolled back by a @contextmanager, and files opened through an ExitStack that fails half-way.
from contextlib import contextmanager, ExitStack, suppress

class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
    def __repr__(self):
        return "Account(" + repr(self.owner) + ", " + str(self.balance) + ")"

@contextmanager
def transaction(*accounts):
    saved = [a.balance for a in accounts]
    try:
        yield accounts
    except Exception as e:
        for account, balance in zip(accounts, saved):
            account.balance = balance
        print("rolled back:", e)
        raise
    else:
        print("committed")

def transfer(src, dst, amount):
    with transaction(src, dst):
        src.balance -= amount
        if src.balance < 0:
            raise ValueError("insufficient funds in " + src.owner)
        dst.balance += amount

alice = Account("alice", 100)
bob = Account("bob", 20)
transfer(alice, bob, 30)
print(alice, bob)
with suppress(ValueError):
    transfer(bob, alice, 500)
print(alice, bob)

opened = []
@contextmanager
def file_handle(name):
    opened.append(name)
    try:
        yield name + ".handle"
    finally:
        opened.remove(name)

def open_all(names, fail_at=None):
    with ExitStack() as stack:
        handles = []
        for name in names:
            if name == fail_at:
                raise OSError("cannot open " + name)
            handles.append(stack.enter_context(file_handle(name)))
        print("open now:", opened)
        return handles

print(open_all(["a", "b", "c"]))
print("after:", opened)
try:
    open_all(["a", "b", "c"], fail_at="c")
except OSError as e:
    print(e, "| still open:", opened)
