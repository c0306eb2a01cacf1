"""AIF JSON (AIFdb / OVA) -> argument map.

* I-nodes (propositions) become claims;
* an RA node becomes a support, a CA node an attack, from the I-nodes that
  point at it (several = a linked argument) to the node it points at; a CA
  pointing at another RA/CA node is an undercut of that relation;
* an MA node (rephrase) becomes a rephrase: the I-node it points at restates
  the I-node that points at it (``original -> MA -> restatement``);
* a locution (L-node) that asserts a claim through a YA node gives the
  claim its speaker (``Name : text``, or the locution's person) and its
  quote (the locution text); YA nodes anchored in a transition (TA) and
  pointing at an RA/CA give the relation a note ("illocution: Arguing");
* an S-node's scheme (its ``scheme``, else its text; else its ``schemeID``) is
  the relation's scheme: the catalogue's id for a scheme it knows by any of
  its names (resources/schemes.yaml: ``Argument From Expert Opinion``,
  ``PracticalReasoning``), none for the generic ones (``Default Inference``,
  ``Default Conflict``, ``Default Rephrase``, "RA"), else the name as written;
  a schemeID the export would not write back goes into the relation's note;
* what connects to nothing (free locutions, transitions, unknown node
  types, dangling edges) is listed in the map description or reported.

String or integer ids, a missing ``locutions`` list, empty node lists,
S-nodes whose text is just "RA"/"CA" and the ``{"AIF": {...}}`` wrapper of
OVA files are all accepted.  Every warning names the line of the node or
edge it is about.
"""

from __future__ import annotations

import bisect
import copy
import json
import os
import re
from typing import Any

from ..conclusions import conclusion_from
from ..model import CLAIM_KINDS, DIRECTIONS, ArgumentMap, Claim, Relation
from ..schemes import GENERIC, Catalogue, aif_key, map_catalogue, scheme_from_name
from ._common import (
    IdAllocator,
    ImportResult,
    InterchangeError,
    finite_pos,
    join_note,
    slugify,
    sources_from_ext,
    valid_id,
    warn,
    words_slug,
)
from .aif_export import scheme_node
from .safe_text import clean_text, needs_cleaning

S_TYPES = ("RA", "CA", "MA")
GENERIC_SCHEMES = {"", "RA", "CA", "MA", "YA", "TA", "Default Inference", "Default Conflict",
                   "Default Rephrase", "Default Transition", "Default Illocuting"}
#: scheme names that name no scheme: a node's bare type, and the generic schemes
_NO_SCHEME = {aif_key(s) for s in GENERIC_SCHEMES}
_BARE_TYPE = {aif_key(s) for s in ("", "RA", "CA", "MA", "YA", "TA")}
#: the relation type an S-node gives when it carries a scheme
_REL_TYPE = {"RA": "support", "CA": "attack", "MA": "rephrase"}
EXT = "argmap"  # our own extension key, written by aif_export
_ID_LINE = re.compile(r'"(nodeID|edgeID)"\s*:\s*"?([^",}\s]+)')
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPEAKER = re.compile(r"^\s*(.{1,80}?)\s+:\s+(.*)$", re.DOTALL)


def import_aif(source: str | bytes | dict[str, Any], file: str = "", *,
               lang: str | None = None) -> ImportResult:
    """Read AIF JSON (text, bytes or already parsed) into a map.

    Raises :class:`InterchangeError` only when the input is not JSON or not an
    AIF document at all; everything else is imported as far as possible.
    """
    text = None
    where = file or "<input>"
    if isinstance(source, (bytes, bytearray)):
        source = source.decode("utf-8-sig", errors="replace")
    if isinstance(source, str):
        text = source
        data = read_json(source, file)
    else:
        data = source
        if _too_deep(data):
            raise InterchangeError(f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels "
                                   "deep; not an AIF document")
    if not isinstance(data, dict):
        raise InterchangeError(f"{where}: not an AIF document (the top level is not a JSON "
                               "object)")
    data, replaced = _without_surrogates(data)
    result = _AifReader(data, text, file, lang).run()
    if replaced:
        result.warnings.insert(0, warn(f"{replaced} lone UTF-16 surrogate(s) (\\ud800-\\udfff "
                                       "escapes) replaced by U+FFFD: no file can hold them",
                                       file))
    return result


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(data: Any) -> tuple[Any, int]:
    """``data`` with lone surrogates (from JSON escapes) replaced; how many there were."""
    count = 0

    def fix(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str):
            if _SURROGATE.search(value):
                count += len(_SURROGATE.findall(value))
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {fix(k): fix(v) for k, v in value.items()}
        return value

    return fix(data), count


