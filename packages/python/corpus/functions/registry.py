# Decorators that store attributes on functions (a command registry, a memo cache) and a cycle through __dict__.
import gc

registry = {}


def command(name=None, *, aliases=()):
    def register(fn):
        fn.command_name = name or fn.__name__
        fn.aliases = list(aliases)
        registry[fn.command_name] = fn
        for alias in aliases:
            registry[alias] = fn
        return fn

    return register


@command(aliases=("h", "?"))
def help_text(topic: str = "all") -> str:
    """Show help for a topic."""
    return f"help on {topic}"


@command("quit")
def leave() -> None:
    "Leave the program."
    return None


for key in sorted(registry):
    fn = registry[key]
    print(key, fn.__name__, fn.command_name, fn.aliases, fn.__doc__)
print(help_text.__annotations__, leave.__annotations__)
print(help_text("x"), sorted(help_text.__dict__))


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache = cache
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(fib.cache), fib.__name__, fib.__wrapped__.__name__)


def self_ref():
    pass


self_ref.me = self_ref
print(gc.is_tracked(self_ref), self_ref in gc.get_referents(self_ref.__dict__))
del self_ref
print(gc.collect() >= 2)
