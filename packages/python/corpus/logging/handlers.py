# Handler reprs, levels, names, NullHandler, FileHandler through open(), setStream and close.
import logging, sys, io, os
buffer = io.StringIO()
stream = logging.StreamHandler(buffer)
print(repr(stream), repr(logging.StreamHandler(sys.stdout)), repr(logging.StreamHandler()))
print(repr(logging.NullHandler()), repr(logging.lastResort))
stream.setLevel("INFO")
stream.name = "buffered"
print(stream.name, stream.level, repr(stream), logging.getHandlerByName("buffered") is stream)
logger = logging.getLogger("handlers")
logger.setLevel(logging.DEBUG)
logger.addHandler(stream)
logger.addHandler(stream)
logger.addHandler(logging.NullHandler())
print(len(logger.handlers))
logger.debug("dropped by the handler's level")
logger.info("kept")
stream.terminator = " |\n"
logger.warning("custom terminator")
print(repr(buffer.getvalue()))
old = stream.setStream(sys.stdout)
print(old is buffer, stream.setStream(sys.stdout))
logger.error("now on stdout")
file_handler = logging.FileHandler("handlers-test.log", mode="w")
file_handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
print(os.path.isabs(file_handler.baseFilename), os.path.basename(file_handler.baseFilename))
logger.addHandler(file_handler)
logger.warning("to the file too")
file_handler.close()
with open("handlers-test.log") as log_file:
    print(repr(log_file.read()))
os.remove("handlers-test.log")
try:
    logging.Handler().emit(None)
except NotImplementedError as error:
    print("NotImplementedError", error)
