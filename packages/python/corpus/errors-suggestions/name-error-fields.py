# NameError.name at the interpreter's raise sites: globals, del, free variables, not UnboundLocalError.
def show(f):
    try:
        f()
    except NameError as e:
        print(type(e).__name__, "|", e, "|", repr(e.name))


def load_global():
    return undefined_global


def delete_global():
    global never_bound
    del never_bound


def unbound_local():
    print(later)
    later = 1


def free_variable():
    def inner():
        return captured
    inner()
    captured = 1


show(load_global)
show(delete_global)
show(unbound_local)
show(free_variable)
show(lambda: exec("missing_in_exec"))
show(lambda: [undefined_in_comprehension for _ in range(1)])
print(NameError().name, NameError("m", name="n").name)
