"""Argument map -> Argdown source that Argdown reads and we read back unchanged.

Layout of the output, the way people write Argdown:

* front matter: ``title``, ``subTitle`` (the description), tag colours as
  ``color: tagColors``, and everything else in one ``argmap:`` entry (language,
  direction, sources; relation ids and notes and the order of relations and
  claims where the text cannot show them);
* one statement per claim: ``[title]: text #tag {"speaker": ..., "quote": ...}``,
  titled as it was in Argdown (else with its id), a sketched argument read from
  Argdown again as ``<Title>: text``, under the headings it stood under;
* plain supports and attacks as relation lines, grouped under each target:
  ``[target]`` / ``<+ [premise]`` / ``<- [premise]``; an undercut as
  ``<argument>`` / ``<_ [premise]``;
* an argument only where the map needs one: linked premises, a relation an
  undercut aims at, a reconstructed argument read from Argdown.  A support is
  a premise-conclusion structure, an attack or undercut an argument its
  premises support and that attacks (``->``) or undercuts (``_>``) the target;
  ``{"argmap": "attack"}`` marks these, so the importer makes exactly that
  relation of them again;
* a relation that names a scheme is such an argument too, the scheme in its
  metadata as AIFdb spells it: ``<r1> {"argmap": "support", "scheme": "Expert
  Opinion"}`` (the steps of a reconstructed argument: on their inference);
* a rephrase, which Argdown has no relation for, as metadata of the restating
  statement: ``[later]: text {"rephrases": "earlier"}`` (the title of the
  statement it restates; ``"<title>"`` for an argument, a list for several).

Text is escaped where Argdown would read syntax into it (mentions ``@[Title]``
stay as they are); a text Argdown cannot carry (line breaks, leading spaces,
empty) also goes into the metadata as ``"text"``.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from ..model import ArgumentMap, Claim, Relation
from ._common import sources_to_ext
from .argdown_model import (
    CONTRADICTION,
    NO_GROUP,
    parse_provenance,
    provenance_line,
    relation_entry,
    relation_extras,
    scheme_label,
)
from .argdown_text import SHORTCODES, SPAN

#: a mention of a statement or argument, ``@[Title]`` / ``@<Title>``: kept as written
MENTION = r"@\[[^\]\[<>{}#*_/\\\n]+\]|@<[^<>\[\]{}#*_/\\\n]+>"
#: what is escaped, and what is kept exactly as written: mentions, and Argdown's "special
#: character" runs (``.x.``, ``:x:``), inside which a backslash would stay in the text
_SCAN = re.compile(MENTION + "|" + SPAN + r"|[\\\[\]<>{}#*_@]|/(?=[/*])")
_BARE_TAG = re.compile("^[A-Za-z0-9\\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+$")
_LONG_TAG = re.compile(r"^[^()\\{}\[\]<>/\n]+$")
#: a claim's base score when the map gives none (not written)
DEFAULT_BASE = 0.5
META_FIELDS = ("en", "kind", "speaker", "source", "quote", "note", "pos", "ref", "base")


def escape(text: str) -> str:
    """One line of text with everything Argdown would read as syntax escaped.

    Mentions (``@[Title]``, ``@<Title>``) and runs Argdown keeps literally
    (``www.example.org/a_b.``, ``http://x.org:8080/p:`` up to the next dot or
    colon) are left alone, so that they work and read back without backslashes;
    a shortcode (``.^.``) gets its first character escaped.
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


