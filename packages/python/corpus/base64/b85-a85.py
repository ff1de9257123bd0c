# base85 and Ascii85: padding, z and y folding, adobe framing, wrapcol
import base64
for data in [b'', b'a', b'hello world', b'\0\0\0\0abc', b'    ']:
    print(base64.b85encode(data), base64.b85encode(data, pad=True), base64.a85encode(data), base64.a85encode(data, foldspaces=True))
    assert base64.b85decode(base64.b85encode(data)) == data and base64.a85decode(base64.a85encode(data)) == data
print(base64.a85encode(b'hello', adobe=True), base64.a85decode(b'<~BOu!rDZ~>', adobe=True), base64.a85encode(b'hello world', wrapcol=5))
print(base64.a85decode(b'y', foldspaces=True), base64.a85decode(b'z'), base64.b85decode(b'Xk~0{Zy<MXa%^M'))
