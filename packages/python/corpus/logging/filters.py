# Filter by logger name, callables as filters, filters that change or replace the record.
import logging, sys
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
logging.root.addHandler(handler)
logging.root.setLevel(logging.DEBUG)
only_app = logging.Filter("app")
handler.addFilter(only_app)
for name in ("app", "app.web", "apple", "other", "ap"):
    logging.getLogger(name).info("hello")
print(logging.Filter().filter(logging.makeLogRecord({"name": "x"})))
handler.removeFilter(only_app)
def no_secrets(record):
    return "secret" not in record.getMessage()
logger = logging.getLogger("app.auth")
logger.addFilter(no_secrets)
logger.info("login ok")
logger.info("the secret is 42")
class Upper(logging.Filter):
    def filter(self, record):
        record.msg = record.getMessage().upper()
        record.args = ()
        return True
logger.addFilter(Upper())
logger.info("shouted %s", "quietly")
def replace(record):
    return logging.makeLogRecord({"name": "replaced", "msg": "new record", "levelno": 20})
logger.addFilter(replace)
logger.info("original")
print(len(logger.filters))
