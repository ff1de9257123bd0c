import type { NativeFunction, NativeModuleFactory } from "../native.js";
import { expectPositional, floatResult, integerResult } from "./arguments.js";
import { bytesLikeArgument } from "./buffer-argument.js";
import { pythonSourceModuleWithNatives } from "./python-source-module.js";
import { NATIVE_SIZES } from "./struct-format.js";

/**
 * Python's `array`: the `array.array` type over every typecode, written in Python with its items
 * in a list (each value checked and narrowed to the C type on the way in, as CPython's
 * `setitem` functions do) and TypeScript natives for the machine representation (`tobytes`,
 * `frombytes`, `byteswap`, `float` rounding). `sys.getsizeof` follows CPython's `array_resize`
 * over-allocation (`allocated` is tracked through every operation that resizes in CPython).
 *
 * @module
 */

/**
 * Bytes per item: the C type's native size (struct-format.ts), with `u` a 4-byte `wchar_t` and
 * `w` a `Py_UCS4` on a 64-bit Linux host.
 */
const ITEM_SIZES: Readonly<Record<string, number>> = Object.fromEntries(
  [..."bBhHiIlLqQfd"]
    .map((code) => [code, NATIVE_SIZES[code]!] as const)
    .concat([
      ["u", 4],
      ["w", 4],
    ]),
);

/** Typecodes whose items are signed integers. */
const SIGNED = "bhilq";

/** The item size of a typecode argument (the Python part checked it). */
function itemSize(code: string): number {
  return ITEM_SIZES[code] ?? 1;
}

/** `_to_bytes(typecode, items)`: the machine representation of a list of checked items. */
const toBytes: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_to_bytes", "_to_bytes", args, keywords, 2, 2);
  const heap = context.heap;
  const code = heap.strValue(args[0]!);
  const list = args[1]!;
  const size = itemSize(code);
  const count = heap.listLength(list);
  const out = new Uint8Array(count * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < count; i++) {
    const item = heap.listGetItem(list, i);
    const at = i * size;
    if (code === "f") view.setFloat32(at, heap.numberValue(item), true);
    else if (code === "d") view.setFloat64(at, heap.numberValue(item), true);
    else if (code === "u" || code === "w")
      view.setUint32(at, heap.strValue(item).codePointAt(0)!, true);
    else {
      let value = BigInt.asUintN(8 * size, heap.intBigValue(item));
      for (let k = 0; k < size; k++) {
        out[at + k] = Number(value & 0xffn);
        value >>= 8n;
      }
    }
  }
  return context.newBytes(out);
};

/** `_from_bytes(typecode, data)`: the items a machine representation holds, as a list. */
const fromBytes: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_from_bytes", "_from_bytes", args, keywords, 2, 2);
  const heap = context.heap;
  const code = heap.strValue(args[0]!);
  const data = bytesLikeArgument(context, args[1]!);
  const size = itemSize(code);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const list = heap.newList();
  try {
    for (let at = 0; at + size <= data.length; at += size) {
      let item: number;
      if (code === "f") item = floatResult(context, view.getFloat32(at, true));
      else if (code === "d") item = floatResult(context, view.getFloat64(at, true));
      else if (code === "u" || code === "w") {
        const point = view.getUint32(at, true);
        if (point > 0x10ffff)
          context.raise(
            "ValueError",
            `character U+${point.toString(16)} is not in range [U+0000; U+10ffff]`,
          );
        item = heap.newStr(String.fromCodePoint(point));
      } else {
        let value = 0n;
        for (let k = size - 1; k >= 0; k--) value = (value << 8n) | BigInt(data[at + k]!);
        item = integerResult(
          context,
          SIGNED.includes(code) ? BigInt.asIntN(8 * size, value) : value,
        );
      }
      heap.listAppend(list, item);
      context.release(item);
    }
    return list;
  } catch (error) {
    context.release(list);
    throw error;
  }
};

