# A custom exception hierarchy with extra attributes, else/finally, re-raising and exception-group-free handling.
class AppError(Exception):
    code = 1

    def __init__(self, message, *, detail=None):
        super().__init__(message)
        self.detail = detail

    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}" + (f" ({self.detail})" if self.detail else "")


class NotFound(AppError):
    code = 404


class Forbidden(AppError):
    code = 403


def fetch(path, user):
    if not path.startswith("/"):
        raise ValueError(f"bad path {path!r}")
    if path == "/admin" and user != "root":
        raise Forbidden("no access", detail=user)
    if path not in ("/", "/admin", "/home"):
        raise NotFound(path)
    return f"content of {path}"


log = []
for path, user in [("/", "ann"), ("/admin", "ann"), ("/admin", "root"), ("/nope", "ann"), ("rel", "ann")]:
    try:
        result = fetch(path, user)
    except AppError as error:
        log.append(f"{type(error).__name__}: {error} code={error.code}")
    except ValueError as error:
        log.append(f"ValueError: {error}")
    else:
        log.append(result)
    finally:
        log.append("-")
print("\n".join(log))
print(issubclass(NotFound, AppError), isinstance(Forbidden("x"), Exception), NotFound("p").args)
try:
    try:
        fetch("/nope", "x")
    except NotFound:
        raise
except AppError as error:
    print("re-raised", repr(error.detail), error.code)
