"""Argdown -> argument map.

How Argdown's concepts become claims and relations (docs/interchange.md has
the full table):

* every statement equivalence class (same ``[title]``) is one claim; the first
  text is the claim text, other formulations go into the note;
* an argument **with** a premise-conclusion structure becomes relations, not
  a claim: each inference is a support from its premises (several = a linked
  argument) to its conclusion; the last one gets the argument's id and its
  description, inference rules and metadata as note;
* an argument **without** one (a "sketched" argument) is a reason in its own
  right: it becomes a claim whose text is its description;
* ``+``/``-`` relations are support/attack, ``><`` is a mutual attack, ``<_``
  an undercut of the argument's (last) inference;
* untitled statements in no relation, without tags or metadata (the prose
  between statements), go into the map description; headings become tags
  (and, with the title as written, the last line of the claim's note:
  ``Argdown: [Statement 1] in # Heading``, for the way back);
  ``{key: value}`` metadata fills claim fields (speaker, source, quote, en,
  kind, note, pos, tags) or the note; ``{rephrases: "Title"}`` (or a list)
  makes the statement a rephrase of the statement titled so (``"<Title>"``:
  of that argument).
* ``{scheme: "Expert Opinion"}`` on an argument (or an inference) is the
  scheme of its relation(s), as the catalogue names it where it has it.

What has no exact counterpart is approximated and reported as a warning with
its line number.
"""

from __future__ import annotations

import copy
import os
from typing import Any

from ..conclusions import conclusion_from
from ..model import CLAIM_KINDS, DIRECTIONS, ArgumentMap, Claim, Relation, Source
from ._common import (
    IdAllocator,
    ImportResult,
    finite_pos,
    join_note,
    short,
    slugify,
    sources_from_ext,
    valid_id,
    warn,
    words_slug,
)
from .argdown_model import (
    CONTRADICTION,
    NO_GROUP,
    data_scheme,
    provenance_line,
    restore,
    tag_colors,
)
from .argdown_parse import (
    ARGUMENT,
    INFERENCE,
    STATEMENT,
    TOP,
    ArgdownDocument,
    Argument,
    EquivalenceClass,
    parse_argdown,
)
from .argdown_parse import (
    Relation as DRelation,
)
from .safe_text import clean_map

#: front matter keys the importer reads (others are reported as not imported)
KNOWN_FRONTMATTER = ("title", "subTitle", "subtitle", "author", "date", "abstract", "lang",
                     "argmap", "color")
MARKER = "argmap"  # argument metadata key our exporter writes: {"argmap": "attack"}


def import_argdown(text: str, file: str = "", *, keep_prose: bool = False,
                   lang: str | None = None) -> ImportResult:
    """Read Argdown source into a map; never raises on bad input.

    ``keep_prose``: untitled statements in no relation become claims too
    (by default they are text between the statements and go into the map
    description).  ``lang``: the map language if the file does not say.
    """
    result = _Mapper(parse_argdown(text), file, keep_prose, lang).run()
    result.warnings += clean_map(result.map, file)
    return result


