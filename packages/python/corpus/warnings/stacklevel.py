# stacklevel attributes the warning to the caller's caller, and past the stack to <sys>.
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


def old_api():
    warnings.warn("old_api() is deprecated", DeprecationWarning, stacklevel=2)


def helper():
    old_api()


def deeper():
    warnings.warn("from deeper", stacklevel=3)


helper()
old_api()


def outer():
    deeper()


outer()
warnings.warn("beyond the stack", stacklevel=20)
warnings.warn("level zero counts as one", stacklevel=0)
