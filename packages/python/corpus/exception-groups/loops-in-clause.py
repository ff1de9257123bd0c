# a loop inside an except* clause may break and continue; the name is unbound after it
try:
    raise ExceptionGroup("eg", [ValueError(i) for i in range(4)])
except* ValueError as e:
    total = 0
    for inner in e.exceptions:
        if inner.args[0] == 1:
            continue
        if inner.args[0] == 3:
            break
        total += inner.args[0]
    print("total", total)
try:
    e
except NameError as err:
    print(err)
for attempt in range(3):
    try:
        raise ExceptionGroup("loop", [TypeError(attempt)])
    except* TypeError as group:
        print("attempt", attempt, group.exceptions[0].args[0])