class _Mapper:
    def __init__(self, doc: ArgdownDocument, file: str, keep_prose: bool,
                 lang: str | None) -> None:
        self.doc, self.file, self.keep_prose, self.lang = doc, file, keep_prose, lang
        self.warnings = [warn(msg, file, line) for line, msg in doc.warnings]
        self.amap = ArgumentMap()
        self.ids = IdAllocator()
        self.claim_of_ec: dict[str, str] = {}
        self.claim_of_arg: dict[str, str] = {}
        self.rel_of_arg: dict[str, Relation] = {}
        self.step_rel: dict[tuple[str, int], Relation] = {}
        self.rels: list[tuple[int, int, Relation]] = []
        self.rel_index: dict[tuple, Relation] = {}
        #: supports and attacks by premise, for undercuts of sketched arguments
        self.by_premise: dict[str, list[Relation]] = {}
        self.markers: dict[str, str] = {}
        self.consumed: set[int] = set()
        self.deferred: list[tuple[str, tuple[str, Any], int, str]] = []
        self.marker_parts: dict[str, tuple[list[DRelation], DRelation]] = {}
        self.pending: dict[str, tuple[list[str], DRelation, int, str]] = {}
        #: (claim id, the claim its ``rephrases`` metadata names, line)
        self.rephrase_data: list[tuple[str, str, int]] = []
        #: claim id of a sketched argument -> the scheme its metadata names
        self.arg_scheme: dict[str, str] = {}
        self.verbatim = isinstance(doc.frontmatter.get(MARKER), dict)
        self.ext: dict[str, Any] = doc.frontmatter[MARKER] if self.verbatim else {}
        ids = self.ext.get("ids")
        #: our own export: "[title]" / "<title>" -> claim id, where they differ
        self.title_ids: dict[str, Any] = ids if isinstance(ids, dict) else {}

    def w(self, line: int, message: str) -> None:
        self.warnings.append(warn(message, self.file, line))

    # -- driver --------------------------------------------------------------
    def run(self) -> ImportResult:
        self._header()
        self._find_markers()
        self._claims()
        for arg in self.doc.arguments.values():
            if arg.title in self.markers:
                self._marker_relation(arg)
            elif arg.reconstructed:
                self._inferences(arg)
        for i, rel in enumerate(self.doc.relations):
            if i not in self.consumed:
                self._relation(rel)
        while self.pending:
            self._realize(next(iter(self.pending)))
        for src, target, line, note in self.deferred:
            self._undercut(src, target, line, note)
        for _, _, made in self.rels:    # a sketched argument's scheme: its relations'
            if not made.scheme and len(made.premises) == 1:
                made.scheme = self.arg_scheme.get(made.premises[0], "")
        self._rephrases()
        self.rels.sort(key=lambda t: (t[0], t[1]))
        self.amap.relations = [r for _, _, r in self.rels]
        for problem in restore(self.amap, self.ext):
            self.w(1, problem)
        return ImportResult(self.amap, sorted(self.warnings, key=lambda d: d.line))

    # -- header ----------------------------------------------------------------
    def _header(self) -> None:
        fm = self.doc.frontmatter
        ext: dict[str, Any] = fm[MARKER] if isinstance(fm.get(MARKER), dict) else {}
        amap = self.amap
        if "title" in ext:
            amap.title = str(ext["title"])
        elif fm.get("title"):
            amap.title = " ".join(str(fm["title"]).split())
        else:
            stem = os.path.splitext(os.path.basename(self.file))[0]
            amap.title = stem or "Argdown import"
        if "description" in ext:
            amap.description = str(ext["description"] or "")
        else:
            parts = [str(fm[k]) for k in ("subTitle", "subtitle", "abstract") if fm.get(k)]
            for key, label in (("author", "Author"), ("date", "Date")):
                value = fm.get(key)
                if isinstance(value, list):
                    value = "; ".join(str(v) for v in value)
                if value:
                    parts.append(f"{label}: {value}")
            amap.description = "\n".join(" ".join(p.split()) for p in parts)
        amap.lang = str(ext.get("lang") or fm.get("lang") or self.lang or "en")
        amap.source_folder = str(ext.get("source_folder") or "")
        amap.conclusion = conclusion_from(ext.get("conclusion"))
        if ext.get("direction") in DIRECTIONS:
            amap.display.direction = ext["direction"]
        if isinstance(ext.get("schemes"), dict):   # the map's own (argmap.schemes checks them)
            amap.schemes = copy.deepcopy(ext["schemes"])
        sources_from_ext(amap, ext)
        ignored = [k for k in fm if k not in KNOWN_FRONTMATTER]
        colors, problems, more = tag_colors(fm.get("color"))
        amap.display.tag_colors.update(colors)
        for p in problems:
            self.w(1, p)
        ignored += more
        if ignored:
            self.w(1, "front matter settings not imported (Argdown display settings): "
                   + ", ".join(ignored))

    # -- our own export's relations-as-arguments ---------------------------
    def _find_markers(self) -> None:
        by_target: dict[str, list[int]] = {}
        by_source: dict[str, list[int]] = {}
        for i, r in enumerate(self.doc.relations):
            if r.target_kind == ARGUMENT:
                by_target.setdefault(r.target, []).append(i)
            if r.source_kind == ARGUMENT:
                by_source.setdefault(r.source, []).append(i)
        for arg in self.doc.arguments.values():
            kind = arg.data.get(MARKER)
            if kind not in ("support", "attack", "undercut"):
                continue
            if kind == "support" and arg.pcs:
                if arg.reconstructed and sum(1 for p in arg.pcs if p.inference) == 1:
                    self.markers[arg.title] = kind
                else:
                    self.w(arg.line, f"<{arg.title}> is marked as an argmap support but has "
                           "no one-step premise-conclusion structure; read as an argument")
                continue
            rels = self.doc.relations
            premises = [i for i in by_target.get(arg.title, ())
                        if rels[i].type == "support" and self._premise_kind(rels[i])]
            targets = [i for i in by_source.get(arg.title, ()) if rels[i].type == kind]
            if arg.pcs or not premises or len(targets) != 1:
                self.w(arg.line, f"<{arg.title}> is marked as an argmap {kind} but does not "
                       "have premises and exactly one target; read as an argument")
                continue
            self.markers[arg.title] = kind
            self.marker_parts[arg.title] = ([rels[i] for i in premises], rels[targets[0]])
            self.consumed.update(premises + targets)

    def _premise_kind(self, rel: DRelation) -> bool:
        """A statement, or an argument without PCS that is no marked relation itself."""
        if rel.source_kind == STATEMENT:
            return True
        arg = self.doc.arguments.get(rel.source) if rel.source_kind == ARGUMENT else None
        return arg is not None and not arg.pcs and arg.data.get(MARKER) is None

    def _marker_relation(self, arg: Argument) -> None:
        kind = self.markers[arg.title]
        note = str(arg.data.get("note") or "")
        if kind == "support" and arg.pcs:
            premises = [self.claim_of_ec[p.title] for p in arg.pcs[:-1]]
            target = self.claim_of_ec[arg.pcs[-1].title]
            rel = self._add("support", premises, target, arg.def_line, note=note,
                            id_title=arg.title)
            if rel is not None:
                self.rel_of_arg[arg.title] = rel
                rel.scheme = data_scheme(arg.data, self.amap) or rel.scheme
            return
        prem_rels, trel = self.marker_parts[arg.title]
        premises = [c for r in prem_rels
                    if (c := self._claim_for(r.source_kind, r.source, r.line)) is not None]
        if kind in ("attack", "support"):
            tid = self._claim_for(trel.target_kind, trel.target, trel.line)
            if tid is None:
                self.w(arg.def_line, f"<{arg.title}>: {kind} target not found; left out")
                return
            rel = self._add(kind, premises, tid, arg.def_line, note=note, id_title=arg.title)
            if rel is not None:
                self.rel_of_arg[arg.title] = rel
                rel.scheme = data_scheme(arg.data, self.amap) or rel.scheme
        else:
            self.pending[arg.title] = (premises, trel, arg.def_line, note)

    def _realize(self, title: str) -> None:
        """Create the undercut our export wrote as argument ``<title>`` (targets first)."""
        premises, trel, line, note = self.pending.pop(title)
        aim = self._undercut_targets(trel.target_kind, trel.target, trel.target_step, line, note)
        if aim:
            rel = self._add("undercut", premises, aim[0], line, note=note, id_title=title)
            if rel is not None:
                self.rel_of_arg[title] = rel
                data = self.doc.arguments[title].data
                rel.scheme = data_scheme(data, self.amap) or rel.scheme

    # -- claims ------------------------------------------------------------------
    def _claims(self) -> None:
        doc = self.doc
        used: set[str] = set()
        for r in doc.relations:
            for kind, title in ((r.source_kind, r.source), (r.target_kind, r.target)):
                if kind == STATEMENT:
                    used.add(title)
        pcs_place: dict[str, tuple[str, int]] = {}
        for arg in doc.arguments.values():
            for st in arg.pcs:
                used.add(st.title)
                pcs_place.setdefault(st.title, (arg.title, st.number))
        order: list[tuple[int, str, str]] = []
        prose: list[EquivalenceClass] = []
        for ec in doc.statements.values():
            if (ec.untitled and not self.keep_prose and ec.title not in used
                    and not ec.tags and not ec.data and all(m.role == TOP for m in ec.members)):
                prose.append(ec)
            else:
                order.append((ec.line, STATEMENT, ec.title))
        for arg in doc.arguments.values():
            if not arg.reconstructed and arg.title not in self.markers:
                order.append((arg.line, ARGUMENT, arg.title))
        order.sort(key=lambda t: t[0])
        # ids: titles first, so that a title keeps its id whatever comes later
        for _, kind, title in order:
            if kind == ARGUMENT or not doc.statements[title].untitled:
                given = self.title_ids.get(f"<{title}>" if kind == ARGUMENT else f"[{title}]")
                cid = self.ids.take(given) if isinstance(given, str) and valid_id(given) \
                    else self._id_for(title)
                (self.claim_of_arg if kind == ARGUMENT else self.claim_of_ec)[title] = cid
        for _, kind, title in order:
            if kind == STATEMENT and title not in self.claim_of_ec:
                ec = doc.statements[title]
                if title in pcs_place:
                    arg_title, number = pcs_place[title]
                    base = f"{slugify(arg_title, 32, 'argument')}-{number}"
                else:
                    base = words_slug(ec.text, fallback="statement")
                self.claim_of_ec[title] = self.ids.take(base)
        for _, kind, title in order:
            claim = self._ec_claim(doc.statements[title]) if kind == STATEMENT \
                else self._arg_claim(doc.arguments[title])
            self.amap.claims[claim.id] = claim
        if prose:
            paragraphs = [ec.text for ec in prose if ec.text]
            self.amap.description = "\n\n".join(
                p for p in [self.amap.description] + paragraphs if p)
            self.w(prose[0].line, f"{len(prose)} text paragraph(s) (untitled statements in no "
                   "relation) put into the map description")

    def _id_for(self, title: str, fallback: str = "claim") -> str:
        """Our own export keeps its ids; other titles become lower-case slugs."""
        if self.verbatim:
            return self.ids.for_title(title, fallback)
        return self.ids.take(slugify(title, fallback=fallback))

    @staticmethod
    def _path(section: Any) -> list[tuple[int, str]]:
        """The headings above a statement, outermost first: (level, title)."""
        path: list[tuple[int, str]] = []
        while section is not None:
            path.insert(0, (section.level, section.title + ("" if section.is_group else NO_GROUP)))
            section = section.parent
        return path

    @staticmethod
    def _remember(claim: Claim, kind: str, title: str, path: list[tuple[int, str]]) -> None:
        """The note's last line keeps the Argdown title, form and headings of the claim."""
        line = provenance_line(kind, title, path, claim.id)
        if line:
            claim.note = f"{claim.note}\n{line}" if claim.note else line

    def _section_tags(self, section: Any) -> list[str]:
        """The heading's own tags, and the title of the nearest heading that is a group."""
        tags = list(section.tags) if section is not None else []
        while section is not None and not section.is_group:
            section = section.parent
        if section is not None and section.title:
            tags.append(section.title)
        return tags

    def _ec_claim(self, ec: EquivalenceClass) -> Claim:
        cid = self.claim_of_ec[ec.title]
        text = ec.text
        notes: list[str] = []
        seen = {text}
        for m in ec.members:
            if m.text and not m.is_reference and m.text not in seen:
                seen.add(m.text)
                notes.append(f"Also stated as (line {m.line}): {m.text}")
        if not text and not isinstance(ec.data.get("text"), str):
            self.w(ec.line, f"statement [{ec.title}] has no text; its title is used")
            text = ec.title
        claim = Claim(cid, text)
        tags = list(ec.tags)
        self._apply_data(claim, ec.data, notes, tags, ec.line, f"[{ec.title}]")
        tags += [t for t in self._section_tags(ec.section) if t not in tags]
        claim.tags = tags
        self._remember(claim, "[", cid if ec.untitled else ec.title, self._path(ec.section))
        return claim

    def _arg_claim(self, arg: Argument) -> Claim:
        cid = self.claim_of_arg[arg.title]
        text = arg.description
        notes: list[str] = []
        for m in arg.members:
            if m.text and m.text != text and f"Also described as: {m.text}" not in notes:
                notes.append(f"Also described as: {m.text}")
        if not text and not isinstance(arg.data.get("text"), str):
            self.w(arg.line, f"argument <{arg.title}> has no description; its title is used")
            text = arg.title
        claim = Claim(cid, text)
        tags = list(arg.tags)
        data = arg.data
        scheme = data_scheme(data, self.amap)
        if scheme is not None and any(r.source_kind == ARGUMENT and r.source == arg.title
                                      for r in self.doc.relations):
            self.arg_scheme[cid] = scheme   # the scheme of the relations it is a reason in
            data = {k: v for k, v in data.items() if k != "scheme"}
        self._apply_data(claim, data, notes, tags, arg.line, f"<{arg.title}>")
        tags += [t for t in self._section_tags(arg.section) if t not in tags]
        claim.tags = tags
        self._remember(claim, "<", arg.title, self._path(arg.section))
        return claim

    def _apply_data(self, claim: Claim, data: dict[str, Any], notes: list[str],
                    tags: list[str], line: int, what: str) -> None:
        own_note = None
        for key, value in data.items():
            if key == "text" and isinstance(value, str):
                claim.text = value
            elif key in ("en", "speaker", "quote", "ref") and isinstance(value, (str, int, float)):
                setattr(claim, key, str(value))
            elif key == "kind" and value in CLAIM_KINDS:
                claim.kind = value
            elif key == "note" and isinstance(value, str):
                own_note = value
            elif key == "source" and isinstance(value, (str, int)) and str(value).strip():
                claim.source = self._source(str(value).strip())
            elif key == "pos" and finite_pos(value) is not None:
                claim.pos = finite_pos(value)
            elif (key == "base" and hasattr(claim, "base") and not isinstance(value, bool)
                  and isinstance(value, (int, float)) and 0 <= value <= 1):
                claim.base = float(value)
            elif key == "tags" and isinstance(value, list):
                tags[:] = dict.fromkeys(tags + [str(t) for t in value])
            elif key == "rephrases" and (isinstance(value, str) or isinstance(value, list)
                                         and value and all(isinstance(v, str) for v in value)):
                for title in [value] if isinstance(value, str) else value:
                    target = self._titled(title)
                    if target is None:
                        self.w(line, f"{what}: rephrases {title!r}, but no statement is "
                               "titled so; kept in the note")
                        notes.append(f"rephrases: {title}")
                    else:
                        self.rephrase_data.append((claim.id, target, line))
            else:
                if key in ("kind", "pos", "tags"):
                    self.w(line, f"{what}: metadata {key}: {short(value)} is not a valid "
                           f"{key}; kept in the note")
                notes.append(f"{key}: {short(value)}")
        if own_note is not None:
            notes.insert(0, own_note)
        claim.note = notes[0] if len(notes) == 1 else join_note(*notes)

    def _titled(self, title: str) -> str | None:
        """The claim a ``rephrases`` title names: ``Title`` or ``[Title]`` a statement,
        ``<Title>`` an argument read as a claim (None if there is none)."""
        if title.startswith("<") and title.endswith(">"):
            return self.claim_of_arg.get(title[1:-1])
        name = title[1:-1] if title.startswith("[") and title.endswith("]") else title
        return self.claim_of_ec.get(name)

    def _rephrases(self) -> None:
        """``{rephrases: "Title"}`` on a statement: it restates the statement titled so."""
        for cid, target, line in self.rephrase_data:
            self._add("rephrase", [cid], target, line)

    def _source(self, value: str) -> str:
        if value in self.amap.sources:
            return value
        sid = value if valid_id(value) else slugify(value, fallback="source")
        if sid not in self.amap.sources:
            self.amap.sources[sid] = Source(sid, title=value)
        return sid

    # -- relations -----------------------------------------------------------
    def _add(self, rtype: str, premises: list[str], target: str, line: int, note: str = "",
             id_title: str = "", rid: str = "") -> Relation | None:
        clean: list[str] = []
        for p in premises:
            if p == target:
                self.w(line, f"claim '{p}' would {rtype} itself; left out of the relation")
            elif p not in clean:
                clean.append(p)
        if not clean or not target:
            return None  # the premise was the target itself: reported above
        rel = Relation(rtype, clean, target, rid, note)
        if id_title and not rid:
            # our export titles a relation without id by its key
            rel.id = "" if id_title == rel.key else self._id_for(id_title, "argument")
        key = (rtype, tuple(clean), target)
        old = self.rel_index.get(key)  # the same relation without id: one is enough
        if old is not None and not rel.id:
            if note and note not in old.note:
                old.note = join_note(old.note, note)
            return old
        if not rel.id:
            self.rel_index[key] = rel
        self.rels.append((line, len(self.rels), rel))
        if rtype in ("support", "attack"):
            for p in clean:
                self.by_premise.setdefault(p, []).append(rel)
        return rel

    def _rel_id(self, rel: Relation) -> str:
        """The id an undercut uses for ``rel`` (giving it one if its key will not do)."""
        if rel.id:
            return rel.id
        key = rel.key
        if valid_id(key) and key not in self.ids.used:
            return key
        rel.id = self.ids.take(slugify(key, 60, "relation"))
        return rel.id

    def _steps(self, arg: Argument) -> list[tuple[int, list[int]]]:
        number_at: dict[int, int] = {}
        for i, st in enumerate(arg.pcs):
            number_at.setdefault(st.number, i)
        steps: list[tuple[int, list[int]]] = []
        start, prev = 0, None
        for i, st in enumerate(arg.pcs):
            if st.inference is None:
                continue
            uses = st.inference.data.get("uses")
            idxs = None
            if isinstance(uses, list) and uses and all(
                    isinstance(u, int) and number_at.get(u, i) < i for u in uses):
                idxs = [number_at[u] for u in uses]
            elif uses is not None:
                self.w(st.inference.line, f"<{arg.title}>: 'uses: {short(uses)}' does not "
                       "name earlier statements; the statements since the last conclusion "
                       "are used")
            if idxs is None:
                idxs = ([prev] if prev is not None else []) + list(range(start, i))
            steps.append((i, idxs))
            start, prev = i + 1, i
        return steps

    def _inferences(self, arg: Argument) -> None:
        steps = self._steps(arg)
        desc = [m.text for m in arg.members if m.text]
        for n, (i, idxs) in enumerate(steps, 1):
            inf = arg.pcs[i].inference
            assert inf is not None
            last = i == len(arg.pcs) - 1
            parts = []
            if last:
                parts.append(f"<{arg.title}>: {desc[0]}" if desc else f"<{arg.title}>")
                parts += [f"Also described as: {d}" for d in dict.fromkeys(desc[1:])]
            if len(steps) > 1:
                parts.append(f"<{arg.title}>, step {n} of {len(steps)}")
            if inf.rules:
                parts.append("Inference: " + ", ".join(inf.rules))
            scheme = data_scheme(inf.data, self.amap)
            parts += [f"{k}: {short(v)}" for k, v in inf.data.items() if k != "uses"
                      and (k != "scheme" or scheme is None)]
            if last:
                if arg.tags:
                    parts.append("Tags: " + ", ".join(arg.tags))
                own = data_scheme(arg.data, self.amap)  # the argument's: its last inference's
                parts += [f"{k}: {short(v)}" for k, v in arg.data.items()
                          if k != "scheme" or own is None]
                scheme = own if scheme is None else scheme
            premises = [self.claim_of_ec[arg.pcs[j].title] for j in idxs]
            target = self.claim_of_ec[arg.pcs[i].title]
            rel = self._add("support", premises, target, arg.def_line,
                            note=" | ".join(dict.fromkeys(p for p in parts if p)),
                            id_title=arg.title if last else "")
            if rel is not None:
                self.step_rel[(arg.title, i)] = rel
                rel.scheme = rel.scheme or scheme or ""
                if last:
                    self.rel_of_arg[arg.title] = rel
            elif not idxs:
                self.w(inf.line, f"<{arg.title}>: inference without premises; no relation")

    def _claim_for(self, kind: str, title: str, line: int) -> str | None:
        if kind == STATEMENT:
            return self.claim_of_ec.get(title)
        if kind == ARGUMENT:
            if title in self.claim_of_arg:
                return self.claim_of_arg[title]
            arg = self.doc.arguments[title]
            if arg.reconstructed and title not in self.markers:
                self.w(line, f"argument <{title}> stands here for its conclusion "
                       f"[{arg.pcs[-1].title}]")
                return self.claim_of_ec[arg.pcs[-1].title]
        return None

    def _relation(self, rel: DRelation) -> None:
        line = rel.line
        if rel.type == "undercut":
            src = self._claim_for(rel.source_kind, rel.source, line)
            if src is None:
                self.w(line, f"undercut from <{rel.source}> left out (no claim for it)")
                return
            self.deferred.append((src, (rel.target_kind, (rel.target, rel.target_step)), line,
                                  ""))
            return
        if rel.source_kind == ARGUMENT and rel.source in self.markers:
            self.w(line, f"relation from the argmap relation <{rel.source}> left out")
            return
        src = self._claim_for(rel.source_kind, rel.source, line)
        if src is None:
            self.w(line, f"{rel.type} from '{rel.source}' left out (no claim for it)")
            return
        if rel.type == "contradictory":
            tgt = self._claim_for(rel.target_kind, rel.target, line)
            if tgt is None:
                self.w(line, f"contradiction with '{rel.target}' left out")
                return
            note = CONTRADICTION
            self._add("attack", [src], tgt, line, note)
            self._add("attack", [tgt], src, line, note)
            return
        kind, title = rel.target_kind, rel.target
        if kind == STATEMENT or (kind == ARGUMENT and title in self.claim_of_arg):
            tgt = self._claim_for(kind, title, line)
            if tgt is not None:
                self._add(rel.type, [src], tgt, line)
            return
        what = f"<{title}>" if kind == ARGUMENT else f"an inference of <{title}>"
        if rel.type == "attack":
            self.w(line, f"attack on the argument {what} read as an undercut of its inference")
            self.deferred.append((src, (kind, (title, rel.target_step)), line,
                                  f"Argdown: attacks the argument {what}"))
        elif kind == ARGUMENT and title not in self.markers:
            arg = self.doc.arguments[title]
            tgt = self.claim_of_ec[arg.pcs[-1].title]
            self.w(line, f"support of the argument {what} read as support of its "
                   f"conclusion [{arg.pcs[-1].title}]")
            self._add("support", [src], tgt, line, f"Argdown: supports the argument {what}")
        else:
            self.w(line, f"support of {what} cannot be shown in the map; left out")

    def _undercut(self, src: str, target: tuple[str, Any], line: int, note: str) -> None:
        kind, (title, step) = target
        for tid in self._undercut_targets(kind, title, step, line, note, src):
            self._add("undercut", [src], tid, line, note)

    def _undercut_targets(self, kind: str, title: str, step: int, line: int, note: str,
                          src: str = "") -> list[str]:
        if kind == ARGUMENT and title in self.claim_of_arg:
            cid = self.claim_of_arg[title]
            out = [self._rel_id(r) for r in self.by_premise.get(cid, ())]
            if not out and src:
                self.w(line, f"undercut of <{title}>, which supports or attacks nothing: "
                       "read as an attack on it")
                self._add("attack", [src], cid, line, note)
            elif len(out) > 1:
                self.w(line, f"undercut of <{title}> applies to each of its {len(out)} "
                       "relations")
            return out
        if kind == ARGUMENT and title in self.pending:
            self._realize(title)
        if kind == ARGUMENT and title in self.rel_of_arg:
            return [self._rel_id(self.rel_of_arg[title])]
        if kind == INFERENCE:
            rel = self.step_rel.get((title, step))
            if rel is None and step == len(self.doc.arguments[title].pcs) - 1:
                rel = self.rel_of_arg.get(title)
            if rel is not None:
                return [self._rel_id(rel)]
        if kind == STATEMENT and src:
            cid = self.claim_of_ec.get(title)
            if cid is not None:
                self.w(line, f"undercut of the statement [{title}] read as an attack on it")
                self._add("attack", [src], cid, line, note)
                return []
        self.w(line, f"undercut target {title!r} not found; left out")
        return []
