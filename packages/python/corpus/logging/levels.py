# Level numbers, their names both ways, custom levels and what _checkLevel refuses.
import logging
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
print(logging.WARN == logging.WARNING, logging.FATAL == logging.CRITICAL)
for level in (0, 10, 20, 30, 40, 50, 25, "INFO", "WARN", "nope"):
    print(repr(level), "->", repr(logging.getLevelName(level)))
logging.addLevelName(25, "NOTICE")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"))
print(sorted(logging.getLevelNamesMapping().items(), key=lambda item: (item[1], item[0])))
logger = logging.getLogger("levels")
logger.setLevel("DEBUG")
print(logger.level, logger.getEffectiveLevel())
for bad in ("LOUD", 2.5, None):
    try:
        logger.setLevel(bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
try:
    logger.log("INFO", "x")
except TypeError as error:
    print("TypeError", error)
