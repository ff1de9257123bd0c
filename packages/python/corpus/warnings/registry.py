# The default action shows a warning once per location; __warningregistry__ remembers it.
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
for i in range(3):
    warnings.warn("inside a loop")
for i in range(2):
    warnings.warn("message %d" % i)
registry = globals()["__warningregistry__"]
print(sorted(key for key in registry if key != "version"))
warnings.simplefilter("default")
for i in range(2):
    warnings.warn("after a filter change the registry starts over")
print(len(registry))
