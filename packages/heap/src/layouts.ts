/**
 * Byte layouts of the built-in object types, on top of core's header (`ob_refcnt` at 0, `ob_type`
 * at 4, `ob_size` at 8 for variable-size objects; GC types are preceded by the 8-byte GC head).
 * Every offset is relative to the object address (`PyObject *`).
 *
 * ```text
 *  None      │ ob_refcnt │ ob_type │                                            8 bytes
 *  int/bool  │ ob_refcnt │ ob_type │ value (float64, a safe integer)  │        16 bytes
 *  big int   │ ob_refcnt │ ob_type │ lv_tag │ NaN marker │ ob_digit[0] … ob_digit[n-1] │  16 + 4n
 *            (|value| ≥ 2^53: lv_tag = n << 3 | sign, 30-bit digits least significant first)
 *  float     │ ob_refcnt │ ob_type │ ob_fval (float64)                │        16 bytes
 *  complex   │ ob_refcnt │ ob_type │ real (float64) │ imag (float64)  │        24 bytes
 *  str       │ ob_refcnt │ ob_type │ ob_size = UTF-8 bytes │ hash │ length<<1|interned │ bytes… │  20 + n
 *  tuple  GC │ ob_refcnt │ ob_type │ ob_size │ ob_item[0] … ob_item[n-1] │               12 + 4n
 *  list   GC │ ob_refcnt │ ob_type │ ob_size │ ob_item ──► [item…] │ allocated │       20 (+ 4·allocated)
 *  dict   GC │ ob_refcnt │ ob_type │ ma_used │ nentries │ ma_keys ──┐ │ entries ──┐ │  24
 *            keys block: │ dk_size │ dk_usable │ indices[dk_size] (int32) │ entries[usable] │
 *            entry:      │ me_hash │ me_key │ me_value │                                    12
 *  weakref GC│ ob_refcnt │ ob_type │ wr_object │ wr_callback │ hash │ wr_prev │ wr_next │  28
 *  instance  │ ob_refcnt │ ob_type │ [__dict__] │ [__weakref__] │ slot 0 … slot n-1 │     8 + 4k
 *  set    GC │ ob_refcnt │ ob_type │ fill │ used │ mask │ table ──┐ │ hash │ finger │
 *            │ smalltable[8] │ weakreflist │                                             100
 *            table (smalltable, or a block of mask + 1 entries): entry │ key │ hash │        8
 * ```
 *
 * @module
 */

/** `int`/`bool` value: a float64 holding a safe integer (|n| ≤ 2^53 − 1). */
export const INT_VALUE_OFFSET = 8;
/** Size of an `int` or `bool` object (a big int adds 4 bytes per digit). */
export const INT_SIZE = 16;
/** Big int: digit count << 3 | sign bits, where the float64 value's low word is. CPython: `lv_tag`. */
export const BIG_INT_TAG_OFFSET = 8;
/** Sign bit of {@link BIG_INT_TAG_OFFSET}'s word: the value is negative. CPython: `SIGN_NEGATIVE`. */
export const BIG_INT_NEGATIVE = 2;
/**
 * Big int: the float64 value's high word, always {@link BIG_INT_MARKER}, so the float64 there
 * reads as a NaN and tells a big int from a safe one with one load.
 */
export const BIG_INT_MARKER_OFFSET = 12;
/** The marker word: all exponent and mantissa bits set, a NaN whatever the tag word holds. */
export const BIG_INT_MARKER = 0xffff_ffff;
/** Big int: the first 30-bit digit. CPython: `long_value.ob_digit`. */
export const BIG_INT_DIGITS_OFFSET = 16;
/** `float` value. CPython: `ob_fval`. */
export const FLOAT_VALUE_OFFSET = 8;
/** Size of a `float` object. */
export const FLOAT_SIZE = 16;
/** `complex` real part, where an int's or float's value is. CPython: `cval.real`. */
export const COMPLEX_REAL_OFFSET = 8;
/** `complex` imaginary part. CPython: `cval.imag`. */
export const COMPLEX_IMAG_OFFSET = 16;
/** Size of a `complex` object. CPython: `sizeof(PyComplexObject)` on 32 bits. */
export const COMPLEX_SIZE = 24;
/** Size of `None`. */
export const NONE_SIZE = 8;

/** `str` byte length of the UTF-8 data (its `ob_size`). */
export const STR_BYTES_OFFSET = 8;
/** `str` cached hash, `-1` until computed. CPython: `hash`. */
export const STR_HASH_OFFSET = 12;
/** `str` code-point length shifted left by one, bit 0 = interned. */
export const STR_STATE_OFFSET = 16;
/** First byte of the UTF-8 data. */
export const STR_DATA_OFFSET = 20;
/** Bit 0 of the state word: the string is in the intern table. CPython: `state.interned`. */
export const STR_STATE_INTERNED = 1;

/** `tuple` item count. */
export const TUPLE_SIZE_OFFSET = 8;
/** First inline item of a tuple. CPython: `ob_item`. */
export const TUPLE_ITEMS_OFFSET = 12;

/** `list` item count. CPython: `ob_size`. */
export const LIST_SIZE_OFFSET = 8;
/** Address of the separately allocated item array (0 when `allocated == 0`). CPython: `ob_item`. */
export const LIST_ITEMS_OFFSET = 12;
/** Capacity of the item array. CPython: `allocated`. */
export const LIST_ALLOCATED_OFFSET = 16;
/** Size of a list object. */
export const LIST_SIZE = 20;

