# catch_warnings(record=True) collects WarningMessage objects and restores the filters after.
import warnings

before = list(warnings.filters)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    warnings.warn("third", PendingDeprecationWarning)
print(len(caught))
for message in caught:
    print(message.category.__name__, message.message, message.lineno, message.line)
    print(message.filename.rsplit("/", 1)[-1])
print(str(caught[0]).replace(caught[0].filename, "FILE"))
print(warnings.filters == before)
with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
with warnings.catch_warnings(record=True, action="error", category=RuntimeWarning) as log:
    try:
        warnings.warn("err", RuntimeWarning)
    except RuntimeWarning:
        print("raised inside")
    warnings.warn("user one")
print([str(w.message) for w in log])
manager = warnings.catch_warnings(record=True)
print(manager)
with manager:
    try:
        with manager:
            pass
    except RuntimeError as error:
        print(error)
try:
    warnings.catch_warnings().__exit__(None, None, None)
except RuntimeError as error:
    print(error)
