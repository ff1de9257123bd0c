"""Write packages/python/src/unicode/unicode-database-tables.ts from CPython's own database.

Run with the CPython whose Unicode version pymem mirrors (3.13: Unicode 15.1.0):

    PYENV_VERSION=3.13.0 python3 packages/python/scripts/generate-unicode-data.py

Every value comes from that interpreter's `unicodedata` module and `str` methods, so pymem agrees
with CPython code point by code point. Aliases and named sequences have no enumeration API in
`unicodedata`; their candidates come from Perl's copy of the Unicode name list (any Unicode
version) and each one is kept only when CPython's `unicodedata.lookup` accepts it.

Encoding (decoded by src/unicode/unicode-database.ts): integers are base-32 varints, most
significant digit first, every digit but the last drawn from CONTINUE, the last from FINAL.
"""

import os
import re
import sys
import unicodedata

FINAL = "0123456789abcdefghijklmnopqrstuv"
CONTINUE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#"
assert len(FINAL) == 32 and len(CONTINUE) == 32

PERL_NAMES = "/usr/share/perl/5.36/unicore/Name.pl"
OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "src", "unicode", "unicode-database-tables.ts"
)

CATEGORIES = "Cn Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Zs Zl Zp Cc Cf Cs Co Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So".split()
BIDIRECTIONALS = "L R AL EN ES ET AN CS NSM BN B S WS ON LRE LRO RLE RLO PDF LRI RLI FSI PDI".split()
BIDIRECTIONALS.insert(0, "")
WIDTHS = "N A H W F Na".split()

# Flag bits of a property record; src/unicode/unicode-database.ts names the same bits.
FLAG_TESTS = [
    ("mirrored", lambda c: unicodedata.mirrored(c) == 1),
    ("lowercase", lambda c: c.islower()),
    ("uppercase", lambda c: c.isupper()),
    ("cased", lambda c: c.islower() or c.isupper() or c.istitle()),
    ("caseIgnorable", lambda c: case_ignorable(c)),
    ("identifierStart", lambda c: c.isidentifier()),
    ("identifierContinue", lambda c: ("a" + c).isidentifier()),
    ("printable", lambda c: c.isprintable()),
    ("space", lambda c: c.isspace()),
    ("alpha", lambda c: c.isalpha()),
    ("decimal", lambda c: c.isdecimal()),
    ("digit", lambda c: c.isdigit()),
    ("numeric", lambda c: c.isnumeric()),
    ("linebreak", lambda c: len(("a" + c + "a").splitlines()) == 2),
]


def case_ignorable(character):
    """Case_Ignorable, read off CPython's final-sigma rule in str.lower()."""
    if character.islower() or character.isupper() or character.istitle():
        # Cased and ignorable (U+0345): skipped before a sigma, which then starts the word.
        return (character + "\u03a3").lower()[-1] == "\u03c3"
    # A sigma followed by a case-ignorable character and then a cased one is not final.
    return ("A\u03a3" + character + "a").lower()[1] == "\u03c3"


def varint(value):
    assert value >= 0
    digits = [FINAL[value & 31]]
    value >>= 5
    while value:
        digits.append(CONTINUE[value & 31])
        value >>= 5
    return "".join(reversed(digits))


def hex_name_prefix(code_point, name):
    """The prefix of a `PREFIX-XXXX` name spelled from its own code point, or None."""
    suffix = "%04X" % code_point
    if name.endswith("-" + suffix):
        return name[: -len(suffix)]
    return None


def build_names():
    """Names: word list, per-name word indices (sharing a prefix with the previous name)."""
    plain = []
    ranges = []  # [prefix, first, last]
    for code_point in range(0x110000):
        if 0xAC00 <= code_point <= 0xD7A3:
            continue  # Hangul syllables: computed from the jamo tables.
        name = unicodedata.name(chr(code_point), None)
        if name is None:
            continue
        prefix = hex_name_prefix(code_point, name)
        if prefix is not None:
            if ranges and ranges[-1][0] == prefix and ranges[-1][2] == code_point - 1:
                ranges[-1][2] = code_point
            else:
                ranges.append([prefix, code_point, code_point])
            continue
        plain.append((code_point, name.split(" ")))
    counts = {}
    for _, words in plain:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda word: (-counts[word], word))
    index = {word: position for position, word in enumerate(words)}
    stream = []
    previous_code_point = -1
    previous_words = []
    for code_point, name_words in plain:
        shared = 0
        while (
            shared < len(name_words)
            and shared < len(previous_words)
            and name_words[shared] == previous_words[shared]
        ):
            shared += 1
        stream.append(varint(code_point - previous_code_point - 1))
        stream.append(varint(shared))
        stream.append(varint(len(name_words) - shared))
        stream.extend(varint(index[word]) for word in name_words[shared:])
        previous_code_point = code_point
        previous_words = name_words
    hangul = [unicodedata.name(chr(0xAC00 + offset)) for offset in range(0, 11172)]
    return " ".join(words), "".join(stream), ranges, hangul


