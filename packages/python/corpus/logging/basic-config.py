# basicConfig: default format, format/level/stream, only once unless force=True, bad arguments.
import logging, sys
logging.basicConfig(stream=sys.stdout)
logging.warning("default format %s", "here")
logging.info("info is below WARNING")
logging.basicConfig(stream=sys.stdout, format="ignored: %(message)s")
logging.error("second call changed nothing")
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, force=True,
                    format="%(levelname)-8s|%(name)s|%(levelno)d|%(message)s")
logging.debug("forced")
logging.getLogger("pkg.mod").info("child %d of %d", 1, 2)
logging.log(25, "level 25")
print(len(logging.root.handlers), logging.root.level)
for kwargs in ({"stream": sys.stdout, "filename": "x.log"},
               {"handlers": [], "stream": sys.stdout},
               {"style": "#"},
               {"bogus": 1, "other": 2}):
    try:
        logging.basicConfig(force=True, **kwargs)
    except ValueError as error:
        print("ValueError", error)
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("mine: %(message)s"))
logging.basicConfig(handlers=[handler], force=True, format="theirs: %(message)s")
logging.critical("the handler kept its formatter")
