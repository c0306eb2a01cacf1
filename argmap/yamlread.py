"""Safe, fast, bounded YAML reading with a position for every value.

PyYAML parses the text into events (with the C parser when present); we
build plain Python data from the events ourselves, so that we can

* record the line and column of every key and value (for diagnostics),
* detect duplicate keys (PyYAML silently keeps the last one),
* refuse aliases (so nothing is expanded: no "billion laughs") and bound
  the nesting depth and the size,
* accept only plain data: str, int, float, bool, None, lists and mappings.

Nothing here executes YAML tags; only safe scalar types are constructed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.resolver import BaseResolver

from .diagnostics import ERROR, Diagnostic, MapError

try:  # the C parser is 6-9x faster than the pure Python one
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _PurePyParser
    from yaml.reader import Reader as _Reader
    from yaml.scanner import Scanner as _Scanner

    class _Parser(_Reader, _Scanner, _PurePyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Reader.__init__(self, stream)
            _Scanner.__init__(self)
            _PurePyParser.__init__(self)

class Resolver12(BaseResolver):
    """Implicit types of the YAML 1.2 core schema.

    Unlike PyYAML's YAML 1.1 default, ``yes``/``no``/``on``/``off`` stay text
    (a note saying "no" is a note, not ``False``), ``1:30`` is not 90 and
    ``012`` is twelve.  Dates stay text.
    """


Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+)$"),
    list("-+0123456789"))
Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def _int12(value: str) -> int:
    sign = -1 if value.startswith("-") else 1
    digits = value.lstrip("+-")
    for prefix, base in (("0o", 8), ("0x", 16), ("0b", 2)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return int(value)


def _scalar(tag: str, value: str) -> Any:
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        return _int12(value)
    v = value.lower()
    if v.endswith("inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    return float(value)

MAX_BYTES = 32 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_DEPTH = 100
#: Keys and list items a file may have, bounded before parsing by counting ':'
#: and ',' (every key has its ':', every item of a flow list but the last its
#: ','): reading a bigger file would take more time and memory than a map needs.
MAX_ITEMS = 1_500_000
#: Of those, what the careful reader (every YAML feature, a position for every value)
#: reads: a bigger file is read only when it is written plainly, as argmap writes
#: maps, which :mod:`argmap.yamlfast` reads in a fraction of the time and memory.
CAREFUL_MAX_ITEMS = 400_000

Path = tuple  # ("claims", "foo", "text"), ("relations", 3, "from", 0)

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALARS = {
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SCALAR = yaml.ScalarEvent
#: read plain text keys and values of mappings inline (the same result as build(),
#: a third of the time on a big map; tests/test_yamlread.py compares the two)
INLINE = True


@dataclass
class Document:
    """Plain data plus where each part stands in the text."""

    data: Any
    file: str
    #: path -> (line, column) of the value (1-based)
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: path -> (line, column) of the mapping key that holds the value
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: path -> the text of a value YAML reads as a number, true/false or null
    written: dict[Path, str] = field(default_factory=dict)

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        """The best known position for ``path``: itself, else its nearest parent."""
        marks = self.key_marks if key else self.value_marks
        p = tuple(path)
        while True:
            if p in marks:
                return marks[p]
            if key and p in self.value_marks:
                return self.value_marks[p]
            if not p:
                return (0, 0)
            p = p[:-1]


def not_text(value: Any, written: str, what: str) -> str:
    """Why ``written`` (read as ``value``) is not text, and how to make it text."""
    if value is None:
        read = "as no value (null)"
    elif isinstance(value, bool):
        read = f"as {'true' if value else 'false'} (a yes/no value)"
    else:
        read = "as a number"
    shown = written if written else "(empty)"
    quoted = "'" + written.replace("'", "''") + "'"
    return f"{what} {shown} is read {read}; write it as {quoted} in quotes"


def _key_kind(path: Path) -> str:
    if path == ("claims",):
        return "claim id"
    if path == ("sources",):
        return "source id"
    if path == ("display", "tags"):
        return "tag"
    return "key"


_MERGE = "tag:yaml.org,2002:merge"
_IMPLICIT = {ch: [(tag, rx) for tag, rx in resolvers]
             for ch, resolvers in Resolver12.yaml_implicit_resolvers.items()}
_NO_VALUE = object()      # what a skipped value (after a refused key) builds to


def _resolve_scalar(value: str, plain: bool) -> str:
    """The tag of an untagged scalar, by the YAML 1.2 core schema."""
    if not plain:
        return _STR
    for tag, rx in _IMPLICIT.get(value[:1], ()):
        if rx.match(value):
            return tag
    return _STR


def _event_mark(event: Any) -> tuple[int, int]:
    m = event.start_mark
    return (m.line + 1, m.column + 1)


class _Builder:
    """Plain data, positions and problems, straight from the parser's events.

    Building from events (rather than from PyYAML's composed nodes) keeps the
    C parser's speed: no node objects, no resolver calls for plain text.
    """

    def __init__(self, next_event: Any, file: str) -> None:
        self.next = next_event                   # the parser's get_event
        self.file = file
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.errors: list[Diagnostic] = []
        self.written: dict[Path, str] = {}       # non-text scalars as written
        self.count = 0
        #: anchor name -> (its place, an empty value of its kind)
        self.anchors: dict[str, tuple[tuple[int, int], Any]] = {}
        self.reported: set[str] = set()

    def fail_at(self, where: tuple[int, int], message: str) -> None:
        self.errors.append(Diagnostic(ERROR, message, self.file, where[0], where[1]))

    def document(self) -> Any:
        """The one document of the stream (None when there is none)."""
        self.next()                                        # StreamStart
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        data = self.build(self.next(), (), 0)              # after DocumentStart
        self.next()                                        # DocumentEnd
        event = self.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", None,
                "but found another document", event.start_mark)
        return data

    def _anchor(self, event: Any, where: tuple[int, int], empty: Any) -> None:
        name = event.anchor
        if name in self.anchors:
            raise yaml.composer.ComposerError(
                f"found duplicate anchor {name!r}; first occurrence", None,
                "second occurrence", event.start_mark)
        self.anchors[name] = (where, empty)

    def build(self, event: Any, path: Path, depth: int, keep: bool = True) -> Any:
        self.count += 1
        where = _event_mark(event)
        if self.count > MAX_NODES:
            raise MapError([Diagnostic(
                ERROR, f"document has more than {MAX_NODES:,} values; refusing to read it",
                self.file, *where)])
        if depth > MAX_DEPTH:
            raise MapError([Diagnostic(
                ERROR, f"nesting deeper than {MAX_DEPTH} levels", self.file, *where)])
        cls = type(event)
        if cls is yaml.ScalarEvent:
            if keep:
                self.values[path] = where
            value = event.value
            tag = event.tag
            if tag is None or tag == "!":
                tag = _resolve_scalar(value, event.implicit[0])
            if event.anchor is not None:
                self._anchor(event, where, value)
            if tag == _STR:
                return value
            if tag in _SCALARS:
                if keep:
                    self.written[path] = value
                try:
                    return _scalar(tag, value)
                except ValueError:
                    return value
            if tag != _TIMESTAMP:   # dates stay text: "2022-11-05"
                self.fail_at(where, f"unsupported YAML tag {tag!r}")
            return value
        if cls is yaml.AliasEvent:
            # an alias (*name): the anchored value again.  Refused, not expanded: a
            # value shared by two places cannot be edited in one of them, and saving
            # could not keep both
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
            anchored, empty = self.anchors[event.anchor]
            if keep:
                self.values[path] = anchored
            if event.anchor not in self.reported:
                self.reported.add(event.anchor)
                self.fail_at(anchored, f"'{'.'.join(str(p) for p in path)}' repeats the value "
                             f"anchored here with a YAML alias (*name); write each value out "
                             f"(a shared value cannot be edited in one place only)")
            return empty if isinstance(empty, str) else type(empty)()
        if cls is yaml.SequenceStartEvent:
            if keep:
                self.values[path] = where
            if event.tag not in (None, "!", _SEQ):
                self.fail_at(where, f"unsupported YAML tag {event.tag!r}")
            if event.anchor is not None:
                self._anchor(event, where, [])
            items: list[Any] = []
            nxt = self.next
            event = nxt()
            while type(event) is not yaml.SequenceEndEvent:
                items.append(self.build(event, path + (len(items),), depth + 1, keep))
                event = nxt()
            return items
        if cls is yaml.MappingStartEvent:
            if keep:
                self.values[path] = where
            if event.tag not in (None, "!", _MAP):
                self.fail_at(where, f"unsupported YAML tag {event.tag!r}")
            if event.anchor is not None:
                self._anchor(event, where, {})
            return self._mapping(path, depth, keep)
        raise AssertionError(event)  # pragma: no cover

    def _mapping(self, path: Path, depth: int, keep: bool) -> dict:
        result: dict[Any, Any] = {}
        first: dict[Any, int] = {}      # key -> its line
        nxt = self.next
        values, keys = self.values, self.keys
        plain_ok = INLINE and depth + 1 <= MAX_DEPTH
        event = nxt()
        while type(event) is not yaml.MappingEndEvent:
            m = event.start_mark
            at = (m.line + 1, m.column + 1)
            key: Any = _NO_VALUE
            # the common case, inline: a plain text key (no tag, no anchor) whose value
            # is a plain or quoted text; everything else goes through build()
            if (plain_ok and type(event) is _SCALAR and event.anchor is None
                    and event.tag is None and event.value not in result
                    and _resolve_scalar(event.value, event.implicit[0]) is _STR):
                key = event.value
                value_event = nxt()
                if (type(value_event) is _SCALAR and value_event.anchor is None
                        and value_event.tag is None and self.count + 2 <= MAX_NODES):
                    value = value_event.value
                    if not value_event.implicit[0] or \
                            _resolve_scalar(value, True) is _STR:
                        self.count += 2
                        first[key] = at[0]
                        if keep:
                            vm: Any = value_event.start_mark
                            p = path + (key,)
                            keys[p] = at
                            values[p] = (vm.line + 1, vm.column + 1)
                        result[key] = value
                        event = nxt()
                        continue
                self.count += 1
                first[key] = at[0]
                if keep:
                    keys[path + (key,)] = at
                result[key] = self.build(value_event, path + (key,), depth + 1, keep)
                event = nxt()
                continue
            if type(event) is not yaml.ScalarEvent:
                self.fail_at(at, "a mapping key must be a plain value")
                self.build(event, path + ("<key>",), depth + 1, False)
            elif event.tag == _MERGE:
                self.fail_at(at, "merge keys ('<<') are not supported in map files")
            else:
                key = self.build(event, path + ("<key>",), depth + 1, False)
                if isinstance(key, (int, float, bool)) or key is None:
                    # go on with the key as written, so later messages name it so
                    self.fail_at(at, not_text(key, event.value, _key_kind(path)))
                    key = event.value
                if key in result:
                    self.fail_at(at, f"duplicate key '{key}' (first defined at line "
                                 f"{first[key]})")
                    key = _NO_VALUE
            value_event = nxt()
            if key is _NO_VALUE:
                self.build(value_event, path + ("<skipped>",), depth + 1, False)
            else:
                first[key] = at[0]
                if keep:
                    self.keys[path + (key,)] = at
                result[key] = self.build(value_event, path + (key,), depth + 1, keep)
            event = nxt()
        return result


def _reader_error(text: str, exc: yaml.reader.ReaderError, file: str) -> Diagnostic:
    """A character YAML does not allow in a file, at its line and column."""
    pos = exc.position if isinstance(exc.position, int) else 0
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return Diagnostic(ERROR, f"character U+{code:04X} (x{code:02x}) is not allowed as it is in "
                      f"a map file; write it as the escape {escape} in a double-quoted text",
                      file, line, col)


def read_yaml(text: str, file: str = "") -> Document:
    """Parse ``text`` safely.  Raises :class:`MapError` when it is not YAML.

    Errors that leave usable data (duplicate keys, odd tags) are returned in
    ``Document`` via :func:`read_yaml_with_errors`; this one raises on them too.
    """
    doc, errors = read_yaml_with_errors(text, file)
    if errors:
        raise MapError(errors)
    return doc


def check_size(text: str, file: str = "", max_items: int = MAX_ITEMS,
               max_bytes: int = MAX_BYTES) -> None:
    """Refuse, before parsing, a text bigger than any map (or than ``max_items``
    keys and list items, or ``max_bytes``): :class:`MapError`."""
    if len(text) > max_bytes:
        more = (f" (argmap check reads up to {MAX_BYTES // (1024 * 1024)} MiB)"
                if max_bytes < MAX_BYTES else "")
        raise MapError([Diagnostic(
            ERROR, f"file is larger than {max_bytes // (1024 * 1024)} MiB{more}; refusing to "
            "read it", file, 1, 1)])
    items = count_items(text)
    if items > max_items:
        more = (f" (argmap check reads up to {MAX_ITEMS:,})" if max_items < MAX_ITEMS else "")
        raise MapError([Diagnostic(
            ERROR, f"file has about {items:,} keys and list items (counting ':' and ','), "
            f"more than the {max_items:,} a map file may have{more}; refusing to read it",
            file, 1, 1)])


def count_items(text: str) -> int:
    """About how many keys and list items ``text`` has: its ':' and ','."""
    return text.count(":") + text.count(",")


def read_yaml_with_errors(text: str, file: str = "") -> tuple[Document, list[Diagnostic]]:
    check_size(text, file)
    if (items := count_items(text)) > CAREFUL_MAX_ITEMS:
        raise MapError([Diagnostic(
            ERROR, f"file has about {items:,} keys and list items (counting ':' and ','); "
            f"a file with more than {CAREFUL_MAX_ITEMS:,} is read only when it is written "
            "plainly, as argmap writes maps (an entry a line; no anchors, aliases, tags, "
            "block texts or texts over several lines); refusing to read it", file, 1, 1)])
    parser = None
    try:
        parser = _Parser(text)
        builder = _Builder(parser.get_event, file)
        data = builder.document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        if exc.context:
            problem = f"{problem} ({exc.context})"
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise MapError([Diagnostic(ERROR, f"YAML syntax: {problem}", file, line, col)]) from None
    except yaml.reader.ReaderError as exc:
        raise MapError([_reader_error(text, exc, file)]) from None
    except yaml.YAMLError as exc:
        raise MapError([Diagnostic(ERROR, f"YAML: {exc}", file, 1, 1)]) from None
    except RecursionError:
        raise MapError([Diagnostic(ERROR, "YAML nested too deeply", file, 1, 1)]) from None
    finally:
        if parser is not None:
            parser.dispose()
    return Document(data, file, builder.values, builder.keys, builder.written), builder.errors


def decode(raw: bytes, file: str = "") -> str:
    """UTF-8 (with or without BOM) to text, or a positioned error."""
    if len(raw) > MAX_BYTES:
        raise MapError([Diagnostic(
            ERROR, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; refusing to read it",
            file, 1, 1)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise MapError([Diagnostic(ERROR, "file is not valid UTF-8 text", file, line, col)]) from None
    return text


_TAG_LIKE = re.compile(r"(?:^|[\s\[{,:-])[!&*]\S")


def read_fast(text: str) -> Any:
    """Plain data of a clean file; ``None`` when :func:`read_yaml_with_errors`
    has something to report (it is the same reader, without the positions)."""
    try:
        doc, errors = read_yaml_with_errors(text)
    except MapError:
        return None
    return None if errors else doc.data


def _keys_are_text(data: Any) -> bool:
    """True when every mapping key in ``data`` is a string."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for k in item:
                if type(k) is not str:
                    return False
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return True