def build_aliases():
    """Aliases and named sequences CPython's lookup() accepts, from Perl's name list."""
    text = open(PERL_NAMES, encoding="utf-8").read()
    body = text.split("return <<'END';\n", 1)[1].split("\nEND\n", 1)[0]
    aliases = {}
    sequences = {}
    for entry in body.split("\n\n"):
        lines = entry.strip().split("\n")
        if len(lines) != 2:
            continue
        code_points, name = lines
        if name.startswith("<") or name.endswith(">"):
            continue
        try:
            value = unicodedata.lookup(name)
        except KeyError:
            continue
        characters = "".join(chr(int(part, 16)) for part in code_points.split(" "))
        if value != characters:
            continue
        if len(value) > 1:
            sequences[name] = value
        elif unicodedata.name(value, None) != name:
            # "\N{...}" in source accepts aliases but not named sequences.
            aliases[name] = value
    alias_text = ";".join(
        "%s:%X" % (name, ord(value)) for name, value in sorted(aliases.items(), key=lambda i: (ord(i[1]), i[0]))
    )
    sequence_text = ";".join(
        "%s:%s" % (name, " ".join("%X" % ord(c) for c in value)) for name, value in sorted(sequences.items())
    )
    return alias_text, sequence_text


def numeric_text(character):
    value = unicodedata.numeric(character, None)
    if value is None:
        return None
    return repr(value)


def build_properties():
    """Run-length table of property records over all code points."""
    records = {}
    record_list = []
    numeric_values = {}
    numeric_list = []
    runs = []
    previous = None
    for code_point in range(0x110000):
        character = chr(code_point)
        flags = 0
        for bit, (_, test) in enumerate(FLAG_TESTS):
            if test(character):
                flags |= 1 << bit
        numeric = numeric_text(character)
        numeric_index = 0
        if numeric is not None:
            if numeric not in numeric_values:
                numeric_values[numeric] = len(numeric_list)
                numeric_list.append(numeric)
            numeric_index = numeric_values[numeric] + 1
        record = (
            CATEGORIES.index(unicodedata.category(character)),
            BIDIRECTIONALS.index(unicodedata.bidirectional(character)),
            unicodedata.combining(character),
            WIDTHS.index(unicodedata.east_asian_width(character)),
            flags,
            numeric_index,
            unicodedata.decimal(character, -1) + 1,
            unicodedata.digit(character, -1) + 1,
        )
        if record not in records:
            records[record] = len(record_list)
            record_list.append(record)
        index = records[record]
        if previous == index:
            runs[-1][0] += 1
        else:
            runs.append([1, index])
            previous = index
    record_text = "".join(varint(field) for record in record_list for field in record)
    run_text = "".join(varint(length) + varint(index) for length, index in runs)
    return record_text, run_text, " ".join(numeric_list)


def build_decompositions():
    """Decompositions as in unicodedata.decomposition(), plus the NFC composition exclusions."""
    tags = [""]
    stream = []
    exclusions = []
    previous = -1
    for code_point in range(0x110000):
        character = chr(code_point)
        text = unicodedata.decomposition(character)
        if not text:
            continue
        parts = text.split(" ")
        tag = ""
        if parts[0].startswith("<"):
            tag = parts.pop(0)
        elif unicodedata.normalize("NFC", character) != character:
            exclusions.append(code_point)
        if tag not in tags:
            tags.append(tag)
        stream.append(varint(code_point - previous - 1))
        stream.append(varint(tags.index(tag)))
        stream.append(varint(len(parts)))
        stream.extend(varint(int(part, 16)) for part in parts)
        previous = code_point
    exclusion_text = "".join(varint(code_point) for code_point in exclusions)
    return " ".join(tags[1:]), "".join(stream), exclusion_text


