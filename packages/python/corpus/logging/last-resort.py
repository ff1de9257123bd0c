# With no handler anywhere, WARNING and above go to stderr as the bare message (lastResort).
import logging, sys, io, contextlib
captured = io.StringIO()
with contextlib.redirect_stderr(captured):
    logger = logging.getLogger("quiet")
    logger.info("below the level")
    logger.warning("bare %s", "message")
    logger.error("an error")
    saved, logging.lastResort = logging.lastResort, None
    logger.warning("no last resort")
    logger.warning("said only once")
print(repr(captured.getvalue()))
logger.addHandler(logging.NullHandler())
captured = io.StringIO()
with contextlib.redirect_stderr(captured):
    logger.critical("swallowed by NullHandler")
print(repr(captured.getvalue()))
print(logging.root.handlers)
logging.lastResort = saved
logging.getLogger("other").error("stderr from the last line")
sys.exit(1)
