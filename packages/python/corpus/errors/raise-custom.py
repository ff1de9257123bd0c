# User exception classes, raise with arguments, re-raise and except-tuple matching.
class AppError(Exception):
    pass


class ConfigError(AppError):
    pass


def load(name):
    if name == "":
        raise ConfigError("empty name")
    return name.upper()


for name in ["db", ""]:
    try:
        print(load(name))
    except AppError as e:
        print("AppError caught:", type(e).__name__, e)
try:
    try:
        load("")
    except ConfigError:
        print("handling, then re-raising")
        raise
except (KeyError, AppError) as e:
    print("outer caught", type(e).__name__, e.args)