def claim_line(claim: Claim, head: str = "", note: str | None = None,
               tags: list[str] | None = None, shown: str | None = None,
               rephrases: list[str] | None = None) -> str:
    """One claim as a statement ``[id]: text`` (or ``head``: text).

    ``note`` and ``tags`` replace the claim's own where the form of the line
    already says part of them; ``shown`` is the text Argdown shows (a claim
    that refers into another map shows the text it refers to); ``rephrases``:
    the titles of the statements it restates.
    """
    head = head or f"[{claim.id}]"
    written = " ".join((claim.text if shown is None else shown).split())
    meta: list[tuple[str, object]] = []
    for name in META_FIELDS:
        value = getattr(claim, name, None)
        if name == "note" and note is not None:
            value = note
        if name == "kind":
            if value != "claim":
                meta.append((name, value))
        elif name == "pos":
            if value is not None:
                meta.append((name, [_num(value[0]), _num(value[1])]))
        elif name == "base":
            if value is not None and value != DEFAULT_BASE:
                meta.append((name, _num(value)))
        elif value:
            meta.append((name, value))
    tag_text, tag_meta = _tags(claim.tags if tags is None else tags)
    if tag_meta is not None:
        meta.append(("tags", tag_meta))
    if written != claim.text or not written:
        meta.append(("text", claim.text))
    if rephrases:
        meta.append(("rephrases", rephrases[0] if len(rephrases) == 1 else list(rephrases)))
    head = f"{head}: {escape(written)}" if written else head
    return " ".join(p for p in (head, tag_text) if p) + _meta(meta)


def _num(v: float) -> int | float:
    return int(v) if float(v) == int(v) else float(v)




def _frontmatter(amap: ArgumentMap, extra: dict[str, object]) -> list[str]:
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
    if amap.conclusion:
        ext["conclusion"] = dict(amap.conclusion)
    if amap.display.direction != "TB":
        ext["direction"] = amap.display.direction
    if amap.schemes:
        ext["schemes"] = amap.schemes
    if amap.sources:
        ext["sources"] = sources_to_ext(amap)
    ext.update(extra)
    lines.append(f"argmap: {js(ext)}")
    lines.append("===")
    return lines


def relation_title(rel: Relation) -> str:
    """The argument title a relation gets: its id, or its key."""
    return rel.id or rel.key


_USABLE = {"[": re.compile(r"[^\[\]\n]+"), "<": re.compile(r"[^<>\[\]\n]+")}
_ARG_NOTE = re.compile(r"<([^<>\[\]\n]+)>(?::[ ]?(.*?))?(?: \| |$)", re.DOTALL)
#: notes the importer gives what Argdown says of arguments
_ABOUT_ARG = re.compile(r"Argdown: (supports|attacks) the argument <([^<>\[\]\n]+)>")
_STEP_NOTE = re.compile(r"<([^<>\[\]\n]+)>, step (\d+) of (\d+)(?: \| |$)")
_LAST_STEP = re.compile(r" \| <([^<>\[\]\n]+)>, step (\d+) of (\d+)(?: \| |$)")
_RULES_NOTE = re.compile(r"(?:^| \| )Inference: ([^|\n]+?)(?: \| |$)")


def _group(path: list[tuple[int, str]]) -> str | None:
    """The title of the innermost heading that is a group: the tag a statement gets."""
    return next((t for _, t in reversed(path) if not t.endswith(NO_GROUP)), None)