#: AIF is four levels deep (our own extension a few more); deeper JSON is refused
#: before it is parsed, as Python's parser would run out of stack on it
MAX_JSON_DEPTH = 64
_JSON_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_json(text: str, file: str = "") -> Any:
    """Parse JSON text; :class:`InterchangeError` naming file, line and column if bad.

    JSON nested more than ``MAX_JSON_DEPTH`` levels is refused too.
    """
    where = file or "<input>"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"{where}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") \
            from exc
    except RecursionError:
        data = _TOO_DEEP
    except ValueError as exc:  # e.g. an integer of 5,000 digits
        raise InterchangeError(f"{where}: not JSON: {exc}") from exc
    if data is _TOO_DEEP or _too_deep(data):
        depth = 0
        for m in _JSON_NESTING.finditer(text):
            depth += 1 if m.group() in "[{" else -1 if m.group() in "]}" else 0
            if depth > MAX_JSON_DEPTH:
                line, col = _position(text, m.start())
                raise InterchangeError(f"{where}:{line}:{col}: JSON nested more than "
                                       f"{MAX_JSON_DEPTH} levels deep; not an AIF document")
    return data


_TOO_DEEP = object()


def _too_deep(data: Any) -> bool:
    if not isinstance(data, (dict, list)):
        return False
    todo = [(data, 1)]
    while todo:
        value, depth = todo.pop()
        if depth > MAX_JSON_DEPTH:
            return True
        items = value.values() if isinstance(value, dict) else value
        todo.extend((v, depth + 1) for v in items if isinstance(v, (dict, list)))
    return False


def _sid(value: Any) -> str:
    """An id or a short field as text: strings and numbers only."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def _text(value: Any) -> str:
    """A text field: strings and numbers as they are, other JSON values not at all."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return str(value)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


