"""Saving in time proportional to the change, not to the file.

The full save (:func:`argmap.savefile.render`) loads the whole file with
ruamel.yaml, merges the model into it and dumps it all again: exact, but pure
Python over every line.  This module gives the same text by touching only
what changed:

* The file is cut into its top-level entries (header keys, ``sources``,
  ``claims``, ``relations``) and the entries of those three sections (each
  source, each claim, each relation) by a line scanner; a fast YAML parser
  gives each entry's data.  Scanner and parser must agree on every key, else
  the file is "unusual" and the full save does the work.
* Each entry's data is compared with the model's canonical data
  (:func:`argmap.fileformat.to_data`).  Only entries that differ are
  re-rendered, each by running the full save's own merge on just that
  entry's text (so its comments and quoting survive); new entries are
  rendered as the full save renders them and go where it puts them; deleted
  entries go with the comments ruamel.yaml ties to them.
* Comment lines between entries are tied the way ruamel.yaml ties them: after
  a value that ends in a scalar they belong to that entry (``post``), after a
  flow collection (``[..]``, ``{..}``) to the next entry (``pre``); comments
  right after a section key and after the last flow-ended entry belong to the
  section (``head``, ``tail``).
* Every re-rendered piece is parsed again and checked against the model.

The cut-up file (the *index*) of the last texts saved is kept, so the next save
of the same document neither scans nor parses the file.  Whenever something
cannot be patched safely, :func:`patch` returns ``None``.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import savefile as sf
from .diagnostics import MapError
from .fileformat import to_data
from .model import ArgumentMap
from .yamlread import _TAG_LIKE, read_yaml_with_errors

SECTIONS = ("sources", "claims", "relations")

#: Characters and lines the line scanner does not reason about.
_UNUSUAL = re.compile(r"[\t\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029\ufeff]|^(?:---|\.\.\.|%)"
                      r"|^ *[^\S \n]", re.MULTILINE)
#: A value ruamel.yaml would read as a timestamp and write back differently.
_TIMESTAMP = re.compile(r"(?<![\w'\"-])\d{4}-\d\d?-\d\d?(?![\w-])")
_CANONICAL_DATE = re.compile(r"\d{4}-\d\d-\d\d\Z")
_BLOCK_SCALAR = re.compile(r"[:\-] +[|>]")
_KEEP_CHOMP = re.compile(r"[:\-] +[|>](?:[0-9]?\+|\+[0-9])")
_TOP_START = re.compile(r"^(?=[^ \n#])", re.MULTILINE)
_KEY = re.compile(r"([^\n]*?):(?: |\n)")


class Unsupported(Exception):
    """This file (or this change) is left to the full save."""


# -- pieces -------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One entry: comments tied before it, its own lines, comments tied after."""

    key: Any
    pre: str
    own: str | None           # None: a section (its text is in ``section``)
    post: str
    data: Any
    flow_end: bool = False    # its last value is a flow collection
    unsafe: bool = False      # comment ownership not certain: leave it to the full save
    norm: Any = None          # what the model's data must equal for "unchanged"
    section: Section | None = None


@dataclass(frozen=True)
class Section:
    name: str
    seq: bool
    key_line: str
    head: str
    entries: list
    tail: str
    indent: int
    pos: dict | None = None   # key -> index for mapping sections


@dataclass(frozen=True)
class Index:
    head: str
    top: list
    tail: str
    settings: tuple | None    # (mapping, sequence, offset) as render() guesses them


def _section_text(sec: Section) -> str:
    parts = [sec.key_line, sec.head]
    for e in sec.entries:
        parts += (e.pre, e.own, e.post)
    parts.append(sec.tail)
    return "".join(parts)


def _body(e: Entry) -> str:
    """An entry's text without its ``pre`` comments."""
    return (_section_text(e.section) if e.section is not None else e.own) + e.post


def assemble(idx: Index) -> str:
    parts = [idx.head]
    for e in idx.top:
        parts += (e.pre, _body(e))
    parts.append(idx.tail)
    return "".join(parts)


