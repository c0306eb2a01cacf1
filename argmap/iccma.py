"""Abstract frameworks in the ICCMA competition formats, and ICCMA output.

Input formats:

``apx`` (ASPARTIX)
    ``arg(a).`` declares an argument, ``att(a,b).`` says a attacks b; ``%``
    starts a comment to the end of the line; statements may share a line.
``tgf`` (Trivial Graph Format)
    one argument per line (anything after the name is a label and ignored),
    a line ``#``, then one attack ``a b`` per line.
``i23`` (ICCMA 2023, usually ``*.af``)
    a header ``p af N`` naming arguments ``1``..``N``, then one attack
    ``a b`` per line; lines starting with ``#`` are comments.

Output: an extension as ``[a,b]``, a list of them as ``[[a,b],[c]]``.

Bad input raises :class:`FrameworkFormatError` carrying diagnostics with file,
line and column (never a traceback from the parser itself).
"""

from __future__ import annotations

import bisect
import os
import re
from typing import Hashable, Iterable

from .diagnostics import ERROR, Diagnostic, MapError
from .semantics.framework import Framework

FORMATS = ("apx", "tgf", "i23")
SUFFIXES = {".apx": "apx", ".tgf": "tgf", ".af": "i23", ".i23": "i23"}
MAX_ERRORS = 20


class FrameworkFormatError(MapError):
    """A framework file could not be read; ``diagnostics`` say where and why."""


class _Errors:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.items: list[Diagnostic] = []
        self._starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def at(self, offset: int, message: str) -> None:
        line = bisect.bisect_right(self._starts, offset)
        col = offset - self._starts[line - 1] + 1
        self.line(line, col, message)

    def line(self, line: int, col: int, message: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(Diagnostic(ERROR, message, self.file, line, col))
        elif len(self.items) == MAX_ERRORS:
            self.items.append(Diagnostic(ERROR, "too many errors; giving up", self.file,
                                         line, col))

    def raise_if_any(self) -> None:
        if self.items:
            raise FrameworkFormatError(self.items)


# ---------------------------------------------------------------------------
# apx
# ---------------------------------------------------------------------------

_APX_SKIP = re.compile(r"(?:\s+|%[^\n]*)*")
_APX_STMT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(([^()\n%]*)\)")
_APX_DOT = re.compile(r"[ \t]*\.")
_NAME_OK = re.compile(r"[^\s(),%]+")


def parse_apx(text: str, file: str = "") -> Framework:
    errors = _Errors(file, text)
    args: dict[str, int] = {}
    atts: list[tuple[str, int, str, int]] = []
    pos, n = 0, len(text)
    while True:
        pos = _APX_SKIP.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= n:
            break
        m = _APX_STMT.match(text, pos)
        if m is None:
            errors.at(pos, "expected 'arg(NAME).' or 'att(NAME,NAME).'")
            nl = text.find("\n", pos)
            pos = n if nl < 0 else nl + 1
            continue
        kw, inner = m.group(1), m.group(2)
        dot = _APX_DOT.match(text, m.end())
        if dot is None:
            errors.at(m.end(), f"missing '.' after '{m.group(0)}'")
            pos = m.end()
        else:
            pos = dot.end()
        names: list[tuple[str, int]] = []
        offset = m.start(2)
        for part in inner.split(","):
            stripped = part.strip()
            where = offset + (len(part) - len(part.lstrip()))
            names.append((stripped, where))
            offset += len(part) + 1
        if kw not in ("arg", "att"):
            errors.at(m.start(1), f"unknown statement '{kw}'; expected 'arg' or 'att'")
            continue
        want = 1 if kw == "arg" else 2
        if len(names) != want:
            errors.at(m.start(2), f"'{kw}' takes {want} argument name{'s' if want > 1 else ''}, "
                      f"not {len(names)}")
            continue
        bad = [(s, w) for s, w in names if not _NAME_OK.fullmatch(s)]
        if bad:
            s, w = bad[0]
            errors.at(w, f"bad argument name '{s}'" if s else "empty argument name")
            continue
        if kw == "arg":
            args.setdefault(names[0][0], names[0][1])
        else:
            atts.append((names[0][0], names[0][1], names[1][0], names[1][1]))
    for a, wa, b, wb in atts:
        for name, where in ((a, wa), (b, wb)):
            if name not in args:
                errors.at(where, f"argument '{name}' is not declared (add 'arg({name}).')")
    errors.raise_if_any()
    return Framework(args, ((a, b) for a, _, b, _ in atts))


# ---------------------------------------------------------------------------
# tgf
# ---------------------------------------------------------------------------

def _tokens(line: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start() + 1) for m in re.finditer(r"\S+", line)]


_APX_STATEMENT = re.compile(r"\s*(arg|att)\s*\(.*\)\s*\.\s*$")


