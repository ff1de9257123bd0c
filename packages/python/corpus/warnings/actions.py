# Each filter action: always, once, module, ignore, error.
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


def emit(text):
    warnings.warn(text, UserWarning)


for action in ["always", "once", "module", "ignore"]:
    warnings.resetwarnings()
    warnings.simplefilter(action)
    print("--", action)
    for i in range(2):
        emit("same text")
    warnings.warn("same text")
warnings.simplefilter("error")
try:
    emit("now an exception")
except UserWarning as error:
    print("raised", repr(error))
warnings.simplefilter("error", RuntimeWarning)
warnings.simplefilter("ignore", UserWarning, append=True)
print(warnings.filters[:2])
