# string.Formatter: format/vformat, parse, get_field, conversions, nesting, and its errors.
import string

f = string.Formatter()
print(f.format('{0}-{1!r}-{name:>6}|{0:{width}.{prec}f}', 3.14159, 'x', name='ab', width=9, prec=2))
print(f.format('{} and {}', 'a', 'b'), f.format('{a[0]}{a[1]} {p.real}', a='xy', p=2 + 3j))
print(f.format('{{literal}} {0!s:*^9} {0!a}', 'é'), f.vformat('{x}{y}', (), {'x': 1, 'y': 2}))
print(list(f.parse('a{0!r:>{w}}b{{c}}{}')), list(f.parse('')))
print(f.get_field('0.real', [5 + 1j], {}), f.get_field('k[1]', [], {'k': 'abc'}))
print(f.get_value(0, ['zero'], {}), f.get_value('n', [], {'n': 'en'}), f.format_field(7, '03d'))
print(f.convert_field('q', 'r'), f.convert_field('q', None), f.convert_field('é', 'a'))

class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - {key for key in used_args if isinstance(key, str)}
        if unused:
            raise ValueError('unused: %s' % sorted(unused))
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, '<%s?>' % key) if isinstance(key, str) else args[key]
    def format_field(self, value, format_spec):
        return format(value, format_spec).upper()
s = Strict()
print(s.format('{x} {missing} {0}', 'zero', x='hex'))
for attempt in [lambda: s.format('{x}', x=1, y=2), lambda: f.format('{0} {}', 1, 2),
                lambda: f.format('{} {0}', 1, 2), lambda: f.format('{0!x}', 1),
                lambda: f.format('{0:{1:{2}}}', 1, 2, 3), lambda: f.format('{'),
                lambda: f.format('}'), lambda: f.format('{0[}', 1), lambda: f.format('{a.}', a=1),
                lambda: f.format('{0}', ), lambda: f.format('{k}'), lambda: f.format('{0.nope}', 1)]:
    try:
        print(attempt())
    except (ValueError, IndexError, KeyError, AttributeError) as error:
        print(type(error).__name__, error)
