# filterwarnings matches the message (case-insensitively, from the start), category and line.
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
warnings.filterwarnings("ignore", message="noisy")
warnings.filterwarnings("error", category=RuntimeWarning)
warnings.filterwarnings("always", module="__main__", lineno=12)
print(warnings.filters[:3])
warnings.warn("NOISY message is dropped")
warnings.warn("quiet message is shown")
warnings.warn("line twelve, always"); warnings.warn("line twelve, always")
try:
    warnings.warn("runtime is an error", RuntimeWarning)
except RuntimeWarning as error:
    print("error:", error)
warnings.filterwarnings("ignore", module="other")
warnings.warn("module does not match, shown")
bad = [("bogus",), ("ignore", 3), ("ignore", "", int), ("ignore", "", Warning, 5),
       ("ignore", "", Warning, "", -1)]
for arguments in bad:
    try:
        warnings.filterwarnings(*arguments)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
for arguments in [("x",), ("ignore", Warning, -2)]:
    try:
        warnings.simplefilter(*arguments)
    except ValueError as error:
        print(type(error).__name__, error)
