# Results a program sizes itself raise MemoryError before they are built (issue 11, item 3).
# CPython cannot allocate the 10**12 ones either; the others are built.

def case0():
    return 'x'.ljust(10**12)

def case1():
    return 'x'.rjust(10**12)

def case2():
    return 'x'.center(10**12)

def case3():
    return 'x'.zfill(10**12)

def case4():
    return format('x', '1000000000000')

def case5():
    return format(1.5, '1000000000000')

def case6():
    return '{:>1000000000000}'.format('x')

def case7():
    return f'{1:>1000000000000}'

def case8():
    return ('x' * 1000).replace('x', 'y' * 10**3)

def case9():
    return ('x' * 1000).replace('', 'y' * 10**3)

def case10():
    return ','.join(['x' * 10**3] * 1000)

def case11():
    return len('a'.ljust(100000))

for case in [case0, case1, case2, case3, case4, case5, case6, case7, case8, case9, case10, case11]:
    try:
        r = case()
        print(r if len(str(r)) < 40 else len(r))
    except MemoryError:
        print('MemoryError')