class _AifReader:
    def __init__(self, data: dict[str, Any], text: str | None, file: str,
                 lang: str | None) -> None:
        self.ext_header = data.get(EXT) if isinstance(data.get(EXT), dict) else None
        if isinstance(data.get("AIF"), dict):
            data = data["AIF"]
        if not any(k in data for k in ("nodes", "edges")):
            raise InterchangeError(f"{file or '<input>'}: not an AIF document (no 'nodes' or "
                                   "'edges')")
        self.data, self.file, self.lang = data, file, lang
        self.warnings: list = []
        self.lines: dict[tuple[str, str], int] = {}
        if text is not None:
            starts = [m.start() for m in re.finditer("\n", text)]
            for m in _ID_LINE.finditer(text):
                key = ("node" if m.group(1) == "nodeID" else "edge", m.group(2))
                self.lines.setdefault(key, bisect.bisect_right(starts, m.start()) + 1)
        self.amap = ArgumentMap()
        self.ids = IdAllocator()
        self.nodes: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []
        self.ins: dict[str, list[str]] = {}
        self.outs: dict[str, list[str]] = {}
        self.claim_of: dict[str, str] = {}
        self.rels_of: dict[str, list[Relation]] = {}
        self.rel_pos: dict[int, int] = {}
        self.extra: list[str] = []
        self.notes: dict[str, list[str]] = {}
        self.rel_notes: dict[str, list[str]] = {}
        self._schemes: Catalogue | None = None

    def w(self, message: str, node: str = "", edge: str = "") -> None:
        line = self.lines.get(("node", node), 0) if node else self.lines.get(("edge", edge), 0)
        self.warnings.append(warn(message, self.file, line, 0, node or edge))

    def run(self) -> ImportResult:
        for key in ("participants", "locutions"):
            if self.data.get(key) is not None and not isinstance(self.data.get(key), list):
                self.w(f"'{key}' is not a list; not read")
        self._header()
        self._read_nodes()
        self._read_edges()
        self._claims()
        self._relations()
        self._rephrases()
        self._illocutions()
        self._leftovers()
        for cid, notes in self.notes.items():
            claim = self.amap.claims[cid]
            claim.note = join_note(claim.note, *notes)
        rels = sorted(self.rel_pos.items(), key=lambda t: t[1])
        by_id = {id(r): r for rs in self.rels_of.values() for r in rs}
        self.amap.relations = [by_id[k] for k, _ in rels]
        if self.extra:
            self.amap.description = "\n\n".join(
                p for p in [self.amap.description, "\n".join(self.extra)] if p)
        return ImportResult(self.amap, sorted(self.warnings, key=lambda d: d.line))

    # -- reading -------------------------------------------------------------
    def _header(self) -> None:
        amap, ext = self.amap, self.ext_header or {}
        stem = os.path.splitext(os.path.basename(self.file))[0] if self.file else ""
        stem = clean_text(stem, one_line=True)
        amap.title = _text(ext.get("title")) if "title" in ext else (
            f"AIF: {stem}" if stem else "AIF import")
        amap.description = _text(ext.get("description"))
        amap.lang = _sid(ext.get("lang")) or self.lang or "en"
        amap.source_folder = _sid(ext.get("source_folder"))
        amap.conclusion = conclusion_from(ext.get("conclusion"))
        if isinstance(ext.get("schemes"), dict):   # the map's own (argmap.schemes checks them)
            amap.schemes = copy.deepcopy(ext["schemes"])
        display = ext.get("display") if isinstance(ext.get("display"), dict) else {}
        if isinstance(display.get("direction"), str) and display["direction"] in DIRECTIONS:
            amap.display.direction = display["direction"]
        if isinstance(display.get("tags"), dict):
            amap.display.tag_colors = {str(k): _sid(v) for k, v in display["tags"].items()}
        sources_from_ext(amap, ext)

    def _read_nodes(self) -> None:
        nodes = self.data.get("nodes")
        if nodes is None:
            nodes = []
        if not isinstance(nodes, list):
            self.w("'nodes' is not a list; no nodes read")
            nodes = []
        for i, n in enumerate(nodes):
            if not isinstance(n, dict) or _sid(n.get("nodeID")) == "" or \
                    isinstance(n.get("nodeID"), (bool, float)):
                self.w(f"node #{i + 1} has no nodeID (a string or an integer); left out")
                continue
            nid = _sid(n["nodeID"])
            if nid in self.nodes:
                self.w(f"node {nid} appears twice; the second is left out", node=nid)
                continue
            n = dict(n)
            n["type"] = clean_text(_sid(n.get("type")), one_line=True).upper()
            if not isinstance(n.get(EXT), dict):  # our own export's texts stay exact
                self._clean(n, nid)
            self.nodes[nid] = n
            self.order.append(nid)
            self.ins[nid], self.outs[nid] = [], []

    def _read_edges(self) -> None:
        edges = self.data.get("edges")
        if edges is None:
            edges = []
        if not isinstance(edges, list):
            self.w("'edges' is not a list; no edges read")
            edges = []
        seen: set[tuple[str, str]] = set()
        for i, e in enumerate(edges):
            if not isinstance(e, dict):
                self.w(f"edge #{i + 1} is not an object; left out")
                continue
            eid = _sid(e.get("edgeID")) or f"#{i + 1}"
            a = _sid(e.get("fromID", e.get("from")))
            b = _sid(e.get("toID", e.get("to")))
            missing = [x for x in (a, b) if x not in self.nodes]
            if missing:
                self.w(f"edge {eid} ({a or '?'} -> {b or '?'}) points to no node "
                       f"{', '.join(repr(x) for x in missing)}; left out", edge=eid)
                continue
            if (a, b) in seen:
                continue
            seen.add((a, b))
            self.outs[a].append(b)
            self.ins[b].append(a)

    def _clean(self, node: dict[str, Any], nid: str) -> None:
        """Line ends and control characters of another tool's node texts."""
        for key in ("text", "scheme"):
            value = node.get(key)
            if isinstance(value, str) and needs_cleaning(value):
                self.w(f"{node['type'] or 'typeless'} node {nid}: {key} with CR line ends or "
                       "control characters; line ends made LF, control characters removed",
                       node=nid)
                node[key] = clean_text(value)

    def type(self, nid: str) -> str:
        return self.nodes[nid]["type"]

    # -- claims --------------------------------------------------------------
    def _claims(self) -> None:
        inodes = [n for n in self.order if self.type(n) == "I"]
        for nid in inodes:  # our own export keeps its ids (in the extension, else the nodeID)
            ext = self.nodes[nid].get(EXT)
            if isinstance(ext, dict):
                cid = _sid(ext.get("id")) if "id" in ext else nid
                if valid_id(cid) and cid not in self.ids.used:
                    self.claim_of[nid] = self.ids.take(cid)
        for nid in inodes:
            if nid not in self.claim_of:
                text = _sid(self.nodes[nid].get("text"))
                self.claim_of[nid] = self.ids.take(words_slug(text, fallback=f"i{nid}"))
        for nid in inodes:
            node = self.nodes[nid]
            ext = node.get(EXT)
            text = _text(node.get("text"))
            if not isinstance(ext, dict):
                if _CONTROL.search(text):
                    self.w(f"I-node {nid}: control characters removed", node=nid)
                text = " ".join(_CONTROL.sub("", text).split())
            claim = Claim(self.claim_of[nid], text)
            if isinstance(ext, dict):
                self._apply_ext(claim, ext, nid)
            if not claim.text and not claim.ref:
                self.w(f"I-node {nid} has no text", node=nid)
                claim.text = "(no text)"
            self.amap.claims[claim.id] = claim

    def _apply_ext(self, claim: Claim, ext: dict[str, Any], nid: str) -> None:
        for key in ("en", "speaker", "source", "quote", "note", "ref"):
            if isinstance(ext.get(key), str):
                setattr(claim, key, ext[key])
        if ext.get("kind") in CLAIM_KINDS:
            claim.kind = ext["kind"]
        base = ext.get("base")
        if isinstance(base, (int, float)) and not isinstance(base, bool) and 0 <= base <= 1:
            claim.base = float(base)
        if isinstance(ext.get("tags"), list):
            claim.tags = [t if isinstance(t, str) else str(t) for t in ext["tags"]
                          if isinstance(t, (str, int, float)) and not isinstance(t, bool)]
        if "pos" in ext:
            claim.pos = finite_pos(ext["pos"])
            if claim.pos is None and ext["pos"] is not None:
                self.w(f"claim '{claim.id}': pos {ext['pos']!r:.40} is not two finite numbers; "
                       "left out", node=nid)
        if claim.source and claim.source not in self.amap.sources:
            self.w(f"claim '{claim.id}' names unknown source '{claim.source}'", node=nid)

    # -- relations -----------------------------------------------------------
    def _asserted(self, nid: str) -> list[str]:
        """The I-nodes an L-node asserts (L → YA → I); none for any other node.

        AIFdb's nodesets sometimes wire an inference (RA) or a conflict (CA)
        to the locution instead of the proposition it asserts; the proposition
        stands in for it."""
        if self.type(nid) != "L":
            return []
        return [i for ya in self.outs[nid] if self.type(ya) == "YA"
                for i in self.outs[ya] if self.type(i) == "I"]

    def _relations(self) -> None:
        undercuts: list[tuple[str, Relation, str]] = []
        for idx, nid in enumerate(self.order):
            kind = self.type(nid)
            if kind not in ("RA", "CA"):
                continue
            node = self.nodes[nid]
            ext = node.get(EXT) if isinstance(node.get(EXT), dict) else None
            premises = []
            for p in self.ins[nid]:     # an L-node stands for the claim it asserts
                for i in ([p] if self.type(p) == "I" else self._asserted(p)):
                    if self.claim_of[i] not in premises:
                        premises.append(self.claim_of[i])
            others = [p for p in self.ins[nid]
                      if self.type(p) not in ("I", "YA", "TA", "L", "RA", "CA", "MA")]
            for p in others:
                self.w(f"{kind} node {nid}: incoming {self.type(p)} node {p} cannot be a "
                       "premise; left out", node=nid)
            targets = []
            for t in self.outs[nid]:
                for i in (self._asserted(t) or [t]) if self.type(t) == "L" else [t]:
                    if i not in targets:
                        targets.append(i)
            scheme, note = self._scheme(node, kind)
            if ext is not None and isinstance(ext.get("note"), str):
                note = ext["note"]
            rid = _sid(ext.get("id")) if ext is not None else ""
            if rid and (not valid_id(rid) or rid in self.ids.used):
                self.w(f"{kind} node {nid}: relation id {rid!r:.60} is not a valid, unused id; "
                       "left out", node=nid)
                rid = ""
            if not premises:
                self.w(f"{kind} node {nid} has no premise (no I-node points to it); "
                       "left out", node=nid)
                continue
            if not targets:
                self.w(f"{kind} node {nid} points to nothing; left out", node=nid)
                continue
            if len(targets) > 1:
                self.w(f"{kind} node {nid} has {len(targets)} conclusions; one relation each",
                       node=nid)
            rels: list[Relation] = []
            for t in targets:
                ttype = self.type(t)
                if ttype == "I":
                    rtype = "support" if kind == "RA" else "attack"
                    rel = Relation(rtype, premises, self.claim_of[t], rid if len(targets) == 1
                                   else "", note)
                elif ttype in ("RA", "CA") and kind == "CA":
                    rel = Relation("undercut", premises, "", rid, note)
                    undercuts.append((t, rel, nid))
                elif ttype in ("RA", "CA"):
                    self.w(f"RA node {nid} supports the inference {t}: argmap cannot show "
                           "support of a relation; left out", node=nid)
                    continue
                else:
                    self.w(f"{kind} node {nid} points to a {ttype or 'typeless'} node {t}; "
                           "left out", node=nid)
                    continue
                if rel.target in rel.premises:
                    self.w(f"{kind} node {nid} connects claim '{rel.target}' to itself; "
                           "left out", node=nid)
                    continue
                rel.scheme = scheme
                self._keep(rel, ext, idx, rels)
            self.rels_of[nid] = rels
        for target, rel, nid in undercuts:
            aims = self.rels_of.get(target, [])
            if not aims:
                self.w(f"CA node {nid} undercuts {target}, which is not in the map; "
                       "left out", node=nid)
                self.rels_of[nid].remove(rel)
                del self.rel_pos[id(rel)]
                continue
            rel.target = self._rel_id(aims[0], target)
            for extra in aims[1:]:
                copy = rel.clone()      # the same premises, note and scheme
                copy.id, copy.target = "", self._rel_id(extra, target)
                self.rels_of[nid].append(copy)
                self.rel_pos[id(copy)] = self.rel_pos[id(rel)]

    def _rel_id(self, rel: Relation, nid: str) -> str:
        if not rel.id:
            ext = self.nodes[nid].get(EXT)
            if isinstance(ext, dict) and rel.key not in self.ids.used:
                return rel.key  # our own export: the relation had no id
            base = nid if valid_id(nid) and not nid.isdigit() else \
                f"{rel.type}-{slugify(nid, 40, 'node')}"
            rel.id = self.ids.take(base)
        return rel.id

    def _scheme(self, node: dict[str, Any], kind: str) -> tuple[str, str]:
        """The scheme of the relation(s) read from the S-node ``node`` of type ``kind``,
        and a note for the node's schemeID where the export would not write it back."""
        name = " ".join(_text(node.get("scheme")).split()) or \
            " ".join(_text(node.get("text")).split())
        given = _sid(node.get("schemeID"))
        key = aif_key(name)
        if key in _NO_SCHEME and not given:
            return "", ""
        if self._schemes is None:       # the map's own schemes (from the header), too
            self._schemes = map_catalogue(self.amap)
        if key in _BARE_TYPE:           # no name: the schemeID may tell
            found = self._schemes.by_aif_id(given) if given else None
            scheme = found.id if found is not None and found.id not in GENERIC else ""
        elif key in _NO_SCHEME:
            scheme = ""
        else:
            scheme = scheme_from_name(name, self._schemes)
        if not given or scheme_node(_REL_TYPE[kind], scheme, self._schemes)[2] == given:
            return scheme, ""
        return scheme, f"AIF schemeID: {given}"

    def _rephrases(self) -> None:
        """original -> MA -> restatement: ``{type: rephrase, from: restatement, to:
        original}``, one for each pair (an L-node stands for the claim it asserts)."""
        for idx, nid in enumerate(self.order):
            if self.type(nid) != "MA":
                continue
            node = self.nodes[nid]
            ext = node.get(EXT) if isinstance(node.get(EXT), dict) else None
            srcs = [i for p in self.ins[nid]
                    for i in ([p] if self.type(p) == "I" else self._asserted(p))]
            dsts = [i for t in self.outs[nid]
                    for i in ([t] if self.type(t) == "I" else self._asserted(t))]
            srcs, dsts = list(dict.fromkeys(srcs)), list(dict.fromkeys(dsts))
            if not srcs or not dsts:
                self.w(f"MA node {nid} (rephrase) does not join two I-nodes; left out", node=nid)
                continue
            scheme, note = self._scheme(node, "MA")
            if ext is not None and isinstance(ext.get("note"), str):
                note = ext["note"]
            rid = _sid(ext.get("id")) if ext is not None else ""
            if rid and (not valid_id(rid) or rid in self.ids.used):
                self.w(f"MA node {nid}: relation id {rid!r:.60} is not a valid, unused id; "
                       "left out", node=nid)
                rid = ""
            pairs = [(self.claim_of[d], self.claim_of[s]) for s in srcs for d in dsts]
            if len(pairs) > 1:
                self.w(f"MA node {nid} joins {len(srcs)} original(s) and {len(dsts)} "
                       "restatement(s); one rephrase each", node=nid)
            rels: list[Relation] = []
            for later, earlier in pairs:
                if later == earlier:
                    self.w(f"MA node {nid} says claim '{later}' restates itself; left out",
                           node=nid)
                    continue
                rel = Relation("rephrase", [later], earlier, rid if len(pairs) == 1 else "",
                               note, scheme)
                self._keep(rel, ext, idx, rels)
            self.rels_of[nid] = rels

    def _keep(self, rel: Relation, ext: Any, idx: int, rels: list[Relation]) -> None:
        """Take ``rel`` from node number ``idx``; ``ext`` is argmap's own extension of the
        node (its scheme fields exactly as argmap wrote them), or None."""
        if ext is not None:
            if isinstance(ext.get("scheme"), str):
                rel.scheme = ext["scheme"]
            for name in ("roles", "questions", "answers"):
                if isinstance(ext.get(name), dict):
                    setattr(rel, name, {str(a): str(b) for a, b in ext[name].items()})
        rels.append(rel)
        self.rel_pos[id(rel)] = idx
        if rel.id:
            self.ids.reserve(rel.id)

    # -- dialogue ------------------------------------------------------------
    def _speakers(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for p in _list(self.data, "participants"):
            if isinstance(p, dict):
                name = clean_text(" ".join(_sid(p.get(k)) for k in ("firstname", "surname")),
                                  one_line=True).strip()
                if name:
                    names[_sid(p.get("participantID"))] = name
        out: dict[str, str] = {}
        for loc in _list(self.data, "locutions"):
            if isinstance(loc, dict) and _sid(loc.get("personID")):
                pid = _sid(loc["personID"])
                out[_sid(loc.get("nodeID"))] = names.get(pid, f"person {pid}")
        return out

    def _illocutions(self) -> None:
        persons = self._speakers()
        self.used_l: set[str] = set()
        self.used_ya: set[str] = set()
        for nid in self.order:
            if self.type(nid) != "YA":
                continue
            force = _sid(self.nodes[nid].get("text")) or _sid(self.nodes[nid].get("scheme"))
            anchors = self.ins[nid]
            for t in self.outs[nid]:
                ttype = self.type(t)
                if ttype == "I":
                    for a in anchors:
                        if self.type(a) == "L":
                            self._locution(a, t, force, persons)
                            self.used_ya.add(nid)
                elif ttype in ("RA", "CA", "MA") and self.rels_of.get(t):
                    for rel in self.rels_of[t]:
                        if EXT not in self.nodes[t] and force and \
                                f"AIF illocution: {force}" not in rel.note:
                            rel.note = join_note(rel.note, f"AIF illocution: {force}") \
                                .replace("\n", " | ")
                    self.used_ya.add(nid)
                elif ttype == "MA":     # a rephrase that was left out
                    self.used_ya.add(nid)

    def _locution(self, lid: str, iid: str, force: str, persons: dict[str, str]) -> None:
        self.used_l.add(lid)
        claim = self.amap.claims[self.claim_of[iid]]
        if isinstance(self.nodes[iid].get(EXT), dict):
            return  # our export: the claim carries speaker and quote itself
        text = " ".join(_sid(self.nodes[lid].get("text")).split())
        m = _SPEAKER.match(text)
        speaker, quote = (m.group(1).strip(), m.group(2).strip()) if m else \
            (persons.get(lid, ""), text)
        extra = f" ({force})" if force and force != "Asserting" else ""
        if not claim.speaker and not claim.quote:
            claim.speaker, claim.quote = speaker, quote
            if extra:
                self.notes.setdefault(claim.id, []).append(f"AIF illocution: {force}")
        else:
            who = f"{speaker}: " if speaker else ""
            self.notes.setdefault(claim.id, []).append(f"Also said{extra}: {who}{quote}")

    def _leftovers(self) -> None:
        free_l = [n for n in self.order if self.type(n) == "L" and n not in self.used_l]
        if free_l:
            self.extra.append("Locutions not linked to a claim:")
            self.extra += [f"- {_sid(self.nodes[n].get('text'))}" for n in free_l]
            self.w(f"{len(free_l)} locution(s) (L-nodes) assert no claim; listed in the map "
                   "description", node=free_l[0])
        ta = [n for n in self.order if self.type(n) == "TA"]
        if ta:
            self.w(f"{len(ta)} transition(s) (TA nodes) between locutions are dialogue "
                   "structure the map does not show; left out", node=ta[0])
        ya = [n for n in self.order if self.type(n) == "YA" and n not in self.used_ya]
        for n in ya:
            self.w(f"YA node {n} ({_sid(self.nodes[n].get('text'))}) anchors nothing the map "
                   "shows; left out", node=n)
        known = {"I", "L", "RA", "CA", "MA", "YA", "TA"}
        for n in self.order:
            if self.type(n) not in known:
                text = _sid(self.nodes[n].get("text"))
                self.extra.append(f"AIF {self.type(n) or 'typeless'} node {n}: {text}")
                self.w(f"node {n} of type {self.type(n) or '(none)'!r} has no counterpart; "
                       "listed in the map description", node=n)
        for idx, a in enumerate(self.order):
            if self.type(a) != "I":
                continue
            for b in self.outs[a]:
                if self.type(b) == "I":
                    self.w(f"edge from I-node {a} straight to I-node {b} (no RA/CA node): "
                           "read as a support", node=a)
                    rel = Relation("support", [self.claim_of[a]], self.claim_of[b], "",
                                   "AIF: direct edge, no scheme node")
                    if rel.target not in rel.premises:
                        self.rels_of.setdefault(a, []).append(rel)
                        self.rel_pos[id(rel)] = idx
