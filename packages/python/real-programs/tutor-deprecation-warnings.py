"""Evolving an API without breaking its users: deprecation warnings, caught and counted.

An old function name forwards to the new one and warns; a plugin registry fills sys.modules so
that `import` finds plugins made at run time; warnings are recorded with catch_warnings and
turned into errors where a test suite wants them strict.
"""
import importlib
import sys
import types
import warnings


def area(width, height):
    return width * height


@warnings.deprecated("rect_area() is deprecated; use area()")
def rect_area(width, height):
    return area(width, height)


def legacy_scale(value, factor=None):
    if factor is None:
        warnings.warn("legacy_scale() without factor is deprecated", DeprecationWarning, stacklevel=2)
        factor = 2
    return value * factor


def register_plugin(name, **functions):
    module = types.ModuleType(name, f"Plugin {name!r} made at run time")
    for function_name, function in functions.items():
        setattr(module, function_name, function)
    module.__all__ = sorted(functions)
    sys.modules[name] = module
    return module


if __name__ == "__main__":
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(rect_area(3, 4), legacy_scale(5), legacy_scale(5, 3))
        print(rect_area(1, 1))
    for warning in caught:
        print(f"{warning.category.__name__} line {warning.lineno}: {warning.message}")
    register_plugin("shapes_plugin", square=lambda side: area(side, side), double=lambda x: 2 * x)
    plugin = importlib.import_module("shapes_plugin")
    print(plugin.__doc__, plugin.square(7), plugin.double(21))
    from shapes_plugin import *
    print(square(3), double(4))
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        try:
            legacy_scale(1)
        except DeprecationWarning as error:
            print("strict mode:", error)
    with warnings.catch_warnings(record=True) as quiet:
        warnings.simplefilter("ignore")
        legacy_scale(2)
    print("ignored:", len(quiet))
    del sys.modules["shapes_plugin"]
    try:
        import shapes_plugin
    except ModuleNotFoundError as error:
        print(error)
