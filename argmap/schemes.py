"""The catalogue of argument schemes and their critical questions.

The catalogue is a data file, ``resources/schemes.yaml`` (docs/schemes.md):
for each scheme its kind (support, conflict, rephrase), its name as AIFdb
spells it and, where known, AIFdb's numeric schemeID, its names in German and
English, the roles of its premises, the wording of its conclusion and its
critical questions, each naming what a "no" attacks: a premise's role or the
inference itself.

:func:`catalogue` reads and checks it once; :func:`merge` lays a map's own
schemes (a mapping of the same shape, from the map's header) over it.
Problems are reported as :class:`~argmap.diagnostics.MapError` with the file,
line and column of the value at fault. :func:`map_catalogue` is the catalogue
a map uses: the shipped one with the map's own schemes laid over it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from .diagnostics import ERROR, Diagnostic, MapError
from .resources import resource_path
from .yamlread import read_yaml

if TYPE_CHECKING:
    from .model import ArgumentMap

#: the catalogue file, in the resources folder
FILE = "schemes.yaml"
#: scheme kinds and the AIF node type of each
KINDS = {"support": "RA", "conflict": "CA", "rephrase": "MA"}
#: what a critical question targets when a "no" undercuts the inference itself
INFERENCE = "inference"
#: the languages every text must have
LANGUAGES = ("de", "en")
#: the longest short name, in characters (it is drawn at a relation)
SHORT_MAX = 16

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SCHEME_KEYS = ("kind", "aif", "aif_id", "name", "short", "source", "roles", "conclusion",
                "questions", "answers", "note")
_TEXT_KEYS = ("name", "short", "conclusion")
_ROLE_KEYS = ("id", "required")
_QUESTION_KEYS = ("id", "targets")
_ANSWER_KEYS = ("scheme", "question")


@dataclass(frozen=True)
class Words:
    """One text in several languages (always German and English)."""

    de: str
    en: str

    def get(self, lang: str = "en") -> str:
        """The text in ``lang``: German for ``de`` (also ``de-AT``), else English."""
        return self.de if (lang or "").lower().split("-")[0] == "de" else self.en

    def to_data(self) -> dict[str, str]:
        return {"de": self.de, "en": self.en}


@dataclass(frozen=True)
class Role:
    """The role a premise plays in a scheme."""

    id: str
    text: Words
    required: bool = True

    def to_data(self) -> dict[str, Any]:
        return {"id": self.id, "required": self.required, **self.text.to_data()}


@dataclass(frozen=True)
class Question:
    """A critical question; a "no" attacks the role ``targets`` or the inference."""

    id: str
    text: Words
    targets: str

    @property
    def undercuts(self) -> bool:
        """True when a "no" attacks the inference rather than a premise."""
        return self.targets == INFERENCE

    def to_data(self) -> dict[str, Any]:
        return {"id": self.id, "targets": self.targets, **self.text.to_data()}


@dataclass(frozen=True)
class Scheme:
    id: str
    kind: str                       # support, conflict or rephrase
    name: Words
    short: Words
    source: str
    roles: tuple[Role, ...]
    conclusion: Words
    questions: tuple[Question, ...]
    aif: str = ""                   # the name as AIFdb spells it; "" when AIFdb has none
    aif_id: int | None = None       # AIFdb's schemeID, where known
    #: (scheme id, question id) of the critical questions whose "no" this conflict states
    answers: tuple[tuple[str, str], ...] = ()
    note: str = ""

    @property
    def aif_type(self) -> str:
        """The AIF node type of the scheme: RA, CA or MA."""
        return KINDS[self.kind]

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def required_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.required)

    def to_data(self) -> dict[str, Any]:
        """The scheme as the catalogue file writes it (without its id)."""
        data: dict[str, Any] = {"kind": self.kind}
        if self.aif:
            data["aif"] = self.aif
        if self.aif_id is not None:
            data["aif_id"] = self.aif_id
        data.update(name=self.name.to_data(), short=self.short.to_data(), source=self.source,
                    roles=[r.to_data() for r in self.roles],
                    conclusion=self.conclusion.to_data(),
                    questions=[q.to_data() for q in self.questions])
        if self.answers:
            data["answers"] = [{"scheme": s, "question": q} for s, q in self.answers]
        if self.note:
            data["note"] = self.note
        return data


def aif_key(name: str) -> str:
    """``name`` reduced to what identifies an AIF scheme name.

    Case, spacing and punctuation do not count, nor the "Argument From"
    AIFdb puts before some names (and Araucaria's run-together words):
    ``Argument From Expert Opinion``, ``expert  opinion`` and
    ``ExpertOpinion`` are one name.
    """
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name or "")
    words = re.findall(r"[a-z0-9]+", spaced.lower())
    if words[:2] == ["argument", "from"] and len(words) > 2:
        words = words[2:]
        if words[0] in ("a", "an", "the") and len(words) > 1:
            words = words[1:]
    elif words[-1:] == ["argument"] and len(words) > 1:
        words = words[:-1]
    return "".join(words)


class Catalogue:
    """The schemes by id, in the catalogue's order, with AIF look-ups."""

    def __init__(self, schemes: Mapping[str, Scheme]) -> None:
        self._schemes = dict(schemes)
        self._by_aif = {aif_key(s.aif): s for s in self._schemes.values() if s.aif}
        self._by_aif_id = {s.aif_id: s for s in self._schemes.values() if s.aif_id is not None}
        named: dict[str, set[str]] = {}    # a name's key -> the schemes it may mean
        for s in self._schemes.values():
            for text in (s.id, s.name.en, s.name.de):
                named.setdefault(aif_key(text), set()).add(s.id)
        self._by_name = {k: self._schemes[next(iter(v))] for k, v in named.items()
                         if len(v) == 1 and k}

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self._schemes.values())

    def __len__(self) -> int:
        return len(self._schemes)

    def __contains__(self, scheme_id: object) -> bool:
        return scheme_id in self._schemes

    def __getitem__(self, scheme_id: str) -> Scheme:
        return self._schemes[scheme_id]

    def ids(self) -> list[str]:
        return list(self._schemes)

    def get(self, scheme_id: str) -> Scheme | None:
        return self._schemes.get(scheme_id)

    def by_aif(self, name: str | None) -> Scheme | None:
        """The scheme AIF names ``name`` (see :func:`aif_key`), or None."""
        if not name:
            return None
        return self._by_aif.get(aif_key(name))

    def by_aif_id(self, scheme_id: int | str | None) -> Scheme | None:
        """The scheme with AIFdb's schemeID ``scheme_id`` (``15`` or ``"15"``), or None."""
        if isinstance(scheme_id, bool) or scheme_id is None:
            return None
        if isinstance(scheme_id, str):
            if not scheme_id.strip().isdigit():
                return None
            scheme_id = int(scheme_id)
        return self._by_aif_id.get(scheme_id)

    def find(self, name: str | None) -> Scheme | None:
        """The scheme ``name`` names, or None: a scheme id (``expert-opinion``), an AIF
        name in any of its forms (:meth:`by_aif`), or the German or English name of one
        scheme (``Slippery slope argument``, ``Argument aus einem Präzedenzfall``), which
        finds also the schemes AIFdb has no name for."""
        if not name:
            return None
        return self.get(name) or self.by_aif(name) or self._by_name.get(aif_key(name))

    def to_data(self) -> dict[str, Any]:
        return {"version": 1, "schemes": {s.id: s.to_data() for s in self}}


