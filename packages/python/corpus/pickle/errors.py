# What cannot be pickled, bad __reduce__ results, and malformed pickles: CPython's exceptions.
import pickle


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, type(e).__name__, str(e).split(' at 0x')[0])
    else:
        print(label, 'ok', result)


def make_local():
    class Local:
        pass
    return Local


def gen():
    yield 1


attempt('local class', lambda: pickle.dumps(make_local()))
attempt('local instance', lambda: pickle.dumps(make_local()()))
attempt('generator', lambda: pickle.dumps(gen()))
attempt('generator p0', lambda: pickle.dumps(gen(), 0))
attempt('protocol 6', lambda: pickle.dumps(1, 6))
attempt('no write', lambda: pickle.Pickler(1))
attempt('str data', lambda: pickle.loads('N.'))


class R:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return self.v


for v in [1, (), (1,), (len,), (len, 1), (len, (), None, 1), (len, (), None, None, 1),
          (len, (), None, None, None, 1), (1, 2, 3, 4, 5, 6, 7), (1, ())]:
    attempt('reduce %r' % (v,), lambda: pickle.dumps(R(v)))


class Moved:
    pass


Alias = Moved


class Moved:
    pass


attempt('not same', lambda: pickle.dumps(Alias))


class Elsewhere:
    pass


Elsewhere.__module__ = 'no_such_module_here'
attempt('no module', lambda: pickle.dumps(Elsewhere))

bad = [b'', b'\x80\x05', b'\x80\x06N.', b'x', b'\x00', b'\xff', b"'", b'h\x05.', b'g5\n.',
       b'.', b'(.', b'N(0.', b'a', b'(a', b'X\x05\x00\x00\x00ab', b'cno_such_mod\nbar\n.',
       b'K\x01K\x02\x81.', b'\x8c\x01a)\x81.', b'N)R.', b'c__builtin__\nlen\nNR.', b'}(K\x01u.',
       b'(K\x01d.', b'NNb.', b'}Nb.', b'\x82\x05.', b'\x97.', b"S'abc.", b'Sabc\n.', b'Iabc\n.',
       b'Labc\n.', b'p-1\n.', b'\x8b\xff\xff\xff\xff.', b'T\xff\xff\xff\xff.',
       b'\x95\x10\x00\x00\x00\x00\x00\x00\x00N.', b'P1\n.', b'\x80\x02N\x85R.',
       b'K\x01K\x01\x93.', b'(N1.', b'N2t.', b'}N0.', b'I01\n.', b'I00\n.', b'I7\n.',
       b'L123L\n.', b'F1.25\n.', b"S'a\\x41\\n'\n.", b'U\x02hi.', b'V\\u20ac\n.',
       b'\x8a\x00.', b'\x8a\x01\xff.', b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01.']
for data in bad:
    attempt(repr(data), lambda: pickle.loads(data))
