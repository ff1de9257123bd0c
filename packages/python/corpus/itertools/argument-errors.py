# wrong arguments to itertools: CPython's exception types and messages
import itertools
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as error:
        print(label, type(error).__name__ + ':', error)
attempt('islice stop -1', lambda: itertools.islice('abc', -1))
attempt('islice start -1', lambda: itertools.islice('abc', -1, 2))
attempt('islice step 0', lambda: itertools.islice('abc', 0, 2, 0))
attempt('islice stop str', lambda: itertools.islice('abc', 'x'))
attempt('batched 0', lambda: itertools.batched('abc', 0))
attempt('permutations r -1', lambda: itertools.permutations('abc', -1))
attempt('combinations r -2', lambda: itertools.combinations('abc', -2))
attempt('product repeat -1', lambda: itertools.product('ab', repeat=-1))
attempt('repeat no args', lambda: itertools.repeat())
attempt('count str', lambda: itertools.count('a'))
attempt('chain of int', lambda: list(itertools.chain(1)))
attempt('cycle of int', lambda: itertools.cycle(5))
attempt('tee negative', lambda: itertools.tee([], -1))
attempt('accumulate bad add', lambda: list(itertools.accumulate([1, 'a'])))
