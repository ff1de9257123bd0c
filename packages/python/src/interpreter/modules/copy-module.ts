import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's copy module, written in Python that pymem runs at import (pymem's own source):
 * copy and deepcopy (the memo, __copy__/__deepcopy__, __reduce_ex__/__reduce__, __getstate__/
 * __setstate__, slots, shared and cyclic structure kept), and replace. Python rather than
 * TypeScript: deepcopy recurses through user objects and calls their hooks, so it runs as
 * Python frames under the interpreter's recursion limit, as CPython's does.
 *
 * @module
 */

/** The module's Python source, run at import. */
const COPY_SOURCE = `# pymem's copy module, written for pymem in Python (not CPython's Lib/copy source).


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, tuple, frozenset, type, range,
           type(len), type(NotImplemented), property)


def _is_function(value):
    return type(value).__name__ in ('function', 'builtin_function_or_method')


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ('__dict__', '__weakref__') and name not in names:
                names.append(name)
    return names


def _defines(cls, name):
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in klass.__dict__:
            return True
    return False


def _instance_state(x):
    cls = type(x)
    if _defines(cls, '__getstate__'):
        return x.__getstate__()
    try:
        state = dict(x.__dict__) or None
    except AttributeError:
        state = None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _reduce(x):
    """What pickling would record for x: (callable, args, state, listitems, dictitems)."""
    cls = type(x)
    if _defines(cls, '__reduce_ex__'):
        return x.__reduce_ex__(4)
    if _defines(cls, '__reduce__'):
        return x.__reduce__()
    if isinstance(x, BaseException):
        return (cls, x.args, _instance_state(x))
    if not isinstance(x, object) or cls.__module__ == 'builtins':
        raise Error('un(deep)copyable object of type ' + repr(cls))
    return (_new_instance, (cls,), _instance_state(x))


def _new_instance(cls):
    return cls.__new__(cls)


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
    rv = _reduce(x)
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
            rv = _reduce(x)
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