def parse_tgf(text: str, file: str = "") -> Framework:
    errors = _Errors(file, text)
    lines = text.splitlines()
    hash_line = next((i for i, ln in enumerate(lines) if ln.strip() == "#"), None)
    args: list[str] = []
    known: set[str] = set()
    atts: list[tuple[str, str]] = []
    for i, ln in enumerate(lines):
        toks = _tokens(ln)
        if not toks or i == hash_line:
            continue
        if _APX_STATEMENT.match(ln):
            errors.line(i + 1, toks[0][1], "this is an APX statement, not TGF: name the file "
                        ".apx or give --format apx")
            errors.raise_if_any()
        if hash_line is None or i < hash_line:
            if hash_line is None and len(toks) > 1:
                errors.line(i + 1, toks[1][1], "two names on one line but no '#' line: "
                            "put a line with only '#' between arguments and attacks")
                continue
            if toks[0][0] not in known:
                known.add(toks[0][0])
                args.append(toks[0][0])
            continue
        if len(toks) < 2:
            errors.line(i + 1, toks[0][1] + len(toks[0][0]),
                        "an attack needs two argument names: 'a b'")
            continue
        ok = True
        for name, col in toks[:2]:
            if name not in known:
                errors.line(i + 1, col, f"unknown argument '{name}' (list it before the '#' line)")
                ok = False
        if ok:
            atts.append((toks[0][0], toks[1][0]))
    errors.raise_if_any()
    return Framework(args, atts)


# ---------------------------------------------------------------------------
# ICCMA 2023
# ---------------------------------------------------------------------------

#: frameworks beyond this many arguments are refused (ICCMA's largest have ~10^5;
#: 10^7 took a minute and 1.3 GB for the grounded labelling alone)
MAX_ARGUMENTS = 1_000_000


def parse_i23(text: str, file: str = "") -> Framework:
    errors = _Errors(file, text)
    n: int | None = None
    atts: list[tuple[int, int]] = []
    for i, ln in enumerate(text.splitlines()):
        toks = _tokens(ln)
        if not toks or toks[0][0].startswith("#"):
            continue
        if n is None:
            if len(toks) != 3 or toks[0][0] != "p" or toks[1][0] != "af" \
                    or not toks[2][0].isdigit():
                errors.line(i + 1, toks[0][1], "expected the header 'p af N' "
                            "(N: the number of arguments)")
                errors.raise_if_any()
            n = int(toks[2][0])
            if n > MAX_ARGUMENTS:
                errors.line(i + 1, toks[2][1], f"p af {n}: more than the {MAX_ARGUMENTS:,} "
                            "arguments argmap evaluates")
                errors.raise_if_any()
            continue
        if len(toks) != 2:
            errors.line(i + 1, toks[0][1], f"expected an attack 'a b', got {len(toks)} "
                        f"field{'s' if len(toks) != 1 else ''}")
            continue
        pair = []
        for tok, col in toks:
            if not tok.isdigit() or not 1 <= int(tok) <= n:
                errors.line(i + 1, col, f"'{tok}' is not an argument: expected a number "
                            f"from 1 to {n}")
            else:
                pair.append(int(tok) - 1)
        if len(pair) == 2:
            atts.append((pair[0], pair[1]))
    if n is None:
        errors.line(1, 1, "missing the header 'p af N'")
    errors.raise_if_any()
    assert n is not None
    return Framework.from_indices(n, atts, [str(k) for k in range(1, n + 1)])


# ---------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------

_PARSERS = {"apx": parse_apx, "tgf": parse_tgf, "i23": parse_i23}


def detect_format(path: str, text: str = "") -> str | None:
    """``apx``, ``tgf`` or ``i23`` from the file name, else from the content."""
    fmt = SUFFIXES.get(os.path.splitext(path)[1].lower())
    if fmt:
        return fmt
    for ln in text.splitlines():
        s = ln.strip()
        if not s or s.startswith("%"):
            continue
        if s.startswith("#") and s != "#":
            continue
        if re.match(r"p\s+af\b", s):
            return "i23"
        if re.match(r"(arg|att)\s*\(", s):
            return "apx"
        return "tgf"
    return None


def parse(text: str, fmt: str, file: str = "") -> Framework:
    if fmt not in _PARSERS:
        raise ValueError(f"unknown framework format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _PARSERS[fmt](text, file)


def read_framework(path: str, fmt: str | None = None) -> Framework:
    """Read a framework file; raises FrameworkFormatError (I/O problems too)."""
    if os.path.isdir(path):
        raise FrameworkFormatError([Diagnostic(ERROR, "is a folder, not a framework file",
                                               path)])
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise FrameworkFormatError([Diagnostic(ERROR, f"cannot read file: {exc.strerror or exc}",
                                               path)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start]
        line = prefix.count(b"\n") + 1
        col = exc.start - (prefix.rfind(b"\n") + 1) + 1
        raise FrameworkFormatError([Diagnostic(ERROR, "not UTF-8 text", path, line, col)]) from None
    fmt = fmt or detect_format(path, text) or "apx"
    return parse(text, fmt, path)


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------

def format_extension(ext: Iterable[Hashable]) -> str:
    """``[a,b]``"""
    return "[" + ",".join(str(a) for a in ext) + "]"


def format_extensions(exts: Iterable[Iterable[Hashable]]) -> str:
    """``[[a,b],[c]]``; ``[]`` when there is none."""
    return "[" + ",".join(format_extension(e) for e in exts) + "]"


def to_apx(af: Framework) -> str:
    """The framework as apx text (names must be valid apx names)."""
    lines = [f"arg({a})." for a in af.names]
    lines += [f"att({a},{b})." for a, b in af.attacks]
    return "\n".join(lines) + "\n"
