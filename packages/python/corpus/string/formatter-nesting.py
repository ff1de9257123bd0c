# Formatter: nested specs and auto numbering across them, attribute/index chains, subclasses.
import string

f = string.Formatter()
print(f.format('{:{}{}}|{:>{}}', 'x', '^', 7, 'y', 4))
print(f.format('{0:{1}}{2:{3}.{4}}', 'ab', 5, 3.14159, 8, 3))
print(f.format('{p.__class__.__name__} {d[k][0]} {l[1]} {l[-1]}', p=1j, d={'k': 'v'}, l={1: 'one', '-1': 'neg'}))
print(f.format('{0[0][1]}{0[1].real:.1f}', [['a', 'b'], 2.25]))
print(list(f.parse('{0:{1:{2}}}')), list(f.parse('}}{{')))
print(f.vformat('{0}{1}', ['a', 'b'], {}), f.vformat('{}{}', ('x', 'y'), {}))

class Upper(string.Formatter):
    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)
    def parse(self, format_string):
        for literal, field, spec, conversion in super().parse(format_string):
            yield literal.replace('-', '_'), field, spec, conversion
print(Upper().format('a-b {0!u} {0!r} {1}', 'hi', 3))

class Tracking(string.Formatter):
    def __init__(self):
        self.seen = []
    def get_value(self, key, args, kwargs):
        self.seen.append(key)
        return super().get_value(key, args, kwargs)
t = Tracking()
print(t.format('{0}{name}{0}{1}', 'a', 'b', name='n'), t.seen)
try:
    Upper().format('{0!q}', 1)
except ValueError as error:
    print('ValueError', error)