# -- reading ------------------------------------------------------------------
def _load(text: str) -> Any:
    try:
        doc, errors = read_yaml_with_errors(text)
    except MapError:
        raise Unsupported("not parseable") from None
    if errors:
        raise Unsupported("duplicate keys or tags")
    return doc.data


def guess_settings(text: str) -> tuple | None:
    """The indentation :func:`render` uses, as ruamel's ``load_yaml_guess_indent``
    finds it (without loading the file)."""
    for m in re.finditer(r"^( *)- ", text, re.MULTILINE):
        start = m.start()
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        if not line.rstrip().lstrip().startswith("- "):
            continue
        l_s = len(m.group(1))
        i = l_s + 1
        while line[i] == " ":
            i += 1
        if line[i] == "#":
            continue
        key_indent = 0
        pos = start
        while pos > 0:  # the nearest line before that ends with ':'
            s = text.rfind("\n", 0, pos - 1) + 1
            prev = text[s:pos - 1]
            pos = s
            stripped = prev.rstrip()
            if stripped.lstrip().startswith("- ") and prev.lstrip()[1:].lstrip(" ")[:1] == "#":
                continue  # ruamel skips these lines entirely
            if stripped.endswith(":"):
                key_indent = len(prev) - len(prev.lstrip(" "))
                break
        indent, offset = i - key_indent, l_s - key_indent
        return (max(2, indent - offset), indent, offset)
    return None


def _yaml(settings: tuple | None):
    return sf._yaml() if settings is None else sf._yaml(*settings)


def _split(chunk: str) -> tuple[str, str]:
    """Own lines and the trailing blank and comment lines of a chunk."""
    end = len(chunk)
    while end > 0:
        s = chunk.rfind("\n", 0, end - 1) + 1
        st = chunk[s:end].strip()
        if st and not st.startswith("#"):
            break
        end = s
    return chunk[:end], chunk[end:]


def _last_leaf(data: Any) -> Any:
    while isinstance(data, (dict, list)) and data:
        data = data[next(reversed(data))] if isinstance(data, dict) else data[-1]
    return data


def _flags(own: str, gap: str, data: Any, indent: int) -> tuple[bool, bool]:
    body = own.rstrip("\n")
    last = body[body.rfind("\n") + 1:].rstrip()
    unsafe = " #" in last
    flow_end = last.endswith(("]", "}"))
    if flow_end:
        leaf = _last_leaf(data)
        if isinstance(leaf, str) and leaf.endswith(last[-1]):
            unsafe = True
    if gap and _BLOCK_SCALAR.search(own):
        if _KEEP_CHOMP.search(own):
            unsafe = True
        for line in gap.splitlines():
            if line.strip() and len(line) - len(line.lstrip(" ")) > indent:
                unsafe = True
    return flow_end, unsafe


def _norm(data: Any, where: tuple) -> Any:
    """``data`` without what the merge never looks at when the model lacks it."""
    if not isinstance(data, dict):
        return data
    owned = sf._fields_for(where)
    return {k: v for k, v in data.items()
            if (owned is None or k in owned)
            and not (k in sf.DEFAULTS and sf._same(v, sf.DEFAULTS[k]))}


def _entries(chunks: list[tuple[Any, str, Any]], indent: int, where: tuple,
             ) -> tuple[list[Entry], str]:
    """Entries from (key, chunk, data); returns them and the container's tail."""
    out: list[Entry] = []
    carry = ""
    for key, chunk, data in chunks:
        own, gap = _split(chunk)
        if not own:
            raise Unsupported("empty entry")
        flow_end, unsafe = _flags(own, gap, data, indent)
        w = where + (key if key is not None else 0,)
        norm = sf._plain(data) if where == ("relations",) else _norm(data, w)
        out.append(Entry(key, carry, own, "" if flow_end else gap, data, flow_end, unsafe, norm))
        carry = gap if flow_end else ""
    return out, carry


