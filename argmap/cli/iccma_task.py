"""``argmap evaluate FILE.af --task DC-PR --argument a``: one ICCMA reasoning task.

Output as in ICCMA 2023: ``YES`` or ``NO`` for DC and DS; for SE ``w`` and
the extension's arguments (``w 1 3``), or ``NO`` when there is none.  With
``--json``, one object.  Exit status: 0 answered, 1 the time limit ran out
before an answer (nothing on standard output, a note on standard error), 2
usage or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Hashable, Mapping
from typing import cast

from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, error, print_diagnostics

NAME = "evaluate"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..semantics.tasks import TASKS

    p.add_argument("--task", metavar="TASK", type=str.upper, choices=TASKS,
                   help="an ICCMA task on a framework file: DC (credulous), DS (sceptical) "
                   "or SE (one extension), then CO, PR, ST or GR; e.g. DC-PR (prints "
                   "YES or NO; SE prints 'w' and the arguments, or NO)")
    p.add_argument("--argument", metavar="ARG",
                   help="the argument a DC or DS task asks about")


def run_task(args: argparse.Namespace, fmt: str | None, assume: dict[str, str]) -> int:
    from ..iccma import FrameworkFormatError, read_framework
    from ..semantics.tasks import solve_task

    if fmt == "map":
        error(NAME, "--task is for abstract frameworks (.apx, .tgf, .af), not maps")
        return EXIT_USAGE
    if not args.task.startswith("SE") and args.argument is None:
        error(NAME, f"{args.task} needs --argument ARG")
        return EXIT_USAGE
    try:
        af = read_framework(args.file, fmt)
    except FrameworkFormatError as exc:
        print_diagnostics(exc.diagnostics)
        return EXIT_USAGE
    for name in ([args.argument] if args.argument is not None else []) + list(assume):
        if name not in af:
            error(NAME, f"no argument '{name}' in {args.file}")
            return EXIT_USAGE
    if assume:
        af = af.with_assumptions(cast("Mapping[Hashable, str]", assume))
    ans = solve_task(af, args.task, args.argument, args.time_limit)
    ext = ans.labelling.extension if ans.labelling is not None else None
    if args.json:
        print(json.dumps({"file": args.file, "task": args.task, "argument": args.argument,
                          "assume": assume, "answer": ans.answer,
                          "extension": None if ext is None else [str(a) for a in ext],
                          "reason": ans.reason}, ensure_ascii=False))
    elif ans.answer is not None:
        if ext is not None:
            print(" ".join(["w", *(str(a) for a in ext)]))
        else:
            print("YES" if ans.answer else "NO")
    if ans.answer is None:
        print(f"{args.file}: note: no answer: {ans.reason}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
