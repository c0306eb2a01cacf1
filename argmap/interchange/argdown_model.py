"""The document model of an Argdown text, shaped like the JSON ``argdown json`` writes.

Equivalence classes of statements by title, arguments with their
premise-conclusion structures (PCS), relations between them, sections and
tags.  :mod:`argdown_parse` builds it; :mod:`argdown_import` maps it to a map.
Also here: Argdown's colour schemes, and what a map read from Argdown keeps
for the way back (a claim's note line with its title, form and headings; the
relation table of the front matter's ``argmap:`` entry), which both
:mod:`argdown_import` and :mod:`argdown_export` use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

TOP = "top-level-statement"
REL = "relation-statement"
PREMISE = "premise"
ICONC = "intermediary-conclusion"
MAIN = "main-conclusion"
DESC = "argument-description"

STATEMENT, ARGUMENT, INFERENCE = "statement", "argument", "inference"

#: Argdown colour schemes (ColorBrewer / d3 palettes) for ``tagColors`` given as an index.
COLOR_SCHEMES = {
    "default": ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
                "#666666"],
    "colorbrewer-category10": ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                               "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"],
    "colorbrewer-set3": ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                         "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"],
    "colorbrewer-set2": ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f",
                         "#e5c494", "#b3b3b3"],
    "colorbrewer-paired": ["#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99", "#e31a1c",
                           "#fdbf6f", "#ff7f00", "#cab2d6", "#6a3d9a", "#ffff99", "#b15928"],
    "colorbrewer-accent": ["#7fc97f", "#beaed4", "#fdc086", "#ffff99", "#386cb0", "#f0027f",
                           "#bf5b17", "#666666"],
}
COLOR_SCHEMES["colorbrewer-dark2"] = COLOR_SCHEMES["default"]
_HEX3 = re.compile(r"^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$")
_HEX6 = re.compile(r"^#[0-9a-fA-F]{6}$")


def _color(value: Any, palette: list[str]) -> str:
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return palette[value] if 0 <= value < len(palette) else ""
    value = str(value).strip()
    m = _HEX3.match(value)
    if m:
        return "#" + "".join(c * 2 for c in m.groups()).lower()
    return value if _HEX6.match(value) else ""


def tag_colors(color: Any) -> tuple[dict[str, str], list[str], list[str]]:
    """The front matter's ``color`` entry: tag colours (``#rrggbb``), problems, and the
    settings in it that are not read."""
    colors: dict[str, str] = {}
    problems: list[str] = []
    if not isinstance(color, dict):
        return colors, problems, [] if color is None else ["color"]
    scheme = color.get("colorScheme")
    palette = COLOR_SCHEMES.get(str(scheme or "default"))
    given = color.get("tagColors")
    if isinstance(given, dict):
        for tag, value in given.items():
            hexa = _color(value, palette or COLOR_SCHEMES["default"])
            if hexa:
                colors[str(tag)] = hexa
            else:
                problems.append(f"colour {value!r} of tag '{tag}' is not #rrggbb or a "
                                "palette index; left out")
        if palette is None and any(isinstance(v, int) for v in given.values()):
            problems.append(f"colour scheme '{scheme}' is not known to argmap; Argdown's "
                            "default palette is used for the tag colours")
    return colors, problems, [f"color.{k}" for k in color if k not in ("tagColors",
                                                                        "colorScheme")]


@dataclass
class Section:
    id: str
    level: int
    title: str
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)

    @property
    def is_group(self) -> bool:
        return self.data.get("isGroup") is not False


@dataclass
class Member:
    """One occurrence of a statement, or one description of an argument."""

    title: str
    text: str
    role: str
    line: int
    is_reference: bool = False
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: Section | None = None


@dataclass
class EquivalenceClass:
    title: str
    untitled: bool
    members: list[Member] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: Section | None = None

    @property
    def line(self) -> int:
        return self.members[0].line if self.members else 0

    @property
    def text(self) -> str:
        for m in self.members:
            if m.text and not m.is_reference:
                return m.text
        return ""


@dataclass
class Inference:
    rules: list[str]
    data: dict[str, Any]
    line: int


@dataclass
class PcsStatement:
    title: str
    role: str
    number: int
    line: int
    inference: Inference | None = None


@dataclass
class Argument:
    title: str
    untitled: bool
    line: int
    members: list[Member] = field(default_factory=list)
    pcs: list[PcsStatement] = field(default_factory=list)
    pcs_line: int = 0
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: Section | None = None

    @property
    def reconstructed(self) -> bool:
        return bool(self.pcs) and self.pcs[-1].role == MAIN

    @property
    def def_line(self) -> int:
        """Where the argument is defined (its first description that is no reference)."""
        for m in self.members:
            if not m.is_reference:
                return m.line
        return self.pcs_line or self.line

    @property
    def description(self) -> str:
        for m in self.members:
            if m.text:
                return m.text
        return ""


@dataclass
class Relation:
    """``source`` -> ``target``; kinds statement|argument|inference.

    For an inference, ``title`` is the argument's and ``step`` the index in
    its PCS of the conclusion the inference leads to.
    """

    type: str  # support | attack | undercut | contradictory
    source_kind: str
    source: str
    target_kind: str
    target: str
    line: int
    target_step: int = -1
    #: set when Argdown's post-processing moved an end of the relation
    transformed: str = ""


@dataclass
class ArgdownDocument:
    frontmatter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def strict(self) -> bool:
        model = self.frontmatter.get("model")
        return isinstance(model, dict) and model.get("mode") == "strict"

    def json_relations(self) -> list[tuple[str, str, str, str, str]]:
        """Relations as Argdown's JSON lists them: (type, from, fromType, to, toType).

        In strict mode statement-to-statement support is "entails" and attack
        "contrary" (symmetric duplicates merged), as Argdown does.
        """
        kinds = {STATEMENT: "equivalence-class", ARGUMENT: "argument", INFERENCE: "inference"}
        out: list[tuple[str, str, str, str, str]] = []
        seen_contrary: set[frozenset[str]] = set()
        for r in self.relations:
            t = r.type
            if self.strict and r.source_kind == STATEMENT and r.target_kind == STATEMENT:
                if t == "support":
                    t = "entails"
                elif t == "attack":
                    pair = frozenset((r.source, r.target))
                    if pair in seen_contrary:
                        continue
                    seen_contrary.add(pair)
                    t = "contrary"
            out.append((t, r.source, kinds[r.source_kind], r.target, kinds[r.target_kind]))
        return out


# -- what our own export keeps for the way back -----------------------------------
# A claim read from Argdown remembers its title, whether it was a (sketched)
# argument and the headings above it in one last line of its note:
#     Argdown: [Statement 1] in # Topic > ## Subtopic
# The export writes the claim back with that title, form and section and without
# that line.  Relation ids and notes, and the order of relations and claims, go
# into the front matter's ``argmap:`` entry (see :func:`relation_entry`).
PROVENANCE = "Argdown: "
#: the note of the two attacks a contradiction ``><`` is read as
CONTRADICTION = "Argdown: contradiction (><), read as mutual attack"
#: after a heading's title in that line: the heading is no group (``{isGroup: false}``)
NO_GROUP = " {isGroup: false}"
_PROV_RE = re.compile(r"(\[[^\]\n]+\]|<[^>\n]+>)(?: in (#+ .*))?")


def provenance_line(kind: str, title: str, path: list[tuple[int, str]], cid: str) -> str:
    """The note line for a claim read as ``[title]`` (kind "[") or ``<title>`` ("<").

    Empty when nothing needs remembering: a statement under no heading, titled with
    its id exactly (``[A]``, whose id is ``a``, keeps its title this way).
    """
    if kind == "[" and title == cid and not path:
        return ""
    head = f"[{title}]" if kind == "[" else f"<{title}>"
    if path:
        head += " in " + " > ".join("#" * level + " " + text for level, text in path)
    return PROVENANCE + head


def parse_provenance(note: str) -> tuple[str, str, list[tuple[int, str]], str] | None:
    """(kind, title, heading path, the note without the line) from a claim's note."""
    rest, _, last = note.rpartition("\n")
    if not last.startswith(PROVENANCE):
        return None
    m = _PROV_RE.fullmatch(last[len(PROVENANCE):])
    if m is None:
        return None
    path: list[tuple[int, str]] = []
    if m.group(2):
        for piece in re.split(r" > (?=#+ )", m.group(2)):
            hashes, _, text = piece.partition(" ")
            path.append((len(hashes), text))
    return m.group(1)[0], m.group(1)[1:-1], path, rest


