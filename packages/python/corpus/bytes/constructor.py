# bytes() from nothing, a count, an iterable of ints, a str with an encoding, and bytes.
print(bytes(), bytes(0), bytes(4), bytes([65, 66, 67]), bytes((1, 2)), bytes(range(3)))
print(bytes(b'copy'), bytes(bytearray(b'arr')), bytes('héllo', 'utf-8'), bytes('abc', 'ascii'))
print(bytes('é', encoding='latin-1'), bytes(source=b'kw'), bytes('x', 'utf-8', 'strict'))
print(bytes(iter([104, 105])), bytes(x for x in [0, 255]), bytes({7: 'seven'}))
print(bytes(True), bytes([True, False]))
b = b'same'
print(bytes(b) is b, bytes(bytearray(b)) == b)
class Items:
    def __iter__(self):
        return iter([1, 2, 3])
print(bytes(Items()), bytearray(Items()))
