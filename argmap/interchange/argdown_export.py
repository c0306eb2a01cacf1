"""Argument map -> Argdown source that Argdown reads and we read back unchanged.

Layout of the output:

* front matter: ``title``, ``subTitle`` (the description), tag colours as
  ``color: tagColors``, and everything else of the header in one ``argmap:``
  entry (language, direction, sources);
* one statement per claim: ``[id]: text #tag {"speaker": ..., "quote": ...}``;
* one block per relation, in map order.  A plain relation is a relation line
  (``[target]`` / ``<+ [premise]``); a relation that needs more (several
  premises, an id, a note, or an undercut aimed at it) is an argument titled
  with its id: a support as a premise-conclusion structure, an attack or
  undercut as an argument its premises support and that attacks (``->``) or
  undercuts (``_>``) the target.  ``{"argmap": "attack"}`` marks these, so the
  importer turns them back into exactly that relation.

Text is escaped where Argdown would read syntax into it; a text Argdown
cannot carry (line breaks, leading spaces, empty) also goes into the
metadata as ``"text"``.
"""

from __future__ import annotations

import json
import re

from ..model import ArgumentMap, Claim, Relation
from ._common import sources_to_ext
from .argdown_text import SHORTCODES, SPAN

#: what is escaped, and Argdown's "special character" runs (``.x.``, ``:x:``), which
#: it reads exactly as written: inside them a backslash would stay in the text
_SCAN = re.compile(SPAN + r"|[\\\[\]<>{}#*_@]|/(?=[/*])")
_BARE_TAG = re.compile("^[A-Za-z0-9\\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+$")
_LONG_TAG = re.compile(r"^[^()\\{}\[\]<>/\n]+$")
META_FIELDS = ("en", "kind", "speaker", "source", "quote", "note", "pos", "ref")


def escape(text: str) -> str:
    """One line of text with everything Argdown would read as syntax escaped.

    Runs Argdown keeps literally (``www.example.org/a_b.``, ``http://x.org:8080/p:``
    up to the next dot or colon) are left alone, so that their text reads back
    without backslashes; a shortcode (``.^.``) gets its first character escaped.
    """
    text = " ".join(text.split())
    out: list[str] = []
    pos = 0
    while (m := _SCAN.search(text, pos)) is not None:
        out.append(text[pos:m.start()])
        tok = m.group()
        if len(tok) > 1 and tok in SHORTCODES:
            out.append("\\" + tok[0])
            pos = m.start() + 1
        elif len(tok) > 1:
            out.append(tok)
            pos = m.end()
        else:
            out.append("\\" + tok)
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def js(value: object) -> str:
    """JSON that is also YAML and safe inside Argdown's ``{...}`` and front matter.

    Braces, ``=`` and the JavaScript line separators inside strings are
    written as ``\\u`` escapes: Argdown's lexer ends a metadata block at a
    ``}`` or a line end, and its front matter at a ``=``.
    """
    if isinstance(value, dict):
        return "{" + ", ".join(f"{js(str(k))}: {js(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(js(v) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        text = (text.replace("{", "\\u007b").replace("}", "\\u007d").replace("=", "\\u003d")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return text


def _meta(items: list[tuple[str, object]]) -> str:
    if not items:
        return ""
    return " {" + ", ".join(f'"{k}": {js(v)}' for k, v in items) + "}"


def _tags(tags: list[str]) -> tuple[str, list[str] | None]:
    """Tags as ``#tag``/``#(long tag)``, or all of them as metadata if one cannot be."""
    out = []
    for t in tags:
        if _BARE_TAG.fullmatch(t):   # fullmatch: "$" alone lets a final newline in
            out.append("#" + t)
        elif _LONG_TAG.fullmatch(t) and t == t.strip():
            out.append(f"#({t})")
        else:
            return "", list(tags)
    return " ".join(out), None


def claim_line(claim: Claim) -> str:
    written = " ".join(claim.text.split())
    meta: list[tuple[str, object]] = []
    for name in META_FIELDS:
        value = getattr(claim, name)
        if name == "kind":
            if value != "claim":
                meta.append((name, value))
        elif name == "pos":
            if value is not None:
                meta.append((name, [_num(value[0]), _num(value[1])]))
        elif value:
            meta.append((name, value))
    tag_text, tag_meta = _tags(claim.tags)
    if tag_meta is not None:
        meta.append(("tags", tag_meta))
    if written != claim.text or not written:
        meta.append(("text", claim.text))
    head = f"[{claim.id}]: {escape(written)}" if written else f"[{claim.id}]"
    return " ".join(p for p in (head, tag_text) if p) + _meta(meta)


def _num(v: float) -> int | float:
    return int(v) if float(v) == int(v) else float(v)


def _frontmatter(amap: ArgumentMap) -> list[str]:
    lines = ["===", f"title: {js(amap.title)}"]
    if amap.description:
        lines.append(f"subTitle: {js(' '.join(amap.description.split()))}")
    if amap.display.tag_colors:
        lines += ["color:", "  tagColors:"]
        lines += [f"    {js(tag)}: {js(color)}" for tag, color in amap.display.tag_colors.items()]
    ext: dict[str, object] = {"format": 1, "lang": amap.lang}
    if amap.title != " ".join(amap.title.split()):
        ext["title"] = amap.title
    if amap.description:
        ext["description"] = amap.description
    if amap.source_folder:
        ext["source_folder"] = amap.source_folder
    if amap.display.direction != "TB":
        ext["direction"] = amap.display.direction
    if amap.sources:
        ext["sources"] = sources_to_ext(amap)
    lines.append(f"argmap: {js(ext)}")
    lines.append("===")
    return lines


def relation_title(rel: Relation) -> str:
    """The argument title a relation gets: its id, or its key."""
    return rel.id or rel.key


_VERBS = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}