def _scan_section(name: str, chunk: str, data: Any, settings: tuple | None) -> Section | None:
    nl = chunk.find("\n")
    key_line, body = chunk[:nl + 1], chunk[nl + 1:]
    if key_line.rstrip(" \n") != name + ":":
        return None
    seq = name == "relations"
    if seq:
        if not isinstance(data, list) or not data:
            return None
    elif not isinstance(data, dict) or not data:
        return None
    first = re.search(r"^( *)[^ \n#]", body, re.MULTILINE)
    if first is None:
        return None
    ind = len(first.group(1))
    mapping, _, offset = settings or (2, 4, 2)  # savefile._yaml()'s defaults
    if ind < 1 or ind != (offset if seq else mapping):
        return None
    if ind > 1 and re.search(rf"^ {{0,{ind - 1}}}[^ \n#]", body, re.MULTILINE):
        return None
    if seq:
        if re.search(rf"^ {{{ind}}}(?:[^ \n#-]|-[^ \n])", body, re.MULTILINE):
            return None
        starts = [m.start() for m in re.finditer(rf"^ {{{ind}}}-(?= |\n)", body, re.MULTILINE)]
        if len(starts) != len(data):
            return None
        keys: list = [None] * len(starts)
        values = data
    else:
        starts = [m.start() for m in re.finditer(rf"^ {{{ind}}}(?=[^ \n#])", body, re.MULTILINE)]
        keys = []
        for s in starts:
            m = _KEY.match(body, s + ind)
            keys.append(m.group(1) if m else None)
        if keys != list(data):
            return None
        values = list(data.values())
    if not starts or starts[0] != first.start():
        return None
    bounds = starts + [len(body)]
    chunks = [(keys[i], body[bounds[i]:bounds[i + 1]], values[i]) for i in range(len(starts))]
    entries, tail = _entries(chunks, ind, (name,))
    pos = None if seq else {k: i for i, k in enumerate(keys)}
    return Section(name, seq, key_line, body[:starts[0]], entries, tail, ind, pos)


def build_index(text: str) -> Index:
    """Cut ``text`` into entries.  Raises :class:`Unsupported` for unusual files."""
    if not text.endswith("\n") or _UNUSUAL.search(text):
        raise Unsupported("line structure")
    if ("!" in text or "&" in text or "*" in text) and _TAG_LIKE.search(text):
        raise Unsupported("tags, anchors or aliases")
    _check_timestamps(text)
    data = _load(text)
    if not isinstance(data, dict) or "claims" not in data or "relations" not in data:
        raise Unsupported("not a map file")
    settings = guess_settings(text)
    starts = [m.start() for m in _TOP_START.finditer(text)]
    keys = []
    for s in starts:
        if text[s] in "-[{?&*!|>'\"%@`":
            raise Unsupported("flow style or quoted keys at the top level")
        m = _KEY.match(text, s)
        keys.append(m.group(1) if m else None)
    if keys != list(data):
        raise Unsupported("top-level keys")
    bounds = starts + [len(text)]
    chunks, sections = [], {}
    for i, k in enumerate(keys):
        chunk = text[bounds[i]:bounds[i + 1]]
        if k in SECTIONS:
            sec = _scan_section(k, chunk, data[k], settings)
            if sec is not None:
                sections[i] = sec
        chunks.append((k, chunk, data[k]))
    top: list[Entry] = []
    carry = ""
    for i, (k, chunk, value) in enumerate(chunks):
        if i in sections:
            top.append(Entry(k, carry, None, "", None, section=sections[i]))
            carry = ""
            continue
        entries, carry2 = _entries([(k, chunk, value)], 0, ())
        top.append(replace(entries[0], pre=carry))
        carry = carry2
    return Index(text[:bounds[0]], top, carry, settings)


def _check_timestamps(text: str) -> None:
    for m in _TIMESTAMP.finditer(text):
        after = text[m.end():m.end() + 2]
        if not _CANONICAL_DATE.match(m.group()) or after[:1] in "Tt" or (
                after[:1] == " " and after[1:2].isdigit()):
            raise Unsupported("a date ruamel.yaml would rewrite")


