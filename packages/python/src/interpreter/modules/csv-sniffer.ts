/**
 * `csv.Sniffer`, written in Python that pymem runs at import (pymem's own source, not CPython's
 * Lib/csv.py): `sniff` guesses the quote character and delimiter from quoted fields, or else
 * from the characters whose count per line is most consistent, preferring `,\t; :` on a tie;
 * `has_header` compares the first row with the column types of the next 20 rows. The
 * heuristics are CPython's, so the same sample gives the same dialect.
 *
 * @module
 */

/**
 * The Python source of `Sniffer`; it runs after csv-module.ts's core part.
 *
 * @internal
 */
export const CSV_SNIFFER_SOURCE = String.raw`

import re as _re

# A quoted field with the characters around it: delimiter before and after, at a line start,
# at a line end, or alone on its line; the first kind that occurs at all is the one counted.
_QUOTED_FIELD_PATTERNS = (
    r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
    r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',
    r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
    r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
)


def _spaced(line, delimiter):
    # Every delimiter on the first line is followed by a space.
    return line.count(delimiter) == line.count(delimiter + ' ')


class Sniffer:
    """
    "Sniffs" the format of a CSV file (i.e. delimiter, quotechar)
    Returns a Dialect object.
    """

    def __init__(self):
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """
        Returns a dialect (or None) corresponding to the sample
        """
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)
        if not delimiter:
            raise Error('Could not determine delimiter')

        class dialect(Dialect):
            _name = 'sniffed'
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        matches = []
        for pattern in _QUOTED_FIELD_PATTERNS:
            regexp = _re.compile(pattern, _re.DOTALL | _re.MULTILINE)
            matches = regexp.findall(data)
            if matches:
                break
        if not matches:
            return ('', False, None, 0)
        groups = regexp.groupindex
        quote_counts = {}
        delimiter_counts = {}
        spaces = 0
        for match in matches:
            quote = match[groups['quote'] - 1]
            if quote:
                quote_counts[quote] = quote_counts.get(quote, 0) + 1
            if 'delim' not in groups:
                continue
            delimiter = match[groups['delim'] - 1]
            if delimiter and (delimiters is None or delimiter in delimiters):
                delimiter_counts[delimiter] = delimiter_counts.get(delimiter, 0) + 1
            if 'space' in groups and match[groups['space'] - 1]:
                spaces += 1
        quotechar = max(quote_counts, key=quote_counts.get)
        if delimiter_counts:
            delimiter = max(delimiter_counts, key=delimiter_counts.get)
            skipinitialspace = delimiter_counts[delimiter] == spaces
            if delimiter == '\n':
                delimiter = ''
        else:
            delimiter = ''
            skipinitialspace = 0
        # A doubled quote inside a field means the dialect doubles quotes.
        doubled = _re.compile(
            r'((%(delim)s)|^)\W*%(quote)s[^%(delim)s\n]*%(quote)s[^%(delim)s\n]*%(quote)s\W*((%(delim)s)|$)'
            % {'delim': _re.escape(delimiter), 'quote': quotechar}, _re.MULTILINE)
        doublequote = bool(doubled.search(data))
        return (quotechar, doublequote, delimiter, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        lines = [line for line in data.split('\n') if line]
        characters = [chr(code) for code in range(127)]
        chunk = min(10, len(lines))
        rounds = 0
        frequencies = {}
        modes = {}
        found = {}
        start, end = 0, chunk
        while start < len(lines):
            rounds += 1
            for line in lines[start:end]:
                for character in characters:
                    table = frequencies.get(character, {})
                    count = line.count(character)
                    table[count] = table.get(count, 0) + 1
                    frequencies[character] = table
            for character in frequencies.keys():
                items = list(frequencies[character].items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                if len(items) > 1:
                    mode = max(items, key=lambda item: item[1])
                    items.remove(mode)
                    modes[character] = (mode[0], mode[1] - sum(item[1] for item in items))
                else:
                    modes[character] = items[0]
            total = float(min(chunk * rounds, len(lines)))
            consistency = 1.0
            while len(found) == 0 and consistency >= 0.9:
                for character, mode in modes.items():
                    if mode[0] > 0 and mode[1] > 0:
                        if mode[1] / total >= consistency and (delimiters is None
                                                               or character in delimiters):
                            found[character] = mode
                consistency -= 0.01
            if len(found) == 1:
                delimiter = list(found.keys())[0]
                return (delimiter, _spaced(lines[0], delimiter))
            start = end
            end += chunk
        if not found:
            return ('', 0)
        if len(found) > 1:
            for delimiter in self.preferred:
                if delimiter in found.keys():
                    return (delimiter, _spaced(lines[0], delimiter))
        ranked = sorted((mode, character) for character, mode in found.items())
        delimiter = ranked[-1][1]
        return (delimiter, _spaced(lines[0], delimiter))

    def has_header(self, sample):
        rows = reader(StringIO(sample), self.sniff(sample))
        header = next(rows)
        columns = len(header)
        column_types = {column: None for column in range(columns)}
        checked = 0
        for row in rows:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for column in list(column_types.keys()):
                kind = complex
                try:
                    kind(row[column])
                except (ValueError, OverflowError):
                    kind = len(row[column])
                if kind != column_types[column]:
                    if column_types[column] is None:
                        column_types[column] = kind
                    else:
                        del column_types[column]
        votes = 0
        for column, kind in column_types.items():
            if type(kind) == type(0):
                votes += 1 if len(header[column]) != kind else -1
            else:
                try:
                    kind(header[column])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0
`;
