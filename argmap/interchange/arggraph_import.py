"""arggraph XML (the Potsdam argumentative microtext corpus) -> argument map.

Pure Python, no Qt.  The format (``arggraph.dtd``): ``edu`` text segments,
``joint``s of adjacent EDUs, ``adu`` argumentative units typed ``pro`` or
``opp``, and ``edge``s typed

* ``seg``: EDU (or joint) -> ADU (or joint): the ADU's text is the text of
  its EDUs, joined in document order;
* ``sup`` and ``exa`` (support by example): a support;
* ``reb``: a rebuttal, an attack on the target ADU;
* ``und``: an undercut of the targeted edge's relation;
* ``add``: one more premise of the targeted edge's relation (a linked argument).

ADUs become claims with the ADU's id; relations keep the edge's id.  The
ADU no relation leaves from (the central claim) is a ``thesis``.  The
dialectic role of each ADU becomes a tag (``pro`` / ``opp``); the text's id,
``topic_id`` and ``stance`` go into the map's title and description.

The XML is read with :mod:`xml.etree` without any entity expansion: a
document type with an internal subset, an entity declaration and input
larger than :data:`MAX_BYTES` are refused before parsing.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ..model import ArgumentMap, Claim, Relation
from ._common import IdAllocator, ImportResult, InterchangeError, valid_id, warn
from .safe_text import clean_text

#: larger input is refused (the corpus's files are a few kilobytes)
MAX_BYTES = 4 << 20
#: more elements than this are refused
MAX_ELEMENTS = 100_000
RELATION_TYPES = {"sup": "support", "exa": "support", "reb": "attack", "und": "undercut"}
ROLE_TAGS = {"pro": "pro", "opp": "opp"}
_LANG_SUFFIX = re.compile(r"\.([a-z]{2})\.xml$", re.IGNORECASE)
_FORBIDDEN = re.compile(r"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


@dataclass
class ArgGraph:
    """An arggraph document as read from the XML."""

    id: str = ""
    topic: str = ""
    stance: str = ""
    edus: dict[str, str] = field(default_factory=dict)       # id -> text, document order
    joints: list[str] = field(default_factory=list)
    adus: dict[str, str] = field(default_factory=dict)       # id -> pro|opp
    edges: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, src, trg, type


def is_arggraph(head: str) -> bool:
    """Whether XML text (its beginning) has an ``<arggraph`` root element."""
    return re.search(r"<arggraph[\s>/]", head) is not None


def parse_arggraph(source: str | bytes, file: str = "") -> ArgGraph:
    """The arggraph document in ``source``; InterchangeError if it is not one."""
    where = file or "<input>"
    if isinstance(source, str):
        data = source.encode("utf-8")
    else:
        data = bytes(source)
    if len(data) > MAX_BYTES:
        raise InterchangeError(f"{where}: {len(data):,} bytes is more than an arggraph "
                               f"document may have ({MAX_BYTES:,}); refused")
    text = data.decode("utf-8", errors="replace")
    if _FORBIDDEN.search(text):
        raise InterchangeError(f"{where}: the XML declares entities (a document type with "
                               "an internal subset); refused, arggraph files have none")
    parser = ET.XMLParser()

    def refuse(*_args: object) -> None:
        raise InterchangeError(f"{where}: the XML declares entities; refused")

    expat = getattr(parser, "parser", None)  # the pyexpat parser inside
    if expat is not None:
        expat.EntityDeclHandler = refuse
        expat.UnparsedEntityDeclHandler = refuse
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        raise InterchangeError(f"{where}: not well-formed XML: {exc}") from exc
    if root.tag != "arggraph":
        raise InterchangeError(f"{where}: the XML root is <{root.tag:.40}>, not <arggraph>")
    if len(root) > MAX_ELEMENTS:
        raise InterchangeError(f"{where}: more than {MAX_ELEMENTS:,} elements; refused")
    graph = ArgGraph(root.get("id", ""), root.get("topic_id", ""), root.get("stance", ""))
    for el in root:
        ident = el.get("id", "")
        if el.tag == "edu":
            graph.edus[ident] = " ".join("".join(el.itertext()).split())
        elif el.tag == "joint":
            graph.joints.append(ident)
        elif el.tag == "adu":
            graph.adus[ident] = el.get("type", "")
        elif el.tag == "edge":
            graph.edges.append((ident, el.get("src", ""), el.get("trg", ""),
                                el.get("type", "")))
    if not graph.adus:
        raise InterchangeError(f"{where}: looks like XML (an arggraph document) without any "
                               "ADU (argumentative unit): nothing to import")
    return graph


def _lang_of(file: str, lang: str | None) -> str:
    if lang:
        return lang
    m = _LANG_SUFFIX.search(file or "")
    return m.group(1).lower() if m else "en"


def _adu_texts(graph: ArgGraph) -> dict[str, str]:
    """ADU id -> the text of its EDUs (through joints), in document order."""
    parts: dict[str, set[str]] = {}
    for _eid, src, trg, etype in graph.edges:
        if etype == "seg":
            parts.setdefault(trg, set()).add(src)
    order = {eid: i for i, eid in enumerate(graph.edus)}

    def edus_of(node: str, seen: frozenset[str]) -> set[str]:
        if node in graph.edus:
            return {node}
        out: set[str] = set()
        for src in parts.get(node, ()):
            if src not in seen:
                out |= edus_of(src, seen | {src})
        return out

    return {adu: " ".join(graph.edus[e] for e in sorted(edus_of(adu, frozenset({adu})),
                                                        key=order.__getitem__))
            for adu in graph.adus}


def graph_to_map(graph: ArgGraph, file: str = "", lang: str = "en") -> ImportResult:
    """The map of an arggraph document."""
    amap = ArgumentMap(clean_text(f"arggraph: {graph.id}" if graph.id else "arggraph import",
                                  one_line=True), lang=lang)
    amap.description = "\n".join(
        f"{k}: {clean_text(v, one_line=True)}" for k, v in
        (("arggraph", graph.id), ("topic_id", graph.topic), ("stance", graph.stance)) if v)
    warnings = []
    ids = IdAllocator()
    claim_of: dict[str, str] = {}
    texts = _adu_texts(graph)
    for adu, role in graph.adus.items():
        cid = ids.take(adu if valid_id(adu) else f"adu-{adu}")
        claim_of[adu] = cid
        tags = [ROLE_TAGS[role]] if role in ROLE_TAGS else []
        if not texts[adu]:
            warnings.append(warn(f"ADU {adu!r:.40} has no text (no EDU segments it)", file))
        amap.claims[cid] = Claim(cid, clean_text(texts[adu]), tags=tags)
    rel_of: dict[str, Relation] = {}
    arg_edges = [e for e in graph.edges if e[3] != "seg"]
    for eid, src, trg, etype in arg_edges:
        if etype not in RELATION_TYPES and etype != "add":
            warnings.append(warn(f"edge {eid!r:.40}: unknown type {etype!r:.20}; left out", file))
        elif src not in claim_of:
            warnings.append(warn(f"edge {eid!r:.40}: source {src!r:.40} is not an ADU; "
                                 "left out", file))
        elif etype in ("und", "add"):
            continue
        elif trg not in claim_of:
            warnings.append(warn(f"edge {eid!r:.40}: target {trg!r:.40} is not an ADU; "
                                 "left out", file))
        elif src == trg:
            warnings.append(warn(f"edge {eid!r:.40} connects {src!r:.40} to itself; left out",
                                 file))
        else:
            rid = ids.take(eid if valid_id(eid) else f"{RELATION_TYPES[etype]}-{src}")
            rel_of[eid] = Relation(RELATION_TYPES[etype], [claim_of[src]], claim_of[trg], rid)
    # undercuts and added premises point at edges, which may themselves be undercuts
    pending = [e for e in arg_edges if e[3] in ("und", "add") and e[1] in claim_of]
    forwarded: dict[str, str] = {}  # add edge -> the edge whose relation it extends
    while pending:
        progress = False
        for edge in list(pending):
            eid, src, trg, etype = edge
            trg = forwarded.get(trg, trg)
            if trg not in rel_of:
                continue
            pending.remove(edge)
            progress = True
            if etype == "add":
                rel = rel_of[trg]
                if claim_of[src] not in rel.premises and claim_of[src] != rel.target:
                    rel.premises.append(claim_of[src])
                forwarded[eid] = trg
            else:
                rid = ids.take(eid if valid_id(eid) else f"undercut-{src}")
                rel_of[eid] = Relation("undercut", [claim_of[src]], rel_of[trg].key, rid)
        if not progress:
            for eid, _src, trg, etype in pending:
                warnings.append(warn(f"{etype} edge {eid!r:.40} points at {trg!r:.40}, which "
                                     "is no relation of the graph; left out", file))
            break
    amap.relations = [rel_of[e[0]] for e in arg_edges if e[0] in rel_of]
    sources = {p for r in amap.relations for p in r.premises}
    central = [cid for cid in amap.claims if cid not in sources]
    for cid in central:
        amap.claims[cid].kind = "thesis"
    if len(central) != 1:
        warnings.append(warn(f"{len(central)} ADUs with no outgoing relation (one central "
                             "claim expected); each is a thesis", file))
    return ImportResult(amap, warnings)


def import_arggraph(source: str | bytes, file: str = "", *,
                    lang: str | None = None) -> ImportResult:
    """Read arggraph XML into a map; ``lang`` defaults to the file's ``.de.xml`` suffix."""
    return graph_to_map(parse_arggraph(source, file), file, _lang_of(file, lang))