# -- comparing ----------------------------------------------------------------
def _noop_map(old: dict, new: dict, where: tuple) -> bool:
    """Would ``savefile._merge_map`` leave ``old`` as it is?"""
    owned = sf._fields_for(where)
    for k, v in old.items():
        if k not in new and (owned is None or k in owned):
            if k in sf.DEFAULTS and sf._same(v, sf.DEFAULTS[k]):
                continue
            return False
    for k, v in new.items():
        if k not in old or not _noop_value(old[k], v, where + (k,)):
            return False
    return True


def _noop_value(cur: Any, v: Any, where: tuple) -> bool:
    if isinstance(cur, dict) and isinstance(v, dict):
        return _noop_map(cur, v, where)
    if isinstance(cur, list) and isinstance(v, list) and where == ("relations",):
        return [_hkey(x) for x in cur] == [_hkey(x) for x in v]
    return sf._same(cur, v)


def _unchanged(e: Entry, v: Any, where: tuple) -> bool:
    return e.norm == v or _noop_value(e.data, v, where)


def _hkey(x: Any) -> str:
    return json.dumps(sf._plain(x), sort_keys=True)


# -- rendering ----------------------------------------------------------------
class _Renderer:
    def __init__(self, settings: tuple | None) -> None:
        self.settings = settings
        self.y = _yaml(settings)

    def dump(self, doc: Any) -> str:
        buf = io.StringIO()
        self.y.dump(doc, buf)
        return buf.getvalue()

    def load(self, text: str) -> Any:
        doc = self.y.load(text)
        if not isinstance(doc, CommentedMap):
            raise Unsupported("snippet")
        return doc


def _check_piece(piece: str, first: str, indent: int) -> None:
    """The piece is one entry: its first line is the key, the rest is deeper."""
    if not piece.startswith(first) or not piece.endswith("\n"):
        raise Unsupported("rendered entry")
    nl = piece.find("\n")
    pat = rf"\n {{0,{indent}}}[^ \n#]" if indent else r"\n[^ \n#]"
    if re.search(pat, piece[nl:]):
        raise Unsupported("rendered entry")
    if _TIMESTAMP.search(piece):
        _check_timestamps(piece)


def _entry_from(piece: str, key: Any, value: Any, where: tuple, indent: int,
                prefix: str = "") -> Entry:
    """A rendered piece as an entry, after parsing it again and checking it."""
    data = _load(prefix + piece)
    if prefix:
        name = where[0]
        if not isinstance(data, dict) or list(data) != [name]:
            raise Unsupported("rendered entry")
        data = data[name]
        if isinstance(data, list):
            if len(data) != 1:
                raise Unsupported("rendered entry")
            parsed = data[0]
        elif isinstance(data, dict) and list(data) == [key]:
            parsed = data[key]
        else:
            raise Unsupported("rendered entry")
        w = where + (key if key is not None else 0,)
    else:
        if not isinstance(data, dict) or list(data) != [key]:
            raise Unsupported("rendered entry")
        parsed = data[key]
        w = (key,)
    if not _noop_value(parsed, value, w):
        raise Unsupported("rendered entry does not read back as the model")
    own, gap = _split(piece)
    flow_end, unsafe = _flags(own, gap, parsed, indent)
    norm = sf._plain(parsed) if where == ("relations",) else _norm(parsed, w)
    return Entry(key, "", own, gap, parsed, flow_end, unsafe, norm)


