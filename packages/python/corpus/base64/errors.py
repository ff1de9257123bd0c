# wrong argument types and values: str to an encoder, non-ASCII str, ints, bad altchars
import base64
for call in [lambda: base64.b64encode('abc'), lambda: base64.b64decode('é'), lambda: base64.b64decode(1),
             lambda: base64.b64encode(b'abc', b'-'), lambda: base64.b32encode('x'), lambda: base64.b16decode(b'6a'),
             lambda: base64.b16decode(b'414'), lambda: base64.b32decode(b'NBSWY3D'), lambda: base64.b32decode(b'NBSWY3D1'),
             lambda: base64.b85decode(b'|NsC0~'), lambda: base64.a85decode(b'abc!', adobe=True)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
