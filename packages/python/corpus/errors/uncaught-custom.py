# An uncaught user exception: the last line of stderr is "ClassName: message".
class QuotaExceeded(Exception):
    pass


used = 0
for request in range(5):
    used += 40
    print("used", used)
    if used > 100:
        raise QuotaExceeded("used " + str(used) + " of 100")