def _changed_in_section(r: _Renderer, sec: Section, e: Entry, value: Any) -> Entry:
    if e.unsafe:
        raise Unsupported("entry with uncertain comments")
    doc = r.load(sec.key_line + e.own + e.post)
    inner = doc.get(sec.name)
    if sec.seq:
        if list(doc) != [sec.name] or not isinstance(inner, CommentedSeq) or len(inner) != 1:
            raise Unsupported("snippet")
        if isinstance(inner[0], CommentedMap) and isinstance(value, dict):
            sf._merge_map(inner[0], value, (sec.name, 0))
        else:
            inner[0] = sf._styled(value, (sec.name, 0))
        first = " " * sec.indent + "-"
    else:
        if list(doc) != [sec.name] or not isinstance(inner, CommentedMap) or list(inner) != [e.key]:
            raise Unsupported("snippet")
        sf._merge_map(doc, {sec.name: {e.key: value}}, ())
        first = " " * sec.indent + e.key + ":"
    out = r.dump(doc)
    if not out.startswith(sec.key_line):
        raise Unsupported("snippet")
    piece = out[len(sec.key_line):]
    _check_piece(piece, first, sec.indent)
    new = _entry_from(piece, e.key, value, (sec.name,), sec.indent, sec.key_line)
    return replace(new, pre=e.pre)


def _new_in_section(r: _Renderer, sec: Section, key: Any, value: Any) -> Entry:
    styled = sf._styled(value, (sec.name, key if key is not None else 0))
    doc = CommentedMap()
    if sec.seq:
        doc[sec.name] = CommentedSeq([styled])
        first = " " * sec.indent + "-"
    else:
        inner = CommentedMap()
        inner[key] = styled
        doc[sec.name] = inner
        first = " " * sec.indent + key + ":"
    out = r.dump(doc)
    head = sec.name + ":\n"
    if not out.startswith(head):
        raise Unsupported("snippet")
    piece = out[len(head):]
    _check_piece(piece, first, sec.indent)
    return _entry_from(piece, key, value, (sec.name,), sec.indent, sec.key_line)


def _changed_top(r: _Renderer, e: Entry, value: Any) -> Entry:
    if e.unsafe:
        raise Unsupported("entry with uncertain comments")
    doc = r.load(_body(e))
    if list(doc) != [e.key]:
        raise Unsupported("snippet")
    sf._merge_map(doc, {e.key: value}, ())
    piece = r.dump(doc)
    _check_piece(piece, e.key + ":", 0)
    return replace(_entry_from(piece, e.key, value, (), 0), pre=e.pre)


def _new_top(r: _Renderer, key: str, value: Any) -> Entry:
    doc = CommentedMap()
    doc[key] = sf._styled(value, (key,))
    piece = r.dump(doc)
    _check_piece(piece, key + ":", 0)
    return _entry_from(piece, key, value, (), 0)


# -- patching -----------------------------------------------------------------
def _normalize(out: list[Entry], head: str, tail: str, touched: set[int],
               ) -> tuple[list[Entry], str, str]:
    """Tie the comments around touched places as a fresh read of the text would."""
    n = len(out)
    pairs = set()
    for p in touched:
        pairs.update((p - 1, p))
    for p in sorted(pairs):
        if p < -1 or p >= n:
            continue
        if p == -1:  # before the first entry: the container's head
            if n and out[0].pre:
                head, out[0] = head + out[0].pre, replace(out[0], pre="")
            continue
        a = out[p]
        if p == n - 1:
            gap = a.post + tail
            if a.flow_end and a.section is None:
                out[p], tail = replace(a, post=""), gap
            elif a.section is None:
                out[p], tail = replace(a, post=gap), ""
            continue
        b = out[p + 1]
        gap = a.post + b.pre
        if a.flow_end or a.section is not None:
            out[p], out[p + 1] = replace(a, post=""), replace(b, pre=gap)
        else:
            out[p], out[p + 1] = replace(a, post=gap), replace(b, pre="")
    return out, head, tail


