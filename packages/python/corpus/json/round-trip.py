# a config round trip: build, dump with indent, load back, compare, modify
import json
config = {
    'version': 3,
    'servers': [{'host': 'alpha', 'port': 8080, 'tags': ['web', 'primary']},
                {'host': 'beta', 'port': 8081, 'tags': []}],
    'limits': {'memory_mb': 512.5, 'retries': None, 'debug': False},
    'motd': 'Welcome, caf\u00e9 users!\n',
}
text = json.dumps(config, indent=2, sort_keys=True)
print(text)
loaded = json.loads(text)
print(loaded == config, loaded['servers'][1]['host'], loaded['limits']['memory_mb'])
loaded['servers'].append({'host': 'gamma', 'port': 9000, 'tags': ['new']})
compact = json.dumps(loaded, separators=(',', ':'))
print(len(compact), json.loads(compact)['servers'][-1])
