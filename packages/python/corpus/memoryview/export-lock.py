# a bytearray with live memoryviews cannot be resized (BufferError) until they are released or gone
ba = bytearray(b"data")
v = memoryview(ba)
def delete_first():
    del ba[0]
def grow_slice():
    ba[0:1] = b"long"
def append_in_place():
    global ba
    ba += b"!"
for resize in [lambda: ba.append(1), lambda: ba.extend(b"xy"), lambda: ba.pop(), lambda: ba.clear(),
               delete_first, grow_slice, append_in_place]:
    try:
        resize()
        print("resized")
    except BufferError as error:
        print("BufferError:", error)
ba[0:2] = b"DA"
print(ba)
s = v[1:]
v.release()
try:
    ba.append(1)
except BufferError as error:
    print("still exported:", error)
del s
ba.append(33)
print(ba)
w = memoryview(ba)
del w
ba.extend(b"??")
print(ba, len(ba))
with memoryview(ba) as inner:
    print(inner[0])
ba.clear()
print(ba)