#: the generic schemes of the catalogue: a relation that names one names no particular
#: scheme (AIF writes them on every inference, conflict and rephrase without one)
GENERIC = ("default-inference", "default-conflict", "default-rephrase")


def interchange_name(scheme: Scheme) -> str:
    """The name AIF and Argdown files give ``scheme``: AIFdb's (``Expert Opinion``), else
    its English name (``Argument from precedent``), which :meth:`Catalogue.find` reads
    back."""
    return scheme.aif or scheme.name.en


def scheme_from_name(name: str, schemes: Catalogue | None = None) -> str:
    """The ``scheme`` of a relation whose AIF or Argdown file names the scheme ``name``:
    the id of the catalogue's scheme of that name (:meth:`Catalogue.find`), "" for a
    generic one (``Default Inference``) or no name, else the name as written (on one
    line): a scheme the catalogue does not have, which an export writes back unchanged.
    """
    name = " ".join(name.split())
    if not name:
        return ""
    found = (schemes if schemes is not None else catalogue()).find(name)
    if found is None:
        return name
    return "" if found.id in GENERIC else found.id


# ---- reading and checking ------------------------------------------------------------------

Where = Callable[[tuple, bool], tuple[int, int]]


class Places(Protocol):
    """Where the parts of a file stand: a :class:`~argmap.yamlread.Document`, or
    anything else with its file name and ``where(path, key)``."""

    @property
    def file(self) -> str: ...

    def where(self, path: tuple, key: bool = False) -> tuple[int, int]: ...


