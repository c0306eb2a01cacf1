"""The document model of an Argdown text, shaped like the JSON ``argdown json`` writes.

Equivalence classes of statements by title, arguments with their
premise-conclusion structures (PCS), relations between them, sections and
tags.  :mod:`argdown_parse` builds it; :mod:`argdown_import` maps it to a map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TOP = "top-level-statement"
REL = "relation-statement"
PREMISE = "premise"
ICONC = "intermediary-conclusion"
MAIN = "main-conclusion"
DESC = "argument-description"

STATEMENT, ARGUMENT, INFERENCE = "statement", "argument", "inference"


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
