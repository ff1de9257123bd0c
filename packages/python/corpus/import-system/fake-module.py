# Storing any object in sys.modules makes import return it.
import sys


class Settings:
    debug = True
    level = 3


sys.modules["settings"] = Settings()
import settings

print(type(settings).__name__, settings.debug)
from settings import level

print(level)
try:
    from settings import missing
except ImportError as error:
    print(type(error).__name__)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as error:
    print(type(error).__name__, error)
try:
    __import__("no_such_module")
except ModuleNotFoundError as error:
    print(error, error.__class__.__mro__[1].__name__)
