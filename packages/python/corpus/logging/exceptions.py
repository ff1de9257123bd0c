# exception() and exc_info attach the formatted traceback; stack_info adds the call stack.
import logging, sys
HERE = sys._getframe().f_code.co_filename  # absolute under CPython, as given under pymem
class Relative(logging.Formatter):
    def format(self, record):
        return super().format(record).replace(HERE, "FILE")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(Relative("%(levelname)s %(funcName)s: %(message)s"))
logger = logging.getLogger("exc")
logger.addHandler(handler)
def divide(a, b):
    return a / b
try:
    divide(1, 0)
except ZeroDivisionError:
    logger.exception("division failed")
try:
    {}["key"]
except KeyError as error:
    logger.error("lookup failed", exc_info=error)
    logger.warning("no traceback", exc_info=False)
logger.error("outside a handler", exc_info=True)
def outer():
    inner()
def inner():
    logger.warning("where am I", stack_info=True)
outer()
formatter = Relative()
try:
    raise ValueError("shown by formatException")
except ValueError:
    print(formatter.formatException(sys.exc_info()).replace(HERE, "FILE"))
