"""Search algorithms behind :mod:`argmap.semantics.framework`.

They work on plain adjacency lists (``attackers[i]``, ``targets[i]``: lists
of argument indices) and label codes (1 IN, 2 OUT, 4 UNDEC).  See the
framework module for what they compute and docs/semantics.md for how.
"""

from __future__ import annotations

import itertools
import time
from typing import Iterable, Iterator, Sequence

# Label codes double as bits of a search domain.
_I, _O, _U = 1, 2, 4
_ALL = _I | _O | _U
_SINGLE = (_I, _O, _U)


# ---------------------------------------------------------------------------
# grounded: linear time
# ---------------------------------------------------------------------------

def grounded_codes(attackers: list[list[int]], targets: list[list[int]]) -> list[int]:
    """Label codes of the grounded labelling, in O(arguments + attacks).

    Unattacked arguments are IN; whatever an IN argument attacks is OUT; an
    argument all of whose attackers are OUT becomes IN; the rest is UNDEC.
    """
    n = len(attackers)
    lab = [_U] * n
    left = [len(a) for a in attackers]          # attackers not (yet) OUT
    stack = [i for i in range(n) if not left[i]]
    for i in stack:
        lab[i] = _I
    pop, push = stack.pop, stack.append
    while stack:
        x = pop()
        for y in targets[x]:
            if lab[y] == _O:
                continue
            lab[y] = _O
            for z in targets[y]:
                left[z] -= 1
                if not left[z] and lab[z] == _U:
                    lab[z] = _I
                    push(z)
    return lab


# ---------------------------------------------------------------------------
# search over complete labellings
# ---------------------------------------------------------------------------

class _Timeout(Exception):
    pass


class _Search:
    """Complete labellings of a (local) framework by propagation and branching.

    ``dom[x]`` is a bit set of the labels x may still take.  Every argument
    contributes the constraint ``label(x) = f(labels of its attackers)``;
    clauses ask that at least one argument of a set be IN.
    """

    def __init__(self, att: list[list[int]], tgt: list[list[int]],
                 deadline: float | None) -> None:
        self.att, self.tgt = att, tgt
        self.n = len(att)
        self.deadline = deadline
        self.ticks = 0
        #: branching order: most connected first
        self.order = sorted(range(self.n), key=lambda i: -(len(att[i]) + len(tgt[i])))

    def _tick(self) -> None:
        self.ticks += 1
        if self.deadline is not None and not self.ticks & 63 \
                and time.monotonic() > self.deadline:
            raise _Timeout

    def propagate(self, dom: list[int], queue: list[int],
                  clauses: Sequence[Sequence[int]]) -> bool:
        att, tgt = self.att, self.tgt
        queued = [False] * self.n
        for q in queue:
            queued[q] = True

        def changed(c: int) -> None:
            if not queued[c]:
                queued[c] = True
                queue.append(c)
            for t in tgt[c]:
                if not queued[t]:
                    queued[t] = True
                    queue.append(t)

        while True:
            while queue:
                x = queue.pop()
                queued[x] = False
                ax = att[x]
                all_o = all_ou = True
                some_i = some_u = False
                for a in ax:
                    da = dom[a]
                    if not da & _O:
                        all_o = False
                        if not da & _U:
                            all_ou = False
                    if da & _I:
                        some_i = True
                    if da & _U:
                        some_u = True
                allowed = ((_I if all_o else 0) | (_O if some_i else 0)
                           | (_U if all_ou and some_u else 0))
                d = dom[x]
                nd = d & allowed
                if not nd:
                    return False
                if nd != d:
                    dom[x] = nd
                    changed(x)
                if nd == _I:                      # every attacker OUT
                    for a in ax:
                        da = dom[a]
                        if da != _O:
                            if not da & _O:
                                return False
                            dom[a] = _O
                            changed(a)
                    continue
                if not nd & _O:                   # no attacker IN
                    for a in ax:
                        da = dom[a]
                        if da & _I:
                            if da == _I:
                                return False
                            dom[a] = da & ~_I
                            changed(a)
                if not nd & _I:                   # some attacker not OUT
                    cand = -1
                    for a in ax:
                        if dom[a] & (_I | _U):
                            if cand >= 0:
                                cand = -2
                                break
                            cand = a
                    if cand == -1:
                        return False
                    if cand >= 0 and dom[cand] & _O:
                        dom[cand] &= _I | _U
                        changed(cand)
                if nd == _O:                      # some attacker IN
                    cand = -1
                    for a in ax:
                        if dom[a] & _I:
                            if cand >= 0:
                                cand = -2
                                break
                            cand = a
                    if cand == -1:
                        return False
                    if cand >= 0 and dom[cand] != _I:
                        dom[cand] = _I
                        changed(cand)
            forced = False
            for clause in clauses:
                cand = -1
                for y in clause:
                    if dom[y] & _I:
                        if cand >= 0:
                            cand = -2
                            break
                        cand = y
                if cand == -1:
                    return False
                if cand >= 0 and dom[cand] != _I:
                    dom[cand] = _I
                    changed(cand)
                    forced = True
            if not forced:
                return True

    def solutions(self, dom0: list[int],
                  clauses: Sequence[Sequence[int]] = ()) -> Iterator[list[int]]:
        """Complete labellings (as code lists) within the domains ``dom0``."""
        stack: list[tuple[list[int], int, int]] = [(dom0, -1, 0)]
        n = self.n
        while stack:
            self._tick()
            parent, y, v = stack.pop()
            if y < 0:
                dom = parent.copy()
                queue = list(range(n))
            else:
                dom = parent.copy()
                dom[y] = v
                queue = [y, *self.tgt[y]]
            if not self.propagate(dom, queue, clauses):
                continue
            z = next((i for i in self.order if dom[i] not in _SINGLE), -1)
            if z < 0:
                yield dom
                continue
            d = dom[z]
            for value in (_U, _O, _I):           # popped in the order IN, OUT, UNDEC
                if d & value:
                    stack.append((dom, z, value))

    def first(self, dom0: list[int], clauses: Sequence[Sequence[int]] = ()) -> list[int] | None:
        return next(self.solutions(dom0, clauses), None)