class _Writer:
    """Decides titles and forms, then writes the blocks in order."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.head: dict[str, str] = {}       # claim id -> "[title]" or "<title>"
        self.note: dict[str, str] = {}       # claim id -> the note without its Argdown line
        self.path: dict[str, list[tuple[int, str]]] = {}
        self.ids: dict[str, str] = {}        # "[title]" -> claim id, where they differ
        self.arg_title: dict[str, str] = {}  # relation key -> its argument's title
        self._claims()
        self._relation_titles()
        #: claim id -> the titles of the claims it restates (its rephrases)
        self.restates: dict[str, list[str]] = {}
        for r in amap.relations:
            if r.type == "rephrase" and r.premises:
                self.restates.setdefault(r.premises[0], []).append(self._title(r.target))

    def _claims(self) -> None:
        taken = {"[": set(self.amap.claims), "<": set()}
        for cid, claim in self.amap.claims.items():
            prov = parse_provenance(claim.note)
            if prov is not None:
                kind, title, path, rest = prov
                line = claim.note.rpartition("\n")[2]
                group = _group(path)
                if (provenance_line(kind, title, path, cid) == line
                        and _USABLE[kind].fullmatch(title) and title == title.strip()
                        and (title == cid or title not in taken[kind])
                        and (group is None or group in claim.tags)
                        and all(t and t == t.strip() for _, t in path)
                        and (not path or self._shown(claim).strip())):  # a reference has
                    # no section in Argdown: only a statement with text stands under a heading
                    taken[kind].add(title)
                    self.head[cid] = f"[{title}]" if kind == "[" else f"<{title}>"
                    self.note[cid], self.path[cid] = rest, path
                    if title != cid or kind == "<":
                        self.ids[self.head[cid]] = cid
                    continue
            self.head[cid] = f"[{cid}]"

    def _relation_titles(self) -> None:
        """Argument titles; reconstructed arguments read from Argdown, step by step."""
        rels = [r for r in self.amap.relations if r.premises and r.type != "rephrase"]
        undercut = {r.target for r in rels if r.type == "undercut"}
        uses = Counter(p for r in rels if r.type != "undercut" for p in r.premises)
        steps: dict[tuple[str, int, int], Relation] = {}
        for rel in rels:
            m = _STEP_NOTE.match(rel.note)
            if m and rel.type == "support" and rel.key not in undercut and self._statements(rel):
                steps.setdefault((m.group(1), int(m.group(2)), int(m.group(3))), rel)
        self.chain: dict[str, list[Relation]] = {}   # final step's key -> the steps
        self.in_chain: dict[str, str] = {}           # key of an earlier step -> final's key
        self.via_premise: set[str] = set()
        self.dup: set[str] = set()
        seen: set[tuple] = set()
        taken = {h[1:-1] for h in self.head.values() if h[0] == "<"}
        for rel in rels:
            m = _ARG_NOTE.match(rel.note)
            if m and rel.type == "support" and self._statements(rel):
                last = _LAST_STEP.search(rel.note)
                if last and last.group(1) == m.group(1) and last.group(2) == last.group(3):
                    n = int(last.group(3))
                    chain = [r for k in range(1, n) if (r := steps.get((m.group(1), k, n)))]
                    if len(chain) == n - 1 and not any(r.key in self.in_chain for r in chain):
                        self.chain[rel.key] = [*chain, rel]
                        self.in_chain.update((r.key, rel.key) for r in chain)
                self.chain.setdefault(rel.key, [rel])
            elif (rel.key in undercut and rel.type != "undercut" and not rel.linked
                  and not rel.scheme and self.head.get(rel.premises[0], "[")[0] == "<"
                  and uses[rel.premises[0]] == 1):
                # a sketched argument with this one relation: undercut as <Sketch>
                self.via_premise.add(rel.key)
                self.arg_title[rel.key] = self.head[rel.premises[0]][1:-1]
                continue
            ends = (rel.type, tuple(rel.premises), rel.target)
            if ends in seen:
                self.dup.add(rel.key)  # Argdown reads a relation line twice as one
            seen.add(ends)
            mine = () if rel.key in self.dup and not rel.id else (relation_title(rel),)
            for title in ((m.group(1),) if m else ()) + mine:
                if title not in taken and title == title.strip():
                    break
            else:
                n = 2
                while f"{relation_title(rel)}-{n}" in taken:
                    n += 1
                title = f"{relation_title(rel)}-{n}"
            taken.add(title)
            self.arg_title[rel.key] = title
        #: title of a reconstructed argument -> its last step
        self.chain_final = {self.arg_title[k]: c[-1] for k, c in self.chain.items()}

    def _statements(self, rel: Relation) -> bool:
        """Whether the premises and target are statements (a PCS holds only those)."""
        return all(self.head.get(c, "[")[0] == "[" for c in (*rel.premises, rel.target))

    # -- claims ----------------------------------------------------------------
    def claim_blocks(self) -> tuple[list[str], list[str]]:
        """The statement lines under their headings, and the claim order written."""
        groups: dict[tuple, list[str]] = {}
        for cid in self.amap.claims:
            groups.setdefault(tuple(self.path.get(cid, ())), []).append(cid)
        blocks: list[str] = []
        order: list[str] = []
        prev: tuple = ()
        for path, cids in sorted(groups.items(), key=lambda kv: bool(kv[0])):
            common = 0
            while common < min(len(path), len(prev)) and path[common] == prev[common]:
                common += 1
            if path and common == len(path):
                common -= 1  # back to a heading above: it is written again
            for level, text in path[common:]:
                title = text.removesuffix(NO_GROUP)
                blocks.append("#" * level + " " + (escape(title) or "\\#")
                              + (_meta([("isGroup", False)]) if title != text else ""))
            prev = path
            for cid in cids:
                blocks.append(self._claim(cid))
                order.append(cid)
        return blocks, order

    def _claim(self, cid: str) -> str:
        claim = self.amap.claims[cid]
        tags = claim.tags
        group = _group(self.path.get(cid, []))
        if tags and tags[-1] == group and group not in tags[:-1]:
            tags = tags[:-1]  # the heading gives it back
        return claim_line(claim, self.head[cid], self.note.get(cid), tags, self._shown(claim),
                          self.restates.get(cid))

    def _title(self, cid: str) -> str:
        """How a rephrase names the claim it restates: its statement's title, or
        ``<title>`` for a claim written as an argument."""
        head = self.head.get(cid, f"[{cid}]")
        return head[1:-1] if head[0] == "[" else head

    @staticmethod
    def _shown(claim: Claim) -> str:
        """The text Argdown shows: a claim that refers into another map shows that text."""
        return (claim.display().text or claim.text) if claim.ref else claim.text

    # -- relations ---------------------------------------------------------------
    def relation_blocks(self) -> tuple[list[str], list[Relation]]:
        """Relation lines grouped under each target, and arguments; the relations in
        the order the importer will read them."""
        rels = [r for r in self.amap.relations if r.premises and r.type != "rephrase"]
        undercut = {r.target for r in rels if r.type == "undercut"}
        blocks: list[str] = []
        read: list[list[Relation]] = []
        group_at: dict[str, int] = {}
        by_ends = {(r.type, r.premises[0], r.target): r for r in rels
                   if not r.linked and r.key not in undercut}
        paired: set[str] = set()
        arg_at: dict[str, int] = {}  # argument title -> its block
        for rel in rels:
            if rel.key in self.in_chain:
                continue
            if rel.key in self.chain:
                arg_at[self.arg_title[rel.key]] = len(blocks)
                blocks.append(self._reconstruction(self.chain[rel.key]))
                read.append(self.chain[rel.key])
                continue
            if rel.linked or rel.scheme or rel.key in self.dup or (
                    rel.key in undercut and rel.key not in self.via_premise):
                arg_at[self.arg_title[rel.key]] = len(blocks)
                blocks.append(self._argument(rel))
                read.append([rel])
                continue
            if rel.key in paired:
                continue
            group = [rel]
            if rel.type == "undercut":
                target = "<" + self.arg_title.get(rel.target, rel.target) + ">"
            else:
                target = self._ref(rel.target)
            sym = {"support": "<+", "attack": "<-", "undercut": "<_"}[rel.type]
            other = by_ends.get((rel.type, rel.target, rel.premises[0]))
            about = _ABOUT_ARG.fullmatch(rel.note)
            if (rel.note == CONTRADICTION and rel.type == "attack" and other is not None
                    and other.note == CONTRADICTION and other.key not in undercut):
                # read as two attacks, one each way: written as the contradiction again
                target, sym = self._ref(rel.premises[0]), "><"
                group.append(other)
                paired.add(other.key)
                line = f"  >< {self._ref(rel.target)}"
            elif about and about.group(2) in self.chain_final and (
                    (about.group(1), rel.type) in (("supports", "support"),
                                                   ("attacks", "undercut"))):
                final = self.chain_final[about.group(2)]
                if rel.target in (final.target, final.key):
                    target = f"<{about.group(2)}>"
                    sym = "<+" if rel.type == "support" else "<-"
            line = f"  {sym} {self._ref(rel.premises[0])}" if sym != "><" else line
            if target not in group_at:
                group_at[target] = len(blocks)
                blocks.append(target)
                read.append([])
            blocks[group_at[target]] += "\n" + line
            read[group_at[target]] += group
        for target, at in group_at.items():  # lines under an argument go into its block
            if target[0] == "<" and target[1:-1] in arg_at:
                lines = blocks[arg_at[target[1:-1]]].split("\n")
                more = blocks[at].split("\n")[1:]
                if len(lines) > 1 and not lines[1]:
                    lines[1:1] = more  # above its premise-conclusion structure
                else:
                    lines += more
                blocks[arg_at[target[1:-1]]], blocks[at] = "\n".join(lines), ""
        # (such lines are undercuts or carry a note: the table keeps their order)
        return [b for b in blocks if b], [r for group in read for r in group]

    def _ref(self, cid: str) -> str:
        return self.head.get(cid, f"[{cid}]")

    def _reconstruction(self, chain: list[Relation]) -> str:
        """A reconstructed argument read from Argdown: its steps as one PCS again."""
        final = chain[-1]
        m = _ARG_NOTE.match(final.note)
        desc = escape(m.group(2) or "") if m else ""
        title = self.arg_title[final.key]
        head = f"<{title}>: {desc}" if desc else f"<{title}>"
        if final.scheme:
            head += _meta([("scheme", scheme_label(final.scheme, self.amap))])
        lines = [head, ""]
        number: dict[str, int] = {}
        since: list[str] = []
        prev, n = "", 0
        for rel in chain:
            for p in rel.premises:
                if p not in number:
                    n += 1
                    number[p] = n
                    lines.append(f"({n}) {self._ref(p)}")
                    since.append(p)
            rules = _RULES_NOTE.search(rel.note)
            inf = escape(rules.group(1)) if rules else ""
            meta: list[tuple[str, object]] = []
            if ([prev] if prev else []) + since != rel.premises:
                meta.append(("uses", [number[p] for p in rel.premises]))
            if rel.scheme and rel is not final:     # the last step's is the argument's
                meta.append(("scheme", scheme_label(rel.scheme, self.amap)))
            inf += _meta(meta)
            lines.append(f"-- {inf.strip()} --" if inf else "----")
            n += 1
            lines.append(f"({n}) {self._ref(rel.target)}")
            number.setdefault(rel.target, n)
            prev, since = rel.target, []
        return "\n".join(lines)

    def _argument(self, rel: Relation) -> str:
        title = self.arg_title[rel.key]
        desc = escape(rel.note)
        head = f"<{title}>: {desc}" if desc else f"<{title}>"
        meta: list[tuple[str, object]] = [("argmap", rel.type)]
        if rel.scheme:
            meta.append(("scheme", scheme_label(rel.scheme, self.amap)))
        head += _meta(meta)
        premises = [self._ref(p) for p in rel.premises]
        if rel.type == "support" and self._statements(rel):
            lines = [head, ""] + [f"({i}) {p}" for i, p in enumerate(premises, 1)]
            lines += ["----", f"({len(premises) + 1}) {self._ref(rel.target)}"]
            return "\n".join(lines)
        lines = [head] + [f"  <+ {p}" for p in premises]
        if rel.type == "undercut":
            lines.append(f"  _> <{self.arg_title.get(rel.target, rel.target)}>")
        else:
            sym = "+>" if rel.type == "support" else "->"
            lines.append(f"  {sym} {self._ref(rel.target)}")
        return "\n".join(lines)


def export_argdown(amap: ArgumentMap) -> str:
    """The map as Argdown text (UTF-8, ``\\n`` line ends)."""
    writer = _Writer(amap)
    claim_blocks, order = writer.claim_blocks()
    rel_blocks, read = writer.relation_blocks()
    extra: dict[str, object] = {}
    if writer.ids:
        extra["ids"] = writer.ids
    if order != list(amap.claims):
        extra["claim_order"] = list(amap.claims)
    rels = [r for r in amap.relations if r.premises]
    if (any(r.id or r.note or r.type in ("undercut", "rephrase")  # an undercut's target
            or relation_extras(r) for r in rels)  # may get an id on import; a rephrase is
            or [id(r) for r in read] != [id(r) for r in rels]):       # read with its claim
        extra["relations"] = [relation_entry(r) for r in rels]
    blocks = ["\n".join(_frontmatter(amap, extra))] + claim_blocks
    if not amap.claims:
        # Argdown wants at least one element after the front matter; a heading
        # makes no statement, so the map reads back empty
        blocks.append("# " + (escape(amap.title) or "Empty map"))
    blocks += rel_blocks
    return "\n\n".join(blocks) + "\n"
