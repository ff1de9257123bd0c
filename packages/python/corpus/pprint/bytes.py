# bytes and bytearray wrap in groups of 4 bytes.
import pprint

data = bytes(range(48))
pprint.pprint(data, width=30)
pprint.pprint(bytearray(data[:20]), width=25)
pprint.pprint({"payload": data[:24], "tiny": b"abc"}, width=30)
pprint.pprint([b"\x00\xff" * 10], width=20)
print(pprint.pformat(b"abcd", width=1))
print(pprint.pformat(b"abcdefgh" * 4, width=20))
