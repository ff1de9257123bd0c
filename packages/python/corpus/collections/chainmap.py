# ChainMap: layered lookups for scoped settings
from collections import ChainMap
defaults = {'color': 'red', 'user': 'guest', 'debug': False}
env = {'user': 'admin'}
cli = {'debug': True}
settings = ChainMap(cli, env, defaults)
print(settings['color'], settings['user'], settings['debug'], len(settings))
print(sorted(settings), 'color' in settings, settings.get('missing', '-'))
child = settings.new_child({'color': 'blue'})
print(child['color'], child.parents['color'], len(child.maps))
child['user'] = 'root'
print(child.maps[0], env)
print(ChainMap({'a': 1}, {'b': 2}))
try:
    del settings['color']
except KeyError as error:
    print('KeyError:', error)
