"""A fast reader for the two big sections of a clean map file: claims and relations.

A map of 100,000 claims is a million YAML values; PyYAML's events alone take a
second for it.  Map files, as people and argmap write them, use a small part
of YAML in those sections: block mappings and sequences by indentation, one
value a line, plain or quoted texts, and flow collections (``{...}``,
``[...]``) that end on their line.  :func:`read` reads exactly that part
line by line and gives up (``None``) at the first thing outside it (anchors,
tags, block scalars, texts over several lines, escapes, tabs, duplicate
keys...), so that the careful reader in :mod:`argmap.yamlread` reads the file
and reports what it finds.  The rest of the file (header, display, sources)
is always read by the careful reader, with the two sections blanked out.

Positions are known for every claim and relation (from the line they start
on); a deeper position is found when a problem needs it, by reading that one
entry again with the careful reader.  ``tests/test_yamlfast.py`` compares both
readers on random documents: the same data, the same positions, or ``None``.
"""

from __future__ import annotations

import re
import sys
from array import array
from typing import Any

from .diagnostics import MapError
from .yamlread import _STR, Document, _resolve_scalar, _scalar, read_yaml_with_errors

#: the start of a section this reader reads: ``claims:`` or ``relations:`` alone on a line
_SECTION = re.compile(r"^(claims|relations):[ ]*(?:#[^\n]*)?$", re.MULTILINE)
#: the first line after a section: at the margin, and neither a comment nor a list item
_SECTION_END = re.compile(r"^(?![ #\n]|-(?: |$)|$)", re.MULTILINE)
#: characters the careful reader handles (tabs, CR, NEL, LS, PS, BOM, control
#: characters and what YAML forbids): a file with any of them is not read here
_NOT_HERE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                       "\U00010000-\U0010ffff]")
#: ``key:`` or ``key: rest``: a plain key without spaces or indicators
_KEY = re.compile(r"([^\s:'\"#,\[\]{}&*!|>%@`?-][^\s:#,\[\]{}]*):(?: +(.*))?$")
_SQ = re.compile(r"'((?:[^']|'')*)'")
_DQ = re.compile(r'"([^"\\]*)"')
_FLOW_PLAIN = re.compile(
    r"(?:[^\s,\[\]{}#:'\"!&*|>%@`?-]|-[^\s,\[\]{}#:])[^\n,\[\]{}#:]*")
_FLOW_KEY = re.compile(r"([^\s,\[\]{}#:'\"!&*|>%@`?-][^\s,\[\]{}#:]*): +")
_MAX_DEPTH = 50
#: a flow mapping of plain or quoted scalars alone on its line, ``{text: T, source: s}``,
#: read a pair at a time by :func:`_flat` (anything else in braces goes through :func:`_flow`)
_KEY_RX = r"[^\s,\[\]{}#:'\"!&*|>%@`?-][^\s,\[\]{}#:]*"
_VALUE_RX = (r"'(?:[^']|'')*'|\"[^\"\\]*\"|"
             r"(?:[^\s,\[\]{}#:'\"!&*|>%@`?-]|-[^\s,\[\]{}#:])[^\n,\[\]{}#:]*")
_PAIR = re.compile(rf" *({_KEY_RX}): +({_VALUE_RX}) *([,}}])")
_intern = sys.intern
#: keys seen to read as plain text (``text``, ``to``... would otherwise be resolved each time)
_TEXT_KEYS: set[str] = set()


class _Outside(Exception):
    """The text uses YAML this reader leaves to the careful one."""


#: the first characters of plain scalars that may read as something other than text
_RESOLVED = frozenset("-+0123456789.~nNtTfF")
#: the words among them (YAML 1.2 core schema: null and true/false); any other plain
#: scalar that starts with a letter is text
_WORDS = frozenset(("null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"))


def _plain(value: str) -> Any:
    """A plain scalar: text, or the number, true/false or null it reads as."""
    if not value or value[0] in _RESOLVED and (value in _WORDS or not value[0].isalpha()):
        tag = _resolve_scalar(value, True)
        if tag != _STR:
            try:
                return _scalar(tag, value)
            except ValueError:
                raise _Outside from None
    return value


def _after(rest: str, j: int) -> None:
    """Nothing but spaces and a comment may follow a value on its line."""
    tail = rest[j:]
    if tail and not (tail.isspace() or tail.lstrip(" ").startswith("#") and tail[0] == " "):
        raise _Outside


