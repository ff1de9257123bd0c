# captureWarnings routes warnings.warn through the 'py.warnings' logger and back.
import logging, sys, warnings
HERE = sys._getframe().f_code.co_filename  # absolute under CPython, as given under pymem
class Relative(logging.Formatter):
    def format(self, record):
        return super().format(record).replace(HERE, "FILE")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(Relative("%(name)s %(levelname)s %(message)s"))
logging.root.addHandler(handler)
warnings.simplefilter("always")
logging.captureWarnings(True)
warnings.warn("careful", UserWarning)
warnings.warn("old api", DeprecationWarning)
print(logging.getLogger("py.warnings").handlers)
logging.captureWarnings(False)
print(warnings.showwarning is logging._showwarning)
logger = logging.getLogger("dep")
logger.addHandler(handler)
logger.propagate = False
logger.warn("warn still works")
