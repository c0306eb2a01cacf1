"""A layout never waits on dot without bound: past its budget the map is laid out
by argmap's own layered layout, which still reads top-down and keeps boxes apart."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

from argmap.cli import main  # noqa: E402
from argmap.layout import build_graph, components, fallback_message, layout_map  # noqa: E402
from argmap.layout_layered import layered_component  # noqa: E402
from argmap.layout_stable import edges_through_boxes, overlaps  # noqa: E402
from argmap.mapio import load_text  # noqa: E402


def _deep(n: int = 300):
    return load_text(generate(n, seed=7, components=1), "tief.yaml").map


def test_a_layout_past_its_budget_ends_in_the_fallback():
    amap = _deep()
    lay = layout_map(amap, cache=False, budget=0.0)
    assert lay.fallback == len(amap.claims)
    assert set(lay.nodes) == set(build_graph(amap).nodes)
    assert len(lay.edges) == len(build_graph(amap).edges)
    assert "did not finish within" in fallback_message(lay, 0.0)
    # no dot: the same without a budget
    assert layout_map(amap, cache=False).fallback == 0


def test_the_fallback_reads_top_down_and_keeps_boxes_and_edges_apart():
    amap = _deep()
    lay = layout_map(amap, cache=False, budget=0.0)
    assert overlaps(lay, claims_only=False) == []
    assert edges_through_boxes(lay) == []
    backwards = 0
    for r in amap.relations:
        t = lay.claim(r.target)
        for p in r.premises:
            if t is not None and lay.claim(p).y <= t.y:
                backwards += 1
    # only relations against the map's own direction (cycles, undercuts) may point up
    assert backwards <= len(amap.relations) // 20


def test_the_fallback_follows_the_reading_direction():
    amap = _deep(80)
    g = build_graph(amap)
    members = max(components(g), key=len)
    edges = [e for e in g.edges if e[0] in set(members) and e[3] != "undercut"]
    for direction, axis, sign in (("TB", 1, 1), ("BT", 1, -1), ("LR", 0, 1), ("RL", 0, -1)):
        res = layered_component(g.nodes, members, edges, direction)
        at = res["nodes"]
        # a premise lies beyond what it argues for, in the map's reading direction
        ahead = sum(1 for src, dst, *_ in edges if sign * (at[src][axis] - at[dst][axis]) > 0)
        assert ahead >= 0.95 * len(edges), direction


def test_export_says_when_the_fallback_was_used(tmp_path, capsys):
    src = tmp_path / "tief.yaml"
    src.write_text(generate(300, seed=7, components=1), encoding="utf-8")
    out = tmp_path / "tief.svg"
    assert main(["export", str(src), "-o", str(out), "--no-cache",
                 "--layout-budget", "0.001"]) == 0
    err = capsys.readouterr().err
    assert "Graphviz did not finish within" in err and "layered layout" in err
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert main(["export", str(src), "-o", str(out), "--layout-budget", "-1"]) == 2


def test_a_dot_run_past_the_budget_goes_on_and_the_next_layout_takes_it_up(monkeypatch,
                                                                           tmp_path):
    import subprocess

    import argmap.layout as layout
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "cache"))    # nothing cached
    started = []
    real = subprocess.Popen

    def counting(*args, **kwargs):
        started.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(layout.subprocess, "Popen", counting)
    amap = load_text(generate(300, seed=3, components=1), "g.yaml").map
    first = layout_map(amap, budget=0.0001, keep_running=True)
    assert first.fallback > 0                     # shown at once: the layered layout
    again = layout_map(amap, keep_running=True)   # the app's refinement
    assert again.fallback == 0
    assert len(started) == 1                      # the same dot run, not a second one
    assert not layout._running and not layout._processes
    # without keep_running (the command line) the run past the budget is stopped
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "cache2"))
    assert layout_map(amap, budget=0.0001).fallback > 0
