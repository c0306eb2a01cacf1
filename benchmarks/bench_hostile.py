"""Time and peak memory of argmap on hostile inputs: one case for every row of the
table "bounded time and memory" of issue 15.

    .venv/bin/python benchmarks/bench_hostile.py [--cases brackets,word-5k,...] [--timeout 120]

Each input is written to a fresh temporary folder and handed to a fresh process
(``python -m argmap ...``, or for the app a small Qt program); the time is
wall-clock for that whole process (interpreter start included), the memory its
peak resident size (``resource.getrusage(RUSAGE_CHILDREN)`` read in a child of
its own for each case, so that each peak is its own).  The goal is the issue's:
under 2 s and under 200 MB, or refused (exit code not 0) with a
``file:line:column`` message (``FILE:L:C: error: ...``, or ``error: FILE:L:C: ...``
as ``argmap import`` words it).  Cases:

* ``brackets``: ``x: `` + 100,000 ``[`` + 100,000 ``]`` as a map file, ``argmap check``;
* ``word-5k``, ``word-10k``: a claim whose text is one word of 5,000 / 10,000
  characters, supported by another, ``argmap export -o out.svg --no-cache``;
* ``map-20mb``: a 20 MB map, 10,000 claims (as many as the app draws) of about
  2,000 characters each in a chain of relations, ``argmap check``;
* ``app-20mb``: the same file opened in the app: a child with
  ``QT_QPA_PLATFORM=offscreen`` makes the QApplication and the MainWindow, calls
  ``MainWindow.open_file`` (as tests/hostile/test_gui_hostile.py does), lets the
  event loop run once and quits; a message box is printed to stderr instead of
  shown.  The last line says how long ``open_file`` itself took; the layout
  (a worker thread) is not waited for;
* ``bomb-0.6k``, ``bomb-6k``, ``bomb-60k``: the YAML alias bomb of
  tests/test_load_errors.py (an anchored list of nine strings, then lists of
  nine aliases of the list before), with as many levels as make the file 0.6,
  6 and 60 KB, ``argmap check``;
* ``clean-1e5``, ``warn-1e5``: 100,000 claims in a chain of relations, with
  source and quote and without (200,000 warnings), ``argmap check`` (the maps of
  benchmarks/bench_check_scale.py);
* ``tiny-1e6``: 1,000,000 one-word claims, about 21 MB (under the 32 MiB cap),
  ``argmap check`` (bench_check_scale.py's map);
* ``aif-participants``: ``{"nodes": [], "participants": 5}``;
  ``aif-nested``: 100,000 ``[`` and as many ``]``; ``aif-same-8k``,
  ``aif-same-30k``: 8,000 / 30,000 I-nodes with the same text; each
  ``argmap import FILE.json -o out.yaml``;
* ``argdown-indent``: a statement and 2,000 relation lines, each indented one
  more than the one before; ``argdown-frontbomb``: the 600-byte alias bomb as
  YAML front matter; ``argdown-braces``: ``// c`` + 10,000 ``{ ``; each
  ``argmap import FILE.argdown -o out.yaml``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Callable

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from bench_check_scale import chain_map, tiny_map  # noqa: E402

SECONDS = 2.0
MEGABYTES = 200.0
#: a refusal that says where: "FILE:L:C: error: ..." or "...: error: FILE:L:C: ..."
#: the exit code shown for a case killed at --timeout
KILLED = -999
REFUSED = re.compile(r"\S:\d+:\d+: error:|error: \S+:\d+:\d+:")


# -- the inputs --------------------------------------------------------------------
def brackets() -> str:
    return "x: " + "[" * 100_000 + "]" * 100_000 + "\n"


def long_word(n: int) -> str:
    return ("argmap: 1\ntitle: t\nclaims:\n  a: {text: " + "x" * n + "}\n"
            "  b: {text: B}\nrelations:\n  - {from: a, to: b, type: support}\n")


def big_map(megabytes: float = 20.0, claims: int = 10_000) -> str:
    """``claims`` claims with long texts in a chain of relations, ``megabytes`` MB in all."""
    words = ("Die Verhandlungen über einen Waffenstillstand setzen voraus, dass beide "
             "Seiten ihre Ziele für erreichbar halten, und das ist derzeit nicht der Fall. ")
    per_claim = int(megabytes * 1e6 / claims) - 60
    filler = (words * (per_claim // len(words) + 1))[:per_claim].rstrip()
    out = ["argmap: 1", "title: zwanzig Megabyte", "sources:", "  s: {title: Quelle}", "claims:"]
    out += [f"  c{i}: {{text: 'Aussage {i}: {filler}', source: s, quote: Wortlaut}}"
            for i in range(claims)]
    out.append("relations:")
    out += [f"  - {{type: support, from: c{i}, to: c{i - 1}}}" for i in range(1, claims)]
    return "\n".join(out) + "\n"


def alias_bomb(kilobytes: float) -> str:
    """tests/test_load_errors.py's bomb, with levels added until it is ``kilobytes`` KB."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    level = 0
    while sum(len(line) + 1 for line in lines) < kilobytes * 1000 - 30:
        level += 1
        name = "bcdefghi"[level - 1] if level <= 8 else f"l{level}"
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def aif_same_text(n: int) -> str:
    nodes = [{"nodeID": str(i), "text": "the same text", "type": "I"} for i in range(n)]
    return json.dumps({"nodes": nodes, "edges": []})


