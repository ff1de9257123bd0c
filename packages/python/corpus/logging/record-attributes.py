# What a LogRecord knows: caller's file, module, function and line, args, extra, repr.
import logging, sys
class Keep(logging.Handler):
    def emit(self, record):
        self.record = record
keep = Keep()
logger = logging.getLogger("rec")
logger.addHandler(keep)
logger.propagate = False
def compute():
    logger.warning("value %d and %s", 7, "x")
compute()
record = keep.record
print(record.name, record.levelname, record.levelno, record.msg, record.args)
print(record.getMessage(), record.filename, record.module, record.funcName, record.lineno)
print(record.exc_info, record.exc_text, record.stack_info, record.processName, record.threadName)
print(type(record.created).__name__, type(record.msecs).__name__, record.relativeCreated >= 0)
print(repr(record).replace(record.pathname, "PATH"))
logger.error("mapping %(a)s/%(b)s", {"a": 1, "b": 2})
print(keep.record.args, keep.record.getMessage())
logger.error("with extra", extra={"user": "ann", "ip": "1.2.3.4"})
print(keep.record.user, keep.record.ip)
try:
    logger.error("clash", extra={"message": "no"})
except KeyError as error:
    print("KeyError", error)
def helper():
    logger.warning("from helper, reported at the caller", stacklevel=2)
helper()
print(keep.record.funcName, keep.record.lineno)
made = logging.makeLogRecord({"msg": "plain", "custom": 1})
print(made.name, made.levelno, made.levelname, made.getMessage(), made.custom)
