# UnicodeEncodeError as CPython words it, for one character and for a run of them.
cases = [('é', 'ascii'), ('aéé', 'ascii'), ('x€', 'latin-1'), ('a€€b€', 'latin-1'), ('ok🐍', 'ascii')]
for text, codec in cases:
    try:
        text.encode(codec)
    except UnicodeEncodeError as error:
        print(error)
        print(error.encoding, error.start, error.end, error.reason, error.object == text)
try:
    'é'.encode('ascii', 'bogus')
except LookupError as error:
    print(type(error).__name__, error)
print('a'.encode('ascii', 'bogus'))
print(issubclass(UnicodeEncodeError, UnicodeError), issubclass(UnicodeError, ValueError))
try:
    'ü'.encode('ascii')
except ValueError as error:
    print('caught as ValueError:', type(error).__name__)
