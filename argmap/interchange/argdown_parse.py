"""Argdown text -> a document model shaped like the one Argdown builds itself.

Our own line-based parser (no Node at runtime).  The result mirrors the JSON
that ``argdown json`` writes: equivalence classes of statements by title,
arguments with their premise-conclusion structures (PCS), relations between
them, sections and tags.  Argdown's own post-processing is applied too:
outgoing relations of a reconstructed argument become relations of its main
conclusion, incoming undercuts of it target its last inference.

The model itself is in :mod:`argdown_model` (its names can be imported
from here too).

Tolerant: what Argdown would reject (a relation after an empty line, an
unclosed inference, a PCS without conclusion...) is read as well as possible
and reported in :attr:`ArgdownDocument.warnings` with its line number.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import yaml

from ._common import DataTooLarge, plain
from .argdown_model import (
    ARGUMENT,
    DESC,
    ICONC,
    INFERENCE,
    MAIN,
    PREMISE,
    REL,
    STATEMENT,
    TOP,
    ArgdownDocument,
    Argument,
    EquivalenceClass,
    Inference,
    Member,
    PcsStatement,
    Relation,
    Section,
)
from .argdown_text import CONTROL, YamlLoader, inline, strip_comments

# relation symbol -> (type, direction): "out" = child -> parent, "in" = parent -> child
SYMBOLS = {
    "+": ("support", "out"), "<+": ("support", "out"), "+>": ("support", "in"),
    "-": ("attack", "out"), "<-": ("attack", "out"), "->": ("attack", "in"),
    "<_": ("undercut", "out"), "_>": ("undercut", "in"), "><": ("contradictory", "in"),
}

_REL_RE = re.compile(r"^([ \t]*)(\+>|->|<\+|<-|><|_>|<_|\+|-(?!-))[ \t]*(.*)$")
_INF_RE = re.compile(r"^[ \t]*(-{2,})(.*)$")
_PCS_RE = re.compile(r"^[ \t]*\((\d+)\)[ \t]*(.*)$")
_LIST_RE = re.compile(r"^([ \t]+)(?:\d+\.|\*)[ \t]+(.*)$")
_HEADING_RE = re.compile(r"^(#+)[ \t]+(.*)$")
_NEW_DEF_RE = re.compile(r"^(?:\[[^\]]+?\]|<[^>]+?>):")
_INF_CLOSE_RE = re.compile(r"^(.*?)[ \t]*-{2,}[ \t]*$")

_STMT_DEF = re.compile(r"^\[([^\]]+?)\]:[ \t]*")  # a title ends at its first ]
_LINK_START = re.compile(r"^\[[^\]]+?\]\([^)]+?\)")
_STMT_REF = re.compile(r"^\[(.+?)\]")
_ARG_DEF = re.compile(r"^<(.+?)>:[ \t]*")
_ARG_REF = re.compile(r"^<(.+?)>")
_OWN_ENTRY = re.compile(r"^argmap: (\{.*\})[ \t]*$", re.MULTILINE)


# -- the parser -------------------------------------------------------------
class _Node:
    __slots__ = ("children", "entity", "kind", "line", "number", "parts")

    def __init__(self, kind: str, line: int, first: str = "", number: int = 0) -> None:
        self.kind = kind  # content | heading | inference
        self.parts = [first] if first else []
        self.line = line
        self.children: list[tuple[str, _Node, int]] = []
        self.number = number
        self.entity: tuple[str, str] | None = None


class _Pcs:
    __slots__ = ("items", "line", "owner")

    def __init__(self, line: int, owner: _Node | None) -> None:
        self.items: list[_Node] = []
        self.line = line
        self.owner = owner


class _Parser:
    def __init__(self, text: str) -> None:
        self.doc = ArgdownDocument()
        self.elements: list[tuple[str, Any]] = []
        self.untitled = 0
        self.section: Section | None = None
        self.section_count = 0
        self.text = text
        self.rel_keys: set[tuple] = set()
        self.tag_seen: set[str] = set()

    def warn(self, line: int, message: str) -> None:
        self.doc.warnings.append((line, message))

    # -- stage 1: lines and blocks --------------------------------------
    def run(self) -> ArgdownDocument:
        text = self.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        if CONTROL.search(text):
            first = text.count("\n", 0, CONTROL.search(text).start()) + 1  # type: ignore
            self.warn(first, "control characters removed")
            text = CONTROL.sub("", text)
        text = self._frontmatter(text)
        text, touched = strip_comments(text)
        block: list[tuple[int, str]] = []
        for i, line in enumerate(text.split("\n")):
            if not line.strip():
                if i in touched:
                    continue  # a comment line does not end a block
                if block:
                    self._block(block)
                    block = []
                continue
            block.append((i + 1, line.rstrip()))
        if block:
            self._block(block)
        self._build()
        return self.doc

    def _frontmatter(self, text: str) -> str:
        stripped = text.lstrip()
        if not stripped.startswith("==="):
            return text
        start = len(text) - len(stripped)
        open_end = start + len(stripped) - len(stripped.lstrip("="))
        close = re.compile(r"={3,}").search(text, open_end)
        if close is None:
            self.warn(1, "front matter '===' is not closed; read as text")
            return text
        body = text[open_end:close.start()]
        line = text.count("\n", 0, start) + 1
        ours = _OWN_ENTRY.search(body)  # our export's entry is JSON: read much faster so
        entry = None
        if ours is not None:
            try:
                entry = json.loads(ours.group(1))
            except (ValueError, RecursionError):
                entry = None
            if isinstance(entry, dict):
                body = body[:ours.start()] + body[ours.end():]
        try:
            data = yaml.load(body, Loader=YamlLoader) if body.strip() else {}
        except (yaml.YAMLError, RecursionError) as exc:
            self.warn(line, f"front matter is not valid YAML ({exc.__class__.__name__}); ignored")
            data = {}
        if data is not None and not isinstance(data, dict):
            self.warn(line, "front matter is not a key: value mapping; ignored")
            data = {}
        if isinstance(entry, dict):
            data = {**(data or {}), "argmap": entry}
        try:
            self.doc.frontmatter = plain(data or {})  # type: ignore[assignment]
        except DataTooLarge as exc:
            self.warn(line, f"front matter is too large ({exc}, counting every use of a "
                      "YAML alias); ignored")
        consumed = text[:close.end()]
        return "\n" * consumed.count("\n") + text[close.end():]

    def _block(self, lines: list[tuple[int, str]]) -> None:
        node: _Node | None = None       # the element being read
        target: _Node | None = None     # where continuation text goes
        stack: list[tuple[int, _Node]] | None = None
        pcs: _Pcs | None = None
        open_inf: _Node | None = None
        heading = in_list = False
        for idx, (ln, raw) in enumerate(lines):
            stripped = raw.strip()
            if open_inf is not None:
                if stripped.startswith("--"):
                    rest = stripped.lstrip("-").strip()
                    if rest:
                        self.warn(ln, f"text after the closing '--' of an inference: {rest!r}; "
                                  "kept with the inference rules")
                        open_inf.parts.append(rest)
                    open_inf, target = None, None
                    continue
                if not _PCS_RE.match(raw):
                    open_inf.parts.append(stripped)
                    continue
                self.warn(open_inf.line, "inference is not closed with '--'")
                open_inf = None
            if idx == 0:
                m = _HEADING_RE.match(raw)
                if m:
                    node = _Node("heading", ln, m.group(2), len(m.group(1)))
                    self.elements.append(("heading", node))
                    target, heading = node, True
                    continue
            m = _INF_RE.match(raw)
            if m and pcs is not None:
                inf = _Node("inference", ln)
                pcs.items.append(inf)
                rest = m.group(2).strip()
                closed = _INF_CLOSE_RE.match(rest) if rest else None
                if closed:
                    inf.parts.append(closed.group(1))
                elif rest:
                    inf.parts.append(rest)
                    open_inf = inf
                else:
                    nxt = lines[idx + 1][1] if idx + 1 < len(lines) else ""
                    if nxt and not _PCS_RE.match(nxt) and not _REL_RE.match(nxt):
                        open_inf = inf  # a multi-line inference: rules until '--'
                stack, target = [(-1, inf)], None
                continue
            if m:
                self.warn(ln, "'--' outside a premise-conclusion structure; read as text")
            m = _PCS_RE.match(raw)
            if m:
                if pcs is None:
                    owner = node if (node is not None and not heading and self.elements
                                     and self.elements[-1][1] is node) else None
                    if owner is None and self.elements and self.elements[-1][0] == "content":
                        owner = self.elements[-1][1]
                    pcs = _Pcs(ln, owner)
                    self.elements.append(("pcs", pcs))
                    heading = False
                st = _Node("content", ln, m.group(2), int(m.group(1)))
                pcs.items.append(st)
                target, stack = st, [(-1, st)]
                continue
            m = _REL_RE.match(raw)
            if m and heading:
                self.warn(ln, "relation right under a heading; its statement or argument is "
                          "read as a new top-level one")
                node = _Node("content", ln, m.group(3))
                self.elements.append(("content", node))
                target, stack, pcs, heading = node, [(-1, node)], None, False
                continue
            if m:
                if stack is None:
                    prev = self.elements[-1][1] if self.elements else None
                    if isinstance(prev, _Node) and prev.kind == "content":
                        self.warn(ln, "relation after an empty line; attached to the "
                                  "statement or argument before it")
                        stack = [(-1, prev)]
                    else:
                        self.warn(ln, "relation without a statement or argument above it; "
                                  "read as text")
                if stack is not None:
                    level = self._level(stack, len(m.group(1)))
                    child = _Node("content", ln, m.group(3))
                    stack[-1][1].children.append((m.group(2), child, ln))
                    stack.append((level, child))
                    target = child
                    if not m.group(3):
                        self.warn(ln, f"relation '{m.group(2)}' without a statement or argument")
                    continue
            m = _LIST_RE.match(raw)
            if m and (node is None or in_list):
                node = _Node("content", ln, m.group(2))
                self.elements.append(("content", node))
                target, stack, pcs, heading, in_list = node, [(-1, node)], None, False, True
                continue
            if target is not None and not (node is not None and _NEW_DEF_RE.match(raw)
                                           and pcs is None):
                target.parts.append(stripped)
                continue
            if target is not None:
                self.warn(ln, "a new statement or argument starts without an empty line")
            node = _Node("content", ln, stripped)
            self.elements.append(("content", node))
            target, stack, pcs, heading = node, [(-1, node)], None, False
        if open_inf is not None:
            self.warn(open_inf.line, "inference is not closed with '--'")

    @staticmethod
    def _level(stack: list[tuple[int, _Node]], indent: int) -> int:
        """Pop ``stack`` to the parent of a relation line indented ``indent``; its level.

        Argdown's rule: a deeper line is a child of the line above; a line
        dedented to no earlier level is a sibling of the nearest shallower
        line, at that line's level (Python would call it an error).
        """
        if len(stack) > 1 and indent <= stack[-1][0]:
            while len(stack) > 1 and indent < stack[-1][0]:
                stack.pop()
            if len(stack) > 1:
                return stack.pop()[0]
        return indent

    # -- stage 2: the model ------------------------------------------------
    def _title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def _build(self) -> None:
        for kind, el in self.elements:
            if kind == "heading":
                self._heading(el)
            elif kind == "content":
                self._content(el, TOP)
            else:
                self._pcs(el)
        self._transform()

    def _heading(self, node: _Node) -> None:
        text, tags, data, problems = inline(" ".join(node.parts))
        for p in problems:
            self.warn(node.line, p)
        self.section_count += 1
        sec = Section(f"s{self.section_count}", node.number, text, node.line, data, tags)
        prev = self.section
        while prev is not None and prev.level >= sec.level:
            prev = prev.parent
        if prev is None:
            self.doc.sections.append(sec)
        else:
            prev.children.append(sec)
            sec.parent = prev
        self.section = sec
        self._tags(tags)

    def _tags(self, tags: list[str]) -> None:
        for t in tags:
            if t not in self.tag_seen:
                self.tag_seen.add(t)
                self.doc.tags.append(t)

    def _content(self, node: _Node, role: str, in_argument: str = "") -> tuple[str, str]:
        """Read a statement or argument node and the tree of its relations: its entity.

        Depth first, without recursion (a relation tree may be thousands of
        lines deep): entities in the order of their lines, each relation once
        the subtree below it is read, as Argdown lists them.
        """
        entity = self._entity(node, role)
        work: list[tuple[_Node, Iterator[tuple[str, _Node, int]], tuple | None]] = [
            (node, iter(node.children), None)]
        while work:
            current, children, link = work[-1]
            step = next(children, None)
            if step is None:
                work.pop()
                if link is not None:
                    sym, above, line = link
                    self._relation(sym, above, current.entity, line)  # type: ignore[arg-type]
                continue
            sym, child, line = step
            self._entity(child, REL)
            work.append((child, iter(child.children), (sym, current.entity, line)))
        return entity

    def _entity(self, node: _Node, role: str) -> tuple[str, str]:
        """The statement or argument of one node (its relations not yet read)."""
        raw = " ".join(node.parts)
        kind, title, is_ref = STATEMENT, "", False
        m = _STMT_DEF.match(raw)
        if m:
            title, raw = m.group(1).strip(), raw[m.end():]
        elif not _LINK_START.match(raw) and (m := _STMT_REF.match(raw)):
            title, raw, is_ref = m.group(1).strip(), raw[m.end():], True
        elif m := _ARG_DEF.match(raw):
            kind, title, raw = ARGUMENT, m.group(1).strip(), raw[m.end():]
        elif m := _ARG_REF.match(raw):
            kind, title, raw, is_ref = ARGUMENT, m.group(1).strip(), raw[m.end():], True
        text, tags, data, problems = inline(raw)
        for p in problems:
            self.warn(node.line, p)
        if is_ref and text:
            what = f"[{title}]" if kind == STATEMENT else f"<{title}>"
            self.warn(node.line, f"text after the reference {what} (no ':'); read as its text")
            is_ref = False
        if kind == ARGUMENT and role in (PREMISE, ICONC):
            self.warn(node.line, f"argument <{title}> used as a statement of a premise-"
                      "conclusion structure; read as a statement with that title")
            kind = STATEMENT
        self._tags(tags)
        if kind == STATEMENT:
            untitled = not title
            if untitled:
                title = self._title()
            member = Member(title, text, role, node.line, is_ref, tags, data, self.section)
            ec = self.doc.statements.get(title)
            if ec is None:
                ec = self.doc.statements[title] = EquivalenceClass(title, untitled)
            ec.members.append(member)
            if tags:
                ec.tags = list(dict.fromkeys(ec.tags + tags))
            ec.data.update(data)
            if ec.section is None and not is_ref:
                ec.section = self.section
        else:
            member = Member(title, text, DESC, node.line, is_ref, tags, data, self.section)
            arg = self.doc.arguments.get(title)
            if arg is None:
                arg = self.doc.arguments[title] = Argument(title, False, node.line)
            arg.members.append(member)
            if tags:
                arg.tags = list(dict.fromkeys(arg.tags + tags))
            arg.data.update(data)
            if arg.section is None and not is_ref:
                arg.section = self.section
        node.entity = (kind, title)
        return node.entity

    def _relation(self, sym: str, parent: tuple[str, str], child: tuple[str, str],
                  line: int, parent_step: int = -1) -> None:
        rtype, direction = SYMBOLS[sym]
        src, dst, step = (child, parent, parent_step) if direction == "out" else (parent, child, -1)
        if rtype == "contradictory" and ARGUMENT in (src[0], dst[0]):
            self.warn(line, "contradiction '><' with an argument: Argdown allows it only "
                      "between statements")
        rel = Relation(rtype, src[0], src[1], dst[0], dst[1], line, step)
        if src[0] == INFERENCE:
            self.warn(line, f"relation from an inference of <{src[1]}>; an inference can only "
                      "be undercut")
            return
        self._add_relation(rel)

    def _add_relation(self, rel: Relation) -> None:
        key = (rel.type, rel.source_kind, rel.source, rel.target_kind, rel.target,
               rel.target_step)
        if key in self.rel_keys or (rel.type == "contradictory" and (
                rel.type, rel.target_kind, rel.target, rel.source_kind, rel.source, -1)
                in self.rel_keys):
            return
        self.rel_keys.add(key)
        self.doc.relations.append(rel)

    def _pcs(self, pcs: _Pcs) -> None:
        owner = None
        if pcs.owner is not None and pcs.owner.entity and pcs.owner.entity[0] == ARGUMENT:
            owner = self.doc.arguments[pcs.owner.entity[1]]
        if owner is None:
            title = self._title()
            owner = self.doc.arguments[title] = Argument(title, True, pcs.line,
                                                         section=self.section)
        if owner.pcs:
            self.warn(pcs.line, f"second premise-conclusion structure for <{owner.title}>; "
                      "it replaces the first, as in Argdown")
        owner.pcs = []
        owner.pcs_line = pcs.line
        pending: Inference | None = None
        for item in pcs.items:
            if item.kind == "inference":
                if pending is not None:
                    self.warn(item.line, "two inferences without a conclusion between them")
                text, _, data, problems = inline(" ".join(item.parts))
                for p in problems:
                    self.warn(item.line, p)
                rules = [r.strip() for r in text.split(",") if r.strip()]
                pending = Inference(rules, data, item.line)
                for sym, child, line in item.children:
                    if sym != "<_":
                        self.warn(line, f"only undercuts '<_' may follow an inference; "
                                  f"'{sym}' read as an undercut")
                    self._relation("<_", (INFERENCE, owner.title), self._content(child, REL),
                                   line, parent_step=len(owner.pcs))
                continue
            role = ICONC if pending is not None else PREMISE
            _, title = self._content(item, role, owner.title)
            owner.pcs.append(PcsStatement(title, role, item.number, item.line, pending))
            pending = None
        if pending is not None:
            self.warn(pending.line, f"<{owner.title}>: the last inference has no conclusion")
        if owner.pcs and owner.pcs[-1].role == ICONC:
            owner.pcs[-1].role = MAIN
            for m in self.doc.statements[owner.pcs[-1].title].members:
                if m.line == owner.pcs[-1].line and m.role == ICONC:
                    m.role = MAIN
        else:
            self.warn(pcs.line, f"<{owner.title}>: premise-conclusion structure without a "
                      "conclusion (no '----' line before the last statement)")
        for st in owner.pcs:
            for m in self.doc.statements[st.title].members:
                if m.line == st.line and m.role in (PREMISE, ICONC, MAIN):
                    m.role = st.role

    def _transform(self) -> None:
        """Argdown's own post-processing of relations of reconstructed arguments."""
        args = self.doc.arguments
        out: list[Relation] = []
        seen: set[tuple] = set()
        for rel in self.doc.relations:
            if rel.source_kind == ARGUMENT and args[rel.source].reconstructed:
                name = rel.source
                conclusion = args[name].pcs[-1].title
                rel.transformed = f"from <{name}>"
                rel.source_kind, rel.source = STATEMENT, conclusion
                if rel.target_kind == STATEMENT and rel.target == conclusion:
                    if rel.type != "support":
                        self.warn(rel.line, f"<{name}> {rel.type}s its own conclusion "
                                  f"[{conclusion}]; relation left out")
                    continue
            if (rel.target_kind == ARGUMENT and rel.type == "undercut"
                    and args[rel.target].reconstructed):
                rel.transformed = (rel.transformed + " " if rel.transformed else "") + \
                    f"to <{rel.target}>"
                rel.target_kind, rel.target_step = INFERENCE, len(args[rel.target].pcs) - 1
            key = (rel.type, rel.source_kind, rel.source, rel.target_kind, rel.target,
                   rel.target_step)
            if key in seen:
                continue
            seen.add(key)
            out.append(rel)
        self.doc.relations = out


def parse_argdown(text: str) -> ArgdownDocument:
    """Parse Argdown source into its document model (never raises on bad input)."""
    return _Parser(text).run()
