"""How long a save blocks the app's GUI thread, after one edit.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_app_save.py [--sizes 500,2000,5000]

A generated map is opened as the app opens it (MapDocument: the file is indexed
for saving in a worker right after it is read), one claim's text is edited as an
undoable command, and MapDocument.save() is timed: the conflict check, the
patching save and the atomic write, all of it on the calling (GUI) thread.
Beside it, the same save with the index not prepared (the first save of a file
the app has just read), and the floor: atomic_write of the text alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from argmap import savepatch  # noqa: E402
from argmap.commands import SetClaimField  # noqa: E402
from argmap.gui.document import MapDocument  # noqa: E402
from argmap.savefile import atomic_write  # noqa: E402
from generate import generate  # noqa: E402


_KEEP: list = []


def measure(n: int, folder: str) -> dict[str, float]:
    path = os.path.join(folder, f"map-{n}.yaml")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(generate(n))
    out = {}
    for prepared in (True, False):
        savepatch._CACHE.clear()
        doc, _ = MapDocument.open(path)
        QThreadPool.globalInstance().waitForDone()
        if not prepared:
            savepatch._CACHE.clear()     # as if the save came before the worker was done
        cid = next(iter(doc.amap.claims))
        doc.push(SetClaimField(doc.amap, cid, "text", f"Geändert ({prepared})"))
        t0 = time.perf_counter()
        doc.save()
        out["prepared" if prepared else "cold"] = (time.perf_counter() - t0) * 1000
        doc.close()
        _KEEP.append(doc)     # closed maps are deleted with the app, as in the window
    with open(path, encoding="utf-8") as fh:
        text = fh.read().encode("utf-8")
    t0 = time.perf_counter()
    atomic_write(path, text)
    out["floor"] = (time.perf_counter() - t0) * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000,5000")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])  # noqa: F841
    print("| claims | save, file indexed on open | save, not indexed | atomic_write alone |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for n in (int(s) for s in args.sizes.split(",")):
            r = measure(n, folder)
            print(f"| {n:,} | {r['prepared']:.1f} ms | {r['cold']:.1f} ms | {r['floor']:.1f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
