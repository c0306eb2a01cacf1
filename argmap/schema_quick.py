"""A quick check of the many small entries of a big map against the schema.

A map of 100,000 claims has 100,000 claim entries and as many relations, each
a small mapping of texts and ids.  :func:`quick_valid` checks them with plain
Python tests compiled once from the same schema file (``resources/``), so the
schema stays the one description of the format; only the keywords those
entries use are understood (``type``, ``enum``, ``const``, ``pattern``,
``minLength``, ``maxLength``, ``minimum``, ``maximum``, ``items``,
``minItems``, ``maxItems``, ``properties``, ``additionalProperties``,
``required``, ``propertyNames``, ``oneOf``, ``$ref``).  A part of the schema
that uses any other keyword is not compiled, and the compiled validator
(:func:`argmap.schema.fast_valid`) checks the whole map instead.

What the quick check passes, the full schema passes (tests/test_schema_quick.py
holds that on generated entries); the rest of the map — its header, sources
and anything the quick check does not pass — goes to the compiled validator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

Check = Callable[[Any], bool]

#: keywords that say nothing about the value
_NOTES = {"description", "title", "$comment", "examples", "default"}


class _Unknown(Exception):
    """A schema keyword this module does not compile."""


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _compile(sub: dict[str, Any], defs: dict[str, Any]) -> Check:
    keys = set(sub) - _NOTES
    if "$ref" in keys:
        if keys != {"$ref"} or not sub["$ref"].startswith("#/$defs/"):
            raise _Unknown(sub["$ref"])
        return _compile(defs[sub["$ref"][len("#/$defs/"):]], defs)
    if "oneOf" in keys:
        if keys != {"oneOf"}:
            raise _Unknown("oneOf with more")
        branches = [_compile(b, defs) for b in sub["oneOf"]]

        def one_of(v: Any) -> bool:
            passed = 0
            for b in branches:
                if b(v):
                    passed += 1
            return passed == 1
        return one_of
    if "enum" in keys or "const" in keys:
        if len(keys) != 1:
            raise _Unknown("enum with more")
        allowed = sub["enum"] if "enum" in keys else [sub["const"]]
        # JSON Schema compares 1 and True as different values; Python does not
        typed = [(type(a), a) for a in allowed]
        return lambda v: any(type(v) is t and v == a for t, a in typed)
    kind = sub.get("type")
    keys.discard("type")
    if kind == "string":
        return _string(sub, keys)
    if kind == "number":
        return _numeric(sub, keys)
    if kind == "array":
        return _array(sub, keys, defs)
    if kind == "object":
        return _object(sub, keys, defs)
    raise _Unknown(f"type {kind}")


def _string(sub: dict[str, Any], keys: set[str]) -> Check:
    if keys - {"minLength", "maxLength", "pattern"}:
        raise _Unknown(str(keys))
    low = sub.get("minLength", 0)
    high = sub.get("maxLength")
    # JSON Schema's patterns search, as re.search does; a closing '$' is read as the
    # end of the text (Python's '$' also matches before a last newline)
    pattern = sub.get("pattern")
    if pattern is not None and pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    rx = re.compile(pattern).search if pattern is not None else None

    def check(v: Any) -> bool:
        if not isinstance(v, str) or len(v) < low:
            return False
        if high is not None and len(v) > high:
            return False
        return rx is None or rx(v) is not None
    return check


def _numeric(sub: dict[str, Any], keys: set[str]) -> Check:
    if keys - {"minimum", "maximum"}:
        raise _Unknown(str(keys))
    low, high = sub.get("minimum"), sub.get("maximum")

    def check(v: Any) -> bool:
        if not _number(v):
            return False
        if low is not None and not v >= low:
            return False
        return high is None or v <= high
    return check


def _array(sub: dict[str, Any], keys: set[str], defs: dict[str, Any]) -> Check:
    if keys - {"items", "minItems", "maxItems"}:
        raise _Unknown(str(keys))
    item = _compile(sub["items"], defs) if "items" in sub else None
    low, high = sub.get("minItems", 0), sub.get("maxItems")

    def check(v: Any) -> bool:
        if not isinstance(v, list) or len(v) < low:
            return False
        if high is not None and len(v) > high:
            return False
        return item is None or all(item(x) for x in v)
    return check


def _object(sub: dict[str, Any], keys: set[str], defs: dict[str, Any]) -> Check:
    if keys - {"properties", "additionalProperties", "required", "propertyNames"}:
        raise _Unknown(str(keys))
    props = {k: _compile(s, defs) for k, s in sub.get("properties", {}).items()}
    extra_schema = sub.get("additionalProperties", True)
    extra: Check | None
    if extra_schema is False:
        extra = None
    elif extra_schema is True:
        extra = lambda v: True    # noqa: E731
    else:
        extra = _compile(extra_schema, defs)
    required = tuple(sub.get("required", ()))
    names = _compile(sub["propertyNames"], defs) if "propertyNames" in sub else None

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return False
        for r in required:
            if r not in v:
                return False
        for k, x in v.items():
            if names is not None and not names(k):
                return False
            test = props.get(k, extra)
            if test is None or not test(x):
                return False
        return True
    return check


@lru_cache(maxsize=1)
def _entry_checks() -> tuple[Check, Check, Check] | None:
    """(claim id, claim entry, relation entry) checks, or None when the schema uses
    keywords not understood here."""
    from .schema import schema

    s = schema()
    defs = s.get("$defs", {})
    props = s.get("properties", {})
    try:
        claims, relations = props["claims"], props["relations"]
        if set(claims) - _NOTES != {"type", "propertyNames", "additionalProperties"} \
                or set(relations) - _NOTES != {"type", "items"}:
            return None
        return (_compile(claims["propertyNames"], defs),
                _compile(claims["additionalProperties"], defs),
                _compile(relations["items"], defs))
    except (_Unknown, KeyError, TypeError, re.error):
        return None


def split_entries(data: dict[str, Any]) -> tuple[dict[str, Any], list[int]] | None:
    """``data`` with the claims and relations that pass the quick check left out —
    what the full validator must still see — and, for each relation kept, its
    index in ``data`` (None when the quick check cannot be used on this schema or
    on this data)."""
    checks = _entry_checks()
    claims, relations = data.get("claims"), data.get("relations")
    if checks is None or not isinstance(claims, dict) or not isinstance(relations, list):
        return None
    cid_ok, claim_ok, relation_ok = checks
    rest = dict(data)
    rest["claims"] = {k: c for k, c in claims.items() if not (cid_ok(k) and claim_ok(c))}
    kept = [i for i, r in enumerate(relations) if not relation_ok(r)]
    rest["relations"] = [relations[i] for i in kept]
    return rest, kept
