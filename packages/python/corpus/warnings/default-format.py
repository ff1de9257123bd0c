# A warning prints "file:line: Category: message" and the source line on sys.stderr.
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
warnings.warn("plain user warning")
warnings.warn("a runtime problem", RuntimeWarning)
warnings.warn(FutureWarning("an instance carries its category"))
warnings.warn("deprecated in __main__ is shown", DeprecationWarning)
warnings.warn("pending is ignored", PendingDeprecationWarning)
warnings.warn("import warnings are ignored", ImportWarning)
warnings.warn("resource warnings are ignored", ResourceWarning)
print(warnings.filters)
print("done")
