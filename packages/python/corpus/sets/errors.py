# Error messages: unhashable keys, argument counts, frozenset methods that do not exist.
s = set()
for action in ["add", "display", "count", "frozen"]:
    try:
        if action == "add":
            s.add([1])
        elif action == "display":
            print({[1], 2})
        elif action == "count":
            s.add(1, 2)
        else:
            frozenset().add(1)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    s.union(1)
except TypeError as e:
    print("TypeError", e)