#: what a relation may carry besides its ends, id and note (the table's sixth column)
SCHEME_FIELDS = ("scheme", "roles", "questions", "answers")


def scheme_label(scheme: str, amap: Any) -> str:
    """How an argument's metadata names a relation's scheme (``{"scheme": ...}``): as AIFdb
    spells a scheme of the catalogue or of the map ``amap`` (``Expert Opinion``), else as
    the relation does."""
    from ..schemes import interchange_name, map_catalogue   # the catalogue only when needed
    found = map_catalogue(amap).find(scheme)
    return interchange_name(found) if found is not None else scheme


def data_scheme(data: dict[str, Any], amap: Any) -> str | None:
    """The scheme an argument's or inference's metadata names (``{scheme: "Expert
    Opinion"}``): the id of the scheme of that name in the catalogue or the map ``amap``,
    "" for a generic one, else the name as written; None when the metadata names none
    (or not as text)."""
    value = data.get("scheme")
    if not isinstance(value, str):
        return None
    from ..schemes import map_catalogue, scheme_from_name
    return scheme_from_name(value, map_catalogue(amap))


def relation_extras(rel: Any) -> dict[str, Any]:
    """A relation's scheme, roles, critical questions and answers, those it has."""
    return {k: getattr(rel, k) for k in SCHEME_FIELDS if getattr(rel, k, None)}


