# base32 (standard and extended hex) and base16, with casefold and map01
import base64
for data in [b'', b'h', b'he', b'hel', b'hell', b'hello', b'hello!']:
    e = base64.b32encode(data)
    print(e, base64.b32decode(e) == data, base64.b32hexencode(data), base64.b16encode(data))
print(base64.b32decode(b'nbswy3dp', casefold=True), base64.b32decode(b'0BSWY3DP', map01=b'L'), base64.b32decode(b'NB======'))
print(base64.b32hexdecode(b'D1IMOR3F'), base64.b16decode(b'4142'), base64.b16decode('6a', casefold=True))
