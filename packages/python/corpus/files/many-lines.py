# Files larger than one buffer: lines cross chunk boundaries, multi-byte characters at the seams.
with open('big.txt', 'w') as f:
    for number in range(1000):
        f.write('line %d: %s\n' % (number, 'é€' * (number % 7)))
count = 0
total = 0
with open('big.txt') as f:
    for line in f:
        count += 1
        total += len(line)
print(count, total)
with open('big.txt') as f:
    lines = f.readlines()
print(len(lines), lines[777], lines[-1], end='')
with open('big.txt', 'rb') as f:
    raw = f.read()
print(len(raw), raw.count(b'\n'))
with open('big.txt') as f:
    f.read(9000)
    position = f.tell()
    rest = f.read()
with open('big.txt') as f:
    f.seek(position)
    print(f.read() == rest, len(rest))
with open('big.bin', 'wb') as f:
    for number in range(1200):
        f.write(bytes([number % 256]) * (number % 13) + b'\n')
with open('big.bin', 'rb') as f:
    print(sum(1 for _ in f), f.tell())