_FREE, _IN, _NOTIN, _MUSTOUT = 0, 1, 2, 3


class _Admissible:
    """Admissible sets of a (local) framework by a focused search.

    Only what an IN argument needs is decided: its attackers must be OUT
    (each needs an IN attacker of its own), what it attacks cannot be IN.
    Clauses ask that at least one argument of a set be IN.  Everything not
    involved stays free (UNDEC), so there is far less to branch on than when
    deciding a whole complete labelling.
    """

    def __init__(self, att: list[list[int]], tgt: list[list[int]], ticker: "_Search") -> None:
        self.att, self.tgt, self.ticker = att, tgt, ticker
        self.n = len(att)
        #: try arguments that are cheap to defend first
        self.cost = [len(a) for a in att].__getitem__

    def _set_in(self, st: list[int], x: int, work: list[int]) -> bool:
        if st[x] != _FREE:
            return st[x] == _IN
        att = self.att
        st[x] = _IN
        for y in self.tgt[x]:
            if st[y] == _IN:
                return False
            if st[y] == _FREE:
                st[y] = _NOTIN
        for a in att[x]:
            sa = st[a]
            if sa == _IN:
                return False
            if sa != _MUSTOUT:
                st[a] = _MUSTOUT
                work.append(a)
        return True

    def _propagate(self, st: list[int], musts: list[int],
                   clauses: Sequence[Sequence[int]]) -> tuple[bool, list[int] | None]:
        """Unit propagation; (consistent, the open choice with fewest candidates)."""
        att = self.att
        while True:
            work: list[int] = []
            best: list[int] | None = None
            # each must-be-out argument needs an IN attacker; each clause an IN member
            for group in itertools.chain((att[a] for a in musts), clauses):
                cands = []
                for b in group:
                    sb = st[b]
                    if sb == _IN:
                        cands = None
                        break
                    if sb == _FREE:
                        cands.append(b)
                if cands is None:
                    continue
                if not cands:
                    return False, None
                if len(cands) == 1:
                    if not self._set_in(st, cands[0], musts):
                        return False, None
                    work.append(cands[0])
                elif best is None or len(cands) < len(best):
                    best = cands
            if work:
                continue
            pruned = self._prune(st)
            if pruned is None:
                return False, None
            if not pruned:
                return True, best

    def _prune(self, st: list[int]) -> bool | None:
        """Arguments that can never be defended become NOT-IN.

        An argument that no possible member (FREE or IN) attacks can never be
        attacked by the final set, so nothing it attacks can be IN, and it
        cannot be OUT as required.  Iterated to a fixpoint; None on conflict,
        else whether anything changed.
        """
        att, tgt = self.att, self.tgt
        cnt = [0] * self.n
        for a in range(self.n):
            k = 0
            for b in att[a]:
                if st[b] <= _IN:
                    k += 1
            cnt[a] = k
        queue = [a for a in range(self.n) if not cnt[a]]
        changed = False
        while queue:
            a = queue.pop()
            if st[a] == _MUSTOUT:
                return None
            for x in tgt[a]:
                sx = st[x]
                if sx == _IN:
                    return None
                if sx == _FREE:
                    st[x] = _NOTIN
                    changed = True
                    for y in tgt[x]:
                        cnt[y] -= 1
                        if not cnt[y]:
                            queue.append(y)
        return changed

    def find(self, required: Iterable[int], clauses: Sequence[Sequence[int]]) -> list[int] | None:
        """An admissible set containing ``required`` and meeting ``clauses``, or None."""
        st = [_FREE] * self.n
        musts: list[int] = []
        for x in required:
            if not self._set_in(st, x, musts):
                return None
        stack: list[tuple[list[int], list[int], int, int]] = [(st, musts, -1, 0)]
        while stack:
            self.ticker._tick()
            st, musts, x, how = stack.pop()
            if x >= 0:
                st, musts = st.copy(), musts.copy()
                if how == _IN:
                    if not self._set_in(st, x, musts):
                        continue
                else:
                    st[x] = _NOTIN
            ok, choice = self._propagate(st, musts, clauses)
            if not ok:
                continue
            if choice is None:
                return [i for i, v in enumerate(st) if v == _IN]
            c = min(choice, key=self.cost)
            stack.append((st, musts, c, _NOTIN))     # then: c is not IN
            stack.append((st, musts, c, _IN))        # first: c is IN
        return None

    def close(self, ins: Iterable[int]) -> list[int]:
        """The least complete labelling whose IN contains an admissible set."""
        att, tgt = self.att, self.tgt
        lab = [_U] * self.n
        left = [len(a) for a in att]
        stack = list(dict.fromkeys([*ins, *(i for i in range(self.n) if not left[i])]))
        for i in stack:
            lab[i] = _I
        while stack:
            x = stack.pop()
            for y in tgt[x]:
                if lab[y] == _O:
                    continue
                lab[y] = _O
                for z in tgt[y]:
                    left[z] -= 1
                    if not left[z] and lab[z] == _U:
                        lab[z] = _I
                        stack.append(z)
        return lab


