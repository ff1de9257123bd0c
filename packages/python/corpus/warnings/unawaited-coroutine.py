# A coroutine that is never awaited warns when it is freed, through the warnings filters.
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


async def fetch():
    return 1


def start():
    fetch()


start()
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    fetch()
    start()
for message in log:
    print(message.category.__name__, message.message, message.lineno)
with warnings.catch_warnings(action="ignore"):
    fetch()
pending = fetch()
pending.close()
print("end")