def build_case_mappings():
    """Full case mappings (str.upper, lower, title, casefold) that are not the identity."""
    tables = {}
    for method in ("upper", "lower", "title", "casefold"):
        stream = []
        previous = -1
        for code_point in range(0x110000):
            character = chr(code_point)
            # The sigma's final form depends on context; str.lower() handles it itself.
            mapped = getattr(character, method)()
            if mapped == character:
                continue
            stream.append(varint(code_point - previous - 1))
            stream.append(varint(len(mapped)))
            for part in mapped:
                # Offsets from the code point keep one-to-one mappings short.
                stream.append(varint((ord(part) - code_point) * 2 if ord(part) >= code_point else (code_point - ord(part)) * 2 - 1))
            previous = code_point
        tables[method] = "".join(stream)
    return tables


def main():
    if sys.version_info[:2] != (3, 13):
        sys.exit("run with CPython 3.13: PYENV_VERSION=3.13.0 python3 " + sys.argv[0])
    words, names, ranges, hangul = build_names()
    # Hangul syllable names must match the algorithm the decoder uses.
    leads = "G GG N D DD R M B BB S SS  J JJ C K T P H".split(" ")
    vowels = "A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I".split()
    tails = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]
    for offset, name in enumerate(hangul):
        expected = "HANGUL SYLLABLE " + leads[offset // 588] + vowels[(offset % 588) // 28] + tails[offset % 28]
        assert name == expected, (name, expected)
    aliases, sequences = build_aliases()
    records, runs, numerics = build_properties()
    tags, decompositions, exclusions = build_decompositions()
    cases = build_case_mappings()
    range_text = ";".join("%s:%X:%X" % (prefix, first, last) for prefix, first, last in ranges)
    constants = [
        ("UNIDATA_VERSION", unicodedata.unidata_version, "The Unicode version of these tables."),
        ("NAME_WORDS", words, "Words of character names, most frequent first."),
        ("NAMES", names, "Per named code point: gap, words shared with the previous name, new word indices."),
        ("NAME_RANGES", range_text, "`PREFIX-XXXX` names spelled from the code point: prefix:first:last."),
        ("ALIASES", aliases, "Name aliases unicodedata.lookup accepts: name:code point."),
        ("NAMED_SEQUENCES", sequences, "Named sequences unicodedata.lookup accepts: name:code points."),
        ("PROPERTY_RECORDS", records, "Property records, 8 varints each (see unicode-database.ts)."),
        ("PROPERTY_RUNS", runs, "Run length and record index, covering U+0000..U+10FFFF."),
        ("NUMERIC_VALUES", numerics, "unicodedata.numeric() values, as Python float reprs."),
        ("DECOMPOSITION_TAGS", tags, "Compatibility tags of decompositions."),
        ("DECOMPOSITIONS", decompositions, "Per decomposable code point: gap, tag index, count, parts."),
        ("COMPOSITION_EXCLUSIONS", exclusions, "Canonical decompositions NFC never recomposes."),
        ("UPPER", cases["upper"], "str.upper() mappings: gap, count, signed offsets."),
        ("LOWER", cases["lower"], "str.lower() mappings (sigma's final form aside)."),
        ("TITLE", cases["title"], "str.title() mappings of a single character."),
        ("CASEFOLD", cases["casefold"], "str.casefold() mappings."),
    ]
    lines = [
        "/**",
        " * Unicode " + unicodedata.unidata_version + " character data, written by",
        " * packages/python/scripts/generate-unicode-data.py from CPython " + sys.version.split()[0] + "'s unicodedata",
        " * module. Do not edit: regenerate. Decoded lazily by unicode-database.ts.",
        " *",
        " * @internal",
        " * @module",
        " */",
    ]
    for name, value, summary in constants:
        assert '"' not in value and "\\" not in value, name
        lines.append("")
        lines.append("/** " + summary + " @internal */")
        if len(value) < 60:  # The layout biome gives short and long constants.
            lines.append("export const " + name + ' = "' + value + '";')
        else:
            lines.append("export const " + name + " =")
            lines.append('  "' + value + '";')
    with open(OUTPUT, "w", encoding="utf-8") as output:
        output.write("\n".join(lines) + "\n")
    print("wrote", OUTPUT, os.path.getsize(OUTPUT), "bytes")


if __name__ == "__main__":
    main()
