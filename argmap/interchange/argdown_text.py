"""Argdown inline text: escapes, ``{...}`` metadata, tags, links, comments.

Helpers of :mod:`argdown_parse`, modelled on what Argdown's lexer does: an
escaped character is plain text, a ``{...}`` block is YAML metadata, ``#tag``
and ``#(long tag)`` are tags, ``[text](url)`` is a link, ``.^.``-style
shortcodes are logical symbols, and ``//``, ``/* */``, ``<!-- -->`` are
comments, except inside metadata, links or after a backslash.

A run without white space between two dots or two colons (``.org/a_b.``,
``:8080/x:``) is one "special character" token for Argdown: a known
shortcode becomes its symbol, anything else is kept exactly as written,
backslashes included, with no comment, tag, emphasis or metadata in it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from ._common import MAX_DATA_DEPTH, DataTooLarge, plain, short

try:
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]

_LINK_RE = re.compile(r"\[([^\]]+?)\]\(([^)\s]+?)\)")
TAG_CHARS = "A-Za-z0-9_\\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF"
_TAG_RE = re.compile(r"#(?:\(([^)]+)\)|([" + TAG_CHARS + r"]+))")
_EMPH_RE = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EMPH_SHORT_RE = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*])")
#: Argdown's "special character" token: ``.x.`` or ``:x:`` without white space
SPAN = r"\.[^\s]+?\.|:[^\s]+?:"
_COMMENT_SCAN = re.compile(r"\\.|" + SPAN + r"|<!--|/\*|//|\{|\[[^\]\n]+?\]\([^)\n]+?\)",
                           re.DOTALL)
_DATA_TOK = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'|[{}]|[^\"'{}]+|[\"']")
#: Argdown's shortcodes for logical symbols (and a few emoji); ``.x.`` or ``:x:``
_SYMBOLS = {"A": "∀", "E": "∃", "->": "→", "<->": "↔", "~": "¬", "^": "∧", "v": "∨",
            "<>": "◇", "[]": "◻", "heart": "❤", "happy": "😀", "smile": "☺", "smiley": "☺",
            "laugh": "😆", "lol": "😆", "rofl": "🤣", "joy": "😂", "love": "😍", "wink": "😉",
            "shush": "🤫", "meh": "😐", "eyes": "🙄", "sad": "😢", "disappointed": "😞",
            "scream": "😱", "+1": "👍", "up": "👍", "-1": "👎", "down": "👎", "think": "🤔"}
SHORTCODES = {f"{d}{k}{d}": v for k, v in _SYMBOLS.items() for d in ".:"}
_BY_LENGTH = sorted(SHORTCODES, key=len, reverse=True)
SHORTCODE_RE = re.compile("|".join(re.escape(k) for k in _BY_LENGTH))
_PROTECT = 0xF0000   # escaped characters live here while a text is processed
_LINK_MARK = 0xE000  # links are kept out of the way of tags and emphasis
_PROTECTED = re.compile("[\U000F0000-\U000FFFFD]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DataEnds:
    """Ends of the ``{...}`` metadata blocks of one text.

    ``ends(i)`` is the end of the block starting at ``text[i] == "{"``, or -1
    if it is not closed.  Every block met on the way is remembered, so that
    asking for each of thousands of unclosed ``{`` reads the text once, not
    once per brace.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[int, int] = {}

    def __call__(self, start: int) -> int:
        known, text = self.known, self.text
        if start in known:
            return known[start]
        opened: list[int] = []
        pos, n = start, len(text)
        while pos < n:
            m = _DATA_TOK.match(text, pos)
            assert m is not None
            tok = m.group()
            if tok[0] in "\"'" and len(tok) > 1:
                if _before(text, pos) not in ("{", "[", ",", ":"):
                    pos += 1  # an apostrophe inside a plain scalar
                    continue
            elif tok == "{":
                end = known.get(pos) if pos != start else None
                if end is not None and end < 0:
                    break  # a block inside is not closed, so this one is not either
                if end is not None:
                    pos = end
                    continue
                opened.append(pos)
            elif tok == "}":
                known[opened.pop()] = m.end()
                if not opened:
                    return m.end()
            pos = m.end()
        for p in opened:
            known[p] = -1
        known[start] = -1
        return -1


def _before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space."""
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def data_end(text: str, start: int) -> int:
    """End of the ``{...}`` metadata block starting at ``start``, or -1."""
    return DataEnds(text)(start)


_NESTING = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}]')


def _nesting(text: str, start: int, end: int) -> int:
    """How deep brackets and braces nest in ``text[start:end]`` (strings skipped)."""
    depth = deepest = 0
    for m in _NESTING.finditer(text, start, end):
        ch = m.group()
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_data(src: str) -> dict[str, Any] | None:
    """``{key: value}`` metadata (YAML flow mapping); None if it is not one."""
    try:
        value = json.loads(src)
    except (ValueError, RecursionError):
        try:
            value = yaml.load(src, Loader=YamlLoader)
        except (yaml.YAMLError, RecursionError):
            return None
    return plain(value) if isinstance(value, dict) else None  # type: ignore[return-value]


def strip_comments(text: str) -> tuple[str, set[int]]:
    """Comments (``//``, ``/* */``, ``<!-- -->``) out; lines they touched (0-based).

    Escaped characters, ``{...}`` metadata and ``[text](url)`` links are left
    alone, as Argdown's lexer does.
    """
    if "//" not in text and "/*" not in text and "<!--" not in text:
        return text, set()
    out: list[str] = []
    touched: set[int] = set()
    ends = DataEnds(text)
    pos = last = 0
    while True:
        m = _COMMENT_SCAN.search(text, pos)
        if m is None:
            break
        tok = m.group()
        if tok == "{":
            end = ends(m.start())
            pos = end if end > 0 else m.end()
            continue
        if tok[0] in "\\[.:":
            pos = m.end()
            continue
        if tok == "//":
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
        else:
            close = "-->" if tok == "<!--" else "*/"
            end = text.find(close, m.end())
            if end < 0:  # not closed: Argdown does not read it as a comment
                pos = m.end()
                continue
            end += len(close)
        first = text.count("\n", 0, m.start())
        span = text[m.start():end]
        nl = span.count("\n")
        touched.update(range(first, first + nl + 1))
        out.append(text[last:m.start()])
        out.append("\n" * nl)
        pos = last = end
    out.append(text[last:])
    return "".join(out), touched


def _protect_text(text: str) -> str:
    return "".join(chr(_PROTECT + ord(ch)) if ord(ch) < 0xFFFE else ch for ch in text)


#: what Argdown's lexer reads as one token before tags, emphasis and metadata
#: are looked for: an escaped character, a link, a tag, a mention, a special
#: character run
_LITERAL_SCAN = re.compile(r"\\(.)|\[[^\]]+?\]\([^)]+?\)|#\([^)]+\)|@\[[^\]]+\]|@<[^>]+>|("
                           + SPAN + ")", re.DOTALL)


def _literal(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return _protect_text(m.group(1))
    span = m.group(2)
    if span is None:
        return m.group()
    symbol = SHORTCODES.get(span)
    return _protect_text(symbol if symbol is not None else span)


def _restore(text: str, links: list[str]) -> str:
    if links:
        text = re.sub("[\uE000-\uF8FF]",
                      lambda m: links[ord(m.group()) - _LINK_MARK]
                      if ord(m.group()) - _LINK_MARK < len(links) else m.group(), text)
    if _PROTECTED.search(text):
        text = _PROTECTED.sub(lambda m: chr(ord(m.group()) - _PROTECT), text)
    return text


_DATA_OR_ESC = re.compile(r"\\.|" + SPAN + r"|\{", re.DOTALL)


def _take_data(raw: str, data: dict[str, Any], problems: list[str]) -> str:
    """Move ``{...}`` metadata blocks (not escaped ones) from ``raw`` into ``data``."""
    parts: list[str] = []
    ends = DataEnds(raw)
    pos = last = 0
    while True:
        m = _DATA_OR_ESC.search(raw, pos)
        if m is None:
            break
        if m.group() != "{":
            pos = m.end()
            continue
        i = m.start()
        end = ends(i)
        value: Any = None
        if end > 0 and _nesting(raw, i, end) > MAX_DATA_DEPTH:
            problems.append(f"metadata {short(raw[i:end], 60)!r} is nested more than "
                            f"{MAX_DATA_DEPTH} levels deep; kept as text")
            pos = end  # and not each block inside it again
            continue
        if end > 0:
            try:
                value = parse_data(raw[i:end])
            except DataTooLarge as exc:
                problems.append(f"metadata {short(raw[i:end], 60)!r} is too large ({exc}); "
                                "kept as text")
                pos = end
                continue
        if isinstance(value, dict):
            data.update(value)
            parts.append(raw[last:i])
            pos = last = end
        else:
            if end > 0:
                problems.append(f"metadata {short(raw[i:end], 60)!r} is not a key: value "
                                "mapping; kept as text")
            pos = i + 1
    if not parts:
        return raw
    parts.append(raw[last:])
    return " ".join(p.strip() for p in parts if p.strip())


def inline(raw: str) -> tuple[str, list[str], dict[str, Any], list[str]]:
    """Statement content -> (text, tags, metadata, problems).

    Escapes are honoured, ``{...}`` metadata taken out, tags collected
    (trailing tags leave the text, tags inside a sentence stay as words),
    bold/italic markers dropped, white space normalised; links and mentions
    stay as written.
    """
    problems: list[str] = []
    data: dict[str, Any] = {}
    s = _take_data(raw, data, problems) if "{" in raw else raw
    if "\\" in s or "." in s or ":" in s:
        s = _LITERAL_SCAN.sub(_literal, s)
    links: list[str] = []
    if "](" in s:
        def keep_link(m: re.Match[str]) -> str:
            links.append(m.group())
            return chr(_LINK_MARK + len(links) - 1)
        s = _LINK_RE.sub(keep_link, s)
    tags: list[str] = []
    if "#" in s:
        matches = list(_TAG_RE.finditer(s))
        for m in matches:
            tag = _restore((m.group(1) or m.group(2)).strip(), links)
            if tag:
                tags.append(tag)
        tags = list(dict.fromkeys(tags))
        cut = len(s.rstrip())
        for m in reversed(matches):
            if m.end() != cut:
                break
            cut = m.start()
            while cut > 0 and s[cut - 1].isspace():
                cut -= 1
        s = _TAG_RE.sub(lambda m: (m.group(1) or m.group(2)).strip(), s[:cut])
    if "*" in s or "_" in s:
        # with many markers an unclosed one would make each search read to the end
        emph = _EMPH_RE if s.count("*") + s.count("_") <= 200 else _EMPH_SHORT_RE
        for _ in range(2):
            s = emph.sub(r"\2", s)
    s = " ".join(s.split())
    return _restore(s, links), tags, data, problems