def argdown_indent() -> str:
    return "A\n" + "".join(" " * (i + 1) + "+ b\n" for i in range(2000))


def argdown_front_bomb() -> str:
    return f"===\n{alias_bomb(0.6).rstrip()}\n===\n\n[A]: a\n"


@dataclass
class Case:
    name: str
    file: str                      # the input's file name
    make: Callable[[], str]
    tool: str                      # check, export, import or app


CASES = [
    Case("brackets", "brackets.yaml", brackets, "check"),
    Case("word-5k", "word5k.yaml", lambda: long_word(5_000), "export"),
    Case("word-10k", "word10k.yaml", lambda: long_word(10_000), "export"),
    Case("map-20mb", "big20.yaml", big_map, "check"),
    Case("app-20mb", "big20.yaml", big_map, "app"),
    Case("bomb-0.6k", "bomb06.yaml", lambda: alias_bomb(0.6), "check"),
    Case("bomb-6k", "bomb6.yaml", lambda: alias_bomb(6), "check"),
    Case("bomb-60k", "bomb60.yaml", lambda: alias_bomb(60), "check"),
    Case("clean-1e5", "clean.yaml", lambda: chain_map(100_000, True), "check"),
    Case("warn-1e5", "warn.yaml", lambda: chain_map(100_000, False), "check"),
    Case("tiny-1e6", "tiny.yaml", lambda: tiny_map(1_000_000), "check"),
    Case("aif-participants", "teilnehmer.json", lambda: '{"nodes": [], "participants": 5}',
         "import"),
    Case("aif-nested", "tief.json", lambda: "[" * 100_000 + "]" * 100_000, "import"),
    Case("aif-same-8k", "same8k.json", lambda: aif_same_text(8_000), "import"),
    Case("aif-same-30k", "same30k.json", lambda: aif_same_text(30_000), "import"),
    Case("argdown-indent", "tief.argdown", argdown_indent, "import"),
    Case("argdown-frontbomb", "bombe.argdown", argdown_front_bomb, "import"),
    Case("argdown-braces", "klammern.argdown", lambda: "// c\n" + "{ " * 10_000, "import"),
]


# -- the app's open, in a process of its own ------------------------------------------
APP = """\
import os, sys, tempfile, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from argmap.gui.fonts import load_fonts
from argmap.gui.main_window import MainWindow

def shown(_parent, title, text, *args, **kwargs):
    print(title + ": " + text, file=sys.stderr)
    shown.count += 1
    return QMessageBox.StandardButton.Ok
shown.count = 0
for name in ("critical", "warning", "question", "information"):
    setattr(QMessageBox, name, shown)
app = QApplication([])
load_fonts()
settings = QSettings(os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat)
window = MainWindow(settings)
window.resize(1300, 850)
window.show()
start = time.perf_counter()
doc = window.open_file(sys.argv[1])
opened = time.perf_counter() - start
app.processEvents()
claims = len(doc.amap.claims) if doc is not None else 0
print(f"open_file {opened:.2f} s, {claims} claims, {shown.count} message box(es)",
      file=sys.stderr)
if doc is not None:
    doc.undo_stack.setClean()
window.close()
sys.stderr.flush()
os._exit(0 if doc is not None else 1)
"""