def _flow_node(s: str, j: int, depth: int) -> tuple[Any, int]:
    c = s[j]
    if c == "{" or c == "[":
        return _flow(s, j, depth + 1)
    if c == "'":
        m = _SQ.match(s, j)
        if m is None:
            raise _Outside
        return m[1].replace("''", "'"), m.end()
    if c == '"':
        m = _DQ.match(s, j)
        if m is None:
            raise _Outside
        return m[1], m.end()
    m = _FLOW_PLAIN.match(s, j)
    if m is None:
        raise _Outside
    return _plain(m[0].rstrip(" ")), m.end()


def _skip(s: str, j: int) -> int:
    while s[j] == " ":
        j += 1
    return j


def _text_key(key: str) -> bool:
    """True when ``key`` reads as the text it is (not a number, true, null or a merge)."""
    if key[0] not in _RESOLVED or key in _TEXT_KEYS:
        return key != "<<"
    if _plain(key) is not key:
        return False
    if len(_TEXT_KEYS) < 1_000:
        _TEXT_KEYS.add(key)
    return True


def _flat(rest: str) -> tuple[dict[str, Any], int] | None:
    """A flow mapping of scalars at the start of ``rest``, one match a pair; None
    for anything else (which :func:`_flow` reads, or refuses)."""
    result: dict[str, Any] = {}
    match, j = _PAIR.match, 1
    while True:
        m = match(rest, j)
        if m is None:
            return None
        key, value, end = m.groups()
        if key in result or not _text_key(key):
            raise _Outside
        c = value[0]
        if c == "'":
            value = value[1:-1].replace("''", "'")
        elif c == '"':
            value = value[1:-1]
        else:
            value = _plain(value.rstrip(" "))
        # the same keys recur on every line: one string each
        result[_intern(key)] = value
        j = m.end()
        if end == "}":
            return result, j
        if rest[j:j + 1] == "}":
            raise _Outside              # a trailing comma


def _flow(s: str, j: int, depth: int) -> tuple[Any, int]:
    """A flow collection starting at ``s[j]`` and ending on the same line."""
    if depth > _MAX_DEPTH:
        raise _Outside
    if s[j] == "[":
        items: list[Any] = []
        j = _skip(s, j + 1)
        if s[j] == "]":
            return items, j + 1
        while True:
            value, j = _flow_node(s, j, depth)
            items.append(value)
            j = _skip(s, j)
            c = s[j]
            if c == "]":
                return items, j + 1
            if c != ",":
                raise _Outside          # a key in a list, a comment, ...
            j = _skip(s, j + 1)
            if s[j] == "]":
                raise _Outside          # a trailing comma
    result: dict[str, Any] = {}
    j = _skip(s, j + 1)
    if s[j] == "}":
        return result, j + 1
    while True:
        m = _FLOW_KEY.match(s, j)
        if m is None:
            raise _Outside
        key = m[1]
        if key in result or not _text_key(key):
            raise _Outside
        j = m.end()
        if s[j] in ",}":
            raise _Outside              # a key without a value
        result[key], j = _flow_node(s, j, depth)
        j = _skip(s, j)
        c = s[j]
        if c == "}":
            return result, j + 1
        if c != ",":
            raise _Outside
        j = _skip(s, j + 1)
        if s[j] == "}":
            raise _Outside


def _value(rest: str, depth: int) -> Any:
    """The value that fills the rest of a line (after ``key: `` or ``- ``)."""
    c = rest[0]
    if c == "{" and (flat := _flat(rest)) is not None:
        _after(rest, flat[1])
        return flat[0]
    if c == "{" or c == "[":
        value, j = _flow(rest + "\n", 0, depth + 1)     # the newline stops every loop
        _after(rest, j)
        return value
    if c == "'":
        m = _SQ.match(rest)
        if m is None:
            raise _Outside
        _after(rest, m.end())
        return m[1].replace("''", "'")
    if c == '"':
        m = _DQ.match(rest)
        if m is None:
            raise _Outside
        _after(rest, m.end())
        return m[1]
    if c in "&*!|>%@`?,]}#:" or (c == "-" and (len(rest) == 1 or rest[1] == " ")):
        raise _Outside
    cut = rest.find(" #")
    if cut >= 0:
        rest = rest[:cut]
    rest = rest.rstrip(" ")
    if ": " in rest or rest.endswith(":"):
        raise _Outside
    return _plain(rest)


