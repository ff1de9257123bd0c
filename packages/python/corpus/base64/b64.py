# b64encode/b64decode with altchars and validate, str input, urlsafe and standard variants
import base64
for data in [b'', b'f', b'fo', b'foo', b'foob', b'\xfb\xff\xfe']:
    e = base64.b64encode(data)
    print(e, base64.b64decode(e) == data, base64.urlsafe_b64encode(data), base64.standard_b64encode(data))
print(base64.b64encode(b'\xfb\xff', altchars=b'*-'), base64.b64decode(b'-_8=', altchars=b'-_'), base64.b64decode('+/8='))
print(base64.urlsafe_b64decode('-_8='), base64.standard_b64decode(b'YWJj'), base64.b64decode(memoryview(b'YWJj')))
for t in [b'YWJj', b'YW Jj', b'YQ=', b'YQ==YQ==', b'Y', b'=YQ==', b'YW=j']:
    try:
        print(base64.b64decode(t, validate=True))
    except Exception as e:
        print(type(e).__name__, e)
