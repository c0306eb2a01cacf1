"""Time the app on generated maps: opening, frames, edits, blocking during relayout.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--sizes 1000,2000,5000]

* open: from open_file() to a drawn window (first paint), with an empty
  layout cache (provisional layout) and with a warm one;
* full: until Graphviz's layout has been applied (cold cache);
* frame: mean and worst time to paint the viewport while panning, at fit
  zoom and at 100 %;
* zoom: mean and worst time of one wheel step (zoom by 1.15 and paint),
  stepping from fit zoom to 200 % and back, crossing the level where the
  boxes' text is drawn (and the one-picture overview is not) both ways;
* edit: pushing a text edit until the box shows it (model + repaint);
* block: the longest the event loop stalled between an edit and the new
  layout being on screen (a 1 ms timer measures the gaps);
* labels: with the evaluation on, an edit that changes the labels until the
  screen shows the new colours (grounded semantics).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import generate  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from argmap.commands import SetClaimField, SetRelationField  # noqa: E402
from argmap.gui.fonts import load_fonts  # noqa: E402
from argmap.gui.main_window import MainWindow  # noqa: E402


def pump(app, until, timeout=120.0):
    end = time.perf_counter() + timeout
    while not until() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def frames(app, view, n=30) -> tuple[float, float]:
    times = []
    for i in range(n):
        bar = view.horizontalScrollBar() if i % 2 else view.verticalScrollBar()
        bar.setValue(bar.value() + (40 if i % 4 < 2 else -40))
        t0 = time.perf_counter()
        view.viewport().repaint()
        times.append(time.perf_counter() - t0)
    return sum(times) / len(times), max(times)


def zoom_steps(app, view) -> tuple[float, float]:
    view.fit()
    view.viewport().repaint()
    times, z = [], view.zoom()
    ups = 0
    while z * 1.15 <= 2.0:
        z *= 1.15
        ups += 1
    for i in range(2 * ups):
        t0 = time.perf_counter()
        view.set_zoom(view.zoom() * (1.15 if i < ups else 1 / 1.15))
        view.viewport().repaint()
        times.append(time.perf_counter() - t0)
    return sum(times) / len(times), max(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,2000,5000")
    args = ap.parse_args(argv)
    app = QApplication(sys.argv[:1])
    load_fonts()
    tmp = tempfile.mkdtemp(prefix="argmap-bench-gui-")
    print(f"{'claims':>6} {'open cold':>9} {'open warm':>9} {'full':>7} {'frame fit':>13} "
          f"{'frame 100%':>13} {'zoom step':>13} {'edit':>7} {'block':>7} {'labels':>7}")
    for n in (int(s) for s in args.sizes.split(",")):
        path = os.path.join(tmp, f"map-{n}.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(generate(n))
        results = {}
        for phase in ("cold", "warm"):
            if phase == "cold":
                os.environ["ARGMAP_CACHE_DIR"] = os.path.join(tmp, f"cache-{n}")
            w = MainWindow(QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat))
            w.resize(1400, 900)
            w.show()
            app.processEvents()
            t0 = time.perf_counter()
            w.open_file(path)
            w.view.viewport().repaint()
            results[f"open {phase}"] = time.perf_counter() - t0
            pump(app, lambda: not w.scene.layout_pending)
            results[f"full {phase}"] = time.perf_counter() - t0
            if phase == "warm":
                view = w.view
                view.fit()
                results["fit"] = frames(app, view)
                view.set_zoom(1.0)
                results["100"] = frames(app, view)
                results["zoom"] = zoom_steps(app, view)
                view.set_zoom(1.0)
                doc, scene = w.doc, w.scene
                cid = next(iter(doc.amap.claims))
                t0 = time.perf_counter()
                doc.push(SetClaimField(doc.amap, cid, "text", "Geänderter Text einer Aussage."))
                view.viewport().repaint()
                results["edit"] = time.perf_counter() - t0
                gaps = []
                last = [time.perf_counter()]

                def tick():
                    now = time.perf_counter()
                    gaps.append(now - last[0])
                    last[0] = now

                timer = QTimer()
                timer.setInterval(1)
                timer.timeout.connect(tick)
                timer.start()
                last[0] = time.perf_counter()
                pump(app, lambda: not scene.layout_pending)
                pump(app, lambda: scene._animation is None, 5)
                timer.stop()
                results["block"] = max(gaps) if gaps else 0.0
                # evaluation on: an edit that changes the labels, until the screen shows them
                w.evaluation_menu.set_enabled(True)
                rel = next(r for r in doc.amap.relations if r.type == "attack")
                before = dict(scene.labels or {})
                t0 = time.perf_counter()
                doc.push(SetRelationField(doc.amap, rel, "type", "support"))
                view.viewport().repaint()
                results["eval"] = time.perf_counter() - t0
                after = scene.labels or {}
                results["changed"] = sum(after.get(c) != v for c, v in before.items())
                pump(app, lambda: not scene.layout_pending)
            for v in w.views():
                v.map_scene.doc.undo_stack.setClean()
            w.close()
            w.deleteLater()  # delete it now, not in the middle of the next measurement
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            gc.collect()
            app.processEvents()
        fm, fx = results["fit"]
        hm, hx = results["100"]
        zm, zx = results["zoom"]
        print(f"{n:>6} {results['open cold']:>8.2f}s {results['open warm']:>8.2f}s "
              f"{results['full cold']:>6.2f}s {fm * 1000:>5.1f}/{fx * 1000:>5.1f}ms "
              f"{hm * 1000:>5.1f}/{hx * 1000:>5.1f}ms {zm * 1000:>5.1f}/{zx * 1000:>5.1f}ms "
              f"{results['edit'] * 1000:>5.1f}ms "
              f"{results['block'] * 1000:>5.0f}ms {results['eval'] * 1000:>5.1f}ms"
              f" ({results['changed']} changed)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