def _component_labellings(search: _Search, semantics: str, limit: int,
                          ) -> tuple[list[list[int]], bool, bool]:
    """Labellings of one undecided part: (list, truncated by the limit, stopped by the
    time limit); what was found before the time ran out is kept."""
    found: list[list[int]] = []
    try:
        cut = _labellings_into(found, search, semantics, limit)
    except _Timeout:
        return found, False, True
    return found, cut, False


def _labellings_into(found: list[list[int]], search: _Search, semantics: str,
                     limit: int) -> bool:
    """Append the labellings of one part to ``found``; True when ``limit`` cut them."""
    n = search.n
    everything = list(range(n))
    if semantics in ("complete", "stable"):
        dom0 = [_ALL if semantics == "complete" else _I | _O] * n
        for sol in search.solutions(dom0):
            if len(found) == limit:
                return True
            found.append(sol)
        return False
    # preferred, as PrefSAT does it: find an admissible set not inside any
    # preferred extension found so far, grow it until maximal, repeat
    adm = _Admissible(search.att, search.tgt, search)
    while True:
        if found:
            clauses = [[i for i in everything if ext[i] != _I] for ext in found]
        else:
            clauses = [everything]
        if any(not c for c in clauses):
            break
        ins = adm.find((), clauses)
        if ins is None:
            break
        if len(found) == limit:
            return True
        lab = adm.close(ins)
        while True:                              # grow until maximal
            current = [i for i in everything if lab[i] == _I]
            rest = [i for i in everything if lab[i] != _I]
            if not rest:
                break
            bigger = adm.find(current, [rest])
            if bigger is None:
                break
            lab = adm.close(bigger)
        found.append(lab)
    if not found:
        found.append([_U] * n)
    return False


