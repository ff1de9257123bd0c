# decoding a bytearray that a loop keeps changing, and catching binascii.Error as ValueError
import binascii
buf = bytearray(b'YWJj')
for i in range(4):
    try:
        print(binascii.a2b_base64(buf, strict_mode=True))
    except ValueError as e:
        print(type(e).__name__, e)
    buf[i] = ord('=')
print(binascii.unhexlify(binascii.hexlify(bytes(range(8)))))
