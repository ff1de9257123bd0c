# a2b_base64 in lenient and strict mode: padding rules, skipped characters, error messages
import binascii
tests = [b'YWJj', b'YWJ', b'Y', b'abcde', b'YW=j', b'YWJj=', b'YQ==', b'YQ=', b'Y===',
         b'YQ==YQ==', b'=YQ==', b'Y Q = =', b'', b'YWJjZA=', b'YW\nJj', 'YWJj']
for t in tests:
    for strict in (False, True):
        try:
            print(t, strict, binascii.a2b_base64(t, strict_mode=strict))
        except binascii.Error as e:
            print(t, strict, 'Error', e)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__mro__[1])