def _rebuild(old: list[Entry], deleted: set[int], changed: dict[int, Entry],
             inserts: dict[int, list[Entry]]) -> tuple[list[Entry], set[int]]:
    """The new entry list; old entries between the touched places are reused."""
    out: list[Entry] = []
    touched: set[int] = set()
    marks = sorted(set(deleted) | set(changed) | {i for i in inserts if i >= 0})
    if -1 in inserts:
        for e in inserts[-1]:
            touched.add(len(out))
            out.append(e)
    last = 0
    for i in marks:
        out.extend(old[last:i])
        if i in deleted:
            touched.add(len(out))
        elif i in changed:
            touched.add(len(out))
            out.append(changed[i])
        else:
            out.append(old[i])
        for e in inserts.get(i, ()):
            touched.add(len(out))
            out.append(e)
        last = i + 1
    out.extend(old[last:])
    return out, touched


def _patch_map_section(r: _Renderer, sec: Section, new: dict) -> Section:
    old, pos = sec.entries, sec.pos
    if [e.key for e in old if e.key in new] != [k for k in new if k in (pos or {})]:
        raise Unsupported("the entries stand in a new order")   # the merge moves them
    deleted = {i for i, e in enumerate(old) if e.key not in new}
    changed: dict[int, Entry] = {}
    inserts: dict[int, list[Entry]] = {}
    anchor = -1
    where = (sec.name,)
    for k, v in new.items():
        i = pos.get(k)
        if i is None:
            inserts.setdefault(anchor, []).append(_new_in_section(r, sec, k, v))
            continue
        e = old[i]
        if e.norm != v and not _noop_value(e.data, v, where + (k,)):
            changed[i] = _changed_in_section(r, sec, e, v)
        anchor = i
    if not deleted and not changed and not inserts:
        return sec
    for i in deleted:
        if old[i].unsafe:
            raise Unsupported("entry with uncertain comments")
    for i in inserts:
        if i >= 0 and old[i].unsafe:
            raise Unsupported("entry with uncertain comments")
    out, touched = _rebuild(old, deleted, changed, inserts)
    out, head, tail = _normalize(out, sec.head, sec.tail, touched)
    return replace(sec, head=head, entries=out, tail=tail,
                   pos={e.key: i for i, e in enumerate(out)})


def _seq_opcodes(old: list[Entry], new: list) -> list[tuple]:
    """``difflib`` opcodes as savefile._merge_seq computes them on the whole lists."""
    n, m = len(old), len(new)
    p = 0
    while p < n and p < m and old[p].norm == new[p]:
        p += 1
    s = 0
    while s < n - p and s < m - p and old[n - 1 - s].norm == new[m - 1 - s]:
        s += 1
    if p == n and p == m:
        return []
    mid_old, mid_new = old[p:n - s], new[p:m - s]
    outer = [e.norm for e in old[:p]] + [e.norm for e in old[n - s:]]
    # Trimming gives the same opcodes unless a middle item equals an outer one.
    if any(e.norm in outer for e in mid_old) or any(x in outer for x in mid_new):
        a, b, base = [_hkey(e.data) for e in old], [_hkey(x) for x in new], 0
    else:
        a, b, base = [_hkey(e.data) for e in mid_old], [_hkey(x) for x in mid_new], p
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    return [(tag, i1 + base, i2 + base, j1 + base, j2 + base) for tag, i1, i2, j1, j2 in ops]


def _patch_seq_section(r: _Renderer, sec: Section, new: list) -> Section:
    old = sec.entries
    ops = _seq_opcodes(old, new)
    deleted: set[int] = set()
    changed: dict[int, Entry] = {}
    inserts: dict[int, list[Entry]] = {}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                changed[i] = _changed_in_section(r, sec, old[i], new[j])
            continue
        deleted.update(range(i1, i2))
        if j2 > j1:
            inserts.setdefault(i1 - 1, []).extend(
                _new_in_section(r, sec, None, new[j]) for j in range(j1, j2))
    if not ops:
        return sec
    for i in deleted | {i for i in inserts if i >= 0}:
        if old[i].unsafe:
            raise Unsupported("entry with uncertain comments")
    out, touched = _rebuild(old, deleted, changed, inserts)
    out, head, tail = _normalize(out, sec.head, sec.tail, touched)
    return replace(sec, head=head, entries=out, tail=tail)


