# Closed files: `closed`, close() twice, `with` closing, and "I/O operation on closed file." errors.
f = open('a.txt', 'w')
print(f.closed)
with f:
    f.write('data\n')
print(f.closed)
f.close()
def attempt(action):
    try:
        print('ok', action())
    except ValueError as e:
        print('ValueError:', e)
attempt(lambda: f.write('more'))
attempt(lambda: f.flush())
attempt(lambda: f.tell())
attempt(lambda: f.fileno())
g = open('a.txt')
g.close()
attempt(lambda: g.read())
attempt(lambda: g.readline())
attempt(lambda: next(g))
attempt(lambda: iter(g))
attempt(lambda: g.readable())
attempt(lambda: g.writable())
attempt(lambda: g.seek(0))
with open('a.txt', 'rb') as b:
    pass
attempt(lambda: b.read())
attempt(lambda: b.readline())
attempt(lambda: b.seek(0))
attempt(lambda: b.readlines())
with open('b.bin', 'wb') as w:
    pass
attempt(lambda: w.write(b'x'))
attempt(lambda: w.flush())
try:
    with g:
        pass
except ValueError as e:
    print('with:', e)
print(repr(open('a.txt').read()))