def relation_entry(rel: Any) -> list[Any]:
    """A relation as a row of the ``relations`` table: type, premise(s), target, id,
    note, and its scheme fields (``{"scheme": ..., "roles": {...}}``) when it has any."""
    row: list[Any] = [rel.type, rel.premises[0] if len(rel.premises) == 1 else
                      list(rel.premises), rel.target]
    extras = relation_extras(rel)
    if rel.id or rel.note or extras:
        row.append(rel.id)
    if rel.note or extras:
        row.append(rel.note)
    if extras:
        row.append(extras)
    return row


def _row(value: Any) -> tuple[str, tuple[str, ...], str, str, str, dict] | None:
    if not isinstance(value, list) or not 3 <= len(value) <= 6:
        return None
    extras = value[5] if len(value) == 6 else {}
    if not isinstance(extras, dict):
        return None
    if not all(isinstance(v, str) for v in value[:1] + value[2:5]):
        return None
    prem = value[1]
    premises = (prem,) if isinstance(prem, str) else tuple(prem) if isinstance(prem, list) \
        and prem and all(isinstance(p, str) for p in prem) else None
    if premises is None:
        return None
    rid = value[3] if len(value) > 3 else ""
    note = value[4] if len(value) > 4 else ""
    return value[0], premises, value[2], rid, note, extras


def restore_relations(rels: list[Any], table: Any) -> tuple[list[Any], int]:
    """Give relations read back the ids, notes and order of the ``relations`` table.

    ``rels`` as the importer made them (an undercut's target is the key of the
    relation it attacks).  A relation is found by type, premises and target (for
    an undercut: the relation it attacks).  Relations not in the table keep what
    they have and come last, in file order.  Returns the relations and how many
    rows matched no relation.
    """
    rows = [r for r in (_row(v) for v in table) if r is not None] \
        if isinstance(table, list) else []
    by_key = {r.key: r for r in rels}
    aims = {id(u): by_key.get(u.target) for u in rels if u.type == "undercut"}
    pool: dict[tuple, list[Any]] = {}
    for r in rels:
        aim = aims.get(id(r)) if r.type == "undercut" else None
        ends = (r.type, tuple(r.premises), id(aim) if r.type == "undercut" else r.target)
        pool.setdefault(ends, []).append(r)
    row_key = {(rid or f"{'+'.join(prem)}-{t}-{target}"): i
               for i, (t, prem, target, rid, _, _) in enumerate(rows)}
    found: list[Any] = [None] * len(rows)
    todo = list(range(len(rows)))
    while todo:
        left = []
        for i in todo:
            t, prem, target, _, _, _ = rows[i]
            if t == "undercut":
                j = row_key.get(target)
                if j is None or j == i:
                    continue
                if found[j] is None:
                    left.append(i)
                    continue
                key: tuple = (t, prem, id(found[j]))
            else:
                key = (t, prem, target)
            candidates = pool.get(key)
            if candidates:  # the same ends twice: the one with the id, if it has one
                k = next((k for k, c in enumerate(candidates) if c.id == rows[i][3]), 0)
                found[i] = candidates.pop(k)
        if len(left) == len(todo):
            break
        todo = left
    for i, r in enumerate(found):
        if r is not None:
            r.id, r.note = rows[i][3], rows[i][4]
            extras = rows[i][5]
            if isinstance(extras.get("scheme"), str):
                r.scheme = extras["scheme"]
            for name in ("roles", "questions", "answers"):
                if isinstance(extras.get(name), dict):
                    setattr(r, name, {str(a): str(b) for a, b in extras[name].items()})
    for u in rels:
        aim = aims.get(id(u))
        if aim is not None:
            u.target = aim.key
    placed = {id(r) for r in found if r is not None}
    out = [r for r in found if r is not None] + [r for r in rels if id(r) not in placed]
    return out, sum(1 for r in found if r is None)


def restore(amap: Any, entry: dict[str, Any]) -> list[str]:
    """Ids, notes and order our own export keeps in the front matter's ``argmap:`` entry
    (``entry``), given back to the map read from its text; the problems met."""
    problems: list[str] = []
    if "relations" in entry:
        amap.relations, missing = restore_relations(amap.relations, entry["relations"])
        if missing:
            problems.append(f"{missing} relation(s) listed in the front matter's argmap entry "
                            "are not in the text; their ids and notes are left out")
    order = entry.get("claim_order")
    if isinstance(order, list):
        claims = amap.claims
        ordered = {c: claims[c] for c in order if isinstance(c, str) and c in claims}
        ordered.update(claims)
        amap.claims = ordered
    return problems