def _patch_index(idx: Index, new: dict) -> Index:
    r = _Renderer(idx.settings)
    old = idx.top
    pos = {e.key: i for i, e in enumerate(old)}
    deleted = {i for i, e in enumerate(old) if e.key not in new and e.key in sf.TOP_FIELDS}
    for i in deleted:
        if old[i].section is not None or old[i].unsafe:
            raise Unsupported("a whole section goes")
    changed: dict[int, Entry] = {}
    inserts: dict[int, list[Entry]] = {}
    anchor = -1
    for k, v in new.items():
        i = pos.get(k)
        if i is None:
            if k in SECTIONS[1:]:
                raise Unsupported("no claims or relations section")
            inserts.setdefault(anchor, []).append(_new_top(r, k, v))
            continue
        anchor = i
        e = old[i]
        sec = e.section
        if sec is not None and (isinstance(v, list) if sec.seq else isinstance(v, dict)) and v:
            patched = (_patch_seq_section(r, sec, v) if sec.seq
                       else _patch_map_section(r, sec, v))
            if patched is not sec:
                changed[i] = replace(e, section=patched)
            continue
        if sec is not None:  # the section empties: the merge rewrites it whole
            data = ([x.data for x in sec.entries] if sec.seq
                    else {x.key: x.data for x in sec.entries})
            e = Entry(k, e.pre, _section_text(sec), "", data, norm=_norm(data, (k,)))
        if e.norm != v and not _noop_value(e.data, v, (k,)):
            changed[i] = _changed_top(r, e, v)
    if not deleted and not changed and not inserts:
        return idx
    if -1 in inserts:
        raise Unsupported("a key before the version marker")
    for i in inserts:
        if old[i].unsafe:
            raise Unsupported("entry with uncertain comments")
    out, touched = _rebuild(old, deleted, changed, inserts)
    out, head, tail = _normalize(out, idx.head, idx.tail, touched)
    for t in sorted(touched):  # a section written whole is a section again
        if t >= len(out) or out[t].section is not None or out[t].key not in SECTIONS:
            continue
        e = out[t]
        last = t == len(out) - 1
        after = tail if last else out[t + 1].pre
        sec = _scan_section(e.key, e.own + e.post + after, e.data, idx.settings)
        if sec is not None:
            out[t] = Entry(e.key, e.pre, None, "", None, section=sec)
            if last:
                tail = ""
            else:
                out[t + 1] = replace(out[t + 1], pre="")
    return Index(head, out, tail, idx.settings)


# -- the cache and the entry point --------------------------------------------
_CACHE: OrderedDict[str, Index] = OrderedDict()
_CACHE_SIZE = 4
_LOCK = threading.Lock()


def _cached(text: str) -> Index | None:
    with _LOCK:
        idx = _CACHE.get(text)
        if idx is not None:
            _CACHE.move_to_end(text)
        return idx


def remember(text: str, idx: Index) -> None:
    with _LOCK:
        _CACHE[text] = idx
        _CACHE.move_to_end(text)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


def index_for(text: str) -> Index:
    """The index of ``text``, from the cache or freshly built (and kept)."""
    idx = _cached(text)
    if idx is None:
        idx = build_index(text)
        remember(text, idx)
    return idx


def prepare(text: str) -> bool:
    """Index ``text`` ahead of its first save (e.g. in a worker after opening)."""
    try:
        index_for(text)
    except Unsupported:
        return False
    return True


def patch(amap: ArgumentMap, original: str) -> str | None:
    """The text :func:`savefile.render` gives for ``original`` and ``amap``,
    touching only what changed; ``None`` when the full save must decide."""
    try:
        idx = index_for(original)
        new_idx = _patch_index(idx, to_data(amap))
    except Unsupported:
        return None
    if new_idx is idx:
        return original
    text = assemble(new_idx)
    if guess_settings(text) == new_idx.settings:  # else the next save starts afresh
        remember(text, new_idx)
    return text