class _Checker:
    """Builds schemes from plain data, collecting every problem with its place."""

    def __init__(self, file: str, where: Where) -> None:
        self.file = file
        self.where = where
        self.errors: list[Diagnostic] = []

    def fail(self, path: tuple, message: str, key: bool = False) -> None:
        """An error at the value ``path`` (``key``: at the key that holds it)."""
        line, column = self.where(path, key)
        self.errors.append(Diagnostic(ERROR, message, self.file, line, column))

    def unknown_keys(self, data: dict, path: tuple, known: tuple[str, ...], what: str) -> None:
        for key in data:
            if key not in known:
                self.fail(path + (key,), f"unknown key '{key}' in {what} "
                          f"(known: {', '.join(known)})", key=True)

    def text(self, value: Any, path: tuple, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"{what} must be a text")
            return ""
        return value

    def slug(self, value: Any, path: tuple, what: str) -> str:
        if not isinstance(value, str) or not _SLUG.match(value):
            self.fail(path, f"{what} must be a slug (letters, digits, '-', '_', '.'), "
                      f"not {value!r}")
            return str(value)
        return value

    def words(self, data: Any, path: tuple, what: str, limit: int = 0,
              inline: bool = False) -> Words:
        """The de and en texts of ``data``; ``inline``: beside other keys (roles, questions)."""
        if not isinstance(data, dict):
            self.fail(path, f"{what} must be a mapping with a text for each of de and en")
            return Words("", "")
        if not inline:
            self.unknown_keys(data, path, LANGUAGES, what)
        texts: dict[str, str] = {}
        for lang in LANGUAGES:
            if lang not in data:
                self.fail(path, f"{what} has no '{lang}' text")
                continue
            texts[lang] = text = self.text(data[lang], path + (lang,), f"{what} ({lang})")
            if limit and len(text) > limit:
                self.fail(path + (lang,), f"{what} ({lang}) '{text}' has {len(text)} "
                          f"characters; at most {limit} are drawn")
        return Words(texts.get("de", ""), texts.get("en", ""))

    def items(self, data: Any, path: tuple, what: str) -> list[tuple[tuple, dict]]:
        if not isinstance(data, list) or not data:
            self.fail(path, f"{what} must be a list with at least one entry")
            return []
        out = []
        for i, item in enumerate(data):
            if isinstance(item, dict):
                out.append((path + (i,), item))
            else:
                self.fail(path + (i,), f"{what} entry {i + 1} must be a mapping")
        return out

    def scheme(self, sid: str, data: Any, path: tuple) -> Scheme | None:
        sid = self.slug(sid, path, "scheme id")
        if not isinstance(data, dict):
            self.fail(path, f"scheme '{sid}' must be a mapping")
            return None
        before = len(self.errors)
        what = f"scheme '{sid}'"
        self.unknown_keys(data, path, _SCHEME_KEYS, what)
        for key in ("kind", "name", "short", "source", "roles", "conclusion", "questions"):
            if key not in data:
                self.fail(path, f"{what} has no '{key}'")
        kind = data.get("kind", "support")
        if kind not in KINDS:
            self.fail(path + ("kind",), f"{what}: kind must be one of {', '.join(KINDS)}, "
                      f"not {kind!r}")
        aif = data.get("aif", "")
        if "aif" in data:
            aif = self.text(aif, path + ("aif",), f"{what}: aif")
        aif_id = data.get("aif_id")
        if aif_id is not None and (isinstance(aif_id, bool) or not isinstance(aif_id, int)
                                   or aif_id <= 0):
            self.fail(path + ("aif_id",), f"{what}: aif_id must be a whole number above 0, "
                      f"not {aif_id!r}")
            aif_id = None
        if aif_id is not None and not aif:
            self.fail(path + ("aif_id",), f"{what}: aif_id needs the scheme's aif name")
        name = self.words(data.get("name"), path + ("name",), f"{what}: name")
        short = self.words(data.get("short"), path + ("short",), f"{what}: short",
                           SHORT_MAX)
        conclusion = self.words(data.get("conclusion"), path + ("conclusion",),
                                f"{what}: conclusion")
        source = self.text(data.get("source"), path + ("source",), f"{what}: source") \
            if "source" in data else ""
        note = data.get("note", "")
        if "note" in data:
            note = self.text(note, path + ("note",), f"{what}: note")
        roles = self._roles(data.get("roles"), path + ("roles",), what)
        questions = self._questions(data.get("questions"), path + ("questions",), what,
                                    {r.id for r in roles})
        answers = self._answers(data.get("answers", []), path + ("answers",), what)
        if len(self.errors) > before:
            return None
        return Scheme(sid, kind, name, short, source, roles, conclusion, questions, aif,
                      aif_id, answers, note)

    def _roles(self, data: Any, path: tuple, what: str) -> tuple[Role, ...]:
        roles: list[Role] = []
        for at, item in self.items(data, path, f"{what}: roles"):
            rid = self.slug(item.get("id"), at + ("id",), f"{what}: role id")
            label = f"{what}: role '{rid}'"
            self.unknown_keys(item, at, _ROLE_KEYS + LANGUAGES, label)
            if rid == INFERENCE:
                self.fail(at + ("id",), f"{what}: '{INFERENCE}' is not a role id; critical "
                          f"questions use it for the inference itself")
            if any(r.id == rid for r in roles):
                self.fail(at + ("id",), f"{what}: role '{rid}' is defined twice")
            required = item.get("required", True)
            if not isinstance(required, bool):
                self.fail(at + ("required",), f"{label}: required must be true or false, "
                          f"not {required!r}")
                required = True
            roles.append(Role(rid, self.words(item, at, label, inline=True), required))
        return tuple(roles)

    def _questions(self, data: Any, path: tuple, what: str,
                   role_ids: set[str]) -> tuple[Question, ...]:
        questions: list[Question] = []
        for at, item in self.items(data, path, f"{what}: questions"):
            qid = self.slug(item.get("id"), at + ("id",), f"{what}: question id")
            label = f"{what}: question '{qid}'"
            self.unknown_keys(item, at, _QUESTION_KEYS + LANGUAGES, label)
            if any(q.id == qid for q in questions):
                self.fail(at + ("id",), f"{what}: question '{qid}' is defined twice")
            targets = item.get("targets")
            if targets != INFERENCE and targets not in role_ids:
                known = ", ".join(sorted(role_ids) + [INFERENCE])
                self.fail(at + ("targets",) if "targets" in item else at,
                          f"{label} targets {targets!r}, which is neither a role of the "
                          f"scheme nor '{INFERENCE}' (known: {known})")
            questions.append(Question(qid, self.words(item, at, label, inline=True),
                                      str(targets)))
        return tuple(questions)

    def _answers(self, data: Any, path: tuple, what: str) -> tuple[tuple[str, str], ...]:
        if not isinstance(data, list):
            self.fail(path, f"{what}: answers must be a list")
            return ()
        out = []
        for i, item in enumerate(data):
            at = path + (i,)
            if not isinstance(item, dict):
                self.fail(at, f"{what}: answers entry {i + 1} must be a mapping")
                continue
            self.unknown_keys(item, at, _ANSWER_KEYS, f"{what}: answers entry {i + 1}")
            scheme = self.text(item.get("scheme"), at + ("scheme",), f"{what}: answers scheme")
            question = self.text(item.get("question"), at + ("question",),
                                 f"{what}: answers question")
            out.append((scheme, question))
        return tuple(out)

    def cross_check(self, schemes: dict[str, Scheme], paths: dict[str, tuple],
                    blame: frozenset[str] = frozenset(),
                    broken: frozenset[str] = frozenset()) -> None:
        """AIF names and ids unique; answered questions exist.

        Of two schemes with one AIF name, the one in ``blame`` (the schemes a
        map's header gives) is reported, else the later one. Answers to a ``broken``
        scheme (reported already) are not checked.
        """
        def clash(sid: str, first: str, key: str, message: str) -> None:
            bad, other = (first, sid) if first in blame and sid not in blame else (sid, first)
            self.fail(paths[bad] + (key,), message.format(bad=bad, other=other))

        seen_aif: dict[str, str] = {}
        seen_id: dict[int, str] = {}
        for sid, s in schemes.items():
            if s.aif:
                key = aif_key(s.aif)
                if key in seen_aif:
                    clash(sid, seen_aif[key], "aif", "scheme '{bad}': its aif name is "
                          "already the name of scheme '{other}' (" + repr(s.aif) + ")")
                seen_aif.setdefault(key, sid)
            if s.aif_id is not None:
                if s.aif_id in seen_id:
                    clash(sid, seen_id[s.aif_id], "aif_id", "scheme '{bad}': aif_id "
                          f"{s.aif_id} is already the id of scheme '{{other}}'")
                seen_id.setdefault(s.aif_id, sid)
            for i, (other, qid) in enumerate(s.answers):
                target = schemes.get(other)
                at = paths[sid] + ("answers", i)
                if other in broken:
                    continue
                if target is None:
                    self.fail(at + ("scheme",), f"scheme '{sid}' answers a question of "
                              f"unknown scheme '{other}'")
                elif target.question(qid) is None and other in blame and sid not in blame:
                    # the map's header changed the questions under a conflict's feet
                    self.fail(paths[other] + ("questions",), f"scheme '{other}' has no "
                              f"question '{qid}', which scheme '{sid}' answers")
                elif target.question(qid) is None:
                    self.fail(at + ("question",), f"scheme '{sid}' answers question '{qid}', "
                              f"which scheme '{other}' does not have")