class _Lines:
    """The content lines of a section: (line number, indentation, text)."""

    def __init__(self, numbers: list[int], indents: list[int], texts: list[str]) -> None:
        self.numbers, self.indents, self.texts = numbers, indents, texts
        self.count = len(texts)


def _block(ls: _Lines, i: int, depth: int, marks: array | None = None,
           first: str | None = None, indent: int = -1) -> tuple[Any, int]:
    """The block node whose first line is ``ls[i]`` (or ``first``, the rest of a
    ``- key: ...`` line at column ``indent``); ``marks`` collects, for the top
    level only, each entry's (line, key column, value column)."""
    if depth > _MAX_DEPTH:
        raise _Outside
    n = ls.indents[i] if indent < 0 else indent
    text = ls.texts[i] if first is None else first
    if text[0] == "-" and (len(text) == 1 or text[1] == " "):
        return _sequence(ls, i, n, depth, marks)
    return _mapping(ls, i, n, depth, marks, first)


def _mapping(ls: _Lines, i: int, n: int, depth: int, marks: array | None,
             first: str | None) -> tuple[dict, int]:
    result: dict[str, Any] = {}
    indents, texts, count = ls.indents, ls.texts, ls.count
    while i < count:
        if first is None:
            if indents[i] != n:
                break
            text = texts[i]
        else:
            text, first = first, None
        m = _KEY.match(text)
        if m is None:
            raise _Outside
        key, rest = m[1], m[2]
        if key in result or not _text_key(key):
            raise _Outside
        if not rest or rest[0] == "#":
            if i + 1 < count and indents[i + 1] > n:
                if marks is not None:
                    marks.extend((ls.numbers[i], n + 1, ls.numbers[i + 1], indents[i + 1] + 1))
                result[key], i = _block(ls, i + 1, depth + 1)
                continue
            value = None
            if marks is not None:
                marks.extend((ls.numbers[i], n + 1, ls.numbers[i], n + len(key) + 2))
        else:
            value = _value(rest, depth)
            if marks is not None:
                marks.extend((ls.numbers[i], n + 1, ls.numbers[i], n + len(text) - len(rest) + 1))
        result[key] = value
        i += 1
        if i < count and indents[i] > n:
            raise _Outside              # a text over several lines
    return result, i


def _sequence(ls: _Lines, i: int, n: int, depth: int, marks: array | None) -> tuple[list, int]:
    items: list[Any] = []
    indents, texts, count = ls.indents, ls.texts, ls.count
    while i < count and indents[i] == n:
        text = texts[i]
        if text[0] != "-" or len(text) < 3 or text[1] != " ":
            break
        rest = text[2:].lstrip(" ")
        col = n + len(text) - len(rest)             # where the item's value starts
        if marks is not None:
            marks.extend((ls.numbers[i], col + 1, ls.numbers[i], col + 1))
        if rest[0] not in "{['\"" and _KEY.match(rest):
            value, i = _block(ls, i, depth + 1, first=rest, indent=col)
            items.append(value)
            continue
        items.append(_value(rest, depth))
        i += 1
        if i < count and indents[i] > n:
            raise _Outside
    return items, i


