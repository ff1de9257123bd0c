# The module-level functions configure the root logger on first use, then log through it.
import logging, sys, io, contextlib
captured = io.StringIO()
with contextlib.redirect_stderr(captured):
    logging.debug("not shown")
    print(len(logging.root.handlers))
    logging.warning("configured %s", "lazily")
    logging.error("error")
    logging.critical("critical")
    logging.fatal("fatal is critical")
    logging.log(logging.ERROR, "log at %d", logging.ERROR)
    try:
        int("x")
    except ValueError:
        logging.exception("bad int")
print(captured.getvalue().replace(sys._getframe().f_code.co_filename, "FILE"), end="")
print(len(logging.root.handlers), logging.root.handlers[0].stream is captured)
print(logging.getLoggerClass() is logging.Logger)
class Mine(logging.Logger):
    pass
logging.setLoggerClass(Mine)
print(type(logging.getLogger("made.after")).__name__, type(logging.root).__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as error:
    print("TypeError", error)
