"""Writing map files: atomic, and kind to hand-written YAML.

Saving patches the file's own round-trip YAML tree (ruamel.yaml) with what
changed in the model, so comments, key order, quoting and layout survive
wherever nothing changed: a one-claim edit makes a one-claim diff.  The bytes
go to a temporary file in the same folder, are flushed and fsynced, and then
atomically replace the old file; on any failure the old file is untouched.
"""

from __future__ import annotations

import datetime
import difflib
import io
import json
import os
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

# atomic writes live in argmap.atomicwrite (no YAML library needed); named here for the callers
from .atomicwrite import (  # noqa: F401
    STALE_TMP_SECONDS, LinkedWriteError, ReadOnlyFile, atomic_write, remove_stale_temps,
)
from .fileformat import to_data
from .model import CLAIM_FIELDS, RELATION_FIELDS, SOURCE_FIELDS, ArgumentMap

TOP_FIELDS = ("argmap", "title", "description", "lang", "source_folder", "conclusion", "display",
              "schemes", "sources", "claims", "relations", "conflicts")
DISPLAY_FIELDS = ("direction", "tags")
#: Values the canonical data leaves out; a file that spells them out keeps them.
DEFAULTS = {"direction": "TB", "kind": "claim", "base": 0.5}


def schema_line(path: str | None) -> str:
    """The editor hint line for a new file at ``path`` ('' when far from the schema)."""
    from .resources import resource_path
    if not path:
        return ""
    rel = os.path.relpath(resource_path("argmap.schema.json"),
                          os.path.dirname(os.path.abspath(path)))
    if rel.count("..") > 2:
        return ""
    return f"# yaml-language-server: $schema={rel}\n"


class SaveError(Exception):
    """Saving failed; the file on disk is as it was."""


# -- round-trip YAML --------------------------------------------------------
#: Characters no YAML style but the double-quoted one keeps as they are: controls
#: (a literal block turns CR and NEL into line ends, a plain or single-quoted
#: scalar folds NEL into a space), the Unicode line and paragraph separators,
#: the byte order mark and the non-characters.  Double quotes write them as
#: escapes (``\t``, ``\N``, ``\L``, ``\P``, ``\uFEFF``) that every reader reads back.
FRAGILE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class _Emitter(Emitter):
    """ruamel.yaml's emitter, with the styles that do not read back refused."""

    def choose_scalar_style(self) -> Any:
        value = self.event.value
        # in a folded scalar ('>') ruamel.yaml marks the places of its folds with '\a'
        text = value.replace("\a", "") if self.event.style == ">" and value else value
        if isinstance(text, str) and FRAGILE.search(text):
            if self.analysis is None:
                self.analysis = self.analyze_scalar(value)
            return '"'
        style = super().choose_scalar_style()
        if style == "" and value[:1] in ("?", ":") and self.flow_level:
            # YAML 1.2 allows ':x' and '?x' plain in a flow mapping; PyYAML does not
            return "'" if self.analysis.allow_single_quoted else '"'
        return style


def _yaml(mapping: int = 2, sequence: int = 4, offset: int = 2,
          preserve_quotes: bool = True) -> YAML:
    y = YAML(typ="rt")
    y.Emitter = _Emitter
    y.preserve_quotes = preserve_quotes
    y.allow_unicode = True
    y.width = 4096
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def _same(old: Any, new: Any) -> bool:
    a, b = _plain(old), _plain(new)
    if isinstance(a, list) and len(a) == 1 and not isinstance(b, list):
        return a[0] == b
    return a == b


