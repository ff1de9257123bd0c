# Text seek/tell: positions are byte offsets (UTF-8 characters take several), truncate, seek limits.
import io
with open('t.txt', 'w', encoding='utf-8') as f:
    f.write('héllo\nwörld\n€uro\n')
    print(f.tell())
with open('t.txt', encoding='utf-8') as f:
    print(f.tell(), repr(f.readline()), f.tell())
    position = f.tell()
    print(repr(f.read(3)), f.tell())
    f.seek(position)
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    print(f.seek(0), repr(f.read(1)), f.seek(0, 1))
    for args in [(1, 1), (-1, 2), (-1,), (0, 3)]:
        try:
            f.seek(*args)
        except (ValueError, io.UnsupportedOperation) as e:
            print(type(e).__name__, e)
with open('t.txt', 'r+', encoding='utf-8') as f:
    f.readline()
    print(f.truncate(), f.tell())
    print(f.truncate(3), f.tell())
print(repr(open('t.txt', encoding='utf-8').read()))
with open('t.txt', 'w') as f:
    f.write('abc')
    f.seek(1)
    f.write('X')
    f.seek(0, 2)
    f.write('!')
print(repr(open('t.txt').read()))
