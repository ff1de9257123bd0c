# get_close_matches: ranking, n and cutoff, and its ValueError messages.
from difflib import get_close_matches

print(get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
import keyword
print(get_close_matches('wheel', keyword.kwlist))
print(get_close_matches('pineapple', keyword.kwlist))
print(get_close_matches('accept', keyword.kwlist))
words = ['print', 'sprint', 'pint', 'prints', 'paint', 'point', 'printf']
print(get_close_matches('prnt', words, n=5))
print(get_close_matches('prnt', words, n=2, cutoff=0.8))
print(get_close_matches('prnt', words, n=10, cutoff=0.0))
print(get_close_matches('x', [], n=1))
print(get_close_matches('ab', ['ba', 'ab', 'ab']))
for n, cutoff in [(0, 0.5), (-1, 0.5), (3, 1.5), (3, -0.1)]:
    try:
        get_close_matches('a', ['a'], n, cutoff)
    except ValueError as error:
        print('ValueError', error)
