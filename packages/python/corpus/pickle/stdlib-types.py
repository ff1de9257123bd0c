# The stdlib types programs pickle: collections (OrderedDict, defaultdict, deque, Counter),
# datetime (dates, times and datetimes as CPython's byte states, fold, timezones), Fraction,
# enum members, functools.partial; exact bytes for protocols 0-5 and the round trip.
import collections
import datetime as dt
import enum
import fractions
import functools
import pickle


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Perm(enum.IntFlag):
    R = 4
    W = 2


tz = dt.timezone(dt.timedelta(hours=2), 'X')
values = [
    collections.OrderedDict([('a', 1), ('b', 2)]),
    collections.defaultdict(list, {'a': [1]}),
    collections.deque([1, 2, 3]),
    collections.deque([1, 2, 3], maxlen=5),
    collections.Counter('abca'),
    dt.date(2024, 5, 17),
    dt.datetime(2024, 5, 17, 10, 30, 1, 5),
    dt.datetime(2024, 12, 31, 23, 59, 59, 999999, tzinfo=tz),
    dt.datetime(2021, 11, 7, 1, 30, fold=1),
    dt.time(10, 11, 12, 13),
    dt.time(1, 2, tzinfo=dt.timezone.utc),
    dt.time(3, fold=1),
    dt.timedelta(days=-1, seconds=5, microseconds=7),
    dt.timezone.utc,
    tz,
    fractions.Fraction(3, 4),
    Color.GREEN,
    Perm.R,
    functools.partial(max, 1),
    [dt.date(2020, 1, 1), dt.date(2020, 1, 2)],
]
for value in values:
    for protocol in range(6):
        data = pickle.dumps(value, protocol)
        back = pickle.loads(data)
        same = back == value if not isinstance(value, functools.partial) else back(2) == value(2)
        print(protocol, data, same, type(back).__name__, getattr(back, 'fold', ''))

print(dt.date(b'\x07\xe8\x05\x11'), dt.datetime(b'\x07\xe8\x05\x11\n\x1e\x01\x00\x00\x05'),
      dt.time(b'\x01\x02\x03\x00\x00\x04'))
for bad in ['abcd', b'\x07\xe8\x0d\x11']:
    try:
        dt.date(bad)
    except TypeError as e:
        print('TypeError', e)
print(pickle.loads(pickle.dumps(Color.RED)) is Color.RED)
print(pickle.loads(pickle.dumps(collections.defaultdict(int, a=1)))['zz'])

# namedtuple classes: protocol 2 and later pickle copyreg.__newobj__(cls, *values) as CPython's.
Point = collections.namedtuple('Point', 'x y')
for protocol in range(2, 6):
    data = pickle.dumps([Point(1, 2), Point(3, y=4)], protocol)
    print(protocol, data, pickle.loads(data))