/** Number of live items. CPython: `ma_used`. */
export const DICT_USED_OFFSET = 8;
/** Entries in use in the entry array, deleted ones included. CPython: `dk_nentries`. */
export const DICT_NENTRIES_OFFSET = 12;
/** Address of the keys block (0 for an empty dict that never had keys). CPython: `ma_keys`. */
export const DICT_KEYS_OFFSET = 16;
/** Address of the entry array inside the keys block, so collectors can walk it declaratively. */
export const DICT_ENTRIES_OFFSET = 20;
/** Size of a dict object. */
export const DICT_SIZE = 24;
/** Keys block: number of index slots, a power of two. CPython: `dk_log2_size`. */
export const KEYS_SIZE_OFFSET = 0;
/** Keys block: entries still usable before a resize. CPython: `dk_usable`. */
export const KEYS_USABLE_OFFSET = 4;
/** Keys block: first index slot. CPython: `dk_indices`. */
export const KEYS_INDICES_OFFSET = 8;
/** Bytes per entry `{me_hash, me_key, me_value}`. */
export const ENTRY_SIZE = 12;
/** Entry field: the key's cached hash. CPython: `me_hash`. */
export const ENTRY_HASH_OFFSET = 0;
/** Entry field: the key (0 once deleted). CPython: `me_key`. */
export const ENTRY_KEY_OFFSET = 4;
/** Entry field: the value (0 once deleted). CPython: `me_value`. */
export const ENTRY_VALUE_OFFSET = 8;
/** Index slot never used. CPython: `DKIX_EMPTY`. */
export const DKIX_EMPTY = -1;
/** Index slot whose entry was deleted. CPython: `DKIX_DUMMY`. */
export const DKIX_DUMMY = -2;
/** Smallest index table. CPython: `PyDict_MINSIZE`. */
export const DICT_MIN_SIZE = 8;

/** The referent, or 0 once the weak reference is dead. CPython: `wr_object` (a stealth reference). */
export const WEAKREF_OBJECT_OFFSET = 8;
/**
 * The callback, 0 for none. CPython: `wr_callback`. One word, two kinds, told apart by the low
 * bit (objects are 8-byte aligned, so an object address never has it set):
 *
 * ```text
 *  wr_callback  │ 0                          │ no callback
 *               │ object address (bit 0 = 0) │ a Python callable, a strong reference collectors visit
 *               │ id << 1 | 1    (bit 0 = 1) │ a JavaScript function: id in the heap's callback table
 * ```
 */
export const WEAKREF_CALLBACK_OFFSET = 12;
/** Low bit of `wr_callback` marking a JavaScript callback id rather than an object address. */
export const WEAKREF_NATIVE_CALLBACK_TAG = 1;
/** Cached hash, -1 until computed. */
export const WEAKREF_HASH_OFFSET = 16;
/** Previous weak reference to the same referent. CPython: `wr_prev`. */
export const WEAKREF_PREV_OFFSET = 20;
/** Next weak reference to the same referent. CPython: `wr_next`. */
export const WEAKREF_NEXT_OFFSET = 24;
/** Size of a weakref object. */
export const WEAKREF_SIZE = 28;

/** First field of an instance of a user-defined class. */
export const INSTANCE_FIELDS_OFFSET = 8;

/** Slots holding a key or a dummy. CPython: `PySetObject.fill`. */
export const SET_FILL_OFFSET = 8;
/** Slots holding a key (`len(s)`). CPython: `PySetObject.used`. */
export const SET_USED_OFFSET = 12;
/** Table size minus one (a power of two minus one). CPython: `PySetObject.mask`. */
export const SET_MASK_OFFSET = 16;
/** Address of the table: the inline small table, or a separate block. CPython: `PySetObject.table`. */
export const SET_TABLE_OFFSET = 20;
/** A frozenset's cached hash, -1 until computed. CPython: `PySetObject.hash`. */
export const SET_HASH_OFFSET = 24;
/** Where `pop()` resumes its scan. CPython: `PySetObject.finger`. */
export const SET_FINGER_OFFSET = 28;
/** The inline table of {@link SET_MIN_SIZE} entries. CPython: `PySetObject.smalltable`. */
export const SET_SMALLTABLE_OFFSET = 32;
/** Head of the weak reference list. CPython: `PySetObject.weakreflist`. */
export const SET_WEAKLIST_OFFSET = 96;
/** Size of a set or frozenset object (GC head excluded). CPython: `sizeof(PySetObject)` on 32 bits. */
export const SET_SIZE = 100;
/** Entries in the inline table. CPython: `PySet_MINSIZE`. */
export const SET_MIN_SIZE = 8;
/** Bytes per table entry `{key, hash}`. CPython: `sizeof(setentry)` on 32 bits. */
export const SET_ENTRY_SIZE = 8;
/** Entry field: the key; 0 in unused and dummy entries. CPython: `setentry.key`. */
export const SET_ENTRY_KEY_OFFSET = 0;
/**
 * Entry field: the key's hash. An unused entry is `{key 0, hash 0}`; a dummy (deleted) entry is
 * `{key 0, hash -1}` — CPython stores a static `dummy` object as the key instead, which pymem has
 * no place for outside the heap; −1 is never a real hash, so the two encodings decide alike.
 */
export const SET_ENTRY_HASH_OFFSET = 4;
/** The hash of a dummy entry. CPython: the `-1` stored with `dummy`. */
export const SET_DUMMY_HASH = -1;
