# warnings.deprecated (PEP 702) marks functions and classes; using them warns.
import sys
import warnings


class StripFolder:
    """sys.stderr for the corpus: CPython names the script by its absolute path."""

    def write(self, text):
        head, found, tail = text.partition(".py:")
        sys.stdout.write(head.rsplit("/", 1)[-1] + found + tail)

    def flush(self):
        pass


sys.stderr = StripFolder()


@warnings.deprecated("use new_function instead")
def old_function(x):
    return x * 2


@warnings.deprecated("Old is old", category=FutureWarning)
class Old:
    def __init__(self, value):
        self.value = value


print(old_function(21))
print(old_function.__deprecated__, old_function.__name__)
print(Old(5).value, Old.__deprecated__)
try:
    warnings.deprecated(3)
except TypeError as error:
    print(error)
