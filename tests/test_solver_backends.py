"""The solver back ends: argmap's own search and clingo's ASP encodings give the same
labellings; the dispatcher's choice; the ICCMA tasks DC, DS and SE on both; limits."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.semantics.search as search
from argmap.cli import main
from argmap.semantics import Framework, asp
from argmap.semantics.framework import choose_backend
from argmap.semantics.tasks import TASKS, parse_task, solve_task

from conftest import DATA, ROOT
from test_semantics import brute_force, frameworks

ICCMA = DATA / "iccma"
needs_clingo = pytest.mark.skipif(not asp.available(), reason="clingo is not installed")
SEMANTICS = ("complete", "preferred", "stable")


def random_af(n: int, p: float, seed: int) -> Framework:
    rng = random.Random(seed)
    return Framework.from_indices(n, [(a, b) for a in range(n) for b in range(n)
                                      if rng.random() < p])


def codes(enum) -> list[list[int]]:
    return sorted(lab.codes for lab in enum)


# ---------------------------------------------------------------------------
# the same labellings from both back ends
# ---------------------------------------------------------------------------

@needs_clingo
@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_both_back_ends_give_the_labellings_of_the_definitions(case):
    n, attacks = case
    f = Framework.from_indices(n, attacks)
    _, complete, preferred, stable = brute_force(n, attacks)
    assert asp.grounded_codes_asp(f.attackers, f.targets) == f.grounded().codes
    for sem, expected in (("complete", complete), ("preferred", preferred), ("stable", stable)):
        own = f.labellings(sem, 10_000, None, backend="own")
        clingo = f.labellings(sem, 10_000, None, backend="clingo")
        assert not own.truncated and not clingo.truncated
        assert codes(own) == codes(clingo), sem
        assert {frozenset(e) for e in clingo.extensions} == expected, sem
        assert [lab.codes for lab in clingo] == codes(clingo)      # in a fixed order


@needs_clingo
@settings(max_examples=60, deadline=None)
@given(st.integers(25, 60), st.sampled_from([0.04, 0.08, 0.15]), st.integers(0, 2**32 - 1))
def test_back_ends_agree_on_larger_frameworks(n, p, seed):
    f = random_af(n, p, seed)
    for sem in SEMANTICS:
        own = f.labellings(sem, 200, 20, backend="own")
        clingo = f.labellings(sem, 200, 20, backend="clingo")
        auto = f.labellings(sem, 200, 20)
        if own.truncated or clingo.truncated or auto.truncated:
            continue                  # cut by the limit: each may list other ones
        assert codes(own) == codes(clingo) == codes(auto), sem


# ---------------------------------------------------------------------------
# the ICCMA tasks, against the enumerated labellings
# ---------------------------------------------------------------------------

@needs_clingo
@settings(max_examples=80, deadline=None)
@given(frameworks(max_n=10))
def test_tasks_answer_as_the_extensions_say(case):
    n, attacks = case
    if n == 0:
        return
    f = Framework.from_indices(n, attacks)
    exts = {sem: [set(e) for e in f.labellings(sem, 10_000, None, backend="own").extensions]
            for sem in ("complete", "preferred", "stable", "grounded")}
    for task in TASKS:
        problem, sem = parse_task(task)
        for backend in ("own", "clingo"):
            if problem == "SE":
                ans = solve_task(f, task, None, None, backend)
                assert ans.answer is bool(exts[sem]), (task, backend)
                if exts[sem]:
                    assert set(ans.labelling.extension) in exts[sem]
                continue
            for x in range(n):
                ans = solve_task(f, task, x, None, backend)
                inside = [x in e for e in exts[sem]]
                assert ans.answer is (any(inside) if problem == "DC" else all(inside)), \
                    (task, backend, x)


def test_task_names():
    assert parse_task("dc-pr") == ("DC", "preferred")
    assert parse_task("SE-GR") == ("SE", "grounded")
    with pytest.raises(ValueError, match="unknown task"):
        parse_task("EE-PR")
    with pytest.raises(ValueError, match="name it"):
        solve_task(Framework(["a"]), "DC-PR")


def test_sceptical_preferred_needs_more_than_one_extension():
    # floating acceptance: d is in both preferred extensions, a in one
    f = Framework(["a", "b", "c", "d"],
                  [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    for backend in ("own", "clingo") if asp.available() else ("own",):
        assert solve_task(f, "DS-PR", "d", backend=backend).answer is True
        assert solve_task(f, "DS-PR", "a", backend=backend).answer is False
        assert solve_task(f, "DC-PR", "a", backend=backend).answer is True
        assert solve_task(f, "DS-GR", "d", backend=backend).answer is False
        assert solve_task(f, "DC-ST", "c", backend=backend).answer is False


def test_sceptical_stable_without_stable_extensions_is_yes():
    f = Framework(["a", "b", "c", "x"], [("a", "b"), ("b", "c"), ("c", "a"), ("x", "x")])
    for backend in ("own", "clingo") if asp.available() else ("own",):
        assert solve_task(f, "DS-ST", "a", backend=backend).answer is True
        assert solve_task(f, "DC-ST", "a", backend=backend).answer is False
        assert solve_task(f, "SE-ST", backend=backend).answer is False


# ---------------------------------------------------------------------------
# the dispatcher
# ---------------------------------------------------------------------------

@needs_clingo
def test_the_dispatcher_keeps_the_own_search_for_small_and_sparse_parts():
    tree = Framework.from_indices(2000, [(i, i // 2) for i in range(1, 2000)])
    assert choose_backend(tree.attackers, tree.targets) == "own"           # nothing UNDEC
    cycles = Framework.from_indices(400, [(i, i ^ 1) for i in range(400)])   # 200 even cycles
    assert choose_backend(cycles.attackers, cycles.targets) == "own"
    ring = Framework.from_indices(500, [(i, (i + 1) % 500) for i in range(500)])
    assert choose_backend(ring.attackers, ring.targets) == "own"           # sparse
    dense = random_af(200, 0.05, 1)
    assert choose_backend(dense.attackers, dense.targets) == "clingo"
    assert choose_backend(dense.attackers, dense.targets, "own") == "own"


@needs_clingo
def test_the_environment_chooses_the_back_end(monkeypatch):
    f = random_af(10, 0.2, 3)
    monkeypatch.setenv("ARGMAP_SOLVER", "clingo")
    assert choose_backend(f.attackers, f.targets) == "clingo"
    monkeypatch.setenv("ARGMAP_SOLVER", "fast")
    with pytest.raises(ValueError, match="back end"):
        f.labellings("stable")


def test_without_clingo_everything_runs_on_the_own_search(monkeypatch):
    monkeypatch.setattr(asp, "available", lambda: False)
    dense = random_af(60, 0.1, 2)
    assert choose_backend(dense.attackers, dense.targets) == "own"
    enum = dense.labellings("preferred", 50, 30)
    assert enum.labellings and all(dense.is_complete(lab) for lab in enum)
    assert solve_task(dense, "SE-ST").answer in (True, False)
    with pytest.raises(RuntimeError, match="clingo"):
        dense.labellings("stable", backend="clingo")


def test_without_clingo_the_command_line_still_answers(tmp_path):
    # a fresh interpreter in which 'import clingo' fails
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "clingo.py").write_text("raise ImportError('no clingo here')\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(blocker), str(ROOT)]))
    code = ("import importlib.util, sys\n"
            "importlib.util.find_spec = (lambda f: lambda name, *a: None if name == 'clingo'"
            " else f(name, *a))(importlib.util.find_spec)\n"
            "from argmap.cli import main\n"
            f"sys.exit(main(['evaluate', {str(ICCMA / 'floating.apx')!r}, '-s', 'preferred']))\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[[a,d],[b,d]]"


# ---------------------------------------------------------------------------
# limits on the clingo back end
# ---------------------------------------------------------------------------

@needs_clingo
def test_clingo_honours_the_limit_of_labellings():
    pairs = [(2 * i, 2 * i + 1) for i in range(12)]
    f = Framework.from_indices(24, pairs + [(b, a) for a, b in pairs])    # 4096 preferred
    enum = f.labellings("preferred", 100, None, backend="clingo")
    assert len(enum) == 100 and enum.truncated and "100" in enum.reason
    assert len({tuple(lab.codes) for lab in enum}) == 100
    two = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    assert not two.labellings("stable", 2, None, backend="clingo").truncated
    assert two.labellings("stable", 1, None, backend="clingo").truncated


@needs_clingo
def test_clingo_keeps_what_it_found_when_the_time_runs_out():
    pairs = [(2 * i, 2 * i + 1) for i in range(40)]
    f = Framework.from_indices(80, pairs + [(b, a) for a, b in pairs])     # 2^40 stable
    t = time.monotonic()
    enum = f.labellings("stable", 10**7, 0.5, backend="clingo")
    assert time.monotonic() - t < 5
    assert enum.truncated and "time limit" in enum.reason and enum.labellings


@needs_clingo
def test_clingo_time_out_before_any_labelling():
    f = random_af(150, 0.1, 4)
    enum = f.labellings("complete", 10, 0, backend="clingo")
    assert enum.truncated and "time limit" in enum.reason


@needs_clingo
def test_clingo_bounds_the_labellings_listed_together(monkeypatch):
    monkeypatch.setattr(search, "MAX_CODES", 25 * 1000)
    pairs = [(2 * i, 2 * i + 1) for i in range(12)]
    f = Framework.from_indices(25, pairs + [(b, a) for a, b in pairs])
    enum = f.labellings("preferred", 10**6, None, backend="clingo")
    assert enum.truncated and "memory" in enum.reason and len(enum) == 1000


@needs_clingo
def test_a_task_past_its_time_limit_has_no_answer():
    f = random_af(300, 5 / 300, 7)
    x = next(i for i, c in enumerate(f.grounded().codes) if c == 4)
    ans = solve_task(f, "DS-PR", x, 0, "clingo")
    assert ans.answer is None and "time limit" in ans.reason


@needs_clingo
def test_dense_frameworks_are_fast_with_the_dispatcher():
    # mean out-degree 5, 300 arguments: the own search takes seconds (issue 18: 17 s)
    f = random_af(300, 5 / 300, 1)
    t = time.process_time()
    assert not f.labellings("stable", 1000, 30).truncated
    assert not f.labellings("preferred", 1000, 30).truncated
    assert time.process_time() - t < 3


@needs_clingo
def test_the_framework_tests_pass_on_the_clingo_back_end():
    env = dict(os.environ, ARGMAP_SOLVER="clingo")
    files = ["tests/test_semantics.py", "tests/test_iccma.py", "tests/test_semantics_limits.py"]
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:]


# ---------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, task, argument, expected", [
    ("floating.apx", "DC-PR", "a", "YES"),
    ("floating.apx", "DS-PR", "a", "NO"),
    ("floating.apx", "DS-PR", "d", "YES"),
    ("floating.apx", "DC-CO", "c", "NO"),
    ("floating.apx", "DS-ST", "d", "YES"),
    ("floating.apx", "dc-gr", "d", "NO"),
    ("floating.apx", "SE-PR", None, "w a d"),
    ("floating.apx", "SE-GR", None, "w"),
    ("odd_cycle.tgf", "SE-ST", None, "NO"),
    ("reinstatement.af", "SE-CO", None, "w 1 3"),
    ("reinstatement.af", "DS-CO", "3", "YES"),
    ("reinstatement.af", "DC-ST", "1", "NO"),          # 4 attacks itself: no stable
])
def test_the_command_line_answers_tasks(capsys, name, task, argument, expected):
    argv = ["evaluate", str(ICCMA / name), "--task", task]
    if argument is not None:
        argv += ["--argument", argument]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == expected


def test_task_json_and_assumptions(capsys):
    assert main(["evaluate", str(ICCMA / "floating.apx"), "--task", "DS-PR", "--argument",
                 "a", "--assume", "a=accepted", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answer"] is True and data["task"] == "DS-PR" and data["extension"] is None


@pytest.mark.parametrize("argv, message", [
    (["--task", "DC-PR"], "needs --argument"),
    (["--task", "DC-PR", "--argument", "zz"], "no argument 'zz'"),
])
def test_task_usage_errors(capsys, argv, message):
    assert main(["evaluate", str(ICCMA / "floating.apx"), *argv]) == 2
    assert message in capsys.readouterr().err


def test_a_task_is_not_for_maps(capsys):
    assert main(["evaluate", str(DATA / "example.yaml"), "--task", "SE-PR"]) == 2
    assert "not maps" in capsys.readouterr().err


def test_a_task_out_of_time_says_so(tmp_path, capsys):
    p = tmp_path / "dicht.af"
    f = random_af(300, 5 / 300, 7)
    p.write_text("p af 300\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in f._edges))
    x = next(i for i, c in enumerate(f.grounded().codes) if c == 4)
    assert main(["evaluate", str(p), "--task", "DS-PR", "--argument", str(x + 1),
                 "--time-limit", "0"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "no answer" in captured.err
