# calcsize: native sizes and alignment versus standard sizes, repeat counts, padding codes
import struct
for fmt in ['b', 'h', 'i', 'l', 'q', 'n', 'P', 'e', 'f', 'd', '?', 'c', 'x']:
    print(fmt, struct.calcsize(fmt), struct.calcsize('<' + fmt) if fmt not in 'nP' else '-')
print(struct.calcsize('@bhilqd'), struct.calcsize('=bhilqd'), struct.calcsize('<bhilqd'))
print(struct.calcsize('ci'), struct.calcsize('ic'), struct.calcsize('hq0l'), struct.calcsize('0i'))
print(struct.calcsize('3s2x?P'), struct.calcsize('10p'), struct.calcsize('4h 2i'), struct.calcsize(b'>3d'))
print(struct.Struct('i h').size, struct.Struct('i h').format, struct.Struct(b'<q').format)
