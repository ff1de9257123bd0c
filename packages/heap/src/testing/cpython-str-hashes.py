"""Writes cpython-str-hashes.json: CPython 3.13's hash() of sample strs and bytes under fixed
PYTHONHASHSEED values, reduced to 32 bits as a 32-bit build returns them (the low 32 bits, signed).

    PYENV_VERSION=3.13.0 python3 cpython-str-hashes.py > cpython-str-hashes.json
"""
import json
import os
import subprocess
import sys

SAMPLES = [
    "", "a", "abc", "abcdefg", "abcdefgh", "abcdefghi", "x" * 100,
    "é", "héllo wörld", "ÿ" * 9,
    "€uro", "日本語テキスト", "Ā" * 17,
    "😀", "a😀b", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and ascii",
]
SEEDS = ["0", "1", "42", "4294967295"]

PROBE = """
import json, sys
samples = json.loads(sys.stdin.read())
def low32(h):
    h &= 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h
print(json.dumps({
    "str": [low32(hash(s)) for s in samples],
    "bytes": [low32(hash(s.encode("utf-8"))) for s in samples],
}))
"""

if __name__ == "__main__":
    result = {"samples": SAMPLES, "seeds": {}}
    for seed in SEEDS:
        environment = dict(os.environ, PYTHONHASHSEED=seed)
        output = subprocess.run([sys.executable, "-c", PROBE], input=json.dumps(SAMPLES),
                                capture_output=True, text=True, env=environment, check=True)
        result["seeds"][seed] = json.loads(output.stdout)
    print(json.dumps(result, ensure_ascii=False, indent=2))
