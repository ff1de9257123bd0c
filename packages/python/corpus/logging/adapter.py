# LoggerAdapter adds context through process(); merge_extra; adapters delegate levels.
import logging, sys
HERE = sys._getframe().f_code.co_filename  # absolute under CPython, as given under pymem
class Relative(logging.Formatter):
    def format(self, record):
        return super().format(record).replace(HERE, "FILE")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(Relative("%(levelname)s [%(request)s] %(funcName)s %(message)s"))
logger = logging.getLogger("web")
logger.addHandler(handler)
logger.setLevel(logging.INFO)
adapter = logging.LoggerAdapter(logger, {"request": "r-1"})
def handle():
    adapter.info("handling %s", "/index")
handle()
adapter.debug("not shown")
print(repr(adapter), adapter.name, adapter.isEnabledFor(logging.DEBUG), adapter.getEffectiveLevel())
adapter.extra = {"request": "r-2"}
adapter.warning("extra from the adapter wins", extra={"request": "ignored"})
merging = logging.LoggerAdapter(logger, {"request": "r-3", "user": "x"}, merge_extra=True)
merging.error("call's extra merged", extra={"request": "r-4"})
class Prefixed(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return "[%s] %s" % (self.extra["request"], msg), kwargs
Prefixed(logger, {"request": "r-5"}).critical("custom process")
adapter.setLevel(logging.ERROR)
print(logger.level, adapter.hasHandlers())
try:
    1 / 0
except ZeroDivisionError:
    adapter.exception("adapter exception")
