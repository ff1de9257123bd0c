# doctest's line numbers where a docstring does not follow its def line: signatures spanning
# several lines, methods, properties, static methods and classes (CPython's
# DocTestFinder._find_lineno searches the source from the code's first line for the line opening
# the docstring); and docstrings as 3.13's compiler stores them (common indentation removed).
import doctest
import types

SOURCE = '''
def long_signature(
    a,
    b=2,
):
    """
    >>> long_signature(1)
    3
    >>> long_signature(1, 1)
    99
    """
    return a + b

class K:
    def method(
        self,
        x,
    ):
        """
        >>> K().method(1)
        2
        """
        return x



class Documented:
    """
    >>> 1 + 1
    3
    """

    @property
    def prop(self):
        """
        >>> 2 + 2
        5
        """

    @staticmethod
    def static(
        x,
    ):
        """>>> 3 + 3
        7
        """


def dedented():
    """First line.
        indented more
    back
    """
'''

path = "sample.py"
with open(path, "w") as file:
    file.write(SOURCE)
module = types.ModuleType("sample")
module.__file__ = path
exec(compile(SOURCE, path, "exec"), module.__dict__)
print(doctest.testmod(module))
doctest.run_docstring_examples(module.long_signature, {"long_signature": module.long_signature})
print(repr(module.dedented.__doc__), repr(module.Documented.__doc__))
print(repr(module.Documented.static.__doc__))
