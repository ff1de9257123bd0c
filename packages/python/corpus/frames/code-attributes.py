# Code objects: names, first line, argument counts, variable names and flags
def plain(a, b, /, c, *args, d, e=1, **kwargs):
    local = a
    return local

def gen():
    yield 1

async def coro():
    pass

def outer():
    x = 1
    def inner():
        return x
    return inner

for function in (plain, gen, coro, outer, outer(), lambda: 0):
    code = function.__code__
    print(code.co_name, code.co_qualname, code.co_firstlineno, code.co_flags)
    print(" ", code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
    print(" ", code.co_varnames, code.co_cellvars, code.co_freevars, code.co_nlocals)
print(plain.__code__.co_filename.rsplit("/", 1)[-1])
