# Records travel up to the ancestors' handlers unless propagate is False; handler levels filter.
import logging, sys
def handler(tag, level=logging.NOTSET):
    h = logging.StreamHandler(sys.stdout)
    h.setLevel(level)
    h.setFormatter(logging.Formatter(tag + " %(name)s %(levelname)s %(message)s"))
    return h
root_handler = handler("[root]")
logging.root.addHandler(root_handler)
logging.root.setLevel(logging.DEBUG)
service = logging.getLogger("service")
service.addHandler(handler("[service]", logging.WARNING))
api = logging.getLogger("service.api")
api.info("only root sees info")
api.warning("both see warnings")
api.propagate = False
api.error("nobody: no handler of its own")
api.addHandler(handler("[api]"))
api.debug("api only")
api.propagate = True
print(api.hasHandlers(), logging.getLogger("lonely").hasHandlers())
logging.root.removeHandler(root_handler)
print(logging.getLogger("lonely").hasHandlers())
api.disabled = True
api.critical("disabled loggers drop everything")
api.disabled = False
logging.disable(logging.WARNING)
api.warning("disabled up to WARNING")
api.error("errors still pass")
logging.disable(logging.NOTSET)
api.info("back")
