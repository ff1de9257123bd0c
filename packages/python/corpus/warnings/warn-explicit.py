# warn_explicit takes the location and registry from its caller; warn checks its category.
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
warnings.warn_explicit("explicit", UserWarning, "other.py", 10)
warnings.warn_explicit("explicit", UserWarning, "other.py", 10)
registry = {}
warnings.warn_explicit("with registry", UserWarning, "other.py", 11, registry=registry)
warnings.warn_explicit("with registry", UserWarning, "other.py", 11, registry=registry)
print(sorted(k for k in registry if k != "version"))
warnings.warn_explicit(RuntimeWarning("an instance"), UserWarning, "x.py", 1)
warnings.filterwarnings("ignore", module="quiet")
warnings.warn_explicit("module from filename", UserWarning, "quiet.py", 1)
warnings.warn_explicit("module given", UserWarning, "loud.py", 2, module="quiet.sub")
for category in [int, 3, None]:
    try:
        warnings.warn("x", category)
        print("ok", category)
    except TypeError as error:
        print(error)
print(warnings.__all__)
print(warnings.defaultaction, warnings.onceregistry)
