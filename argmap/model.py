"""The argument-map model: sources, claims, relations, display hints.

Plain Python objects, no Qt.  Every change goes through a mutator on
:class:`ArgumentMap`, which emits a signal only when something really changed,
so that views can follow and undo commands can call exactly one method.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, Iterator

from .signals import Signal

FORMAT_VERSION = 1

CLAIM_KINDS = ("thesis", "claim", "evidence", "question")
RELATION_TYPES = ("support", "attack", "undercut", "rephrase")
#: A claim's base score (its strength before its reasons and objections count) when
#: the map gives none; gradual semantics start from it (docs/gradual.md).
DEFAULT_BASE = 0.5
DIRECTIONS = ("TB", "LR", "BT", "RL")

#: Claim fields in the order the file format writes them.
CLAIM_FIELDS = ("ref", "text", "en", "kind", "speaker", "source", "quote",
                "tags", "note", "pos", "base")
RELATION_FIELDS = ("id", "type", "from", "to", "scheme", "roles", "questions", "answers", "note")
SOURCE_FIELDS = ("id", "title", "outlet", "date", "file", "url", "note")


@dataclass
class Source:
    id: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    file: str = ""
    url: str = ""
    note: str = ""


@dataclass(slots=True)
class Claim:
    id: str
    text: str = ""
    en: str = ""
    kind: str = "claim"
    speaker: str = ""
    source: str = ""
    quote: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""
    pos: tuple[float, float] | None = None
    #: ``"other-map.yaml#claim-id"``: this claim stands for a claim of another
    #: map file in the same folder; its content is read from there.
    ref: str = ""
    #: The referenced claim once resolved (never written to the file).
    resolved: "Claim | None" = field(default=None, compare=False, repr=False)
    #: Base score in [0, 1] for gradual semantics; a claim that refers to another
    #: map's claim has its own (it is this map's weighting, not the other map's).
    base: float = DEFAULT_BASE

    def display(self) -> "Claim":
        """The claim whose content is shown: the referenced one for a ref."""
        return self.resolved if (self.ref and self.resolved is not None) else self

    def clone(self) -> "Claim":
        return Claim(self.id, self.text, self.en, self.kind, self.speaker, self.source,
                     self.quote, list(self.tags), self.note, self.pos, self.ref, self.resolved,
                     self.base)


@dataclass(eq=False, slots=True)
class Relation:
    """``premises`` support/attack ``target``; an undercut targets a relation.

    Several premises make a *linked* argument: they only act together.
    ``id`` is optional in the file; :attr:`key` is the id used everywhere.
    """

    type: str
    premises: list[str]
    target: str
    id: str = ""
    note: str = ""
    #: the argument scheme (an id of resources/schemes.yaml or the map's own), or ""
    scheme: str = ""
    #: premise id -> its role in the scheme
    roles: dict[str, str] = field(default_factory=dict)
    #: critical question id -> "yes" (answered: the argument stands on that point) or
    #: "open"; a "no" is an attack or undercut in the map that names it in ``answers``
    questions: dict[str, str] = field(default_factory=dict)
    #: for an attack or undercut: relation key -> the critical question of that
    #: argument it answers "no" to
    answers: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        if self.id:
            return self.id
        return f"{'+'.join(self.premises)}-{self.type}-{self.target}"

    @property
    def linked(self) -> bool:
        return len(self.premises) > 1

    def clone(self) -> "Relation":
        return Relation(self.type, list(self.premises), self.target, self.id, self.note,
                        self.scheme, dict(self.roles), dict(self.questions), dict(self.answers))

    def _content(self) -> tuple:
        return (self.type, self.premises, self.target, self.id, self.note, self.scheme,
                self.roles, self.questions, self.answers)

    def same_as(self, other: "Relation") -> bool:
        return self._content() == other._content()


@dataclass
class Display:
    direction: str = "TB"
    tag_colors: dict[str, str] = field(default_factory=dict)


class ArgumentMap:
    """One map: header, sources, claims (ordered by id), relations (ordered)."""

    def __init__(self, title: str = "", description: str = "", lang: str = "de") -> None:
        self.title = title
        self.description = description
        self.lang = lang
        #: folder with the article texts, relative to the map file ('' for none)
        self.source_folder = ""
        #: claim id -> the label (IN, OUT, UNDEC) the source article itself concludes for
        #: it, recorded by the analyst; `argmap check` warns when the map evaluates otherwise
        self.conclusion: dict[str, str] = {}
        self.display = Display()
        #: the map's own argument schemes, as its header gives them (scheme id -> the
        #: scheme's data, docs/schemes.md); argmap.schemes.map_catalogue lays them over
        #: the shipped catalogue
        self.schemes: dict[str, Any] = {}
        self.sources: dict[str, Source] = {}
        self.claims: dict[str, Claim] = {}
        self.relations: list[Relation] = []
        #: sources of claims referenced from other maps, by "file.yaml#id" (not saved)
        self.external_sources: dict[str, Source] = {}
        #: where the map was loaded from (None for a new map)
        self.path: str | None = None
        #: merge conflicts not yet resolved, as the file writes them (docs/merge.md)
        self.conflicts: list[dict[str, Any]] = []

        self.claim_inserted = Signal()      # (claim, index)
        self.claim_removed = Signal()       # (claim, index)
        self.claim_changed = Signal()       # (claim, field_name)
        self.relation_inserted = Signal()   # (relation, index)
        self.relation_removed = Signal()    # (relation, index)
        self.relation_changed = Signal()    # (relation, field_name)
        self.header_changed = Signal()      # (field_name)
        self.source_changed = Signal()      # (source_id)

    # -- queries ---------------------------------------------------------
    def claim_index(self, claim_id: str) -> int:
        for i, cid in enumerate(self.claims):
            if cid == claim_id:
                return i
        raise KeyError(claim_id)

    def source_of(self, claim: Claim) -> Source | None:
        """The source of a claim's shown content (a referenced claim's too)."""
        sid = claim.display().source
        return self.sources.get(sid) or self.external_sources.get(sid)

    def relation_by_key(self, key: str) -> Relation | None:
        for rel in self.relations:
            if rel.key == key:
                return rel
        return None

    def relations_of(self, claim_id: str) -> list[Relation]:
        """Relations in which the claim is a premise or the target."""
        return [r for r in self.relations if claim_id in r.premises or r.target == claim_id]

    def relations_touching(self, claim_id: str) -> list[Relation]:
        """Relations that go when the claim goes, undercuts of those included."""
        direct = self.relations_of(claim_id)
        keys = {r.key for r in direct}
        extra = [r for r in self.relations
                 if r.type == "undercut" and r.target in keys and r not in direct]
        return direct + extra

    def iter_claims(self) -> Iterator[Claim]:
        return iter(self.claims.values())

    def new_claim_id(self, base: str = "claim") -> str:
        if base not in self.claims:
            return base
        n = 2
        while f"{base}-{n}" in self.claims:
            n += 1
        return f"{base}-{n}"

    def counts(self) -> dict[str, int]:
        rels = self.relations
        return {
            "claims": len(self.claims),
            "sources": len(self.sources),
            "relations": len(rels),
            "supports": sum(1 for r in rels if r.type == "support"),
            "attacks": sum(1 for r in rels if r.type == "attack"),
            "undercuts": sum(1 for r in rels if r.type == "undercut"),
            "rephrases": sum(1 for r in rels if r.type == "rephrase"),
            "linked": sum(1 for r in rels if r.linked),
            "references": sum(1 for c in self.claims.values() if c.ref),
        }

    # -- mutators (each emits only on a real change) --------------------
    def insert_claim(self, index: int, claim: Claim) -> None:
        if claim.id in self.claims:
            raise ValueError(f"claim id {claim.id!r} exists already")
        items = list(self.claims.items())
        index = max(0, min(index, len(items)))
        items.insert(index, (claim.id, claim))
        self.claims = dict(items)
        self.claim_inserted.emit(claim, index)

    def add_claim(self, claim: Claim) -> None:
        self.insert_claim(len(self.claims), claim)

    def remove_claim(self, claim_id: str) -> int:
        index = self.claim_index(claim_id)
        claim = self.claims.pop(claim_id)
        self.claim_removed.emit(claim, index)
        return index

    def set_claim_field(self, claim_id: str, name: str, value: Any) -> None:
        claim = self.claims[claim_id]
        if name not in CLAIM_FIELDS:
            raise AttributeError(name)
        if name == "tags":
            value = list(value)
        if name == "pos" and value is not None:
            value = (float(value[0]), float(value[1]))
        if name == "base":
            value = float(value)
            if not 0.0 <= value <= 1.0:      # also refuses nan
                raise ValueError(f"a base score is a number from 0 to 1, not {value}")
        if getattr(claim, name) == value:
            return
        setattr(claim, name, value)
        self.claim_changed.emit(claim, name)

    def insert_relation(self, index: int, relation: Relation) -> None:
        index = max(0, min(index, len(self.relations)))
        self.relations.insert(index, relation)
        self.relation_inserted.emit(relation, index)

    def add_relation(self, relation: Relation) -> None:
        self.insert_relation(len(self.relations), relation)

    def remove_relation(self, relation: Relation) -> int:
        index = next(i for i, r in enumerate(self.relations) if r is relation)
        del self.relations[index]
        self.relation_removed.emit(relation, index)
        return index

    def set_relation_field(self, relation: Relation, name: str, value: Any) -> None:
        attr = {"from": "premises", "to": "target"}.get(name, name)
        if attr not in ("type", "premises", "target", "id", "note", "scheme", "roles",
                        "questions", "answers"):
            raise AttributeError(name)
        if attr == "premises":
            value = list(value)
        elif attr in ("roles", "questions", "answers"):
            value = dict(value)
        if getattr(relation, attr) == value:
            return
        setattr(relation, attr, value)
        self.relation_changed.emit(relation, attr)

    def set_header(self, name: str, value: Any) -> None:
        if name == "direction":
            if self.display.direction != value:
                self.display.direction = value
                self.header_changed.emit(name)
            return
        if name not in ("title", "description", "lang", "source_folder"):
            raise AttributeError(name)
        if getattr(self, name) != value:
            setattr(self, name, value)
            self.header_changed.emit(name)

    def set_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        """Replace the list of unresolved merge conflicts."""
        if conflicts != self.conflicts:
            self.conflicts = list(conflicts)
            self.header_changed.emit("conflicts")

    def copy(self) -> "ArgumentMap":
        """An independent copy of the content (no signal connections)."""
        other = ArgumentMap(self.title, self.description, self.lang)
        other.source_folder = self.source_folder
        other.conclusion = dict(self.conclusion)
        other.display = Display(self.display.direction, dict(self.display.tag_colors))
        other.schemes = copy.deepcopy(self.schemes)
        other.sources = {k: copy.copy(v) for k, v in self.sources.items()}
        other.external_sources = dict(self.external_sources)
        other.claims = {cid: c.clone() for cid, c in self.claims.items()}
        other.relations = [r.clone() for r in self.relations]
        other.path = self.path
        other.conflicts = copy.deepcopy(self.conflicts)
        return other

    # -- comparison (used by tests and by "is it dirty") -----------------
    def snapshot(self) -> dict[str, Any]:
        """A plain, comparable picture of the whole content."""
        def claim_dict(c: Claim) -> dict[str, Any]:
            return {f.name: getattr(c, f.name) for f in fields(c) if f.name != "resolved"}
        return {
            "title": self.title, "description": self.description, "lang": self.lang,
            "source_folder": self.source_folder, "conclusion": dict(self.conclusion),
            "direction": self.display.direction, "tag_colors": dict(self.display.tag_colors),
            "schemes": copy.deepcopy(self.schemes),
            "sources": {k: vars(s).copy() for k, s in self.sources.items()},
            "claims": [claim_dict(c) for c in self.claims.values()],
            "relations": [(r.id, r.type, list(r.premises), r.target, r.note, r.scheme,
                           dict(r.roles), dict(r.questions), dict(r.answers))
                          for r in self.relations],
            "conflicts": copy.deepcopy(self.conflicts),
        }


def unknown_relation_type(amap: "ArgumentMap") -> str:
    """Why ``amap`` cannot be exported as it is: a relation of a type no export can
    show ('' when every type is known)."""
    for rel in amap.relations:
        if rel.type not in RELATION_TYPES:
            known = ", ".join(RELATION_TYPES[:-1]) + " or " + RELATION_TYPES[-1]
            return (f"relation {rel.key} has the unknown type {rel.type!r} ({known}); "
                    "fix the map first, nothing was exported")
    return ""