def _undecided_parts(targets: list[list[int]], codes: list[int]) -> list[list[int]]:
    """Weakly connected parts of the arguments the grounded labelling leaves UNDEC."""
    parent = {i: i for i, c in enumerate(codes) if c == _U}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x in parent:
        for y in targets[x]:
            if y in parent:
                rx, ry = find(x), find(y)
                if rx != ry:
                    parent[max(rx, ry)] = min(rx, ry)
    parts: dict[int, list[int]] = {}
    for x in parent:
        parts.setdefault(find(x), []).append(x)
    return [sorted(p) for _, p in sorted(parts.items())]


#: labellings listed together hold at most this many labels (about 160 MB)
MAX_CODES = 20_000_000


def enumerate_codes(attackers: list[list[int]], targets: list[list[int]], semantics: str,
                    limit: int, time_limit: float | None,
                    ) -> tuple[list[list[int]], bool, str]:
    """Labellings (code lists) of ``complete``, ``preferred`` or ``stable``.

    Returns (labellings, truncated, reason); at most ``limit`` labellings,
    and a time budget of ``time_limit`` seconds (None: no budget).
    """
    if semantics not in ("complete", "preferred", "stable"):
        raise ValueError(f"unknown semantics {semantics!r}")
    limit = max(1, int(limit))
    deadline = None if time_limit is None else time.monotonic() + max(0.0, time_limit)
    base = grounded_codes(attackers, targets)
    parts = _undecided_parts(targets, base)
    per_part: list[tuple[list[int], list[list[int]]]] = []
    truncated, reason = False, ""
    late = f"time limit of {time_limit or 0:g} s reached"
    for nodes in parts:
        if deadline is not None and time.monotonic() >= deadline:
            return [], True, late + " before every part of the framework had a labelling"
        local = {g: k for k, g in enumerate(nodes)}
        att = [[local[a] for a in attackers[g] if a in local] for g in nodes]
        tgt = [[local[b] for b in targets[g] if b in local] for g in nodes]
        sols, cut, timed_out = _component_labellings(_Search(att, tgt, deadline), semantics,
                                                     limit)
        if cut:
            truncated, reason = True, f"stopped after {limit} labellings (limit)"
        if timed_out:
            truncated, reason = True, late
            if not sols:
                return [], True, late + " before a labelling was found"
        if not sols:                             # no stable labelling at all
            return [], truncated, reason
        per_part.append((nodes, sols))
    out: list[list[int]] = []
    # the labellings are lists of len(codes) codes: bound what they take together
    most = max(1, min(limit, MAX_CODES // max(1, len(base))))
    for k, combo in enumerate(itertools.product(*(sols for _, sols in per_part))):
        if len(out) == limit:
            truncated = True
            reason = reason or f"stopped after {limit} labellings (limit)"
            break
        if len(out) == most:
            truncated = True
            reason = reason or f"stopped after {most} labellings (memory)"
            break
        if deadline is not None and k and not k & 255 and time.monotonic() > deadline:
            truncated, reason = True, late
            break
        codes = base.copy()
        for (nodes, _), sol in zip(per_part, combo):
            for g, c in zip(nodes, sol):
                codes[g] = c
        out.append(codes)
    return out, truncated, reason
