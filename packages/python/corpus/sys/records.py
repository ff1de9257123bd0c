# sys.version_info compares like a tuple; sys.float_info has named fields and a repr
import sys
print(sys.version_info >= (3, 8), sys.version_info < (4,), sys.version_info[:2] == (3, 13))
print(sys.version_info[0], len(sys.version_info), tuple(sys.version_info)[3:])
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig)
print(sys.float_info.mant_dig, sys.float_info.radix, sys.float_info[0] == sys.float_info.max)
print(sys.float_info)
print(len(sys.float_info), list(sys.float_info)[-2:], sys.float_info == tuple(sys.float_info))
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 > 1.0)
try:
    sys.float_info.dig = 4
except AttributeError as error:
    print('AttributeError:', error)
