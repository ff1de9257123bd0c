# Docstrings of a module, a class and functions are stored in __doc__ (a comment may precede them)
"""The module docstring."""


class Documented:
    """The class docstring."""

    def method(self):
        """The method docstring."""


class Undocumented:
    value = "not a docstring"


def function():
    """The function docstring."""


print(__doc__)
print(Documented.__doc__, Documented().__doc__)
print(Documented.method.__doc__, function.__doc__)
print("__doc__" in Documented.__dict__, Undocumented.value)
