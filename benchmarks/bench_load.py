"""Load+validate of generated maps: the ryaml fast path against PyYAML's C loader.

    .venv/bin/python benchmarks/bench_load.py [--sizes 1000,5000]

For each size (best of 3), the reader and then the compiled schema check,
the checks beyond the schema and the model: ``ryaml`` with the Rust parser
(when installed; no positions, and keys such as ``2022:`` come back as
numbers); ``CSafeLoader`` with ``yaml.load(text, Loader=yaml.CSafeLoader)``
(YAML 1.1 types: not the format's rules, a measure of speed only);
``reader`` with :func:`argmap.yamlread.read_yaml_with_errors`, what
``load_text`` uses: PyYAML's C parser events, with line and column for every
value.  The ``parse`` columns are the parser alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import yaml
from generate import generate

from argmap.fileformat import from_data
from argmap.schema import fast_valid
from argmap.validate import check_data
from argmap.yamlread import read_yaml_with_errors

try:
    import ryaml
except ImportError:  # measured only where it is installed
    ryaml = None


def best(fn, n: int = 3) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _rest(data) -> None:
    fast_valid(data)
    check_data(data, "bench.yaml", lambda path, key=False: (0, 0))
    from_data(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000")
    args = ap.parse_args(argv)
    print(f"{'claims':>6} {'MB':>5} {'ryaml':>8} {'parse':>7} {'CSafeLoader':>12} {'parse':>7} "
          f"{'reader':>8} {'parse':>7}")
    for n in (int(s) for s in args.sizes.split(",")):
        text = generate(n)
        if ryaml is not None:
            t_rp = best(lambda text=text: ryaml.loads(text))
            t_r = best(lambda text=text: _rest(ryaml.loads(text)))
            ry = f"{t_r:>7.3f}s {t_rp:>6.3f}s"
        else:
            ry = f"{'-':>8} {'-':>7}"
        t_cp = best(lambda text=text: yaml.load(text, Loader=yaml.CSafeLoader))
        t_c = best(lambda text=text: _rest(yaml.load(text, Loader=yaml.CSafeLoader)))
        t_kp = best(lambda text=text: read_yaml_with_errors(text))
        t_k = best(lambda text=text: _rest(read_yaml_with_errors(text)[0].data))
        print(f"{n:>6} {len(text.encode()) / 1e6:>5.1f} {ry} {t_c:>11.3f}s {t_cp:>6.3f}s "
              f"{t_k:>7.3f}s {t_kp:>6.3f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
