# A file dying open is closed with a ResourceWarning: ignored by default, recorded here with its line.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    f = open('a.txt', 'w')
    f.write('x')
    del f
    g = open('a.txt', 'rb')
    g = None
    print(open('a.txt').read())
    raw = open('a.txt', 'rb', buffering=0)
    del raw
    with open('a.txt') as closed_properly:
        pass
    del closed_properly
for warning in caught:
    print(warning.category.__name__, warning.lineno, type(warning.source).__name__)
    print(' ', warning.message)
f = open('a.txt', 'w')
del f
print('nothing more: the default filters ignore ResourceWarning')
