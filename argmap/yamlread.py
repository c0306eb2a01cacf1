"""Safe, fast, bounded YAML reading with a position for every value.

PyYAML composes the document into nodes (with the C parser when present);
we turn the nodes into plain Python data ourselves, so that we can

* record the line and column of every key and value (for diagnostics),
* detect duplicate keys (PyYAML silently keeps the last one),
* bound alias expansion ("billion laughs") and nesting depth,
* accept only plain data: str, int, float, bool, None, lists and mappings.

Nothing here executes YAML tags; only safe scalar types are constructed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import re

import yaml
from yaml.composer import Composer
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

try:  # a fast Rust parser for clean files; positions come from PyYAML
    import ryaml as _ryaml
except ImportError:  # pragma: no cover - optional speed-up
    _ryaml = None


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


class _Composer(_Parser, Composer, Resolver12):  # type: ignore[misc,valid-type]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        if not hasattr(self, "anchors"):
            Composer.__init__(self)
        Resolver12.__init__(self)


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

Path = tuple  # ("claims", "foo", "text"), ("relations", 3, "from", 0)

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALARS = {
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass
class Document:
    """Plain data plus where each part stands in the text."""

    data: Any
    file: str
    #: path -> (line, column) of the value (1-based)
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: path -> (line, column) of the mapping key that holds the value
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

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


def _mark(node: yaml.Node) -> tuple[int, int]:
    m = node.start_mark
    return (m.line + 1, m.column + 1)


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.errors: list[Diagnostic] = []
        self.count = 0
        self.seen: dict[int, yaml.Node] = {}     # nodes met, by identity (kept alive)
        self.reported: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> None:
        line, col = _mark(node)
        self.errors.append(Diagnostic(ERROR, message, self.file, line, col))

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            line, col = _mark(node)
            raise MapError([Diagnostic(
                ERROR, f"document expands to more than {MAX_NODES:,} values "
                "(nested aliases?); refusing to read it", self.file, line, col)])
        if depth > MAX_DEPTH:
            line, col = _mark(node)
            raise MapError([Diagnostic(
                ERROR, f"nesting deeper than {MAX_DEPTH} levels", self.file, line, col)])
        self.values[path] = _mark(node)
        tag = node.tag
        if id(node) in self.seen:
            # an alias (*name): the same node again.  Refused, not expanded: a value
            # shared by two places cannot be edited in one of them, and saving could
            # not keep both
            if id(node) not in self.reported:
                self.reported.add(id(node))
                self.fail(node, f"'{'.'.join(str(p) for p in path)}' repeats the value "
                          f"anchored here with a YAML alias (*name); write each value out "
                          f"(a shared value cannot be edited in one place only)")
            return node.value if isinstance(node, yaml.ScalarNode) else \
                [] if isinstance(node, yaml.SequenceNode) else {}
        self.seen[id(node)] = node
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                return node.value
            if tag in _SCALARS:
                try:
                    return _scalar(tag, node.value)
                except ValueError:
                    return node.value
            if tag == _TIMESTAMP:
                return node.value  # dates stay text: "2022-11-05"
            self.fail(node, f"unsupported YAML tag {tag!r}")
            return node.value
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                self.fail(node, f"unsupported YAML tag {tag!r}")
            return [self.build(item, path + (i,), depth + 1)
                    for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                self.fail(node, f"unsupported YAML tag {tag!r}")
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(key_node, "merge keys ('<<') are not supported in map files")
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self.fail(key_node, "a mapping key must be a plain value")
                    continue
                key = self.build(key_node, path + ("<key>",), depth + 1)
                if isinstance(key, (int, float, bool)) or key is None:
                    key = key_node.value
                if key in result:
                    line, col = self.keys[path + (key,)]
                    self.fail(key_node, f"duplicate key '{key}' (first defined at line {line})")
                    continue
                self.keys[path + (key,)] = _mark(key_node)
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        raise AssertionError(node)  # pragma: no cover


def read_yaml(text: str, file: str = "") -> Document:
    """Parse ``text`` safely.  Raises :class:`MapError` when it is not YAML.

    Errors that leave usable data (duplicate keys, odd tags) are returned in
    ``Document`` via :func:`read_yaml_with_errors`; this one raises on them too.
    """
    doc, errors = read_yaml_with_errors(text, file)
    if errors:
        raise MapError(errors)
    return doc


def read_yaml_with_errors(text: str, file: str = "") -> tuple[Document, list[Diagnostic]]:
    if len(text) > MAX_BYTES:
        raise MapError([Diagnostic(
            ERROR, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; refusing to read it",
            file, 1, 1)])
    try:
        loader = _Composer(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        if exc.context:
            problem = f"{problem} ({exc.context})"
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise MapError([Diagnostic(ERROR, f"YAML syntax: {problem}", file, line, col)]) from None
    except yaml.YAMLError as exc:
        raise MapError([Diagnostic(ERROR, f"YAML: {exc}", file, 1, 1)]) from None
    except RecursionError:
        raise MapError([Diagnostic(ERROR, "YAML nested too deeply", file, 1, 1)]) from None
    builder = _Builder(file)
    if node is None:
        data: Any = None
    else:
        try:
            data = builder.build(node, (), 0)
        except RecursionError:
            raise MapError([Diagnostic(ERROR, "YAML nested too deeply", file, 1, 1)]) from None
    return Document(data, file, builder.values, builder.keys), builder.errors


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


#: flow collections nested deeper than a map file ever needs
_DEEP_FLOW = re.compile(r"(?:[\[{][ \t\n]*){%d}" % (MAX_DEPTH // 4))


def read_fast(text: str) -> Any:
    """Plain data of a clean file, fast; ``None`` when the careful path must decide.

    Used only when it cannot disagree with :func:`read_yaml_with_errors`:
    no tags, anchors or aliases, a single document, no duplicate keys.
    """
    if _ryaml is None or len(text) > MAX_BYTES:
        return None
    if ("!" in text or "&" in text or "*" in text) and _TAG_LIKE.search(text):
        return None
    if ("[" in text or "{" in text) and _DEEP_FLOW.search(text):
        return None     # the careful reader refuses deep nesting at once; this one stalls
    try:
        data = _ryaml.loads(text)
    except Exception:  # any parse problem: the careful path reports it
        return None
    return data