def _where(doc: Places | None, prefix: tuple) -> Where:
    def where(path: tuple, key: bool = False) -> tuple[int, int]:
        return doc.where(prefix + tuple(path), key) if doc is not None else (0, 0)
    return where


def _build(entries: Mapping[str, Any], checker: _Checker, path: tuple,
           blame: frozenset[str] = frozenset()) -> dict[str, Scheme]:
    schemes: dict[str, Scheme] = {}
    paths: dict[str, tuple] = {}
    broken: set[str] = set()
    for sid, data in entries.items():
        built = checker.scheme(sid, data, path + (sid,))
        if built is not None:
            schemes[built.id] = built
            paths[built.id] = path + (sid,)
        else:
            broken.add(str(sid))
    checker.cross_check(schemes, paths, blame, frozenset(broken))
    return schemes


def load(text: str, file: str = "") -> Catalogue:
    """The catalogue in ``text`` (the YAML of a catalogue file); :class:`MapError` when broken."""
    doc = read_yaml(text, file)
    checker = _Checker(file, _where(doc, ()))
    data = doc.data
    if not isinstance(data, dict):
        checker.fail((), "a scheme catalogue must be a mapping with 'version' and 'schemes'")
        raise MapError(checker.errors)
    checker.unknown_keys(data, (), ("version", "schemes"), "the scheme catalogue")
    if data.get("version") != 1:
        checker.fail(("version",), f"the scheme catalogue's version must be 1, not "
                     f"{data.get('version')!r}")
    entries = data.get("schemes")
    if not isinstance(entries, dict) or not entries:
        checker.fail(("schemes",), "'schemes' must map scheme ids to schemes")
        raise MapError(checker.errors)
    schemes = _build(entries, checker, ("schemes",))
    if checker.errors:
        raise MapError(checker.errors)
    return Catalogue(schemes)


