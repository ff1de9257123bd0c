# SystemExit with a message prints the message to stderr and exits with status 1
class Holder:
    def __del__(self):
        print("finalized at exit")
h = Holder()
print("before")
raise SystemExit("fatal: stopping")