def import_arggraph_bilingual(german: str | bytes, english: str | bytes, file: str = "",
                              english_file: str = "") -> ImportResult:
    """One map from the German and English files of the same text.

    Claims hold the German text in ``text`` and the English in ``en``; the map's
    language is German.  Raises InterchangeError when the two files do not have
    the same ADUs and edges.
    """
    de_graph = parse_arggraph(german, file)
    en_graph = parse_arggraph(english, english_file)
    if (set(de_graph.adus) != set(en_graph.adus)
            or sorted(de_graph.edges) != sorted(en_graph.edges)):
        raise InterchangeError(f"{english_file or '<english>'}: not the same argument graph "
                               f"as {file or '<german>'} (ADUs or edges differ)")
    result = graph_to_map(de_graph, file, "de")
    en_texts = _adu_texts(en_graph)
    for adu, text in en_texts.items():
        claim = result.map.claims.get(adu)
        if claim is not None:
            claim.en = clean_text(text)
    if en_graph.id and en_graph.id != de_graph.id:
        result.warnings.append(warn(f"the English file's id {en_graph.id!r:.40} differs from "
                                    f"{de_graph.id!r:.40}", english_file))
    return result


def import_arggraph_files(german_path: str, english_path: str) -> ImportResult:
    """:func:`import_arggraph_bilingual` of two files on disk."""
    datas = []
    for path in (german_path, english_path):
        try:
            if os.path.getsize(path) > MAX_BYTES:
                raise InterchangeError(f"{path}: more than {MAX_BYTES:,} bytes; refused")
            with open(path, "rb") as fh:
                datas.append(fh.read())
        except OSError as exc:
            raise InterchangeError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return import_arggraph_bilingual(datas[0], datas[1], german_path, english_path)
