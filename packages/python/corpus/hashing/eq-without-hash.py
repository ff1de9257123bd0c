# A class defining __eq__ but not __hash__ gets __hash__ = None and is unhashable.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        return self.cents == other.cents


print(Money.__hash__)
print(Money(5) == Money(5))
for action in ["hash", "set", "dict"]:
    try:
        if action == "hash":
            hash(Money(1))
        elif action == "set":
            {Money(1)}
        else:
            {Money(1): 1}
    except TypeError as e:
        print("TypeError", e)
