# split, subgroup and except* walk deeply nested groups without recursion limits
eg = ValueError(0)
for i in range(1000):
    eg = ExceptionGroup(str(i), [eg, TypeError(i)])
match, rest = eg.split(ValueError)
print(type(match).__name__, match.message, type(rest).__name__, len(rest.exceptions))
depth = 0
while isinstance(match, ExceptionGroup):
    match = match.exceptions[0]
    depth += 1
print(depth, repr(match))
try:
    raise eg
except* TypeError as e:
    print("type errors at the top:", len(e.exceptions))
except* ValueError as e:
    print("values:", e.message)