def _flow_seq(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _styled(value: Any, where: tuple, like: Any = None) -> Any:
    """New data in the file's style: flow relations/tags/pos, block text."""
    if isinstance(value, dict):
        cm = CommentedMap()
        for k, v in value.items():
            cm[k] = _styled(v, where + (k,))
        if where and where[0] == "relations":
            cm.fa.set_flow_style()
        return cm
    if isinstance(value, list):
        if where and where[0] in ("relations", "conflicts") and len(where) == 1:
            return CommentedSeq([_styled(v, where + (i,)) for i, v in enumerate(value)])
        return _flow_seq([_styled(v, where + (i,)) for i, v in enumerate(value)])
    if isinstance(value, str):
        if "\n" in value.strip("\n"):
            return LiteralScalarString(value)  # '|-' keeps the exact line ends
        if like is not None and isinstance(like, str) and type(like) is not str:
            try:
                return type(like)(value)  # keep the quoting style the author used
            except TypeError:
                pass
    return value


def _fields_for(where: tuple) -> tuple[str, ...] | None:
    """The keys the model owns at this place (others are left alone)."""
    n = len(where)
    if n == 0:
        return TOP_FIELDS
    if where == ("display",):
        return DISPLAY_FIELDS
    if n == 1 and where[0] in ("claims", "sources"):
        return None  # every key is an id the model owns
    if n == 2 and where[0] == "claims":
        return CLAIM_FIELDS
    if n == 2 and where[0] == "sources":
        return SOURCE_FIELDS
    if n == 2 and where[0] == "relations":
        return RELATION_FIELDS
    return None


def _merge_map(cm: CommentedMap, new: dict, where: tuple) -> None:
    owned = _fields_for(where)
    for k in list(cm):
        if k not in new and (owned is None or k in owned):
            if k in DEFAULTS and _same(cm[k], DEFAULTS[k]):
                continue
            del cm[k]
    prev_index = -1
    for k, v in new.items():
        if k in cm:
            cur = cm[k]
            if isinstance(cur, CommentedMap) and isinstance(v, dict):
                _merge_map(cur, v, where + (k,))
            elif isinstance(cur, CommentedSeq) and isinstance(v, list) and where + (k,) == (
                    "relations",):
                _merge_seq(cur, v, where + (k,))
            elif not _same(cur, v):
                cm[k] = _styled(v, where + (k,), like=cur)
            prev_index = list(cm).index(k)
        else:
            cm.insert(prev_index + 1, k, _styled(v, where + (k,)))
            prev_index += 1
    if where in (("claims",), ("sources",)) and list(cm) != list(new):
        # the model's order of claims and sources is the file's (a merge may bring a new
        # one); each entry moves with the comments that stand after it
        for k in new:
            if k in cm:
                cm.move_to_end(k)


def _merge_seq(seq: CommentedSeq, new: list, where: tuple) -> None:
    old_keys = [json.dumps(_plain(x), sort_keys=True) for x in seq]
    new_keys = [json.dumps(_plain(x), sort_keys=True) for x in new]
    ops = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                if isinstance(seq[i], CommentedMap) and isinstance(new[j], dict):
                    _merge_map(seq[i], new[j], where + (i,))
                else:
                    seq[i] = _styled(new[j], where + (i,))
            continue
        for i in range(i2 - 1, i1 - 1, -1):
            del seq[i]
        for offset, j in enumerate(range(j1, j2)):
            seq.insert(i1 + offset, _styled(new[j], where + (j,)))


def render(amap: ArgumentMap, original: str | None = None, path: str | None = None) -> str:
    """The text to save: ``original`` patched with the model, or fresh text."""
    new = to_data(amap)
    if original is None:
        y = _yaml()
        doc = _styled(new, ())
        buf = io.StringIO()
        buf.write(schema_line(path))
        y.dump(doc, buf)
        return buf.getvalue()
    _, seq_indent, offset = load_yaml_guess_indent(original, yaml=_yaml())
    if seq_indent is None or offset is None:
        y = _yaml()
    else:
        y = _yaml(max(2, seq_indent - offset), seq_indent, offset)
    doc = y.load(original)
    if not isinstance(doc, CommentedMap):
        raise SaveError("the file on disk is not a map file; not overwriting it")
    _merge_map(doc, new, ())
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def render_fast(amap: ArgumentMap, original: str | None = None, path: str | None = None) -> str:
    """What :func:`render` gives, in time proportional to what changed.

    :mod:`argmap.savepatch` re-renders only the entries that differ from the
    model; files it cannot patch safely go through :func:`render`.
    """
    if original is not None:
        from .savepatch import patch
        text = patch(amap, original)
        if text is not None:
            return text
    return render(amap, original, path)


def save_map(amap: ArgumentMap, path: str, original: str | None = None) -> str:
    """Save atomically; returns the text written.  Raises :class:`SaveError`."""
    try:
        text = render_fast(amap, original, path)
        atomic_write(path, text.encode("utf-8"))
    except SaveError:
        raise
    except Exception as exc:  # OSError, YAML errors: the old file is intact
        raise SaveError(f"{path}: could not save: {exc}") from exc
    return text


# -- canonical formatting ---------------------------------------------------
def _reorder(cm: CommentedMap, order: tuple[str, ...]) -> None:
    for k in [k for k in order if k in cm] + [k for k in cm if k not in order]:
        cm.move_to_end(k)


def format_text(text: str, path: str | None = None) -> str:
    """Canonical layout of a map file, comments kept; idempotent."""
    y = _yaml(preserve_quotes=False)
    try:
        doc = y.load(text)
    except YAMLError as exc:   # duplicate keys and the like: `argmap check` names them
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise SaveError(f"not formatted: {problem}{where}") from None
    if not isinstance(doc, CommentedMap):
        raise SaveError("not a map file")
    _reorder(doc, TOP_FIELDS)
    if isinstance(doc.get("display"), CommentedMap):
        _reorder(doc["display"], DISPLAY_FIELDS)
    for section, order in (("sources", SOURCE_FIELDS), ("claims", CLAIM_FIELDS)):
        if isinstance(doc.get(section), CommentedMap):
            for item in doc[section].values():
                if isinstance(item, CommentedMap):
                    item.fa.set_block_style()
                    _reorder(item, order)
                    for v in item.values():
                        if isinstance(v, CommentedSeq):
                            v.fa.set_flow_style()
    if isinstance(doc.get("relations"), CommentedSeq):
        doc["relations"].fa.set_block_style()
        for item in doc["relations"]:
            if isinstance(item, CommentedMap):
                _reorder(item, RELATION_FIELDS)
                item.fa.set_flow_style()
    buf = io.StringIO()
    if not text.lstrip().startswith("# yaml-language-server"):
        buf.write(schema_line(path))
    y.dump(doc, buf)
    return buf.getvalue()