class FastDocument:
    """What :func:`read` found: the data, and positions on request.

    ``entries`` holds four numbers per entry of a section (line and column of its
    key, line and column of its value); ``keys`` the claim ids in file order."""

    def __init__(self, data: dict, file: str, header: Document, text: str,
                 entries: dict[str, array], keys: dict[str, list[Any]],
                 ends: dict[str, int], starts: dict[str, tuple[int, int]]) -> None:
        self.data, self.file, self.header = data, file, header
        self._starts = starts
        self._text, self._entries, self._keys, self._ends = text, entries, keys, ends
        self._lines: list[str] | None = None
        self._index: dict[str, dict[Any, int]] = {}
        self._parsed: dict[tuple, Document | None] = {}

    @property
    def written(self) -> dict[tuple, str]:
        """Non-text scalars as written, where the careful reader read them (the header)."""
        return self.header.written

    def _entry(self, section: str, key: Any) -> int | None:
        count = len(self._entries[section]) // 4
        if section not in self._keys:       # a sequence: the key is the index
            return key if isinstance(key, int) and 0 <= key < count else None
        index = self._index.get(section)
        if index is None:
            index = self._index[section] = {name: k for k, name in enumerate(self._keys[section])}
        return index.get(key)

    def where(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """The line and column of ``path`` (its key's with ``key``), as
        :meth:`argmap.yamlread.Document.where` gives them."""
        if len(path) < 2 or path[0] not in self._entries:
            if len(path) == 1 and path[0] in self._starts and not key:
                return self._starts[path[0]]        # where the section's entries begin
            return self.header.where(path, key)
        section = path[0]
        k = self._entry(section, path[1])
        if k is None:
            return self.where(path[:1], key)
        at = self._entries[section]
        if len(path) == 2:
            if key and section == "claims":
                return (at[4 * k], at[4 * k + 1])
            return (at[4 * k + 2], at[4 * k + 3])
        line, kcol, vline, vcol = at[4 * k:4 * k + 4]
        doc = self._reparse(section, k)
        if doc is None:
            return (line, kcol) if key and section == "claims" else (vline, vcol)
        inner = path if section == "claims" else (section, 0) + tuple(path[2:])
        at_line, at_col = doc.where(inner, key)
        return (at_line + line - 2, at_col)

    def _reparse(self, section: str, k: int) -> Document | None:
        """Entry ``k`` of ``section`` read again by the careful reader, alone."""
        if (section, k) in self._parsed:
            return self._parsed[(section, k)]
        entries = self._entries[section]
        start = entries[4 * k]
        end = entries[4 * k + 4] if 4 * k + 4 < len(entries) else self._ends[section]
        if self._lines is None:
            self._lines = self._text.split("\n")
        snippet = f"{section}:\n" + "\n".join(self._lines[start - 1:end - 1]) + "\n"
        try:
            doc: Document | None = read_yaml_with_errors(snippet, self.file)[0]
        except MapError:  # pragma: no cover - the entry was read once already
            doc = None
        self._parsed[(section, k)] = doc
        return doc


def read(text: str, file: str = "") -> FastDocument | None:
    """The plain data of ``text`` with the positions of its entries, or ``None``
    when the careful reader should read it (see the module's note)."""
    found = list(_SECTION.finditer(text))
    names = [m[1] for m in found]
    if not found or len(set(names)) != len(names) or _NOT_HERE.search(text):
        return None
    lines = text.split("\n")
    ordered = sorted(found, key=lambda m: m.start())
    starts = {text.count("\n", 0, m.start()) + 1: m[1] for m in ordered}
    offsets = {text.count("\n", 0, m.start()) + 1: m.end() for m in ordered}
    header_lines = list(lines)
    sections: dict[str, Any] = {}
    entries: dict[str, array] = {}
    keys: dict[str, list[Any]] = {}
    ends: dict[str, int] = {}
    begins: dict[str, tuple[int, int]] = {}
    try:
        for start, name in starts.items():
            # the section ends at the next line that starts at the margin with
            # anything but a comment or a list item
            after = _SECTION_END.search(text, offsets[start])
            end = text.count("\n", 0, after.start()) + 1 if after else len(lines) + 1
            section = lines[start:end - 1]
            header_lines[start:end - 1] = [""] * len(section)
            bodies = [line.lstrip(" ") for line in section]
            content = [k for k, body in enumerate(bodies) if body and body[0] != "#"]
            numbers = [start + 1 + k for k in content]
            indents = [len(section[k]) - len(bodies[k]) for k in content]
            texts = [bodies[k].rstrip(" ") for k in content]
            ends[name] = end
            if not texts:
                continue                # only comments: the careful reader's None
            marks = array("l")
            ls = _Lines(numbers, indents, texts)
            value, i = _block(ls, 0, 1, marks)
            if i != ls.count or (name == "claims") != isinstance(value, dict):
                raise _Outside
            sections[name] = value
            entries[name] = marks
            begins[name] = (numbers[0], indents[0] + 1)
            if isinstance(value, dict):
                keys[name] = list(value)
    except (_Outside, IndexError, RecursionError):
        return None
    try:
        header, errors = read_yaml_with_errors("\n".join(header_lines), file)
    except MapError:
        return None
    if errors or not isinstance(header.data, dict):
        return None
    data = header.data
    for name, value in sections.items():
        if data.get(name, 0) is not None:   # not the section blanked out: cannot be
            return None
        data[name] = value
    return FastDocument(data, file, header, text, entries, keys, ends, begins)
