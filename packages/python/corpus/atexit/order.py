# atexit callbacks run at shutdown, last registered first, with their arguments
import atexit
def goodbye(name, punctuation='.'):
    print('goodbye', name + punctuation)
atexit.register(goodbye, 'first')
returned = atexit.register(goodbye, 'second', punctuation='!')
print(returned is goodbye, atexit._ncallbacks())
@atexit.register
def decorated():
    print('decorated callback')
print('script ends')
