# callbacks still run after the script dies with an uncaught exception
import atexit
def cleanup(resource):
    print('releasing', resource)
atexit.register(cleanup, 'database')
atexit.register(cleanup, 'socket')
print('working')
raise RuntimeError('crashed')
