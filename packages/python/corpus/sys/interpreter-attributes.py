# sys's description of the interpreter: flags, hash_info, int_info, hexversion, implementation,
# encodings, path and builtin_module_names, stdin, and the switch interval.
import sys

print(sys.flags.optimize, sys.flags.int_max_str_digits, sys.flags[0], len(sys.flags), type(sys.flags).__name__)
print(sys.flags.debug, sys.flags.utf8_mode, sys.flags.safe_path, sys.flags.dev_mode)
print(sys.hexversion >> 16 == 0x30d, sys.maxunicode, sys.float_repr_style, sys.api_version, repr(sys.abiflags))
print(sys.implementation.name, sys.implementation.cache_tag, sys.implementation.version[:2])
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.is_finalizing(), sys.gettrace(), sys.getprofile(), sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag, sys.hash_info.algorithm)
print(hash(float("inf")) == sys.hash_info.inf, hash(complex(0, 1)) == sys.hash_info.imag)
print(type(sys.path).__name__, all(isinstance(entry, str) for entry in sys.path))
print(type(sys.builtin_module_names).__name__, "sys" in sys.builtin_module_names, "json" in sys.builtin_module_names)
print(sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.stdin.readable(), sys.stdin is sys.__stdin__)
print(type(sys.flags).__name__, type(sys.int_info).__name__, type(sys.float_info).__name__)
print(sys.flags == tuple(sys.flags), isinstance(sys.dont_write_bytecode, bool))
