# A failing example: run_docstring_examples prints CPython's report (Expected/Got)
import doctest

SOURCE = '''
def double(n):
    """
    >>> double(2)
    4
    >>> double(3)
    7
    >>> double(0)
    >>> print('')
    <BLANKLINE>
    """
    return n * 2
'''
namespace = {}
exec(SOURCE, namespace)
double = namespace["double"]


doctest.run_docstring_examples(double, {"double": double}, name="double")
print("done")
