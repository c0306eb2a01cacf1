"""Abstract argumentation frameworks (Dung 1995) and their labellings.

A :class:`Framework` is a set of arguments and an attack relation.  A
*labelling* gives every argument IN, OUT or UNDEC; a labelling is *complete*
when an argument is IN exactly if all its attackers are OUT, and OUT exactly
if some attacker is IN (Caminada 2006).  From the complete labellings:

* **grounded**: the one with the fewest IN (unique; computed in linear time),
* **preferred**: those whose IN set is maximal,
* **stable**: those without UNDEC (there may be none).

Only what the grounded labelling leaves UNDEC needs a search, and each
independent (weakly connected) part of it is searched on its own; the
labellings of the whole are the combinations of the parts'.

* stable (and complete): a constraint search over labels, with the complete
  labelling conditions propagated and branching IN before OUT before UNDEC;
* preferred: the PrefSAT loop of Cerutti et al. (2013), with our own
  admissible-set search instead of a SAT solver: find an admissible set that
  is not inside a preferred extension found so far, close it to a complete
  labelling, grow it until no admissible superset exists, repeat.  The
  search only decides what defending its IN arguments needs, and prunes
  arguments that can no longer be defended.

Enumeration stops at a limit of labellings or a time budget; the result then
says it was cut short.

Pure Python, no dependencies.  Argument names can be any hashable value;
the framework keeps them in the order they were added.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Iterator, Mapping, Sequence

from . import asp
from .search import _I, _O, _U, _undecided_parts, enumerate_codes, grounded_codes

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"
SEMANTICS = ("grounded", "complete", "preferred", "stable")

_NAME = {_I: IN, _O: OUT, _U: UNDEC}

DEFAULT_MAX_EXTENSIONS = 1000
DEFAULT_TIME_LIMIT = 30.0


@dataclass(frozen=True)
class Assumption:
    """Name of an auxiliary argument that enforces an assumption.

    ``kind`` is ``"accepted"`` or ``"rejected"``; ``target`` the argument it is
    about.  Such arguments are left out of extensions and printed labellings.
    """

    kind: str
    target: Hashable

    def __str__(self) -> str:
        return f"<{self.kind} {self.target}>"


class Framework:
    """A finite abstract argumentation framework ⟨arguments, attacks⟩."""

    def __init__(self, arguments: Iterable[Hashable] = (),
                 attacks: Iterable[tuple[Hashable, Hashable]] = ()) -> None:
        self.names: list[Hashable] = []
        self._index: dict[Hashable, int] = {}
        #: attackers[i]: indices of the arguments attacking argument i
        self.attackers: list[list[int]] = []
        #: targets[i]: indices of the arguments argument i attacks
        self.targets: list[list[int]] = []
        self._edges: set[tuple[int, int]] = set()
        for a in arguments:
            self.add_argument(a)
        for a, b in attacks:
            self.add_attack(a, b)

    @classmethod
    def from_indices(cls, n: int, attacks: Iterable[tuple[int, int]],
                     names: Sequence[Hashable] | None = None) -> "Framework":
        """A framework of arguments ``0..n-1`` (or ``names``) from index pairs.

        The fast way to build large frameworks; duplicate pairs are dropped.
        """
        af = cls()
        af.names = list(names) if names is not None else list(range(n))
        if len(af.names) != n:
            raise ValueError("names must have n entries")
        af._index = {name: i for i, name in enumerate(af.names)}
        if len(af._index) != n:
            raise ValueError("argument names must be distinct")
        edges = set(attacks)
        att: list[list[int]] = [[] for _ in range(n)]
        tgt: list[list[int]] = [[] for _ in range(n)]
        for a, b in edges:
            if not (0 <= a < n and 0 <= b < n):
                raise ValueError(f"attack ({a}, {b}) names an argument outside 0..{n - 1}")
            att[b].append(a)
            tgt[a].append(b)
        af.attackers, af.targets, af._edges = att, tgt, edges
        return af

    # -- building ------------------------------------------------------
    def add_argument(self, name: Hashable) -> int:
        """Add an argument (no-op if present); returns its index."""
        i = self._index.get(name)
        if i is None:
            i = len(self.names)
            self._index[name] = i
            self.names.append(name)
            self.attackers.append([])
            self.targets.append([])
        return i

    def add_attack(self, a: Hashable, b: Hashable) -> None:
        """``a`` attacks ``b``; unknown arguments are added."""
        self.add_index_attack(self.add_argument(a), self.add_argument(b))

    def add_index_attack(self, i: int, j: int) -> None:
        if (i, j) not in self._edges:
            self._edges.add((i, j))
            self.attackers[j].append(i)
            self.targets[i].append(j)

    # -- queries -------------------------------------------------------
    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def index(self, name: Hashable) -> int:
        try:
            return self._index[name]
        except KeyError:
            raise KeyError(f"no argument {name!r}") from None

    @property
    def arguments(self) -> list[Hashable]:
        return list(self.names)

    @property
    def attacks(self) -> list[tuple[Hashable, Hashable]]:
        names = self.names
        return [(names[a], names[b]) for a in range(len(names)) for b in self.targets[a]]

    def attackers_of(self, name: Hashable) -> list[Hashable]:
        return [self.names[a] for a in self.attackers[self.index(name)]]

    def targets_of(self, name: Hashable) -> list[Hashable]:
        return [self.names[b] for b in self.targets[self.index(name)]]

    def __repr__(self) -> str:
        return f"<Framework {len(self.names)} arguments, {len(self._edges)} attacks>"

    # -- assumptions ---------------------------------------------------
    def with_assumptions(self, assume: Mapping[Hashable, str]) -> "Framework":
        """A copy in which assumed arguments are forced IN or OUT.

        ``"rejected"``: a new unattacked argument attacks it, so it is OUT in
        every complete labelling.  ``"accepted"``: a new unattacked argument
        attacks each of its attackers, so they are OUT and it is IN (unless it
        attacks itself, or another accepted argument attacks it).  The new
        arguments are named by :class:`Assumption` and hidden in results.
        """
        af = Framework.from_indices(len(self.names), self._edges, self.names)
        for name, value in assume.items():
            i = self.index(name)
            if value == "accepted":
                k = af.add_argument(Assumption("accepted", name))
                for a in self.attackers[i]:
                    af.add_index_attack(k, a)
            elif value == "rejected":
                k = af.add_argument(Assumption("rejected", name))
                af.add_index_attack(k, i)
            else:
                raise ValueError(f"assumption for {name!r} must be 'accepted' or 'rejected', "
                                 f"not {value!r}")
        return af

    # -- semantics -----------------------------------------------------
    def grounded(self) -> "Labelling":
        return Labelling(self, grounded_codes(self.attackers, self.targets))

    def complete(self, max_extensions: int = DEFAULT_MAX_EXTENSIONS,
                 time_limit: float | None = DEFAULT_TIME_LIMIT) -> "Enumeration":
        return self.labellings("complete", max_extensions, time_limit)

    def preferred(self, max_extensions: int = DEFAULT_MAX_EXTENSIONS,
                  time_limit: float | None = DEFAULT_TIME_LIMIT) -> "Enumeration":
        return self.labellings("preferred", max_extensions, time_limit)

    def stable(self, max_extensions: int = DEFAULT_MAX_EXTENSIONS,
               time_limit: float | None = DEFAULT_TIME_LIMIT) -> "Enumeration":
        return self.labellings("stable", max_extensions, time_limit)

    def labellings(self, semantics: str, max_extensions: int = DEFAULT_MAX_EXTENSIONS,
                   time_limit: float | None = DEFAULT_TIME_LIMIT,
                   backend: str | None = None) -> "Enumeration":
        """All labellings of a semantics (grounded gives exactly one).

        ``backend``: ``"own"`` (argmap's search), ``"clingo"`` (the ASP
        encodings, :mod:`argmap.semantics.asp`) or ``"auto"`` (default, or
        the environment variable ``ARGMAP_SOLVER``): see :func:`choose_backend`.
        """
        if semantics == "grounded":
            return Enumeration("grounded", [self.grounded()])
        if semantics not in SEMANTICS:
            raise ValueError(f"unknown semantics {semantics!r}; choose one of "
                             + ", ".join(SEMANTICS))
        codes = grounded_codes(self.attackers, self.targets)
        chosen = choose_backend(self.attackers, self.targets, backend, codes)
        if _U not in codes:                      # the grounded labelling is the only one
            return Enumeration(semantics, [Labelling(self, codes)])
        run = asp.enumerate_codes if chosen == "clingo" else enumerate_codes
        found, truncated, reason = run(self.attackers, self.targets, semantics,
                                       max_extensions, time_limit)
        return Enumeration(semantics, [Labelling(self, c) for c in found], truncated, reason)

    def is_complete(self, labelling: "Labelling") -> bool:
        """Whether a labelling satisfies the complete-labelling conditions."""
        codes = labelling.codes
        for x, atts in enumerate(self.attackers):
            if codes[x] != _expected(codes, atts):
                return False
        return True


BACKENDS = ("auto", "own", "clingo")
#: the own search takes an undecided part of at most this many arguments, or a
#: sparse one (at most SPARSE attacks per argument) of at most SPARSE_PART
SMALL_PART, SPARSE, SPARSE_PART = 40, 1.4, 1000


def choose_backend(attackers: list[list[int]], targets: list[list[int]],
                   backend: str | None = None, codes: list[int] | None = None) -> str:
    """``"own"`` or ``"clingo"`` for a framework (docs/solver.md has the figures).

    Grounded is linear and needs no search; only what it leaves UNDEC is
    searched.  The own search answers at once when every weakly connected
    part of that is small or sparse (chains and short cycles: maps, most
    sparse frameworks), where clingo's start (about 1 ms) is most of the
    time; clingo takes the dense parts, where the own search is exponential
    far sooner.  Without clingo installed, always ``"own"``.  ``codes``: the
    grounded labelling's codes, when they are known.
    """
    backend = backend or os.environ.get("ARGMAP_SOLVER") or "auto"
    if backend not in BACKENDS:
        raise ValueError(f"unknown solver back end {backend!r}; choose one of "
                         + ", ".join(BACKENDS))
    if backend == "clingo" and not asp.available():
        raise RuntimeError("the clingo back end needs clingo (pip install clingo)")
    if backend != "auto":
        return backend
    if not asp.available():
        return "own"
    codes = grounded_codes(attackers, targets) if codes is None else codes
    if codes.count(_U) <= SMALL_PART:
        return "own"
    parts = _undecided_parts(targets, codes)
    largest = max(parts, key=len, default=[])
    if len(largest) <= SMALL_PART:
        return "own"
    inside = set(largest)
    attacks = sum(1 for x in largest for a in attackers[x] if a in inside)
    if len(largest) <= SPARSE_PART and attacks <= SPARSE * len(largest):
        return "own"
    return "clingo"


def _expected(codes: Sequence[int], atts: Iterable[int]) -> int:
    all_out = True
    for a in atts:
        c = codes[a]
        if c == _I:
            return _O
        if c != _O:
            all_out = False
    return _I if all_out else _U


class Labelling:
    """IN/OUT/UNDEC for every argument of a framework."""

    __slots__ = ("framework", "codes")

    def __init__(self, framework: Framework, codes: list[int]) -> None:
        self.framework = framework
        self.codes = codes

    def __getitem__(self, name: Hashable) -> str:
        return _NAME[self.codes[self.framework.index(name)]]

    def label_at(self, i: int) -> str:
        return _NAME[self.codes[i]]

    def _names(self, code: int) -> list[Hashable]:
        names = self.framework.names
        return [names[i] for i, c in enumerate(self.codes)
                if c == code and not isinstance(names[i], Assumption)]

    @property
    def extension(self) -> list[Hashable]:
        """The IN arguments (assumption helpers left out), in framework order."""
        return self._names(_I)

    @property
    def out(self) -> list[Hashable]:
        return self._names(_O)

    @property
    def undec(self) -> list[Hashable]:
        return self._names(_U)

    def as_dict(self) -> dict[Hashable, str]:
        names = self.framework.names
        return {names[i]: _NAME[c] for i, c in enumerate(self.codes)
                if not isinstance(names[i], Assumption)}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Labelling) and self.codes == other.codes

    def __hash__(self) -> int:
        return hash(tuple(self.codes))

    def __repr__(self) -> str:
        return f"<Labelling IN={self.extension!r}>"


@dataclass
class Enumeration:
    """The labellings of one semantics; ``truncated`` when the list is incomplete."""

    semantics: str
    labellings: list[Labelling] = field(default_factory=list)
    truncated: bool = False
    #: why the enumeration stopped early ("" when complete)
    reason: str = ""

    @property
    def extensions(self) -> list[list[Hashable]]:
        return [lab.extension for lab in self.labellings]

    def __len__(self) -> int:
        return len(self.labellings)

    def __iter__(self) -> Iterator[Labelling]:
        return iter(self.labellings)


# ---------------------------------------------------------------------------
# ---------------------------------------------------------------------------
# reference definitions (for tests and tiny frameworks)
# ---------------------------------------------------------------------------

def labelling_from_extension(af: Framework, ext: Iterable[Hashable]) -> Labelling:
    """The labelling of an extension: IN it, OUT what it attacks, UNDEC the rest."""
    codes = [_U] * len(af)
    ins = {af.index(a) for a in ext}
    for i in ins:
        codes[i] = _I
    for i in ins:
        for j in af.targets[i]:
            if codes[j] != _I:
                codes[j] = _O
    return Labelling(af, codes)