def command(case: Case, path: str, folder: str) -> list[str]:
    argmap = [sys.executable, "-m", "argmap"]
    if case.tool == "check":
        return argmap + ["check", path]
    if case.tool == "export":
        return argmap + ["export", path, "-o", os.path.join(folder, "out.svg"), "--no-cache"]
    if case.tool == "import":
        return argmap + ["import", path, "-o", os.path.join(folder, "out.yaml"), "--force"]
    return [sys.executable, "-c", APP, path]


def run_one(argv: list[str], timeout: float) -> dict[str, object]:
    """Run ``argv`` as this process's only child: seconds, peak MB, exit code, stderr."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=ROOT)
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              env=env, check=False)
        code, err = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        code, err = KILLED, f"killed after {timeout:.0f} s"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024   # KiB on Linux
    return {"seconds": seconds, "peak": peak, "code": code, "stderr": err}


def verdict(seconds: float, peak: float, code: int, err: str) -> str:
    """Whether a run meets the goal: "yes", "refused" (in time, saying where), or why not."""
    if "Traceback (most recent call last)" in err:
        return "TRACEBACK"
    if code == KILLED:
        return "TIMEOUT"
    if not (seconds < SECONDS and peak < MEGABYTES):
        return "NO"
    return "refused" if code != 0 and REFUSED.search(err) else "yes"


def size_text(n: int) -> str:
    if n >= 1e6:
        return f"{n / 1e6:.1f} MB"
    if n >= 1e3:
        return f"{n / 1e3:.1f} KB"
    return f"{n} B"


def last_line(err: str, width: int = 78) -> str:
    lines = [line.strip() for line in err.splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    return line if len(line) <= width else line[:width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    names = [case.name for case in CASES]
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--cases", default=",".join(names),
                    help="comma-separated cases (default: all): " + ", ".join(names))
    ap.add_argument("--timeout", type=float, default=120,
                    help="seconds a case may run before it is killed (default: 120)")
    args = ap.parse_args(argv)
    chosen = [name.strip() for name in args.cases.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in names]
    if unknown:
        ap.error(f"unknown case(s) {', '.join(unknown)}; known: {', '.join(names)}")
    by_name = {case.name: case for case in CASES}
    print(f"goal: < {SECONDS:g} s and < {MEGABYTES:g} MB, or refused with file:line:column")
    print(f"{'case':<18} {'input':>9} {'wall s':>7} {'peak MB':>8} {'exit':>4} {'goal':<8} "
          "last line of stderr")
    missed = 0
    for name in chosen:
        case = by_name[name]
        folder = tempfile.mkdtemp(prefix="argmap-bench-hostile-")
        try:
            path = os.path.join(folder, case.file)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(case.make())
            size = os.path.getsize(path)
            # a child of its own per case, so that RUSAGE_CHILDREN is this case's peak alone
            child = subprocess.run(
                [sys.executable, os.path.abspath(__file__), "--one", str(args.timeout), "--",
                 *command(case, path, folder)],
                capture_output=True, text=True, check=False)
            try:
                result = json.loads(child.stdout)
            except json.JSONDecodeError:
                result = {"seconds": float("nan"), "peak": float("nan"), "code": -1,
                          "stderr": child.stderr or "the measuring child failed"}
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        err = str(result["stderr"]).replace(folder + os.sep, "")
        seconds, peak, code = float(result["seconds"]), float(result["peak"]), int(result["code"])
        goal = verdict(seconds, peak, code, err)
        missed += goal not in ("yes", "refused")
        print(f"{name:<18} {size_text(size):>9} {seconds:>7.2f} {peak:>8.0f} {code:>4} "
              f"{goal:<8} {last_line(err)}", flush=True)
    print(f"{len(chosen) - missed} of {len(chosen)} within the goal")
    return 1 if missed else 0


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--one" and sys.argv[3] == "--":
        print(json.dumps(run_one(sys.argv[4:], float(sys.argv[2]))))
        raise SystemExit(0)
    raise SystemExit(main())