/** `_float32(x)`: `x` rounded to single precision, as a C `float` item stores it. */
const float32: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_float32", "_float32", args, keywords, 1, 1);
  return floatResult(context, Math.fround(context.heap.numberValue(args[0]!)));
};

const ARRAY_SOURCE = `
import operator as _operator

typecodes = 'bBuwhHiIlLqQfd'

_SIZES = ${JSON.stringify(ITEM_SIZES)}

# (low, high, message above high, message below low). CPython: the *_setitem functions.
_INTEGER_RANGES = {
    'b': (-128, 127, 'signed char is greater than maximum', 'signed char is less than minimum'),
    'B': (0, 255, 'unsigned byte integer is greater than maximum', 'unsigned byte integer is less than minimum'),
    'h': (-2**15, 2**15 - 1, 'signed short integer is greater than maximum', 'signed short integer is less than minimum'),
    'H': (0, 2**16 - 1, 'unsigned short is greater than maximum', 'unsigned short is less than minimum'),
    'i': (-2**31, 2**31 - 1, 'signed integer is greater than maximum', 'signed integer is less than minimum'),
    'I': (0, 2**32 - 1, 'unsigned int is greater than maximum', "can't convert negative value to unsigned int"),
    'l': (-2**63, 2**63 - 1, 'Python int too large to convert to C long', 'Python int too large to convert to C long'),
    'L': (0, 2**64 - 1, 'Python int too large to convert to C unsigned long', "can't convert negative value to unsigned int"),
    'q': (-2**63, 2**63 - 1, 'int too big to convert', 'int too big to convert'),
    'Q': (0, 2**64 - 1, 'int too big to convert', "can't convert negative int to unsigned"),
}


def _index(value):
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return int(index(value))


def _checked(typecode, value):
    # The value an item of this typecode stores, or CPython's error for it.
    if typecode in 'uw':
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError('array item must be unicode character')
        return value
    if typecode in 'fd':
        if not isinstance(value, float):
            convert = getattr(type(value), '__float__', None)
            if convert is not None:
                value = convert(value)
            elif getattr(type(value), '__index__', None) is not None:
                value = float(_index(value))
            else:
                raise TypeError(f'must be real number, not {type(value).__name__}')
        return _float32(value) if typecode == 'f' else float(value)
    value = _index(value)
    low, high, above, below = _INTEGER_RANGES[typecode]
    if value > high:
        raise OverflowError(above)
    if value < low:
        raise OverflowError(below)
    return value


def _new_size(current, allocated, newsize):
    # CPython: array_resize() — what 'allocated' becomes when the size goes to newsize.
    if allocated >= newsize and current < newsize + 16 and allocated:
        return allocated
    if newsize == 0:
        return 0
    return (newsize >> 4) + (3 if current < 8 else 7) + newsize


def _comparison(compare):
    def method(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return compare(self._items, other._items)
    return method


def _make(typecode, items):
    a = object.__new__(array)
    a._typecode = typecode
    a._items = items
    a._allocated = len(items)
    return a


class array:
    """array(typecode[, initializer]) -> array"""
    __slots__ = ('_typecode', '_items', '_allocated', '__weakref__')
    __hash__ = None

    def __new__(cls, *args, **kwargs):
        if kwargs and cls is array:
            raise TypeError('array.array() takes no keyword arguments')
        if not 1 <= len(args) <= 2:
            raise TypeError(f'array() takes at most 2 arguments ({len(args)} given)' if args
                            else 'array() takes at least 1 argument (0 given)')
        typecode = args[0]
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError(f'array() argument 1 must be a unicode character, not {type(typecode).__name__}')
        if typecode not in _SIZES:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        if typecode == 'u':
            import warnings
            warnings.warn("The 'u' type code is deprecated and will be removed in Python 3.16",
                          DeprecationWarning, stacklevel=2)
        initializer = args[1] if len(args) == 2 else None
        self = object.__new__(cls)
        self._typecode = typecode
        self._items = []
        self._allocated = 0
        if initializer is None:
            return self
        if isinstance(initializer, str):
            if typecode not in 'uw':
                raise TypeError(f"cannot use a str to initialize an array with typecode '{typecode}'")
            # CPython's array_new copies a str initializer into an exactly sized buffer.
            self._items = list(initializer)
            self._allocated = len(self._items)
        elif isinstance(initializer, array):
            if initializer._typecode in 'uw' and typecode not in 'uw':
                raise TypeError(f"cannot use a unicode array to initialize an array with typecode '{typecode}'")
            self._items = [_checked(typecode, v) for v in initializer._items]
            self._allocated = len(self._items)
        elif isinstance(initializer, (list, tuple)):
            self._items = [_checked(typecode, v) for v in initializer]
            self._allocated = len(self._items)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        else:
            self.extend(initializer)
        return self

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def _resize(self, newsize):
        self._allocated = _new_size(len(self._items), self._allocated, newsize)

    def __sizeof__(self):
        return 64 + self._allocated * _SIZES[self._typecode]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return arrayiterator(self)

    def __contains__(self, value):
        return value in self._items

    def __repr__(self):
        name = type(self).__name__
        if not self._items:
            return f"{name}('{self._typecode}')"
        if self._typecode in 'uw':
            return f"{name}('{self._typecode}', {''.join(self._items)!r})"
        return f"{name}('{self._typecode}', {self._items!r})"

    def _position(self, index, message):
        # An item's index, or CPython's TypeError / IndexError (message) for a bad one.
        if getattr(type(index), '__index__', None) is None:
            raise TypeError('array indices must be integers')
        i = _index(index)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError(message)
        return i

    def __getitem__(self, index):
        if isinstance(index, slice):
            return _make(self._typecode, self._items[index])
        return self._items[self._position(index, 'array index out of range')]

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError(f'can only assign array (not "{type(value).__name__}") to array slice')
            if value._typecode != self._typecode:
                raise TypeError('bad argument type for built-in operation')
            start, stop, step = index.indices(len(self._items))
            new_items = list(value._items)
            if step == 1:
                removed = max(0, stop - start)
                self._resize(len(self._items) - removed + len(new_items))
            else:
                count = len(range(start, stop, step))
                if len(new_items) != count:
                    raise ValueError(f'attempt to assign array of size {len(new_items)} '
                                     f'to extended slice of size {count}')
            self._items[index] = new_items
            return
        i = self._position(index, 'array assignment index out of range')
        self._items[i] = _checked(self._typecode, value)

    def __delitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self._items))
            removed = len(range(start, stop, step))
            if removed:
                self._resize(len(self._items) - removed)
            del self._items[index]
            return
        i = self._position(index, 'array assignment index out of range')
        self._resize(len(self._items) - 1)
        del self._items[i]

    # CPython: array_richcompare — items compared in order, as lists compare.
    __eq__ = _comparison(_operator.eq)
    __ne__ = _comparison(_operator.ne)
    __lt__ = _comparison(_operator.lt)
    __le__ = _comparison(_operator.le)
    __gt__ = _comparison(_operator.gt)
    __ge__ = _comparison(_operator.ge)

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError(f'can only append array (not "{type(other).__name__}") to array')
        if other._typecode != self._typecode:
            raise TypeError('bad argument type for built-in operation')
        return _make(self._typecode, self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError(f'can only extend array with array (not "{type(other).__name__}")')
        self.extend(other)
        return self

    def _count(self, n):
        if getattr(type(n), '__index__', None) is None:
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        return max(0, _index(n))

    def __mul__(self, n):
        return _make(self._typecode, self._items * self._count(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        count = self._count(n)
        self._resize(len(self._items) * count)
        self._items *= count
        return self

    def __copy__(self):
        return _make(self._typecode, list(self._items))

    def __deepcopy__(self, memo):
        return _make(self._typecode, list(self._items))

    def append(self, value, /):
        value = _checked(self._typecode, value)
        self._resize(len(self._items) + 1)
        self._items.append(value)

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError('can only extend with array of same kind')
            items = list(iterable._items)
            self._resize(len(self._items) + len(items))
            self._items.extend(items)
            return
        for value in iterable:
            self.append(value)

    def insert(self, index, value, /):
        i = _index(index)
        value = _checked(self._typecode, value)
        n = len(self._items)
        if i < 0:
            i = max(0, i + n)
        self._resize(n + 1)
        self._items.insert(min(i, n), value)

    def pop(self, index=-1, /):
        i = _index(index)
        n = len(self._items)
        if n == 0:
            raise IndexError('pop from empty array')
        if not -n <= i < n:
            raise IndexError('pop index out of range')
        value = self._items[i]
        self._resize(n - 1)
        del self._items[i]
        return value

    def remove(self, value, /):
        for i, item in enumerate(self._items):
            if item == value:
                del self[i]
                return
        raise ValueError('array.remove(x): x not in array')

    def index(self, value, start=0, stop=2**63 - 1, /):
        for bound in (start, stop):
            if getattr(type(bound), '__index__', None) is None:
                raise TypeError('slice indices must be integers or have an __index__ method')
        n = len(self._items)
        start, stop = _index(start), _index(stop)
        if start < 0:
            start = max(0, start + n)
        if stop < 0:
            stop = max(0, stop + n)
        i = start
        while i < min(stop, len(self._items)):
            if self._items[i] == value:
                return i
            i += 1
        raise ValueError('array.index(x): x not in array')

    def count(self, value, /):
        return sum(1 for item in list(self._items) if item == value)

    def reverse(self, /):
        self._items.reverse()

    def tolist(self, /):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        checked = [_checked(self._typecode, v) for v in items]
        self._resize(len(self._items) + len(checked))
        self._items.extend(checked)

    def tobytes(self, /):
        return _to_bytes(self._typecode, self._items)

    def frombytes(self, buffer, /):
        # _from_bytes reads any bytes-like object (and refuses others with CPython's message).
        data = buffer if isinstance(buffer, (bytes, bytearray)) else bytes(_from_bytes('B', buffer))
        if len(data) % _SIZES[self._typecode]:
            raise ValueError('bytes length not a multiple of item size')
        items = _from_bytes(self._typecode, data)
        self._resize(len(self._items) + len(items))
        self._items.extend(items)

    def _write_bytes(self, offset, data):
        whole = bytearray(self.tobytes())
        whole[offset:offset + len(data)] = data
        self._items[:] = _from_bytes(self._typecode, whole)

    def byteswap(self, /):
        size = _SIZES[self._typecode]
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items[:] = _from_bytes(self._typecode, swapped)

    def buffer_info(self, /):
        return (id(self._items), len(self._items))

    def tounicode(self, /):
        if self._typecode not in 'uw':
            raise ValueError("tounicode() may only be called on unicode type arrays ('u' or 'w')")
        return ''.join(self._items)

    def fromunicode(self, text, /):
        if not isinstance(text, str):
            raise TypeError(f'fromunicode() argument must be str, not {type(text).__name__}')
        if self._typecode not in 'uw':
            raise ValueError("fromunicode() may only be called on unicode type arrays ('u' or 'w')")
        self._resize(len(self._items) + len(text))
        self._items.extend(text)


ArrayType = array


class arrayiterator:
    __slots__ = ('_array', '_index')

    def __init__(self, a):
        self._array = a
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        a = self._array
        if a is None or self._index >= len(a._items):
            self._array = None
            raise StopIteration
        item = a._items[self._index]
        self._index += 1
        return item


array.__module__ = 'array'
arrayiterator.__module__ = 'array'
`;

/**
 * Builds the `array` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { array: arrayModule } });
 * interpreter.run("from array import array\nprint(array('h', [1, 2]).tobytes())");
 * ```
 */
export const arrayModule: NativeModuleFactory = pythonSourceModuleWithNatives(
  "array",
  ARRAY_SOURCE,
  { _to_bytes: toBytes, _from_bytes: fromBytes, _float32: float32 },
  { array: "array.array", arrayiterator: "array.arrayiterator" },
);
