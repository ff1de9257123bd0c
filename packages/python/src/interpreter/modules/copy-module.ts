import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's copy module, written in Python that pymem runs at import (pymem's own source):
 * copy and deepcopy (the memo, __copy__/__deepcopy__, copyreg's dispatch_table, then
 * __reduce_ex__(4) — the reduction pickle uses, from copyreg — and __setstate__; shared and cyclic
 * structure kept), and replace. Python rather than
 * TypeScript: deepcopy recurses through user objects and calls their hooks, so it runs as
 * Python frames under the interpreter's recursion limit, as CPython's does.
 *
 * @module
 */

/** The module's Python source, run at import. */
const COPY_SOURCE = `# pymem's copy module, written for pymem in Python (not CPython's Lib/copy source).


from copyreg import dispatch_table


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, tuple, frozenset, type, range,
           type(len), type(NotImplemented), property)


def _is_function(value):
    return type(value).__name__ in ('function', 'builtin_function_or_method')


def _reduce(x, kind):
    """What pickling would record for x (copyreg's reduction, as pickle uses it)."""
    cls = type(x)
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, '__reduce_ex__', None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, '__reduce__', None)
    if reductor:
        return reductor()
    raise Error('un(' + kind + ')copyable object of type ' + str(cls))


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or _is_function(x) or issubclass(cls, type):
        return x
    if cls in (list, dict, set):
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, 'shallow')
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy, so shared and cyclic parts stay so."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC and cls is not tuple or _is_function(x) or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        y = x
        for old, new in zip(x, items):
            if old is not new:
                y = tuple(items)
                break
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for item in x:
            y.add(deepcopy(item, memo))
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            rv = _reduce(x, 'deep')
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def replace(*args, **changes):
    if len(args) != 1:
        raise TypeError('replace() takes 1 positional argument but ' + str(len(args)) + ' were given')
    obj = args[0]
    cls = type(obj)
    method = getattr(cls, '__replace__', None)
    if method is None:
        raise TypeError('replace() does not support ' + cls.__name__ + ' objects')
    return method(obj, **changes)
`;

/**
 * Builds the `copy` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { copy: copyModule } });
 * ```
 */
export const copyModule = pythonSourceModule("copy", COPY_SOURCE);
