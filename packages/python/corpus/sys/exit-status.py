# sys.exit raises SystemExit: code None, int or message; catchable like any exception
import sys
for argument in [(), (0,), (3,), ('message',), (1, 2)]:
    try:
        sys.exit(*argument)
    except SystemExit as error:
        print(repr(argument), '->', repr(error.code), repr(error.args))
print(sys.intern('name'), sys.intern('a' + 'b') == 'ab', sys.maxsize > 2 ** 30)
try:
    sys.intern(5)
except TypeError as error:
    print('TypeError:', error)
print(sys.stdout.write('written directly\n'))
sys.exit(4)
print('not reached')