@cache
def catalogue() -> Catalogue:
    """The shipped catalogue (read once)."""
    path = resource_path(FILE)
    return load(path.read_text(encoding="utf-8"), str(path))


def _overlay(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``base`` with the keys of ``override``; texts (name, short, conclusion) per language."""
    merged = dict(base)
    for key, value in override.items():
        old = merged.get(key)
        if key in _TEXT_KEYS and isinstance(old, dict) and isinstance(value, dict):
            merged[key] = {**old, **value}
        else:
            merged[key] = value
    return merged


def merge(base: Catalogue, overrides: Mapping[str, Any] | None, *,
          doc: Places | None = None, path: tuple = ()) -> Catalogue:
    """``base`` with the schemes of ``overrides`` added or laid over it.

    ``overrides`` maps scheme ids to schemes of the catalogue's shape. A new
    id must be a whole scheme; for an id the catalogue has, the keys given
    replace the catalogue's (``name``, ``short`` and ``conclusion`` language
    by language), so ``{expert-opinion: {short: {en: Expert}}}`` renames one
    short name. ``doc`` and ``path`` (where ``overrides`` stands in ``doc``,
    e.g. ``("schemes",)``) give the errors their line and column.
    Raises :class:`MapError`; ``base`` is left as it is.
    """
    checker = _Checker(doc.file if doc else "", _where(doc, ()))
    if not overrides:
        return base
    if not isinstance(overrides, Mapping):
        checker.fail(path, "schemes must map scheme ids to schemes")
        raise MapError(checker.errors)
    entries: dict[str, Any] = {s.id: s.to_data() for s in base}
    for sid, data in overrides.items():
        old = entries.get(sid) if isinstance(sid, str) else None
        if old is not None and isinstance(data, dict):
            entries[sid] = _overlay(old, data)
        else:
            entries[sid] = data
    # check every scheme again: an override may break a question's target or an answer
    schemes = _build(entries, checker, path, frozenset(k for k in overrides if isinstance(k, str)))
    if checker.errors:
        raise MapError(checker.errors)
    return Catalogue(schemes)


# ---- the catalogue of one map ----------------------------------------------------------------

#: the catalogues of the last maps asked for, by the text of their own schemes
_MAP_CATALOGUES: OrderedDict[str, Catalogue] = OrderedDict()
_MAP_CATALOGUES_SIZE = 16
_MAP_LOCK = threading.Lock()


def map_catalogue(amap: ArgumentMap) -> Catalogue:
    """The schemes ``amap`` may name: the shipped catalogue with the map's own schemes
    (its header's ``schemes:``, :attr:`ArgumentMap.schemes`) laid over it by
    :func:`merge`. Cheap to call again: the result is kept for the content of the map's
    schemes, and a map without any gets the shipped catalogue itself. When the map's
    schemes do not check (``argmap check`` reports why), the shipped catalogue."""
    own = getattr(amap, "schemes", None)
    if not own:
        return catalogue()
    key = repr(own)
    with _MAP_LOCK:
        found = _MAP_CATALOGUES.get(key)
        if found is not None:
            _MAP_CATALOGUES.move_to_end(key)
            return found
    try:
        merged = merge(catalogue(), own)
    except MapError:
        merged = catalogue()
    with _MAP_LOCK:
        _MAP_CATALOGUES[key] = merged
        while len(_MAP_CATALOGUES) > _MAP_CATALOGUES_SIZE:
            _MAP_CATALOGUES.popitem(last=False)
    return merged