def _relation_block(rel: Relation, as_argument: bool) -> str:
    if not as_argument:
        if rel.type == "undercut":
            return f"<{rel.target}>\n  <_ [{rel.premises[0]}]"
        sym = "<+" if rel.type == "support" else "<-"
        return f"[{rel.target}]\n  {sym} [{rel.premises[0]}]"
    title = relation_title(rel)
    meta: list[tuple[str, object]] = [("argmap", rel.type)]
    if rel.note:
        meta.append(("note", rel.note))
        desc = escape(rel.note) or "(note)"
    else:
        verb = _VERBS.get(rel.type, rel.type)
        desc = escape(f"{', '.join(rel.premises)} {verb[:-1] if rel.linked else verb} "
                      f"{rel.target}.")
    head = f"<{title}>: {desc}{_meta(meta)}"
    if rel.type == "support":
        lines = [head, ""]
        lines += [f"({i}) [{p}]" for i, p in enumerate(rel.premises, 1)]
        lines += ["----", f"({len(rel.premises) + 1}) [{rel.target}]"]
        return "\n".join(lines)
    lines = [head] + [f"  <+ [{p}]" for p in rel.premises]
    if rel.type == "undercut":
        lines.append(f"  _> <{rel.target}>")
    else:
        lines.append(f"  -> [{rel.target}]")
    return "\n".join(lines)


def export_argdown(amap: ArgumentMap) -> str:
    """The map as Argdown text (UTF-8, ``\\n`` line ends)."""
    blocks = ["\n".join(_frontmatter(amap))]
    blocks += [claim_line(c) for c in amap.claims.values()]
    if not amap.claims:
        # Argdown wants at least one element after the front matter; a heading
        # makes no statement, so the map reads back empty
        blocks.append("# " + (escape(amap.title) or "Empty map"))
    undercut = {r.target for r in amap.relations if r.type == "undercut"}
    for rel in amap.relations:
        if not rel.premises:
            continue
        as_argument = bool(rel.linked or rel.id or rel.note
                           or relation_title(rel) in undercut)
        blocks.append(_relation_block(rel, as_argument))
    return "\n\n".join(blocks) + "\n"
