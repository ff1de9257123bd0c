# Malformed pickles, differentially: valid pickles of every protocol, truncated and with bytes
# overwritten (random's Mersenne Twister is CPython's, so both interpreters make the same inputs),
# must fail with the same exception and message in pymem as in CPython's C unpickler.
import pickle
import random
from fractions import Fraction

random.seed(5)
shared = [1, 'two']
values = [None, True, 7, -300, 2**70, 1.5, 'h\xe9\u20ac', b'by', bytearray(b'ba'), (1, (2,)),
          {'k': shared, 3: frozenset({4})}, {5, 6}, Fraction(1, 3), range(2)]
seeds = [pickle.dumps(values, p) for p in range(6)]
counts = {}
for i in range(500):
    data = bytearray(random.choice(seeds))
    data = data[:random.randrange(1, len(data) + 1)]
    for _ in range(random.randrange(3)):
        data[random.randrange(len(data))] = random.randrange(256)
    try:
        result = pickle.loads(bytes(data))
    except (UnicodeDecodeError, ModuleNotFoundError) as e:
        # Only the kind: the messages of these two quote the raw bytes.
        outcome = type(e).__name__
    except Exception as e:
        outcome = type(e).__name__ + ': ' + str(e)
    else:
        outcome = 'loaded ' + type(result).__name__
    counts[outcome.split(':')[0]] = counts.get(outcome.split(':')[0], 0) + 1
    print(i, outcome)
print(sorted(counts.items()))
